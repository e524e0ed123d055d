// Routes of the phone registry look-up, for the app router to mount among the signed-in pages (beside the mobile case
// pages): 台账查询, 一户一档 and 楼栋图 of grid workers.
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../../lib/lazyPage.ts';

export const mobileRegistryRoutes: RouteObject[] = [
  { path: 'm/registry', lazy: lazyPage(() => import('./RegistrySearchPage.tsx'), 'RegistrySearchPage') },
  { path: 'm/registry/households/:id', lazy: lazyPage(() => import('./HouseholdPage.tsx'), 'HouseholdPage') },
  { path: 'm/registry/buildings/:id', lazy: lazyPage(() => import('./BuildingPage.tsx'), 'BuildingPage') },
];
