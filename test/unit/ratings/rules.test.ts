import { describe, expect, it } from 'vitest';
import {
  answerOutcome, appealActionAllowed, evaluationMean, evaluationRefusals, periodRating, pointsOf, ruleRefusals, scoreOf,
  starsOf, vetoesHit,
} from '../../../src/domain/ratings/rules.ts';
import type { RatingRuleItem, RatingVeto, StarThresholds } from '../../../src/shared/ratings.ts';

const T: StarThresholds = [90, 80, 70, 60, 50];
const closeRate: RatingRuleItem = { indicatorCode: 'closeRate', weight: 40, full: 95, zero: 60 };
const reworkRate: RatingRuleItem = { indicatorCode: 'reworkRate', weight: 20, full: 2, zero: 12 };
const satisfaction: RatingRuleItem = { indicatorCode: 'satisfactionRate', weight: 40, full: 98, zero: 70 };
const major: RatingVeto = { code: 'majorIncident', measure: 'incidentsMajor', atLeast: 1, maxStars: 0, reasonZh: '发生重大突发事件', reasonEn: 'A major incident' };
const overdue: RatingVeto = { code: 'overdue', measure: 'casesOverdue', atLeast: 10, maxStars: 3, reasonZh: '超期在办案件达10件', reasonEn: '10 overdue cases' };

describe('pointsOf: linear between the zero and the full mark, capped at the weight', () => {
  it.each([
    ['higher is better, at full', closeRate, 95, 40],
    ['higher is better, beyond full', closeRate, 100, 40],
    ['higher is better, half way (77.5) → 20', closeRate, 77.5, 20],
    ['higher is better, 88 → (88-60)/35·40 = 32', closeRate, 88, 32],
    ['higher is better, at zero', closeRate, 60, 0],
    ['higher is better, below zero → never negative', closeRate, 10, 0],
    ['lower is better, at full (2 %)', reworkRate, 2, 20],
    ['lower is better, below full (0 %)', reworkRate, 0, 20],
    ['lower is better, 7 % → half = 10', reworkRate, 7, 10],
    ['lower is better, 9.5 % → (12-9.5)/10·20 = 5', reworkRate, 9.5, 5],
    ['lower is better, beyond zero', reworkRate, 30, 0],
    ['no value → no points', closeRate, null, 0],
    ['full = zero: reached → all', { ...closeRate, full: 90, zero: 90 }, 90, 40],
    ['full = zero: missed → none', { ...closeRate, full: 90, zero: 90 }, 89.9, 0],
  ] as const)('%s', (_, item, value, points) => {
    expect(pointsOf(item, value)).toBe(points);
  });
});

describe('scoreOf: the sum of the points, with the breakdown', () => {
  it('three items by hand: 32 + 10 + 40·(91-70)/28 = 30 → 72', () => {
    const r = scoreOf([closeRate, reworkRate, satisfaction], { closeRate: 88, reworkRate: 7, satisfactionRate: 91 });
    expect(r.score).toBe(72);
    expect(r.breakdown.map((b) => [b.indicatorCode, b.value, b.weight, b.points])).toEqual([
      ['closeRate', 88, 40, 32], ['reworkRate', 7, 20, 10], ['satisfactionRate', 91, 40, 30],
    ]);
  });
  it('a missing indicator counts no points and shows no value', () => {
    const r = scoreOf([closeRate, satisfaction], new Map([['closeRate', 95]]));
    expect(r.score).toBe(40);
    expect(r.breakdown[1]).toMatchObject({ value: null, points: 0 });
  });
  it('all full → 100', () => {
    expect(scoreOf([closeRate, reworkRate, satisfaction], { closeRate: 99, reworkRate: 1, satisfactionRate: 100 }).score).toBe(100);
  });
  it('rounds to one decimal: 40·(80-60)/35 = 22.857 → 22.9 (points kept to two)', () => {
    const r = scoreOf([closeRate], { closeRate: 80 });
    expect(r.breakdown[0]!.points).toBe(22.86);
    expect(r.score).toBe(22.9);
  });
});

describe('starsOf: thresholds, then vetoes cap', () => {
  it.each([
    [100, [], 5], [90, [], 5], [89.9, [], 4], [80, [], 4], [75, [], 3], [60, [], 2], [50, [], 1], [49.9, [], 0], [0, [], 0],
    [95, [major], 0], [95, [overdue], 3], [65, [overdue], 2], [95, [overdue, major], 0],
  ] as const)('score %s with vetoes %j → %s stars', (score, hit, stars) => {
    expect(starsOf(score, T, hit as unknown as RatingVeto[])).toBe(stars);
  });
});

describe('vetoesHit: the measure reached its bar in the period', () => {
  it.each([
    ['nothing happened', {}, []],
    ['one major incident', { incidentsMajor: 1 }, ['majorIncident']],
    ['9 overdue: below the bar', { casesOverdue: 9 }, []],
    ['10 overdue and an incident', { casesOverdue: 10, incidentsMajor: 2 }, ['majorIncident', 'overdue']],
  ] as const)('%s', (_, sums, codes) => {
    expect(vetoesHit([major, overdue], sums).map((v) => v.code)).toEqual(codes);
  });
});

