import { describe, expect, it } from 'vitest';
import { disputeActionAllowed, disputeStatusAfter, mediationHasAgreement, statusAfterMediation } from '../../../src/domain/disputes/lifecycle.ts';
import { sweepProgress } from '../../../src/domain/disputes/sweep.ts';

describe('dispute lifecycle', () => {
  it.each([
    ['open', 'mediate', true], ['resolved', 'mediate', true], ['litigation', 'mediate', false], ['closed', 'mediate', false],
    ['open', 'push', true], ['closed', 'push', false],
    ['litigation', 'reply', true], ['closed', 'reply', false],
    ['open', 'litigate', true], ['resolved', 'litigate', true], ['litigation', 'litigate', false],
    ['open', 'change-tier', true], ['resolved', 'change-tier', false],
    ['open', 'follow-up', false], ['resolved', 'follow-up', true], ['closed', 'follow-up', true],
    ['open', 'close', true], ['litigation', 'close', true], ['closed', 'close', false],
    ['open', 'reopen', false], ['resolved', 'reopen', true], ['closed', 'reopen', true], ['litigation', 'reopen', false],
    ['closed', 'unmask', true],
  ] as const)('%s: %s allowed %s', (status, action, allowed) => expect(disputeActionAllowed(status, action)).toBe(allowed));

  it.each([
    ['open', 'resolved', 'resolved'], ['open', 'partial', 'open'], ['open', 'failed', 'open'], ['resolved', 'failed', 'resolved'],
  ] as const)('%s after a %s session → %s', (status, outcome, after) => expect(statusAfterMediation(status, outcome)).toBe(after));

  it('moves to litigation and closed, and a reopen leaves the earlier dispute as it was', () => {
    expect(disputeStatusAfter('open', 'litigate')).toBe('litigation');
    expect(disputeStatusAfter('litigation', 'close')).toBe('closed');
    expect(disputeStatusAfter('closed', 'reopen')).toBe('closed');
    expect(disputeStatusAfter('open', 'push')).toBe('open');
  });

  it('numbers an agreement for a resolved or partial session with terms', () => {
    expect(mediationHasAgreement('resolved', ['赔偿1500元'])).toBe(true);
    expect(mediationHasAgreement('partial', ['先修防水层'])).toBe(true);
    expect(mediationHasAgreement('resolved', [' '])).toBe(false);
    expect(mediationHasAgreement('failed', ['赔偿1500元'])).toBe(false);
  });
});

describe('sweepProgress', () => {
  const grids = [{ id: 'g1', name: '第一网格' }, { id: 'g2', name: '第二网格' }, { id: 'g3', name: '第三网格' }, { id: 'g4', name: '第四网格' }];

  it('counts answers, disputes found and the missing grids; overdue only after the due day with grids missing', () => {
    const reports = [
      { gridId: 'g1', noneFound: true, disputeCount: 0 },
      { gridId: 'g2', noneFound: false, disputeCount: 3 },
      { gridId: 'elsewhere', noneFound: false, disputeCount: 9 },
    ];
    expect(sweepProgress({ grids, reports, dueOn: '2026-11-28', today: '2026-11-28' })).toEqual({
      answered: 2, total: 4, missing: [{ id: 'g3', name: '第三网格' }, { id: 'g4', name: '第四网格' }], found: 3, noneFound: 1, overdue: false,
    });
    expect(sweepProgress({ grids, reports, dueOn: '2026-11-28', today: '2026-11-29' }).overdue).toBe(true);
  });

  it('takes a grid\'s later report over its earlier one, and is never overdue once all answered', () => {
    const reports = [
      { gridId: 'g1', noneFound: false, disputeCount: 2 }, { gridId: 'g1', noneFound: true, disputeCount: 0 },
      { gridId: 'g2', noneFound: false, disputeCount: 1 }, { gridId: 'g3', noneFound: true, disputeCount: 0 }, { gridId: 'g4', noneFound: false, disputeCount: 4 },
    ];
    expect(sweepProgress({ grids, reports, dueOn: '2026-11-28', today: '2026-12-03' })).toEqual({
      answered: 4, total: 4, missing: [], found: 5, noneFound: 2, overdue: false,
    });
  });
});
