// Routes of the duty catalog pages, mounted inside the desktop shell: the three lists, the admissions, the standing duties.
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazyPage.ts';

export const desktopDutyRoutes: RouteObject[] = [
  { path: 'duties/catalog', lazy: lazyPage(() => import('./DutyCatalogPage.tsx'), 'DutyCatalogPage') },
  { path: 'duties/admissions', lazy: lazyPage(() => import('./AdmissionsPage.tsx'), 'AdmissionsPage') },
  { path: 'duties/standing', lazy: lazyPage(() => import('./StandingDutiesPage.tsx'), 'StandingDutiesPage') },
];