describe('periodRating: a quarter is the mean of its months', () => {
  it('three months 92, 85, 78 → 85, 4 stars', () => {
    expect(periodRating([{ score: 92, vetoesHit: [] }, { score: 85, vetoesHit: [] }, { score: 78, vetoesHit: [] }], T)).toEqual({ score: 85, stars: 4 });
  });
  it('a month with a veto caps the quarter', () => {
    expect(periodRating([{ score: 95, vetoesHit: [] }, { score: 95, vetoesHit: [overdue] }], T)).toEqual({ score: 95, stars: 3 });
  });
  it('two months 90 and 89.5 → 89.75 → 89.8, 4 stars', () => {
    expect(periodRating([{ score: 90, vetoesHit: [] }, { score: 89.5, vetoesHit: [] }], T)).toEqual({ score: 89.8, stars: 4 });
  });
  it('no month rated → none', () => {
    expect(periodRating([], T)).toBeNull();
  });
});

describe('ruleRefusals', () => {
  const ok = { items: [closeRate, reworkRate, satisfaction], thresholds: T, vetoes: [major] };
  it('a good rule passes', () => expect(ruleRefusals(ok, new Set(['closeRate', 'reworkRate', 'satisfactionRate']), new Set(['incidentsMajor']))).toEqual([]));
  it.each([
    ['weights not 100', { ...ok, items: [closeRate, reworkRate] }, '各项分值合计须为100分（现为60分）'],
    ['an indicator twice', { ...ok, items: [closeRate, closeRate, reworkRate] }, '指标 closeRate 重复'],
    ['thresholds not descending', { ...ok, thresholds: [90, 90, 70, 60, 50] }, '星级分数线须从五星到一星依次降低'],
    ['a threshold above 100', { ...ok, thresholds: [120, 80, 70, 60, 50] }, '星级分数线须为0到100之间的五个数'],
    ['four thresholds', { ...ok, thresholds: [90, 80, 70, 60] }, '星级分数线须为0到100之间的五个数'],
    ['no items', { ...ok, items: [] }, '评分细则至少有一项指标'],
    ['veto caps at 5', { ...ok, vetoes: [{ ...major, maxStars: 5 }] }, '否决项 majorIncident 的封顶星级须为0到4'],
    ['veto without a reason', { ...ok, vetoes: [{ ...major, reasonZh: ' ' }] }, '否决项 majorIncident 须写明原因'],
    ['veto bar 0', { ...ok, vetoes: [{ ...major, atLeast: 0 }] }, '否决项 majorIncident 的触发次数须至少为1'],
  ] as const)('%s', (_, rule, message) => {
    expect(ruleRefusals(rule as never)).toContain(message);
  });
  it('unknown indicator and measure', () => {
    expect(ruleRefusals(ok, new Set(['closeRate', 'reworkRate']), new Set())).toEqual(['指标 satisfactionRate 不存在', '否决项 majorIncident 的计数项不存在']);
  });
});

describe('appeals', () => {
  it.each([['open', true], ['upheld', false], ['rejected', false]] as const)('an appeal %s may be answered: %s', (status, ok) => {
    expect(appealActionAllowed(status, 'answer')).toBe(ok);
  });
  const current = { score: 72, stars: 3 };
  it.each([
    ['rejected keeps the rating', 'rejected', { stars: 5 }, { score: 72, stars: 3 }],
    ['upheld with stars given: the stars, the score kept', 'upheld', { stars: 4 }, { score: 72, stars: 4 }],
    ['upheld with stars beyond 5 → 5', 'upheld', { stars: 9 }, { score: 72, stars: 5 }],
    ['upheld without stars: recomputed', 'upheld', { recomputed: { score: 81, stars: 4 } }, { score: 81, stars: 4 }],
    ['upheld, nothing to recompute: unchanged', 'upheld', {}, { score: 72, stars: 3 }],
  ] as const)('%s', (_, decision, given, after) => {
    expect(answerOutcome(decision, current, given)).toEqual(after);
  });
});

describe('反向评价', () => {
  const C = ['timeliness', 'quality', 'cooperation'];
  it('whole scores 1–5 for each criterion, cases sent', () => {
    expect(evaluationRefusals({ timeliness: 5, quality: 4, cooperation: 1 }, C, 3)).toEqual([]);
  });
  it.each([
    ['no case sent', { timeliness: 5, quality: 4, cooperation: 3 }, 0, '本期未向该部门派遣案件，无需评价'],
    ['a 6', { timeliness: 6, quality: 4, cooperation: 3 }, 2, 'timeliness 须为1到5分'],
    ['a half', { timeliness: 4.5, quality: 4, cooperation: 3 }, 2, 'timeliness 须为1到5分'],
    ['missing', { timeliness: 4, quality: 4 }, 2, 'cooperation 须为1到5分'],
    ['unknown', { timeliness: 4, quality: 4, cooperation: 3, speed: 5 }, 2, '未知的评价项 speed'],
  ] as const)('%s', (_, scores, cases, message) => {
    expect(evaluationRefusals(scores, C, cases)).toContain(message);
  });
  it('mean of 5, 4, 4 → 4.3', () => expect(evaluationMean({ a: 5, b: 4, c: 4 })).toBe(4.3));
});
