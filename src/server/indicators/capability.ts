import type { Capability } from '../platform/capability.ts';
import { catalogRoutes } from './catalog-routes.ts';
import { valueRoutes } from './value-routes.ts';
import { runRoutes } from './run-routes.ts';
import { indicatorJobs } from './indicator-jobs.ts';
import { demoIndicatorsStep } from './demo/demo-step.ts';

/**
 * 体征指标 and KPIs (issue 17): a catalog of indicators (the standard ones and those a town defines from the same
 * measures), a job that counts the measures per grid and day into roll-ups of every unit and period, and the values
 * with their targets and lights.
 */
export const indicators: Capability = {
  name: 'indicators',
  routes: [catalogRoutes, valueRoutes, runRoutes],
  jobs: (ctx) => indicatorJobs(ctx),
  demo: demoIndicatorsStep,
};
