// The leaders' phone screen (指挥一览).
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../../lib/lazyPage.ts';

export const mobileScreenRoutes: RouteObject[] = [
  { path: 'm/screen', lazy: lazyPage(() => import('./ScreenMobilePage.tsx'), 'ScreenMobilePage') },
];
