import { describe, expect, it } from 'vitest';
import { applyEntries, balanceAsOf, booksBalanced, reconcile, transactionRefusals } from '../../../src/domain/points/ledger.ts';
import { awardPoints, periodKey, ruleSetRefusals, vetoUntil } from '../../../src/domain/points/rules.ts';
import { approvedItems, assessmentActionAllowed, assessmentStatusAfter } from '../../../src/domain/points/assessment.ts';
import { redemptionRefusal, reservationExpiry } from '../../../src/domain/points/supermarket.ts';
import type { PointAccountKind, PointRuleInput } from '../../../src/shared/points.ts';

describe('transactionRefusals', () => {
  it.each([
    ['issuer → household', [{ accountId: 'i', amount: -10 }, { accountId: 'h', amount: 10 }], []],
    ['three legs summing to zero', [{ accountId: 'h', amount: -30 }, { accountId: 's', amount: 20 }, { accountId: 'i', amount: 10 }], []],
    ['one entry', [{ accountId: 'h', amount: 0 }], ['一笔积分交易至少要有两条分录', '每条分录的积分必须是非零整数']],
    ['not summing to zero', [{ accountId: 'i', amount: -10 }, { accountId: 'h', amount: 9 }], ['一笔积分交易的分录合计必须为零']],
    ['a fraction', [{ accountId: 'i', amount: -1.5 }, { accountId: 'h', amount: 1.5 }], ['每条分录的积分必须是非零整数']],
    ['a zero entry', [{ accountId: 'i', amount: 0 }, { accountId: 'h', amount: 0 }], ['每条分录的积分必须是非零整数']],
  ] as const)('%s', (_, entries, refusals) => {
    expect(transactionRefusals(entries.map((e) => ({ ...e })))).toEqual(refusals);
  });
});

describe('applyEntries', () => {
  const books = () => new Map<string, { kind: PointAccountKind; balance: number }>([
    ['i', { kind: 'issuer', balance: -50 }], ['h', { kind: 'household', balance: 50 }], ['s', { kind: 'supermarket', balance: 0 }],
  ]);
  it('the issuer may go further below zero', () => {
    const b = books();
    expect(applyEntries(b, [{ accountId: 'i', amount: -20 }, { accountId: 'h', amount: 20 }])).toEqual({ ok: true });
    expect([b.get('i')!.balance, b.get('h')!.balance]).toEqual([-70, 70]);
  });
  it('a household may spend all it has', () => {
    const b = books();
    expect(applyEntries(b, [{ accountId: 'h', amount: -50 }, { accountId: 's', amount: 50 }])).toEqual({ ok: true });
    expect(b.get('h')!.balance).toBe(0);
  });
  it('a household short by 10: refused, nothing changes', () => {
    const b = books();
    expect(applyEntries(b, [{ accountId: 'h', amount: -60 }, { accountId: 's', amount: 60 }])).toEqual({ ok: false, accountId: 'h', shortBy: 10 });
    expect([b.get('h')!.balance, b.get('s')!.balance]).toEqual([50, 0]);
  });
  it('an unknown account starts at zero', () => {
    const b = books();
    expect(applyEntries(b, [{ accountId: 'i', amount: -5 }, { accountId: 'p', amount: 5 }])).toEqual({ ok: true });
    expect(b.get('p')).toEqual({ kind: 'household', balance: 5 });
  });
});

