import { describe, expect, it } from 'vitest';
import { buildReportTable, cellText, rollUpColumn, type CellInput } from '../../../src/domain/reports/table.ts';
import type { IndicatorFormula } from '../../../src/shared/indicators.ts';

const closedRate: IndicatorFormula = { kind: 'ratio', numerator: ['casesClosed'], denominator: ['casesDue'], scale: 100 };
const accepted: IndicatorFormula = { kind: 'count', measures: ['casesAccepted'] };
const overdue: IndicatorFormula = { kind: 'count', measures: ['casesOverdue'] };
const satisfaction: IndicatorFormula = { kind: 'average', numerator: ['satisfactionPoints'], denominator: ['casesRated'], scale: 1 };
const keyPeopleCare: IndicatorFormula = { kind: 'ratio', numerator: ['keyPeopleVisited'], denominator: ['keyPeople'], scale: 100 };

const ratio = (n: number, d: number, scale = 100): CellInput => ({ numerator: n, denominator: d, value: d === 0 ? null : Math.round((n / d) * scale * 100) / 100 });
const count = (n: number): CellInput => ({ numerator: n, denominator: null, value: n });

describe('rollUpColumn — the total row, worked by hand', () => {
  it.each<[string, IndicatorFormula, (CellInput | undefined)[], 'children' | 'months', number | null]>([
    ['counts add up over units: 3 + 5 + 0', accepted, [count(3), count(5), count(0)], 'children', 8],
    ['a ratio is Σ closed ÷ Σ due, not the sum (140) nor the mean (70) of 50 % and 90 %: 10/12', closedRate, [ratio(1, 2), ratio(9, 10)], 'children', 83.33],
    ['a unit with nothing due has no rate but its 2 closed still count: (1+2+9)/(2+0+10)', closedRate, [ratio(1, 2), ratio(2, 0), ratio(9, 10)], 'children', 100],
    ['nothing due anywhere: no total', closedRate, [ratio(0, 0), ratio(3, 0)], 'children', null],
    ['an average: 4.5 over 2 ratings and 3 over 1 → 12 / 3 = 4', satisfaction, [ratio(9, 2, 1), ratio(3, 1, 1)], 'children', 4],
    ['a stock count adds up over units: 2 + 4 overdue', overdue, [count(2), count(4)], 'children', 6],
    ['a stock count over months is the last month\'s: Oct 2, Nov 4, Dec 1 → 1', overdue, [count(2), count(4), count(1)], 'months', 1],
    ['a flow count over months adds up: 10 + 20 + 30', accepted, [count(10), count(20), count(30)], 'months', 60],
    ['a flow numerator over a stock denominator by months: (4+6+5) / 20 (December\'s key people)', keyPeopleCare, [ratio(4, 18), ratio(6, 19), ratio(5, 20)], 'months', 75],
    ['the same by units: stocks add up (4+6) / (18+22)', keyPeopleCare, [ratio(4, 18), ratio(6, 22)], 'children', 25],
    ['missing cells add nothing; all missing → empty', accepted, [undefined, undefined], 'children', null],
    ['one third rounds to 2 decimals', closedRate, [ratio(1, 3)], 'children', 33.33],
  ])('%s', (_what, formula, cells, rowKind, expected) => {
    expect(rollUpColumn({ formula }, cells, rowKind)).toBe(expected);
  });
});

describe('buildReportTable', () => {
  it('a row per unit, a column per indicator in the form\'s order, and the total row rolled up', () => {
    const table = buildReportTable({
      columns: [
        { code: 'casesAccepted', label: '立案数', unit: 'count', formula: accepted },
        { code: 'closedRate', label: '结案率', unit: 'percent', formula: closedRate },
      ],
      rows: [
        { key: 'g1', label: '第1网格', cells: { casesAccepted: count(4), closedRate: ratio(3, 4) } },
        { key: 'g2', label: '第2网格', cells: { casesAccepted: count(6), closedRate: ratio(0, 0) } },
        { key: 'g3', label: '第3网格', cells: {} },
      ],
      rowKind: 'children',
      totalLabel: '合计',
    });
    expect(table.columns).toEqual([
      { code: 'casesAccepted', label: '立案数', unit: 'count' },
      { code: 'closedRate', label: '结案率', unit: 'percent' },
    ]);
    expect(table.rows).toEqual([
      { key: 'g1', label: '第1网格', cells: [4, 75] },
      { key: 'g2', label: '第2网格', cells: [6, null] },
      { key: 'g3', label: '第3网格', cells: [null, null] },
    ]);
    expect(table.total).toEqual({ label: '合计', cells: [10, 75] });
  });
});

describe('cellText', () => {
  it.each<[number | null, 'percent' | 'count' | 'score', string]>([
    [null, 'percent', '—'],
    [83.33, 'percent', '83.33%'],
    [100, 'percent', '100%'],
    [12, 'count', '12'],
    [4.5, 'score', '4.5'],
  ])('%s %s → %s', (value, unit, text) => expect(cellText(value, unit)).toBe(text));
});
