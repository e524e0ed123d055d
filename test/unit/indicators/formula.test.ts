import { describe, expect, it } from 'vitest';
import { evaluate, formulaRefusals, formulaText, measuresOf, type MeasureSums } from '../../../src/domain/indicators/formula.ts';
import { lightOf } from '../../../src/domain/indicators/lights.ts';
import { STANDARD_INDICATORS } from '../../../src/domain/indicators/standard.ts';
import { MEASURES } from '../../../src/shared/indicators.ts';

/*
 * One grid's month, counted by hand from a small history:
 *   12 cases reported, 10 accepted (9 of them within 5 minutes), 8 dispatched, 1 of them extended;
 *   8 handled by the departments (7 within their time), 1 sent back (返工);
 *   9 due to close in the month, 8 closed (6 on time); 8 verified, all on time;
 *   5 residents rated: 5, 5, 4, 4, 3 points → 4 satisfied (4 or 5), 21 points; 2 open cases past their deadline at
 *   month end; 20 tasks due, 19 done; 2 grid workers × 30 days = 60 days on duty, 51 active; 6 key people at month
 *   end, looked after 9 times; 3 alarms, 2 answered in time; no major incident; 4 disputes concluded, 3 resolved;
 *   2 ideas; 3,000 residents.
 */
const month: MeasureSums = {
  casesReported: 12, casesAccepted: 10, casesAcceptedIn5Min: 9, casesDispatched: 8, casesExtended: 1,
  casesHandled: 8, casesHandledOnTime: 7, casesReworked: 1, casesDue: 9, casesClosed: 8, casesClosedOnTime: 6,
  casesVerified: 8, casesVerifiedOnTime: 8, casesRated: 5, casesSatisfied: 4, satisfactionPoints: 21, casesOverdue: 2,
  tasksDue: 20, tasksDone: 19, gridWorkerDays: 60, gridWorkerActiveDays: 51, keyPeople: 6, keyPeopleVisited: 9,
  alarmsRaised: 3, alarmsAckedOnTime: 2, disputesSettled: 4, disputesResolved: 3, ideasSubmitted: 2, residents: 3000,
};

// code → [value, numerator, denominator, light against the catalog's target]
const BY_HAND: Record<string, [number | null, number | null, number | null, string]> = {
  casesAccepted: [10, 10, null, 'none'], //            立案数: 10, no target
  closeRate: [88.89, 8, 9, 'red'], //                   8 ÷ 9 = 88.89 %, target 95 (yellow from 90)
  onTimeCloseRate: [75, 6, 8, 'red'], //                6 ÷ 8 = 75 %, target 90 (yellow from 85)
  reworkRate: [12.5, 1, 8, 'red'], //                   1 ÷ 8 = 12.5 %, lower, target 5 (yellow to 8)
  extensionRate: [12.5, 1, 8, 'red'], //                1 ÷ 8 = 12.5 %, lower, target 5 (yellow to 8)
  onTimeVerifyRate: [100, 8, 8, 'green'], //            8 ÷ 8 = 100 %, target 95
  onTimeHandleRate: [87.5, 7, 8, 'yellow'], //          7 ÷ 8 = 87.5 %, target 90, yellow from 85
  acceptIn5MinRate: [90, 9, 10, 'green'], //            9 ÷ 10 = 90 %, target 90
  overdueOpenCases: [2, 2, null, 'yellow'], //          2 overdue, lower, target 0, yellow to 5
  satisfiedRate: [80, 4, 5, 'red'], //                  4 ÷ 5 = 80 %, target 90 (yellow from 85)
  satisfactionScore: [4.2, 21, 5, 'yellow'], //         21 ÷ 5 = 4.2 points, target 4.5, yellow from 4.2
  taskCompletionRate: [95, 19, 20, 'green'], //         19 ÷ 20 = 95 %, target 95
  gridWorkerActivity: [85, 51, 60, 'yellow'], //        51 ÷ 60 = 85 %, target 90, yellow from 80
  keyPeopleCare: [150, 9, 6, 'green'], //               9 ÷ 6 = 150 %, target 100
  alarmResponseRate: [66.67, 2, 3, 'red'], //           2 ÷ 3 = 66.67 %, target 95
  disputeResolveRate: [75, 3, 4, 'red'], //             3 ÷ 4 = 75 %, target 90
  majorIncidents: [0, 0, null, 'green'], //             none, lower, target 0
  casesPerTenThousand: [40, 12, 3000, 'none'], //       12 ÷ 3000 × 10000 = 40, no target
  ideasSubmitted: [2, 2, null, 'none'], //              2 ideas, no target
};

describe('the standard catalog, computed by hand on one grid\'s month', () => {
  it('has a hand-computed answer for every standard indicator, and no other', () => {
    expect(STANDARD_INDICATORS.map((d) => d.code).sort()).toEqual(Object.keys(BY_HAND).sort());
  });

  it.each(STANDARD_INDICATORS.map((d) => [d.code, d.nameZh, d] as const))('%s %s', (code, _name, d) => {
    const [value, numerator, denominator, light] = BY_HAND[code]!;
    expect(evaluate(d.formula, month)).toEqual({ value, numerator, denominator });
    expect(lightOf({ value, target: d.target, warnBand: d.warnBand, direction: d.direction })).toBe(light);
  });

  it('every standard formula is one a town could write, and every indicator has a description', () => {
    for (const d of STANDARD_INDICATORS) {
      expect(formulaRefusals(d.formula), d.code).toEqual([]);
      expect(d.description.length, d.code).toBeGreaterThan(10);
      if (d.unit === 'percent') expect(d.formula, d.code).toMatchObject({ kind: 'ratio', scale: 100 });
    }
  });
});

