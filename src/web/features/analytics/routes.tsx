// Routes of 高频诉求 and the 15-minute circle's projects, mounted inside the desktop shell.
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazyPage.ts';

export const desktopAnalyticsRoutes: RouteObject[] = [
  { path: 'analytics/hotspots', lazy: lazyPage(() => import('./HotspotsPage.tsx'), 'HotspotsPage') },
  { path: 'analytics/projects', lazy: lazyPage(() => import('./ProjectsPage.tsx'), 'ProjectsPage') },
];
