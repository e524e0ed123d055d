import { describe, expect, it } from 'vitest';
import { escalationDue, firstNotification, rolesOfStep, stepDueAt } from '../../../src/domain/alarms/escalation.ts';
import type { EscalationPolicy } from '../../../src/shared/alarms.ts';

// The default: grid worker and care post at once, community after 5 min, duty officer 5 min later, then every 5 min.
const policy: EscalationPolicy = {
  steps: [
    { notify: ['gridWorker', 'carePost'], afterMin: 0 },
    { notify: ['communityStaff'], afterMin: 5 },
    { notify: ['dutyOfficer'], afterMin: 5 },
  ],
  repeatEveryMin: 5,
};
const noRepeat: EscalationPolicy = { steps: [{ notify: ['gridWorker'], afterMin: 0 }, { notify: ['dutyOfficer'], afterMin: 10 }], repeatEveryMin: 0 };
const raised = new Date('2026-11-23T01:00:00Z');
const at = (min: number, sec = 0) => new Date(raised.getTime() + min * 60_000 + sec * 1000);

describe('stepDueAt', () => {
  it.each([
    [0, at(0)], [1, at(5)], [2, at(10)], [3, at(15)], [4, at(20)], [10, at(50)],
  ])('step %i of the default falls due at its minute', (step, expected) => {
    expect(stepDueAt(policy, raised, step)).toEqual(expected);
  });
  it('no repeat: nothing after the last step', () => {
    expect(stepDueAt(noRepeat, raised, 1)).toEqual(at(10));
    expect(stepDueAt(noRepeat, raised, 2)).toBeNull();
  });
});

describe('rolesOfStep', () => {
  it.each([
    [0, ['gridWorker', 'carePost']], [1, ['communityStaff']], [2, ['dutyOfficer']], [3, ['dutyOfficer']], [7, ['dutyOfficer']],
  ] as const)('step %i notifies %j', (step, roles) => {
    expect(rolesOfStep(policy, step)).toEqual(roles);
  });
});

describe('firstNotification', () => {
  it('step 0 goes to the first roles; step 1 falls due after its minutes', () => {
    expect(firstNotification(policy, raised)).toEqual({ step: 0, notify: ['gridWorker', 'carePost'], nextAt: at(5) });
  });
  it('a one-step policy without repeat has nothing next', () => {
    expect(firstNotification({ steps: [{ notify: ['gridWorker'], afterMin: 0 }], repeatEveryMin: 0 }, raised).nextAt).toBeNull();
  });
  it('a one-step policy with repeat re-sends the first step', () => {
    expect(firstNotification({ steps: [{ notify: ['gridWorker'], afterMin: 0 }], repeatEveryMin: 2 }, raised).nextAt).toEqual(at(2));
  });
});

describe('escalationDue', () => {
  it.each([
    ['not yet due: 4:59 after step 0', 0, at(4, 59), null],
    ['step 1 exactly at 5 min', 0, at(5), { step: 1, notify: ['communityStaff'], nextAt: at(10) }],
    ['step 2 at 10 min', 1, at(10), { step: 2, notify: ['dutyOfficer'], nextAt: at(15) }],
    ['the first repeat at 15 min', 2, at(15), { step: 3, notify: ['dutyOfficer'], nextAt: at(20) }],
    ['a clock down for 12 min after step 0: step 2 with the community too, not two sendings', 0, at(12), { step: 2, notify: ['communityStaff', 'dutyOfficer'], nextAt: at(15) }],
    ['down for an hour after step 2: one repeat (the 12th step), not nine', 2, at(62), { step: 12, notify: ['dutyOfficer'], nextAt: at(65) }],
    ['down from step 0 for 31 min: every role on the way, the latest repeat', 0, at(31), { step: 6, notify: ['communityStaff', 'dutyOfficer'], nextAt: at(35) }],
  ] as const)('%s', (_name, sent, now, expected) => {
    expect(escalationDue(policy, raised, sent, now)).toEqual(expected);
  });
  it('no repeat: after the last step nothing more', () => {
    expect(escalationDue(noRepeat, raised, 0, at(10))).toEqual({ step: 1, notify: ['dutyOfficer'], nextAt: null });
    expect(escalationDue(noRepeat, raised, 1, at(100))).toBeNull();
  });
});
