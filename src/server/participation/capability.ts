import type { Capability } from '../platform/capability.ts';
import { matterRoutes } from './matter-routes.ts';
import { councilRoutes } from './council-routes.ts';
import { proposalRoutes } from './proposal-routes.ts';
import { helpRoutes } from './help-routes.ts';
import { meetingRoutes } from './meeting-routes.ts';
import { voteRoutes } from './vote-routes.ts';
import { ideaRoutes } from './idea-routes.ts';
import { demoParticipationStep } from './demo/demo-step.ts';

/**
 * 共建共治共享 (issue 16), participation: residents' matters classed 公事/共事/家事 (三事分流) and sent down their paths —
 * a case, a proposal, neighbour help; the three councils (三会) with proposals, supports and comments; meetings on site
 * (坝坝议事) and online (云坝会) with sign-in, votes under one-person-one-vote rules and minutes; golden ideas (金点子).
 */
export const participation: Capability = {
  name: 'participation',
  routes: [matterRoutes, councilRoutes, proposalRoutes, helpRoutes, meetingRoutes, voteRoutes, ideaRoutes],
  demo: demoParticipationStep,
};
