// Routes of the resident's phone pages of 共建共治: 我有事说, 议事厅, 议事活动 / 云坝会 with the QR sign-in, 金点子, 邻里互助.
// Mounted among the signed-in pages.
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../../lib/lazyPage.ts';

export const mobileParticipationRoutes: RouteObject[] = [
  { path: 'm/say', lazy: lazyPage(() => import('./SayPage.tsx'), 'SayPage') },
  { path: 'm/proposals', lazy: lazyPage(() => import('./ProposalsPage.tsx'), 'ProposalsPage') },
  { path: 'm/proposals/:id', lazy: lazyPage(() => import('./ProposalPage.tsx'), 'ProposalPage') },
  { path: 'm/meetings', lazy: lazyPage(() => import('./MeetingsPage.tsx'), 'MeetingsPage') },
  { path: 'm/meetings/:id', lazy: lazyPage(() => import('./MeetingPage.tsx'), 'MeetingPage') },
  { path: 'm/meetings/:id/check-in', lazy: lazyPage(() => import('./CheckInPage.tsx'), 'CheckInPage') },
  { path: 'm/ideas', lazy: lazyPage(() => import('./IdeasPage.tsx'), 'IdeasPage') },
  { path: 'm/help', lazy: lazyPage(() => import('./HelpPage.tsx'), 'HelpPage') },
];
