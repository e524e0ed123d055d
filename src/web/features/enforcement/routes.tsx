// Routes of the desktop enforcement pages (综合执法, 执法事项清单, 联合检查, 执法统计), mounted inside the desktop shell.
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazyPage.ts';

export const desktopEnforcementRoutes: RouteObject[] = [
  { path: 'enforcement/cases', lazy: lazyPage(() => import('./CaseListPage.tsx'), 'CaseListPage') },
  { path: 'enforcement/cases/new', lazy: lazyPage(() => import('./NewCasePage.tsx'), 'NewCasePage') },
  { path: 'enforcement/cases/:id', lazy: lazyPage(() => import('./CasePage.tsx'), 'CasePage') },
  { path: 'enforcement/matters', lazy: lazyPage(() => import('./MatterListPage.tsx'), 'MatterListPage') },
  { path: 'enforcement/inspections', lazy: lazyPage(() => import('./InspectionListPage.tsx'), 'InspectionListPage') },
  { path: 'enforcement/inspections/:id', lazy: lazyPage(() => import('./InspectionPage.tsx'), 'InspectionPage') },
  { path: 'enforcement/stats', lazy: lazyPage(() => import('./EnforcementStatsPage.tsx'), 'EnforcementStatsPage') },
];