describe('evaluate', () => {
  it('no denominator → no value (no case due is not 0 % closed); the numerator is still told', () => {
    expect(evaluate({ kind: 'ratio', numerator: ['casesClosed'], denominator: ['casesDue'], scale: 100 }, { casesClosed: 2 }))
      .toEqual({ value: null, numerator: 2, denominator: 0 });
  });

  it('a count of nothing is 0, a count of several measures adds them', () => {
    expect(evaluate({ kind: 'count', measures: ['incidentsMajor'] }, {})).toEqual({ value: 0, numerator: 0, denominator: null });
    expect(evaluate({ kind: 'count', measures: ['casesAccepted', 'casesRejected'] }, { casesAccepted: 3, casesRejected: 2 }).value).toBe(5);
  });

  it('several measures on each side add up; an average ignores the scale; values round to 2 decimals', () => {
    // (3 + 1) ÷ (4 + 2) × 100 = 66.666… → 66.67
    expect(evaluate({ kind: 'ratio', numerator: ['casesClosed', 'casesRejected'], denominator: ['casesDue', 'casesReported'], scale: 100 },
      { casesClosed: 3, casesRejected: 1, casesDue: 4, casesReported: 2 }).value).toBe(66.67);
    expect(evaluate({ kind: 'average', numerator: ['satisfactionPoints'], denominator: ['casesRated'], scale: 100 },
      { satisfactionPoints: 14, casesRated: 3 }).value).toBe(4.67);
    // 5 cases among 12,500 residents per 10,000: 4
    expect(evaluate({ kind: 'perCapita', numerator: ['casesReported'], denominator: ['residents'], scale: 10000 },
      { casesReported: 5, residents: 12500 }).value).toBe(4);
  });

  it('measuresOf lists each measure once', () => {
    expect(measuresOf({ kind: 'ratio', numerator: ['casesClosed'], denominator: ['casesClosed', 'casesDue'], scale: 100 })).toEqual(['casesClosed', 'casesDue']);
  });
});

describe('formulaRefusals', () => {
  it.each([
    [{ kind: 'ratio', numerator: ['casesClosed'], denominator: ['casesDue'], scale: 100 }, []],
    [{ kind: 'count', measures: ['casesAccepted', 'casesRejected'] }, []],
    [null, ['公式缺失']],
    [{ kind: 'sum', measures: ['casesClosed'] }, ['公式类型须为计数、比率、平均或人均']],
    [{ kind: 'count', measures: [] }, ['计数至少选择一个指标项']],
    [{ kind: 'count', measures: ['casesClosed', 'noSuchThing'] }, ['计数含未知指标项：noSuchThing']],
    [{ kind: 'count', measures: ['casesClosed', 'casesClosed'] }, ['计数重复选择了「结案数」']],
    [{ kind: 'ratio', numerator: [], denominator: ['casesDue'], scale: 100 }, ['分子至少选择一个指标项']],
    [{ kind: 'ratio', numerator: ['casesClosed'], denominator: ['casesDue'], scale: 0 }, ['倍数须为正数（百分比为 100，每万人为 10000）']],
    [{ kind: 'ratio', numerator: ['casesClosed'], denominator: ['casesDue'] }, ['倍数须为正数（百分比为 100，每万人为 10000）']],
    [{ kind: 'ratio', numerator: ['casesClosed'], denominator: ['casesClosed'], scale: 100 }, ['分子与分母相同，结果恒为 1']],
    [{ kind: 'perCapita', numerator: Object.keys(MEASURES).slice(0, 9), denominator: ['residents'], scale: 10000 }, ['分子最多选择 8 个指标项']],
  ])('%j → %j', (formula, reasons) => {
    expect(formulaRefusals(formula)).toEqual(reasons);
  });
});

describe('formulaText', () => {
  it.each([
    [{ kind: 'ratio', numerator: ['casesClosed'], denominator: ['casesDue'], scale: 100 }, 'zh', '结案数 ÷ 应结案数 × 100'],
    [{ kind: 'ratio', numerator: ['casesClosed'], denominator: ['casesDue'], scale: 100 }, 'en', 'Cases closed ÷ Cases due to close × 100'],
    [{ kind: 'average', numerator: ['satisfactionPoints'], denominator: ['casesRated'], scale: 1 }, 'zh', '满意度总分 ÷ 评价数'],
    [{ kind: 'count', measures: ['casesAccepted', 'casesRejected'] }, 'zh', '立案数 + 不予立案数'],
    [{ kind: 'perCapita', numerator: ['casesReported', 'ideasSubmitted'], denominator: ['residents'], scale: 10000 }, 'zh', '(上报数 + 金点子数) ÷ 实有人口数 × 10000'],
  ] as const)('%j in %s', (formula, lang, text) => {
    expect(formulaText(formula as never, lang)).toBe(text);
  });
});
