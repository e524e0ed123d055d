// Routes of the resident's phone pages of 微积分: 我的积分 and 积分超市. Mounted among the signed-in pages.
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../../lib/lazyPage.ts';

export const mobilePointsRoutes: RouteObject[] = [
  { path: 'm/points', lazy: lazyPage(() => import('./MyPointsPage.tsx'), 'MyPointsPage') },
  { path: 'm/points/shop', lazy: lazyPage(() => import('./ShopPage.tsx'), 'ShopPage') },
];
