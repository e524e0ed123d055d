// Route of the resident's phone page of 志愿服务. Mounted among the signed-in pages.
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../../lib/lazyPage.ts';

export const mobileVolunteerRoutes: RouteObject[] = [
  { path: 'm/volunteers', lazy: lazyPage(() => import('./VolunteersPage.tsx'), 'VolunteersPage') },
];
