// Routes of the desktop oversight pages (履职进度, 走访地图, 任务列表, 宣传任务, 人员请假), mounted inside the desktop shell.
import { Navigate, type RouteObject } from 'react-router';
import { lazyPage } from '../../../lib/lazyPage.ts';

export const desktopTaskRoutes: RouteObject[] = [
  { path: 'tasks', element: <Navigate to="/tasks/progress" replace /> },
  { path: 'tasks/progress', lazy: lazyPage(() => import('./ProgressPage.tsx'), 'ProgressPage') },
  { path: 'tasks/map', lazy: lazyPage(() => import('./TaskMapPage.tsx'), 'TaskMapPage') },
  { path: 'tasks/list', lazy: lazyPage(() => import('./TaskListPage.tsx'), 'TaskListPage') },
  { path: 'tasks/campaigns', lazy: lazyPage(() => import('./CampaignsPage.tsx'), 'CampaignsPage') },
  { path: 'tasks/absences', lazy: lazyPage(() => import('./AbsencesPage.tsx'), 'AbsencesPage') },
];
