import { demoSwitches, type DemoStep } from '../../platform/capability.ts';
import { demoIndicators } from './indicators-demo.ts';

/** Counts the facts of the whole demo history, after every other capability has played its weeks. */
export const demoIndicatorsStep: DemoStep = {
  name: 'indicators',
  run: async (ctx) => {
    if (!demoSwitches(ctx.config).history) return null;
    ctx.progress?.('counting the demo history\'s indicators (once)…');
    return demoIndicators(ctx);
  },
};
