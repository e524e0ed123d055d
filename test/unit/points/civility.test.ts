import { describe, expect, it } from 'vitest';
import { civilityReasonEn, deriveCivility } from '../../../src/domain/points/civility.ts';

// 1 December 2026, 10:00 in Beijing: marks of November
const today = new Date('2026-12-01T02:00:00Z');
const h = (householdId: string, earnedInPeriod: number, deductionsInPeriod = 0, vetoUntil: Date | null = null, earnedInYear?: number) =>
  ({ householdId, balance: 0, earnedInPeriod, deductionsInPeriod, vetoUntil, earnedInYear });

describe('deriveCivility', () => {
  it('red: the top 10 % of 20 households (2 places; a tie with the second is in too)', () => {
    const households = [h('a', 50), h('b', 40), h('c', 40), h('d', 60, 5), ...Array.from({ length: 16 }, (_, i) => h(`z${i}`, 10))];
    const red = deriveCivility({ households, period: '2026-11', today }).filter((m) => m.kind === 'red');
    expect(red.map((m) => m.householdId)).toEqual(['a', 'b', 'c']);
    expect(red[0]).toEqual({ householdId: 'a', kind: 'red', reasons: ['本期得50分，居前10%', '本期无扣分'], validFrom: '2026-12-01', validUntil: '2026-12-31' });
  });

  it('black: a veto in force, or deductions of 20 or more', () => {
    const marks = deriveCivility({
      households: [h('v', 0, 0, new Date('2027-06-01T00:00:00Z')), h('m', 0, 20), h('n', 0, 19), h('old', 0, 0, new Date('2026-11-30T00:00:00Z')), h('both', 0, 25, new Date('2027-01-01T00:00:00Z'))],
      period: '2026Q4', today,
    });
    expect(marks.filter((m) => m.kind === 'black')).toEqual([
      { householdId: 'v', kind: 'black', reasons: ['一票否决期内（至2027-06-01）'], validFrom: '2026-12-01', validUntil: '2027-02-28' },
      { householdId: 'm', kind: 'black', reasons: ['本期扣20分'], validFrom: '2026-12-01', validUntil: '2027-02-28' },
      { householdId: 'both', kind: 'black', reasons: ['一票否决期内（至2027-01-01）', '本期扣25分'], validFrom: '2026-12-01', validUntil: '2027-02-28' },
    ]);
  });

  it('文明户: 100 in the year, no veto, not black; valid a year', () => {
    const marks = deriveCivility({
      households: [h('y', 10, 0, null, 120), h('p', 100), h('q', 99), h('v', 5, 0, new Date('2027-01-01T00:00:00Z'), 300), h('b', 5, 30, null, 200)],
      period: '2026-11', today,
    }).filter((m) => m.kind === 'civilized');
    expect(marks).toEqual([
      { householdId: 'y', kind: 'civilized', reasons: ['本年得120分（达100分）', '无一票否决'], validFrom: '2026-12-01', validUntil: '2027-11-30' },
      { householdId: 'p', kind: 'civilized', reasons: ['本年得100分（达100分）', '无一票否决'], validFrom: '2026-12-01', validUntil: '2027-11-30' },
    ]);
  });

  it('nobody earned: no red list', () => {
    expect(deriveCivility({ households: [h('a', 0), h('b', 0)], period: '2026-11', today })).toEqual([]);
  });
});

describe('civilityReasonEn', () => {
  it.each([
    ['一票否决期内（至2027-06-01）', 'a veto in force until 2027-06-01'],
    ['本期扣20分', '20 points deducted in the period'],
    ['本期得50分，居前10%', '50 points earned in the period, in the top 10 %'],
    ['本期无扣分', 'no deduction in the period'],
    ['本年得120分（达100分）', '120 points earned this year (100 needed)'],
    ['无一票否决', 'no veto'],
  ] as const)('%s → %s', (zh, en) => {
    expect(civilityReasonEn(zh)).toBe(en);
  });
});
