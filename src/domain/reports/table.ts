// 一表通: a report form's table from the indicators' values of its rows, with the total row rolled up from them.
//   - Each cell is an indicator's value for the row's unit and period (what the indicators page shows).
//   - The total is NOT the sum of the cells: a ratio's total is Σ numerators ÷ Σ denominators × scale (two grids at
//     1/2 and 9/10 closed make 10/12 = 83.33 %, not 140 % nor the 70 % mean); a count's total is the sum.
//   - Rows of units (the children of a unit): every part adds up, stocks included (the open cases of two grids are
//     the open cases of both).
//   - Rows of months (one unit over a quarter or a year): flow parts add up; a part made only of stock measures takes
//     the last month that has it (the overdue cases of a year are those at its end, not the sum of twelve month-ends).
//   - A row without a value (its denominator 0) leaves its cell empty, but its parts still add up (2 cases closed in a
//     grid where none fell due still count in the town's closed cases), so the total of the children is the parent's
//     own value; a total whose denominator is 0 is empty.
//   - Values are rounded to 2 decimals, as the indicators' are.
import { MEASURES, type IndicatorFormula, type IndicatorUnit, type MeasureCode } from '../../shared/indicators.ts';
import type { ReportRowKind } from '../../shared/reports.ts';

export interface ReportColumnDef {
  code: string;
  /** the column's heading: the form's label, else the indicator's name */
  label: string;
  unit: IndicatorUnit;
  formula: IndicatorFormula;
}

/** One indicator's value of one row, as the indicators' values give it. */
export interface CellInput {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface ReportRowInput {
  /** the unit's id or the month's key */
  key: string;
  label: string;
  /** by indicator code; a missing code is an empty cell */
  cells: Record<string, CellInput | undefined>;
}

export interface ReportTable {
  columns: { code: string; label: string; unit: IndicatorUnit }[];
  rows: { key: string; label: string; cells: (number | null)[] }[];
  total: { label: string; cells: (number | null)[] };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

const onlyStock = (codes: readonly MeasureCode[]) => codes.length > 0 && codes.every((c) => MEASURES[c]?.kind === 'stock');

/** How a part (numerator or denominator) of a column adds up over the rows. */
function partRollup(codes: readonly MeasureCode[], rowKind: ReportRowKind): 'sum' | 'last' {
  return rowKind === 'months' && onlyStock(codes) ? 'last' : 'sum';
}

function rollPart(parts: (number | null)[], how: 'sum' | 'last'): number | null {
  const known = parts.filter((p): p is number => p !== null && Number.isFinite(p));
  if (known.length === 0) return null;
  return how === 'sum' ? known.reduce((a, b) => a + b, 0) : known[known.length - 1]!;
}

/** The total of one column over the rows' cells. */
export function rollUpColumn(column: Pick<ReportColumnDef, 'formula'>, cells: (CellInput | undefined)[], rowKind: ReportRowKind): number | null {
  const f = column.formula;
  if (f.kind === 'count') {
    const total = rollPart(cells.map((c) => c?.numerator ?? c?.value ?? null), partRollup(f.measures, rowKind));
    return total === null ? null : round2(total);
  }
  const numerator = rollPart(cells.map((c) => c?.numerator ?? null), partRollup(f.numerator, rowKind));
  const denominator = rollPart(cells.map((c) => c?.denominator ?? null), partRollup(f.denominator, rowKind));
  if (numerator === null || denominator === null || denominator === 0) return null;
  return round2((numerator / denominator) * (f.kind === 'average' ? 1 : f.scale));
}

/** The form's table: a row per unit or month, a column per indicator, and the total row. */
export function buildReportTable(input: {
  columns: ReportColumnDef[];
  rows: ReportRowInput[];
  rowKind: ReportRowKind;
  totalLabel: string;
}): ReportTable {
  const { columns, rows, rowKind } = input;
  return {
    columns: columns.map((c) => ({ code: c.code, label: c.label, unit: c.unit })),
    rows: rows.map((r) => ({ key: r.key, label: r.label, cells: columns.map((c) => r.cells[c.code]?.value ?? null) })),
    total: { label: input.totalLabel, cells: columns.map((c) => rollUpColumn(c, rows.map((r) => r.cells[c.code]), rowKind)) },
  };
}

const UNIT_SUFFIX: Record<IndicatorUnit, { zh: string; en: string }> = {
  percent: { zh: '%', en: '%' },
  count: { zh: '', en: '' },
  score: { zh: '', en: '' },
  perTenThousand: { zh: '', en: '' },
  minutes: { zh: '', en: '' },
};

/** The unit shown in a column's heading: （%） / （件/万人） … */
export const UNIT_HEADING: Record<IndicatorUnit, { zh: string; en: string }> = {
  percent: { zh: '%', en: '%' },
  count: { zh: '个', en: 'no.' },
  score: { zh: '分', en: 'pts' },
  perTenThousand: { zh: '每万人', en: 'per 10k' },
  minutes: { zh: '分钟', en: 'min' },
};

/** A cell as text: '—' when empty; percents with their sign and two decimals at most; counts as integers when whole. */
export function cellText(value: number | null, unit: IndicatorUnit, lang: 'zh' | 'en' = 'zh'): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const n = Number.isInteger(value) ? String(value) : String(round2(value));
  return `${n}${UNIT_SUFFIX[unit][lang]}`;
}
