import { demoSwitches, type DemoStep } from '../../platform/capability.ts';
import { demoRankings } from './rankings-demo.ts';

/** Last month's 线上通报, published. */
export const demoRankingsStep: DemoStep = {
  name: 'rankings',
  run: async (ctx) => (demoSwitches(ctx.config).history ? demoRankings(ctx) : null),
};
