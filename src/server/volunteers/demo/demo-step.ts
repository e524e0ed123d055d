import { demoSwitches, type DemoStep } from '../../platform/capability.ts';
import { demoVolunteers } from './volunteers-demo.ts';
import { demoParty } from './party-demo.ts';

/** 志愿服务's demo: the five-colour teams, their members, activities and 微讲堂 with check-ins and hours (their points awarded), then party members' commitments and stars. */
export const demoVolunteersStep: DemoStep = {
  name: 'volunteers',
  run: async (ctx) => {
    if (!demoSwitches(ctx.config).history) return null;
    ctx.progress?.('playing the demo town\'s volunteers: teams, activities, check-ins and party members\' commitments (once)…');
    const lines = [await demoVolunteers(ctx), await demoParty(ctx)].filter((l) => l !== null);
    return lines.length ? lines.join('; ') : null;
  },
};
