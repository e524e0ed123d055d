import type { Capability } from '../platform/capability.ts';
import { teamRoutes } from './team-routes.ts';
import { activityRoutes } from './activity-routes.ts';
import { partyRoutes } from './party-routes.ts';
import { demoVolunteersStep } from './demo/demo-step.ts';

/**
 * 志愿服务 (issue 16): the five-colour volunteer teams (民聚红 · 民兴金 · 民和橙 · 民康绿 · 民安蓝) and their members,
 * activities and 微讲堂 with sign-up, check-in and hours (points by the rules), and party members' 亮身份、践承诺、评星级
 * with the 微阵地 where they serve.
 */
export const volunteers: Capability = {
  name: 'volunteers',
  routes: [teamRoutes, activityRoutes, partyRoutes],
  demo: demoVolunteersStep,
};
