import type { Capability } from '../platform/capability.ts';
import { classRoutes } from './class-routes.ts';
import { statsRoutes } from './stats-routes.ts';
import { sweepRoutes } from './sweep-routes.ts';
import { disputeRoutes } from './dispute-routes.ts';
import { mediationRoutes } from './mediation-routes.ts';
import { demoDisputesStep } from './demo/demo-step.ts';

/**
 * 矛盾纠纷多元化解 (issue 15): disputes with parties, class, risk and tier, each with its work order in the case loop;
 * mediation sessions and the 人民调解协议书, follow-up visits, pushes to departments and the 综治中心's units, 诉调对接,
 * reopening when a dispute flares again, sweeps (大排查) and figures.
 */
export const disputes: Capability = {
  name: 'disputes',
  routes: [classRoutes, statsRoutes, sweepRoutes, disputeRoutes, mediationRoutes],
  demo: demoDisputesStep,
};
