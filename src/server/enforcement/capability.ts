import type { Capability } from '../platform/capability.ts';
import { matterRoutes } from './matter-routes.ts';
import { statsRoutes } from './stats-routes.ts';
import { caseRoutes } from './case-routes.ts';
import { inspectionRoutes } from './inspection-routes.ts';
import { decisionRoutes } from './decision-routes.ts';
import { demoEnforcementStep } from './demo/demo-step.ts';

/**
 * 大综合一体化执法 (issue 15): the enforcement matter list with legal bases and discretion benchmarks; enforcement cases
 * opened from a case of the loop or an inspection, the band proposed from the facts, legal review, the decision
 * document, payment and closing, each step timed against the 15-minute mark; joint inspections (执法监管一件事); figures.
 */
export const enforcement: Capability = {
  name: 'enforcement',
  routes: [matterRoutes, statsRoutes, caseRoutes, inspectionRoutes, decisionRoutes],
  demo: demoEnforcementStep,
};
