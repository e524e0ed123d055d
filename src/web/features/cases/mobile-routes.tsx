// Routes of the mobile case pages, for the app router to mount (see the lines in the handover):
// `mobileCaseRoutes` go among the children of RequireAuth, `publicMobileCaseRoutes` at the top level.
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazyPage.ts';

/** Signed-in pages of grid workers and residents: 随手拍 · 上报事件, 我的上报 / 待核查, 案卷详情, the grid worker's 网格地图. */
export const mobileCaseRoutes: RouteObject[] = [
  { path: 'm/report', lazy: lazyPage(() => import('./mobile/ReportPage.tsx'), 'ReportPage') },
  { path: 'm/cases', lazy: lazyPage(() => import('./mobile/CaseListPage.tsx'), 'CaseListPage') },
  { path: 'm/cases/:id', lazy: lazyPage(() => import('./mobile/CaseDetailPage.tsx'), 'CaseDetailPage') },
  { path: 'm/map', lazy: lazyPage(() => import('./mobile/GridMapPage.tsx'), 'GridMapPage') },
];

/** Pages without a login: anonymous 随手拍 and tracking by case number + phone. */
export const publicMobileCaseRoutes: RouteObject[] = [
  { path: '/m/public/report', lazy: lazyPage(() => import('./mobile/PublicReportPage.tsx'), 'PublicReportPage') },
  { path: '/m/track', lazy: lazyPage(() => import('./mobile/TrackPage.tsx'), 'TrackPage') },
];
