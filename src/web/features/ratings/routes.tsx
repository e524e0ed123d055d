// Routes of the ratings pages: 三级五星评价 and 反向评价 inside the desktop shell, the grid worker's 我的星级 on the phone.
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazyPage.ts';

export const desktopRatingRoutes: RouteObject[] = [
  { path: 'ratings', lazy: lazyPage(() => import('./RatingsPage.tsx'), 'RatingsPage') },
  { path: 'ratings/departments', lazy: lazyPage(() => import('./DepartmentsPage.tsx'), 'DepartmentsPage') },
];

export const mobileRatingRoutes: RouteObject[] = [
  { path: 'm/ratings', lazy: lazyPage(() => import('./mobile/MyRatingsPage.tsx'), 'MyRatingsPage') },
];