describe('balanceAsOf, reconcile', () => {
  const entries = [
    { amount: 10, at: new Date('2026-11-01T00:00:00Z') },
    { amount: 5, at: new Date('2026-11-10T00:00:00Z') },
    { amount: -8, at: new Date('2026-11-20T00:00:00Z') },
  ];
  it.each([
    ['2026-10-31T00:00:00Z', 0],
    ['2026-11-01T00:00:00Z', 10],
    ['2026-11-15T00:00:00Z', 15],
    ['2026-12-01T00:00:00Z', 7],
  ] as const)('as of %s: %d', (asOf, balance) => {
    expect(balanceAsOf(entries, new Date(asOf))).toBe(balance);
  });
  it('names the accounts whose balance is not their entries', () => {
    expect(reconcile([{ id: 'a', balance: 7 }, { id: 'b', balance: 3 }, { id: 'c', balance: 0 }], new Map([['a', 7], ['b', 4]])))
      .toEqual([{ accountId: 'b', balance: 3, sum: 4 }]);
    expect(booksBalanced([-11, 7, 4])).toBe(true);
    expect(booksBalanced([-11, 7, 3])).toBe(false);
  });
});

describe('periodKey and vetoUntil (Asia/Shanghai)', () => {
  it.each([
    ['month', '2026-11-30T16:00:00Z', '2026-12'],
    ['month', '2026-11-30T15:59:59Z', '2026-11'],
    ['quarter', '2026-09-30T16:00:00Z', '2026Q4'],
    ['year', '2025-12-31T16:00:00Z', '2026'],
  ] as const)('%s of %s is %s', (p, at, key) => {
    expect(periodKey(p, new Date(at))).toBe(key);
  });
  it.each([
    ['2026-03-15T02:00:00Z', 6, '2026-09-15T02:00:00.000Z'],
    ['2026-08-31T04:00:00Z', 6, '2027-02-28T04:00:00.000Z'],
    ['2026-12-31T17:00:00Z', 1, '2027-01-31T17:00:00.000Z'], // 1 Jan 01:00 in Beijing → 1 Feb 01:00 in Beijing
  ] as const)('a veto at %s for %d months ends %s', (at, months, until) => {
    expect(vetoUntil(new Date(at), months).toISOString()).toBe(until);
  });
});

describe('awardPoints', () => {
  it.each([
    ['base', { kind: 'base', points: 10 }, {}, 10],
    ['bonus, 2.5 hours of 4 points', { kind: 'bonus', points: 4 }, { units: 2.5 }, 10],
    ['bonus, 1.5 hours of 5 points: floor', { kind: 'bonus', points: 5 }, { units: 1.5 }, 7],
    ['minus', { kind: 'minus', points: 5 }, {}, -5],
    ['veto with points', { kind: 'veto', points: 20 }, {}, -20],
    ['veto without points', { kind: 'veto', points: 0 }, {}, 0],
    ['capped: 25 of 30 given, 10 more asked', { kind: 'bonus', points: 10, capPoints: 30, capPeriod: 'month' }, { awardedInPeriod: 25 }, 5],
    ['capped: cap reached', { kind: 'bonus', points: 10, capPoints: 30, capPeriod: 'month' }, { awardedInPeriod: 30 }, 0],
    ['a minus capped too', { kind: 'minus', points: 10, capPoints: 15, capPeriod: 'year' }, { awardedInPeriod: 10 }, -5],
    ['a cap without its period does not cap', { kind: 'bonus', points: 10, capPoints: 5 }, {}, 10],
    ['no units', { kind: 'bonus', points: 10 }, { units: 0 }, 0],
  ] as const)('%s', (_, rule, input, points) => {
    expect(awardPoints(rule, input)).toBe(points);
  });
});

