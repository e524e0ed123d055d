import type { Capability } from '../platform/capability.ts';
import { hotspotRoutes } from './hotspot-routes.ts';
import { projectRoutes } from './project-routes.ts';
import { demoAnalyticsStep } from './demo/demo-step.ts';

/** 高频诉求 (issue 17): hot spots of cases and ideas per area and period, and the 15-minute service circle's projects. */
export const analytics: Capability = {
  name: 'analytics',
  routes: [hotspotRoutes, projectRoutes],
  demo: demoAnalyticsStep,
};
