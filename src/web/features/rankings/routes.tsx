// Routes of the 赛马比拼 pages: the desktop board and bulletins inside the shell, the leaders' phone board.
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazyPage.ts';

export const desktopRankingRoutes: RouteObject[] = [
  { path: 'rankings', lazy: lazyPage(() => import('./RankingsPage.tsx'), 'RankingsPage') },
];

export const mobileRankingRoutes: RouteObject[] = [
  { path: 'm/rankings', lazy: lazyPage(() => import('./mobile/RankingsMobilePage.tsx'), 'RankingsMobilePage') },
];
