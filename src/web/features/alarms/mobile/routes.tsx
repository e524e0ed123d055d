// Routes of the grid worker's alarm pages on the phone, for the app router to mount among the signed-in pages.
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../../lib/lazyPage.ts';

export const mobileAlarmRoutes: RouteObject[] = [
  { path: 'm/alarms', lazy: lazyPage(() => import('./AlarmListPage.tsx'), 'AlarmListPage') },
  { path: 'm/alarms/:id', lazy: lazyPage(() => import('./AlarmDetailPage.tsx'), 'AlarmDetailPage') },
];
