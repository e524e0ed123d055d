import type { Capability } from '../platform/capability.ts';
import { ruleRoutes } from './rule-routes.ts';
import { ledgerRoutes } from './ledger-routes.ts';
import { assessmentRoutes } from './assessment-routes.ts';
import { goodsRoutes } from './goods-routes.ts';
import { redemptionRoutes } from './redemption-routes.ts';
import { civilityRoutes } from './civility-routes.ts';
import { ledgerJobs } from './ledger-jobs.ts';
import { supermarketJobs } from './supermarket-jobs.ts';
import { demoPointsStep } from './demo/demo-step.ts';

/**
 * 微积分 (issue 16): each community's points rules (积分细则), a double-entry ledger of households' and people's points
 * (awards by hand, by the assessment 户自查 → 组互评 → 村评定, and by the system's own events), the points supermarket
 * with pickup codes, 红黑榜 and 文明户, and a nightly reconciliation of the books.
 */
export const points: Capability = {
  name: 'points',
  routes: [ruleRoutes, ledgerRoutes, assessmentRoutes, goodsRoutes, redemptionRoutes, civilityRoutes],
  jobs: (ctx) => [...ledgerJobs(ctx), ...supermarketJobs(ctx)],
  demo: demoPointsStep,
};
