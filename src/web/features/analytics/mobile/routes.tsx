// Routes of the community staff's phone pages of the 15-minute circle's projects. Mounted among the signed-in pages.
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../../lib/lazyPage.ts';

export const mobileAnalyticsRoutes: RouteObject[] = [
  { path: 'm/projects', lazy: lazyPage(() => import('./ProjectsMobile.tsx'), 'ProjectsMobile') },
  { path: 'm/projects/:id', lazy: lazyPage(() => import('./ProjectsMobile.tsx'), 'ProjectMobile') },
];