describe('ruleSetRefusals', () => {
  const r = (over: Partial<PointRuleInput>): PointRuleInput => ({ code: 'clean', name: '门前三包', kind: 'base', points: 10, subjectKind: 'household', ...over });
  it.each([
    ['a good set', [r({}), r({ code: 'vol', name: '志愿服务', kind: 'bonus', points: 2, autoEvent: 'volunteerHour', capPoints: 40, capPeriod: 'month' }), r({ code: 'fight', name: '打架斗殴', kind: 'veto', points: 0, vetoMonths: 12 })], []],
    ['duplicate code', [r({}), r({ name: '卫生' })], ['编号「clean」重复']],
    ['a veto without months', [r({ kind: 'veto', points: 10 })], ['否决项「门前三包」须写明否决期（1到36个月）']],
    ['months on a bonus', [r({ vetoMonths: 3 })], ['「门前三包」不是否决项，不能设否决期']],
    ['a cap without its period', [r({ capPoints: 30 })], ['「门前三包」的封顶须同时写明分值和周期']],
    ['zero points on a base rule', [r({ points: 0 })], ['「门前三包」的分值不能为0']],
    ['an auto event twice', [r({ autoEvent: 'caseClosed' }), r({ code: 'c2', name: '随手拍', autoEvent: 'caseClosed' })], ['自动事件「caseClosed」只能对应一条细则']],
    ['an auto event on a minus rule', [r({ kind: 'minus', autoEvent: 'helpDone' })], ['「门前三包」是扣分或否决项，不能由系统事件自动计分']],
    ['a bad code and no name', [r({ code: '门前', name: '' })], ['「门前」的编号只能由字母、数字、-、_组成', '编号「门前」的细则缺少名称']],
  ] as const)('%s', (_, rules, refusals) => {
    expect(ruleSetRefusals(rules)).toEqual(refusals);
  });
});

describe('assessments', () => {
  it.each([
    ['selfReported', 'peer-review', true, 'peerReviewed'],
    ['peerReviewed', 'approve', true, 'approved'],
    ['selfReported', 'approve', false, null],
    ['peerReviewed', 'return', true, 'returned'],
    ['approved', 'return', false, null],
    ['returned', 'self-report', true, 'selfReported'],
    ['approved', 'peer-review', false, null],
  ] as const)('%s + %s', (status, action, allowed, after) => {
    expect(assessmentActionAllowed(status, action)).toBe(allowed);
    if (after) expect(assessmentStatusAfter(status, action)).toBe(after);
  });
  it('awards claimed items the village approved, or the group agreed with when the village said nothing', () => {
    expect(approvedItems([
      { ruleCode: 'a', claimed: true, peer: true, approved: true },
      { ruleCode: 'b', claimed: true, peer: true, approved: false },
      { ruleCode: 'c', claimed: true, peer: true },
      { ruleCode: 'd', claimed: true, peer: false },
      { ruleCode: 'e', claimed: false, peer: true, approved: true },
      { ruleCode: 'f', claimed: true },
      { ruleCode: 'a', claimed: true, approved: true },
    ])).toEqual(['a', 'c']);
  });
});

describe('supermarket', () => {
  it.each([
    ['enough of everything', { balance: 100, stock: 5, qty: 2, price: 50, vetoed: false }, null],
    ['short of points', { balance: 99, stock: 5, qty: 2, price: 50, vetoed: false }, { code: 'POINTS_INSUFFICIENT', available: 99 }],
    ['short of stock', { balance: 1000, stock: 1, qty: 2, price: 50, vetoed: false }, { code: 'STOCK_INSUFFICIENT', available: 1 }],
    ['a veto comes first', { balance: 0, stock: 0, qty: 2, price: 50, vetoed: true }, { code: 'POINTS_VETOED', available: 0 }],
    ['stock before points', { balance: 0, stock: 0, qty: 1, price: 50, vetoed: false }, { code: 'STOCK_INSUFFICIENT', available: 0 }],
    ['qty 0', { balance: 100, stock: 5, qty: 0, price: 50, vetoed: false }, { code: 'POINTS_INVALID', available: 5 }],
  ] as const)('%s', (_, r, refusal) => {
    expect(redemptionRefusal(r)).toEqual(refusal);
  });
  it('a reservation lasts 7 days', () => {
    expect(reservationExpiry(new Date('2026-11-28T02:00:00Z')).toISOString()).toBe('2026-12-05T02:00:00.000Z');
    expect(reservationExpiry(new Date('2026-11-28T02:00:00Z'), 1).toISOString()).toBe('2026-11-29T02:00:00.000Z');
  });
});
