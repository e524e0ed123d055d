// Routes of the staff pages of 共建共治 (三事分流, 议事会, 议事活动, 金点子, 邻里互助), mounted inside the desktop shell.
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazyPage.ts';

export const desktopParticipationRoutes: RouteObject[] = [
  { path: 'participation/matters', lazy: lazyPage(() => import('./MattersPage.tsx'), 'MattersPage') },
  { path: 'participation/councils', lazy: lazyPage(() => import('./CouncilsPage.tsx'), 'CouncilsPage') },
  { path: 'participation/meetings', lazy: lazyPage(() => import('./MeetingsPage.tsx'), 'MeetingsPage') },
  { path: 'participation/meetings/:id', lazy: lazyPage(() => import('./MeetingPage.tsx'), 'MeetingPage') },
  { path: 'participation/ideas', lazy: lazyPage(() => import('./IdeasPage.tsx'), 'IdeasPage') },
  { path: 'participation/help', lazy: lazyPage(() => import('./HelpPage.tsx'), 'HelpPage') },
];
