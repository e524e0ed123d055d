// Routes of the desktop incident pages (事件处置), mounted inside the desktop shell.
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../../lib/lazyPage.ts';

export const desktopIncidentRoutes: RouteObject[] = [
  { path: 'incidents', lazy: lazyPage(() => import('./IncidentListPage.tsx'), 'IncidentListPage') },
  { path: 'incidents/:id', lazy: lazyPage(() => import('./IncidentPage.tsx'), 'IncidentPage') },
  { path: 'incidents/:id/review', lazy: lazyPage(() => import('./ReviewPage.tsx'), 'ReviewPage') },
];
