// Routes of the desktop case pages, mounted inside the desktop shell.
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../../lib/lazyPage.ts';

export const desktopCaseRoutes: RouteObject[] = [
  { path: 'cases/overview', lazy: lazyPage(() => import('./OverviewPage.tsx'), 'OverviewPage') },
  { path: 'cases/grid', lazy: lazyPage(() => import('./GridPage.tsx'), 'GridPage') },
  { path: 'cases/workbench', lazy: lazyPage(() => import('./WorkbenchPage.tsx'), 'WorkbenchPage') },
  { path: 'cases/inbox', lazy: lazyPage(() => import('./InboxPage.tsx'), 'InboxPage') },
  { path: 'cases/intake', lazy: lazyPage(() => import('./IntakePage.tsx'), 'IntakePage') },
];
