import { describe, expect, it } from 'vitest';
import { enforcementActionAllowed, enforcementActionRefusal, statusAfter } from '../../../src/domain/enforcement/lifecycle.ts';
import { handlingTimes } from '../../../src/domain/enforcement/timing.ts';

describe('enforcement lifecycle', () => {
  it.each([
    ['investigating', 'update-facts', undefined, null],
    ['awaitingReview', 'update-facts', undefined, 'ENFORCEMENT_STATE_CONFLICT'],
    ['investigating', 'confirm-band', undefined, null],
    ['awaitingReview', 'review', undefined, null],
    ['investigating', 'review', undefined, 'ENFORCEMENT_STATE_CONFLICT'],
    ['investigating', 'decide', undefined, 'ENFORCEMENT_REVIEW_REQUIRED'],
    ['awaitingReview', 'decide', undefined, 'ENFORCEMENT_REVIEW_REQUIRED'],
    ['reviewed', 'decide', undefined, null],
    ['decided', 'decide', undefined, 'ENFORCEMENT_STATE_CONFLICT'],
    ['decided', 'pay', 'fine', null],
    ['decided', 'pay', 'warning', 'ENFORCEMENT_INVALID'],
    ['decided', 'execute', 'warning', null],
    ['decided', 'execute', 'confiscation', null],
    ['decided', 'execute', 'fine', 'ENFORCEMENT_INVALID'],
    ['decided', 'close', 'fine', 'ENFORCEMENT_STATE_CONFLICT'],
    ['decided', 'close', 'none', null],
    ['executed', 'close', 'fine', null],
    ['investigating', 'drop', undefined, null],
    ['awaitingReview', 'drop', undefined, null],
    ['reviewed', 'drop', undefined, 'ENFORCEMENT_STATE_CONFLICT'],
    ['closed', 'add-evidence', undefined, 'ENFORCEMENT_STATE_CONFLICT'],
    ['reviewed', 'add-evidence', undefined, null],
  ] as const)('%s: %s (%s) → %s', (status, action, penaltyKind, refusal) => {
    expect(enforcementActionRefusal(status, action, { penaltyKind })).toBe(refusal);
    expect(enforcementActionAllowed(status, action, { penaltyKind })).toBe(refusal === null);
  });

  it.each([
    ['investigating', 'update-facts', {}, 'investigating'],
    ['investigating', 'confirm-band', {}, 'awaitingReview'],
    ['awaitingReview', 'review', { approved: true }, 'reviewed'],
    ['awaitingReview', 'review', { approved: false }, 'investigating'],
    ['reviewed', 'decide', {}, 'decided'],
    ['decided', 'pay', {}, 'executed'],
    ['decided', 'execute', {}, 'executed'],
    ['executed', 'close', {}, 'closed'],
    ['awaitingReview', 'drop', {}, 'dropped'],
  ] as const)('%s after %s %j → %s', (status, action, opts, after) => expect(statusAfter(status, action, opts)).toBe(after));
});

describe('handlingTimes', () => {
  const opened = '2026-12-03T01:00:00.000Z';
  it('times each step since the one before, and the case against 15 minutes', () => {
    const t = handlingTimes({
      openedAt: opened, decidedAt: '2026-12-03T01:12:30.000Z',
      events: [
        { action: 'decide', at: '2026-12-03T01:12:30.000Z' },
        { action: 'add-evidence', at: '2026-12-03T01:03:00.000Z' },
        { action: 'confirm-band', at: '2026-12-03T01:06:00.000Z' },
        { action: 'review', at: new Date('2026-12-03T01:10:15.000Z') },
      ],
    });
    expect(t.steps).toEqual([
      { action: 'add-evidence', at: '2026-12-03T01:03:00.000Z', minutes: 3 },
      { action: 'confirm-band', at: '2026-12-03T01:06:00.000Z', minutes: 3 },
      { action: 'review', at: '2026-12-03T01:10:15.000Z', minutes: 4.3 },
      { action: 'decide', at: '2026-12-03T01:12:30.000Z', minutes: 2.3 },
    ]);
    expect(t.handlingMinutes).toBe(12.5);
    expect(t.withinTarget).toBe(true);
  });

  it('15 minutes is within, 15.1 is not, and an undecided case has no handling time', () => {
    expect(handlingTimes({ openedAt: opened, decidedAt: '2026-12-03T01:15:00.000Z', events: [] })).toMatchObject({ handlingMinutes: 15, withinTarget: true });
    expect(handlingTimes({ openedAt: opened, decidedAt: '2026-12-03T01:15:06.000Z', events: [] })).toMatchObject({ handlingMinutes: 15.1, withinTarget: false });
    expect(handlingTimes({ openedAt: opened, decidedAt: null, events: [{ action: 'add-evidence', at: '2026-12-03T01:01:00.000Z' }] }))
      .toEqual({ steps: [{ action: 'add-evidence', at: '2026-12-03T01:01:00.000Z', minutes: 1 }], handlingMinutes: null, withinTarget: null });
  });

  it('a review returned after a day counts in the handling time', () => {
    const t = handlingTimes({ openedAt: opened, decidedAt: '2026-12-04T02:00:00.000Z', events: [] });
    expect(t).toMatchObject({ handlingMinutes: 1500, withinTarget: false });
  });
});
