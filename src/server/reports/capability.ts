import type { Capability } from '../platform/capability.ts';
import { reportRoutes } from './report-routes.ts';
import { demoReportsStep } from './demo/demo-step.ts';

/** 一表通 (issue 17): report forms whose cells are indicators, filled per OrgUnit and period as Excel or PDF. */
export const reports: Capability = {
  name: 'reports',
  routes: [reportRoutes],
  demo: demoReportsStep,
};
