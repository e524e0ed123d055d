// Routes of the mobile case pages, for the app router to mount (see the lines in the handover):
// `mobileCaseRoutes` go among the children of RequireAuth, `publicMobileCaseRoutes` at the top level.
import type { RouteObject } from 'react-router';
import { ReportPage } from './mobile/ReportPage.tsx';
import { CaseListPage } from './mobile/CaseListPage.tsx';
import { CaseDetailPage } from './mobile/CaseDetailPage.tsx';
import { PublicReportPage } from './mobile/PublicReportPage.tsx';
import { TrackPage } from './mobile/TrackPage.tsx';

export { MobileCasesHome } from './mobile/MobileCasesHome.tsx';

/** Signed-in pages of grid workers and residents: 随手拍 · 上报事件, 我的上报 / 待核查, 案卷详情. */
export const mobileCaseRoutes: RouteObject[] = [
  { path: 'm/report', element: <ReportPage /> },
  { path: 'm/cases', element: <CaseListPage /> },
  { path: 'm/cases/:id', element: <CaseDetailPage /> },
];

/** Pages without a login: anonymous 随手拍 and tracking by case number + phone. */
export const publicMobileCaseRoutes: RouteObject[] = [
  { path: '/m/public/report', element: <PublicReportPage /> },
  { path: '/m/track', element: <TrackPage /> },
];
