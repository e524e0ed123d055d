// Routes of the phone dispute pages: a grid worker's disputes of their grid, registering one on foot, one dispute with
// 记录调解, answering a sweep; a resident's 我的纠纷 (read-only). Mounted among the signed-in pages.
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../../lib/lazyPage.ts';

export const mobileDisputeRoutes: RouteObject[] = [
  { path: 'm/disputes', lazy: lazyPage(() => import('./MyDisputesPage.tsx'), 'MyDisputesPage') },
  { path: 'm/disputes/new', lazy: lazyPage(() => import('./RegisterDisputePage.tsx'), 'RegisterDisputePage') },
  { path: 'm/disputes/sweeps', lazy: lazyPage(() => import('./MySweepsPage.tsx'), 'MySweepsPage') },
  { path: 'm/disputes/:id', lazy: lazyPage(() => import('./MobileDisputePage.tsx'), 'MobileDisputePage') },
];
