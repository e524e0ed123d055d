import type { Capability } from '../platform/capability.ts';
import { matterRoutes } from './routes.ts';

/** The duty catalog (事项清单) of each town, in versions. */
export const matters: Capability = {
  name: 'matters',
  routes: [matterRoutes],
};
