import type { Capability } from '../platform/capability.ts';
import { rankingRoutes } from './ranking-routes.ts';
import { bulletinRoutes } from './bulletin-routes.ts';
import { demoRankingsStep } from './demo/demo-step.ts';

/** 赛马比拼 (issue 17): boards per level and indicator with the movement since the last period, and the 线上通报. */
export const rankings: Capability = {
  name: 'rankings',
  routes: [rankingRoutes, bulletinRoutes],
  demo: demoRankingsStep,
};
