// Routes of the desktop plan pages (预案管理), mounted inside the desktop shell.
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazyPage.ts';

export const desktopPlanRoutes: RouteObject[] = [
  { path: 'plans', lazy: lazyPage(() => import('./PlanListPage.tsx'), 'PlanListPage') },
  { path: 'plans/:id', lazy: lazyPage(() => import('./PlanEditorPage.tsx'), 'PlanEditorPage') },
];
