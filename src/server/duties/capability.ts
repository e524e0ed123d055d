import type { Capability } from '../platform/capability.ts';
import { dutyCatalogRoutes } from './routes.ts';
import { standingDutyRoutes } from './standing-duties-routes.ts';
import { demoCatalogStep } from './demo/demo-step.ts';

/**
 * 照单履职 (issue 12), the duty catalogs: the three lists (镇街, 村社区, 网格 事项清单) with their list types and bases,
 * the admission gate (清单准入) every new duty passes before it reaches a community or a grid, the burden per worker,
 * and each town's standing duties ("6+1") that the tasks capability generates from.
 */
export const duties: Capability = {
  name: 'duties',
  routes: [dutyCatalogRoutes, standingDutyRoutes],
  demo: demoCatalogStep,
};
