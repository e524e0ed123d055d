// Routes of the desktop registry pages, mounted inside the desktop shell: the lists (one per kind), the household
// file, the building view, the place and thing pages, and the import page.
import { Navigate, type RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazyPage.ts';

export const desktopRegistryRoutes: RouteObject[] = [
  { path: 'registry', element: <Navigate to="/registry/residents" replace /> },
  { path: 'registry/import', lazy: lazyPage(() => import('./ImportPage.tsx'), 'ImportPage') },
  { path: 'registry/households/:id', lazy: lazyPage(() => import('./HouseholdPage.tsx'), 'HouseholdPage') },
  { path: 'registry/buildings/:id', lazy: lazyPage(() => import('./BuildingPage.tsx'), 'BuildingPage') },
  { path: 'registry/places/:id', lazy: lazyPage(() => import('./DetailPages.tsx'), 'PlacePage') },
  { path: 'registry/things/:id', lazy: lazyPage(() => import('./DetailPages.tsx'), 'ThingPage') },
  { path: 'registry/:kind', lazy: lazyPage(() => import('./RegistryPage.tsx'), 'RegistryPage') },
];
