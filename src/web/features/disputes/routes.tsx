// Routes of the desktop dispute pages (矛盾纠纷, 大排查, 纠纷统计, 纠纷类别), mounted inside the desktop shell.
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazyPage.ts';

export const desktopDisputeRoutes: RouteObject[] = [
  { path: 'disputes', lazy: lazyPage(() => import('./DisputeListPage.tsx'), 'DisputeListPage') },
  { path: 'disputes/new', lazy: lazyPage(() => import('./NewDisputePage.tsx'), 'NewDisputePage') },
  { path: 'disputes/sweeps', lazy: lazyPage(() => import('./SweepsPage.tsx'), 'SweepsPage') },
  { path: 'disputes/sweeps/:id', lazy: lazyPage(() => import('./SweepPage.tsx'), 'SweepPage') },
  { path: 'disputes/stats', lazy: lazyPage(() => import('./DisputeStatsPage.tsx'), 'DisputeStatsPage') },
  { path: 'disputes/classes', lazy: lazyPage(() => import('./ClassCatalogPage.tsx'), 'ClassCatalogPage') },
  { path: 'disputes/:id', lazy: lazyPage(() => import('./DisputePage.tsx'), 'DisputePage') },
];
