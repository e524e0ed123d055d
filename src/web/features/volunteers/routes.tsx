// Routes of the staff's volunteer pages (志愿队伍, 志愿活动与微讲堂, 党员亮身份), mounted inside the desktop shell.
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazyPage.ts';

export const desktopVolunteerRoutes: RouteObject[] = [
  { path: 'volunteers/teams', lazy: lazyPage(() => import('./TeamsPage.tsx'), 'TeamsPage') },
  { path: 'volunteers/activities', lazy: lazyPage(() => import('./ActivitiesPage.tsx'), 'ActivitiesPage') },
  { path: 'volunteers/activities/:id', lazy: lazyPage(() => import('./ActivitiesPage.tsx'), 'ActivityPage') },
  { path: 'volunteers/party', lazy: lazyPage(() => import('./PartyPage.tsx'), 'PartyPage') },
];
