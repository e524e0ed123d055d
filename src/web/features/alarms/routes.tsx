// Routes of the desktop alarm pages (告警中心), mounted inside the desktop shell.
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazyPage.ts';

export const desktopAlarmRoutes: RouteObject[] = [
  { path: 'alarms', lazy: lazyPage(() => import('./AlarmCenterPage.tsx'), 'AlarmCenterPage') },
];
