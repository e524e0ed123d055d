import type { Capability } from '../platform/capability.ts';
import { planRoutes } from './plan-routes.ts';
import { incidentRoutes } from './incident-routes.ts';
import { triggerRoutes } from './trigger-routes.ts';
import { reviewRoutes } from './review-routes.ts';
import { planTriggerService } from './trigger-service.ts';
import { demoPlansStep } from './demo/demo-step.ts';

/**
 * 数字预案 (issue 14): versioned emergency plans (triggers, levels, roles, steps, resources, CAP notice texts); an
 * activation snapshots the plan into an incident whose steps are work orders in the case loop, all or nothing; level
 * changes, stand-down, drills, CAP 1.2 alerts to roles and partners, and the after-action review.
 */
export const plans: Capability = {
  name: 'plans',
  routes: [planRoutes, incidentRoutes, triggerRoutes, reviewRoutes],
  services: (ctx) => [planTriggerService(ctx)],
  demo: demoPlansStep,
};
