import { demoSwitches, type DemoStep } from '../../platform/capability.ts';
import { demoAnalytics } from './analytics-demo.ts';

/** Communities' 15-minute circle projects made from their hot spots, linked to the cases they answer. */
export const demoAnalyticsStep: DemoStep = {
  name: 'analytics',
  run: async (ctx) => (demoSwitches(ctx.config).history ? demoAnalytics(ctx) : null),
};
