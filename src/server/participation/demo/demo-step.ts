import { demoSwitches, type DemoStep } from '../../platform/capability.ts';
import { demoProposals } from './proposals-demo.ts';
import { demoMeetings } from './meetings-demo.ts';

/**
 * 共建共治's demo: residents' matters classed into their three paths, proposals with supports and comments, neighbour
 * help (proposals-demo.ts), then meetings with sign-ins, votes and minutes — one 云坝会 still open for the demo
 * resident to vote in — and golden ideas with a published top ten (meetings-demo.ts).
 */
export const demoParticipationStep: DemoStep = {
  name: 'participation',
  run: async (ctx) => {
    if (!demoSwitches(ctx.config).history) return null;
    ctx.progress?.('playing the demo town\'s deliberation: matters, proposals, meetings, votes and ideas (once)…');
    const lines = [await demoProposals(ctx), await demoMeetings(ctx)].filter((l) => l !== null);
    return lines.length ? lines.join('; ') : null;
  },
};
