import { demoSwitches, type DemoStep } from '../../platform/capability.ts';
import { ensureDemoResident } from '../../participation/demo/demo-resident.ts';
import { demoPointsLedger } from './ledger-demo.ts';
import { demoSupermarket } from './supermarket-demo.ts';

/**
 * 微积分's demo, first of issue 16's: the demo resident put in the registry, the communities' rules, weeks of awards
 * and assessments (ledger-demo.ts), then the supermarket's goods and redemptions and the 红黑榜 (supermarket-demo.ts).
 * Meetings, volunteer hours and neighbour help add their awards in the later steps, through the rules made here.
 */
export const demoPointsStep: DemoStep = {
  name: 'points',
  run: async (ctx) => {
    if (!demoSwitches(ctx.config).history) return null;
    ctx.progress?.('playing the demo town\'s points: rules, awards, assessments and the supermarket (once)…');
    const lines = [await ensureDemoResident(ctx), await demoPointsLedger(ctx), await demoSupermarket(ctx)].filter((l) => l !== null);
    return lines.length ? lines.join('; ') : null;
  },
};
