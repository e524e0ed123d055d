import type { Capability } from '../platform/capability.ts';
import { caseRoutes } from './routes.ts';
import { publicCaseRoutes } from './public-routes.ts';
import { caseEventRoutes } from './events-route.ts';
import { caseFiguresRoutes } from './figures-routes.ts';
import { slaSweepJob } from './sla-sweep-job.ts';

/** Cases: intake, the lifecycle, SLA clocks and their sweep, the live stream of changes. */
export const cases: Capability = {
  name: 'cases',
  routes: [caseRoutes, caseFiguresRoutes, publicCaseRoutes, caseEventRoutes],
  jobs: ({ db }) => [slaSweepJob(db)],
};
