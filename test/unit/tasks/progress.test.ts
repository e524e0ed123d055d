// Progress figures: the rates from counts, worked out by hand.
import { describe, expect, it } from 'vitest';
import { byNeed, daysBetween, NO_COUNTS, progressFigures, rate, sumCounts } from '../../../src/domain/tasks/progress.ts';

describe('rate', () => {
  it.each([
    [5, 6, 0.8333],
    [2, 3, 0.6667],
    [6, 6, 1],
    [0, 4, 0],
    [0, 0, null],
    [7, 5, 1],
  ] as const)('%i of %i is %s', (part, whole, r) => {
    expect(rate(part, whole)).toBe(r);
  });
});

describe('progressFigures', () => {
  it('completion, attention and activity of a community over ten days', () => {
    const c = { ...NO_COUNTS, tasksDue: 12, tasksDone: 9, overdueOpen: 2, keyVisitsDue: 4, keyVisitsInTime: 3, activeDays: 15, reports: 3, visits: 7, workers: 2 };
    expect(progressFigures(c, 10)).toEqual({ ...c, completionRate: 0.75, attentionRate: 0.75, activityRate: 0.75 });
  });

  it('nothing due and nobody on the team: no rates, not zero', () => {
    expect(progressFigures(NO_COUNTS, 30)).toMatchObject({ completionRate: null, attentionRate: null, activityRate: null });
  });

  it('a unit\'s total is its children\'s counts added', () => {
    const a = { ...NO_COUNTS, tasksDue: 3, tasksDone: 1, workers: 1, visits: 2 };
    const b = { ...NO_COUNTS, tasksDue: 5, tasksDone: 5, workers: 2, reports: 1 };
    expect(sumCounts([a, b])).toEqual({ ...NO_COUNTS, tasksDue: 8, tasksDone: 6, workers: 3, visits: 2, reports: 1 });
  });
});

describe('days and order', () => {
  it.each([
    ['2026-11-01', '2026-11-30', 30],
    ['2026-11-23', '2026-11-23', 1],
    ['2026-12-31', '2027-01-01', 2],
    ['2028-02-01', '2028-03-01', 30],
  ] as const)('%s to %s is %i days', (from, to, n) => {
    expect(daysBetween(from, to)).toBe(n);
  });

  it('puts the lowest completion first and those with nothing due last', () => {
    const rows = [
      { name: '乙', completionRate: 0.9 }, { name: '甲', completionRate: null }, { name: '丙', completionRate: 0.5 }, { name: '丁', completionRate: 0.5 },
    ];
    expect([...rows].sort(byNeed).map((r) => r.name)).toEqual(['丙', '丁', '乙', '甲']);
  });
});
