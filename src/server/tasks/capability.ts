import type { Capability } from '../platform/capability.ts';
import { generateRoutes } from './generate-routes.ts';
import { absenceRoutes } from './absence-routes.ts';
import { taskGenerationJob } from './generation-job.ts';
import { taskRoutes } from './task-routes.ts';
import { visitRoutes } from './visit-routes.ts';
import { campaignRoutes } from './campaign-routes.ts';
import { progressRoutes } from './progress-routes.ts';
import { demoTasksStep } from './demo/demo-step.ts';

/**
 * 照单履职 (issue 12), tasks and visits: the daily generation of the grid worker's list from the standing duties and the
 * registry, tasks ticked off (also from the phone while offline), visits (走访) and what they found, and progress for
 * those who oversee the grid workers.
 */
export const tasks: Capability = {
  name: 'tasks',
  routes: [generateRoutes, absenceRoutes, taskRoutes, visitRoutes, campaignRoutes, progressRoutes],
  jobs: ({ db }) => [taskGenerationJob(db)],
  demo: demoTasksStep,
};
