// Routes of the step holder's phone page, for the app router to mount among the signed-in pages.
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../../lib/lazyPage.ts';

export const mobileIncidentRoutes: RouteObject[] = [
  { path: 'm/incidents', lazy: lazyPage(() => import('./MyStepsPage.tsx'), 'MyStepsPage') },
];
