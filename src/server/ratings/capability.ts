import type { Capability } from '../platform/capability.ts';
import { ratingRoutes } from './rating-routes.ts';
import { appealRoutes } from './appeal-routes.ts';
import { evaluationRoutes } from './evaluation-routes.ts';
import { ratingJobs } from './rating-jobs.ts';
import { demoRatingsStep } from './demo/demo-step.ts';

/**
 * 三级五星评价 (issue 17): rating rules per level turn indicators into a score and stars each month, with vetoes;
 * published results with their breakdown, appeals and their answers; the towns' reverse evaluation of district
 * departments on the cases they were sent.
 */
export const ratings: Capability = {
  name: 'ratings',
  routes: [ratingRoutes, appealRoutes, evaluationRoutes],
  jobs: (ctx) => ratingJobs(ctx),
  demo: demoRatingsStep,
};
