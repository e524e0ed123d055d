import type { Capability } from '../platform/capability.ts';
import { screenRoutes } from './screen-routes.ts';

/** The command screen (一屏统揽, issue 17): everything the wall screen and the leaders' phones show first. */
export const screen: Capability = {
  name: 'screen',
  routes: [screenRoutes],
};
