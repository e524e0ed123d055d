import type { Capability } from '../platform/capability.ts';
import { caseRoutes } from './routes.ts';
import { publicCaseRoutes } from './public-routes.ts';
import { caseEventRoutes } from './events-route.ts';
import { caseFiguresRoutes } from './figures-routes.ts';
import { slaSweepJob } from './sla-sweep-job.ts';
import { foldOpenCountsJob } from './fold-open-counts-job.ts';
import { demoHistoryStep, demoSwitches } from './demo/demo-step.ts';
import { demoLiveJob } from './demo/demo-live-job.ts';

/** Cases: intake, the lifecycle, SLA clocks and their sweep, the live stream of changes; the demo's history and live reports. */
export const cases: Capability = {
  name: 'cases',
  routes: [caseRoutes, caseFiguresRoutes, publicCaseRoutes, caseEventRoutes],
  jobs: ({ db, config }) => [slaSweepJob(db), foldOpenCountsJob(db), ...(demoSwitches(config).live ? [demoLiveJob(db, config)] : [])],
  demo: demoHistoryStep,
};
