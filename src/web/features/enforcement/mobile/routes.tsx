// Routes of the officer's phone pages (执法 on foot), for the app router to mount among the signed-in pages.
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../../lib/lazyPage.ts';

export const mobileEnforcementRoutes: RouteObject[] = [
  { path: 'm/enforcement', lazy: lazyPage(() => import('./MyEnforcementPage.tsx'), 'MyEnforcementPage') },
  { path: 'm/enforcement/new', lazy: lazyPage(() => import('./OpenCasePage.tsx'), 'OpenCasePage') },
  { path: 'm/enforcement/:id', lazy: lazyPage(() => import('./CasePage.tsx'), 'MobileCasePage') },
];
