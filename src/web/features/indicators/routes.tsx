// Routes of the 体征指标 page, mounted inside the desktop shell.
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazyPage.ts';

export const desktopIndicatorRoutes: RouteObject[] = [
  { path: 'indicators', lazy: lazyPage(() => import('./IndicatorsPage.tsx'), 'IndicatorsPage') },
];
