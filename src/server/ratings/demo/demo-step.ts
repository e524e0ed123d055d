import { demoSwitches, type DemoStep } from '../../platform/capability.ts';
import { demoRatings } from './ratings-demo.ts';

/** The rating rules, the past months' ratings with an appeal answered and one open, and the departments' reviews. */
export const demoRatingsStep: DemoStep = {
  name: 'ratings',
  run: async (ctx) => (demoSwitches(ctx.config).history ? demoRatings(ctx) : null),
};
