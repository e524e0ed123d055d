import type { Tx } from '../platform/db/db.ts';
import { AppError } from '../platform/errors.ts';
import { MEASURES, type MeasureCode } from '../../shared/indicators.ts';
import { evaluate, measuresOf } from '../../domain/indicators/formula.ts';
import { shanghaiDay } from '../../domain/indicators/periods.ts';
import { buildReportTable, type CellInput, type ReportColumnDef, type ReportRowInput } from '../../domain/reports/table.ts';
import { monthsOf, periodLabel, reportPeriodKind } from '../../domain/reports/form.ts';
import { definitionsFor, measureSums, periodInvalid, type IndicatorDefinition } from '../indicators/values.ts';
import { childrenOf, townOfPath, type FormColumnRow, type FormRow, type UnitRow } from './form-store.ts';
import type { ReportTableView } from './schemas.ts';

/*
 * A form filled for a unit and a period: its columns resolved against the catalog of the unit's town (an indicator,
 * or a measure counted as it is), the rows' measure sums read from the roll-ups in one query (the children of the
 * unit for the period, or the unit for each month begun), each cell the indicator's formula over them (H1's
 * evaluate), and the total rolled up by the domain's rule.
 */

export const MEASURE_PREFIX = 'measure:';

export const reportFormInvalid = (reasons: string[]) =>
  new AppError('REPORT_FORM_INVALID', `The report form cannot be used: ${reasons.join('; ')}.`, `报表无法使用：${reasons.join('；')}。`, { reasons });

/** What a column names: a catalog definition, or a measure as a count. */
export function columnDef(c: FormColumnRow, catalog: Map<string, IndicatorDefinition>): (ReportColumnDef & { nameZh: string; nameEn: string }) | null {
  if (c.indicatorCode.startsWith(MEASURE_PREFIX)) {
    const m = c.indicatorCode.slice(MEASURE_PREFIX.length) as MeasureCode;
    if (!Object.hasOwn(MEASURES, m)) return null;
    return { code: c.indicatorCode, label: c.label?.trim() || MEASURES[m].zh, unit: 'count', formula: { kind: 'count', measures: [m] }, nameZh: MEASURES[m].zh, nameEn: MEASURES[m].en };
  }
  const d = catalog.get(c.indicatorCode);
  if (!d) return null;
  return { code: d.code, label: c.label?.trim() || d.nameZh, unit: d.unit, formula: d.formula, nameZh: d.nameZh, nameEn: d.nameEn };
}

/** The catalog a form's columns are read against for a unit: the standard indicators and those of the unit's town. */
export async function catalogFor(tx: Tx, townId: string | null): Promise<Map<string, IndicatorDefinition>> {
  return new Map((await definitionsFor(tx, townId, { includeArchived: true })).map((d) => [d.code, d]));
}

export async function reportTable(tx: Tx, form: FormRow, unit: UnitRow, period: string, now: Date): Promise<ReportTableView> {
  const kind = reportPeriodKind(period);
  if (!kind) throw periodInvalid(period);
  if (kind !== form.period_kind) {
    const zh = { month: '月', quarter: '季度', year: '年' }[form.period_kind];
    throw new AppError('PERIOD_INVALID', `${form.name} is filled per ${form.period_kind}; ${period} is not one.`, `「${form.name}」按${zh}填报，${period} 不是${zh}。`);
  }
  if (form.org_path !== null && !unit.path.startsWith(form.org_path)) {
    throw reportFormInvalid([`「${form.name}」是${form.org_unit_name ?? ''}的报表，只能填报该街道及其下级单位`]);
  }
  const town = await townOfPath(tx, unit.path);
  const catalog = await catalogFor(tx, town?.id ?? null);
  const columns = form.columns.map((c) => {
    const def = columnDef(c, catalog);
    if (!def) throw reportFormInvalid([`指标不在${town?.name ?? ''}的指标目录中：${c.indicatorCode}`]);
    return def;
  });

  let units: UnitRow[];
  let periods: string[];
  if (form.row_kind === 'children') {
    units = await childrenOf(tx, unit.id);
    if (units.length === 0) throw reportFormInvalid([`${unit.name}没有下级单位，按下级分行的报表请选上级单位填报`]);
    periods = [period];
  } else {
    units = [unit];
    periods = monthsOf(period, shanghaiDay(now));
  }
  const measures = [...new Set(columns.flatMap((c) => measuresOf(c.formula)))];
  const sums = await measureSums(tx, { orgUnitIds: units.map((u) => u.id), periods, measures });
  const cellsOf = (unitId: string, p: string): Record<string, CellInput> => {
    const s = sums.get(unitId)?.get(p) ?? {};
    return Object.fromEntries(columns.map((c) => [c.code, evaluate(c.formula, s)]));
  };
  const rows: ReportRowInput[] = form.row_kind === 'children'
    ? units.map((u) => ({ key: u.id, label: u.name, cells: cellsOf(u.id, period) }))
    : periods.map((p) => ({ key: p, label: periodLabel(p), cells: cellsOf(unit.id, p) }));
  const table = buildReportTable({ columns, rows, rowKind: form.row_kind, totalLabel: '合计' });
  const label = periodLabel(period);
  return {
    formId: form.id, formName: form.name, formVersion: Number(form.version),
    unit: { id: unit.id, name: unit.name, level: unit.level },
    period, periodLabel: label, title: `${unit.name}${label}${form.name}`, rowKind: form.row_kind,
    columns: table.columns, rows: table.rows, total: table.total, generatedAt: now.toISOString(),
  };
}
