import { demoSwitches, type DemoStep } from '../../platform/capability.ts';
import { demoReports } from './reports-demo.ts';

/** The town's report forms and the fills of past months. */
export const demoReportsStep: DemoStep = {
  name: 'reports',
  run: async (ctx) => (demoSwitches(ctx.config).history ? demoReports(ctx) : null),
};
