// Routes of the staff's points pages (积分细则, 积分账户, 积分评定, 积分超市, 红黑榜, 对账), mounted inside the desktop
// shell, and the grid worker's 组互评 on the phone.
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazyPage.ts';

export const desktopPointsRoutes: RouteObject[] = [
  { path: 'points/rules', lazy: lazyPage(() => import('./RulesPage.tsx'), 'RulesPage') },
  { path: 'points/accounts', lazy: lazyPage(() => import('./AccountsPage.tsx'), 'AccountsPage') },
  { path: 'points/accounts/:subject', lazy: lazyPage(() => import('./AccountsPage.tsx'), 'AccountPage') },
  { path: 'points/assessments', lazy: lazyPage(() => import('./AssessmentsPage.tsx'), 'AssessmentsPage') },
  { path: 'points/supermarket', lazy: lazyPage(() => import('./SupermarketPage.tsx'), 'SupermarketPage') },
  { path: 'points/civility', lazy: lazyPage(() => import('./CivilityPage.tsx'), 'CivilityPage') },
  { path: 'points/reconciliations', lazy: lazyPage(() => import('./ReconciliationsPage.tsx'), 'ReconciliationsPage') },
];

/** the grid worker's 组互评 of their grid's self-reports (phone) */
export const mobilePeerReviewRoutes: RouteObject[] = [
  { path: 'm/points/peer-review', lazy: lazyPage(() => import('./mobile/PeerReviewPage.tsx'), 'PeerReviewPage') },
];
