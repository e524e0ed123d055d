import type { Tx } from '../platform/db/db.ts';
import { AppError } from '../platform/errors.ts';
import {
  MEASURES, type IndicatorBoard, type IndicatorDirection, type IndicatorFormula, type IndicatorUnit, type IndicatorValue,
  type MeasureCode, type PeriodKey, type PeriodKind,
} from '../../shared/indicators.ts';
import { evaluate, measuresOf, type MeasureSums } from '../../domain/indicators/formula.ts';
import { lightOf } from '../../domain/indicators/lights.ts';
import { parsePeriod, previousPeriod } from '../../domain/indicators/periods.ts';

/*
 * The values of indicators (issue 17), read by the values routes, ratings, rankings, the screen and reports:
 *   - an indicator's value for a unit and period is its formula over the unit's roll-up row of that period
 *     (indicator_rollups, written only by the facts job);
 *   - the definitions in force for a town: the standard catalog and the town's own (not archived), each with the
 *     target in force — the town's own target (indicator_targets) when it set one, else the catalog's;
 *   - a unit's town is the town it lies in (the unit itself for a town); units above a town read the catalog's
 *     targets and no town's own indicators.
 * These functions do not check who asks: the routes scope the units first.
 */

export interface IndicatorDefinition {
  code: string;
  /** the town that defined it; null for a standard one */
  orgUnitId: string | null;
  orgPath: string | null;
  nameZh: string;
  nameEn: string;
  description: string;
  board: IndicatorBoard;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  formula: IndicatorFormula;
  /** the target in force for the town asked about: its own target, else the catalog's */
  target: number | null;
  warnBand: number | null;
  catalogTarget: number | null;
  catalogWarnBand: number | null;
  /** the town whose own target is in force, when it is */
  targetSetBy: string | null;
  periodKinds: PeriodKind[];
  standard: boolean;
  sort: number;
  archived: boolean;
  version: number;
  createdBy: string | null;
  updatedAt: Date;
}

interface DefinitionRow {
  code: string; org_unit_id: string | null; org_path: string | null; name_zh: string; name_en: string; description: string;
  board: IndicatorBoard; unit: IndicatorUnit; direction: IndicatorDirection; formula: IndicatorFormula;
  target: number | null; warn_band: number | null; period_kinds: PeriodKind[]; standard: boolean; sort: number;
  archived_at: Date | string | null; version: number; created_by: string | null; updated_at: Date | string;
  town_target: number | null; town_warn_band: number | null; town_target_unit: string | null;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function definitionOf(r: DefinitionRow): IndicatorDefinition {
  const own = r.town_target_unit !== null;
  return {
    code: r.code, orgUnitId: r.org_unit_id, orgPath: r.org_path, nameZh: r.name_zh, nameEn: r.name_en, description: r.description,
    board: r.board, unit: r.unit, direction: r.direction,
    formula: typeof r.formula === 'string' ? JSON.parse(r.formula) : r.formula,
    target: own ? num(r.town_target) : num(r.target),
    warnBand: own ? num(r.town_warn_band) : num(r.warn_band),
    catalogTarget: num(r.target), catalogWarnBand: num(r.warn_band),
    targetSetBy: own ? r.town_target_unit : null,
    periodKinds: r.period_kinds, standard: r.standard, sort: Number(r.sort), archived: r.archived_at !== null,
    version: Number(r.version), createdBy: r.created_by, updatedAt: new Date(r.updated_at),
  };
}

/**
 * The definitions in force for a town (null: the catalog alone): the standard ones and the town's own, in catalog
 * order, each with the target in force for the town. Archived ones only with `includeArchived`.
 */
export async function definitionsFor(tx: Tx, townId: string | null, opts: { includeArchived?: boolean } = {}): Promise<IndicatorDefinition[]> {
  const { rows } = await tx.query<DefinitionRow>(
    `select d.*, t.target as town_target, t.warn_band as town_warn_band, t.org_unit_id as town_target_unit
       from indicator_definitions d
       left join indicator_targets t on t.code = d.code and t.org_unit_id = $1
      where (d.org_unit_id is null or d.org_unit_id = $1)
        and ($2 or d.archived_at is null)
      order by d.standard desc, d.sort, d.code`,
    [townId, opts.includeArchived === true],
  );
  return rows.map(definitionOf);
}

/** One definition by code as a town sees it (its own target in force), or null when there is none it may see. */
export async function definitionFor(tx: Tx, code: string, townId: string | null): Promise<IndicatorDefinition | null> {
  const { rows } = await tx.query<DefinitionRow>(
    `select d.*, t.target as town_target, t.warn_band as town_warn_band, t.org_unit_id as town_target_unit
       from indicator_definitions d
       left join indicator_targets t on t.code = d.code and t.org_unit_id = $2
      where d.code = $1 and (d.org_unit_id is null or d.org_unit_id = $2)`,
    [code, townId],
  );
  return rows[0] ? definitionOf(rows[0]) : null;
}

/**
 * The roll-up sums of measures per unit and period: every (unit, period) asked for that has a row holds the measures
 * it has (a measure without a row is 0 — the job keeps non-zero values only). Units or periods without any row are
 * missing from the map.
 */
export async function measureSums(
  tx: Tx,
  q: { orgUnitIds: string[]; periods: PeriodKey[]; measures: MeasureCode[] },
): Promise<Map<string, Map<PeriodKey, Partial<Record<MeasureCode, number>>>>> {
  const out = new Map<string, Map<PeriodKey, Partial<Record<MeasureCode, number>>>>();
  if (q.orgUnitIds.length === 0 || q.periods.length === 0 || q.measures.length === 0) return out;
  const { rows } = await tx.query<{ org_unit_id: string; period: string; measure: MeasureCode; value: number }>(
    `select org_unit_id, period, measure, value from indicator_rollups
      where org_unit_id = any($1::text[]) and period = any($2::text[]) and measure = any($3::text[])`,
    [q.orgUnitIds, q.periods, q.measures],
  );
  for (const r of rows) {
    let byPeriod = out.get(r.org_unit_id);
    if (!byPeriod) out.set(r.org_unit_id, (byPeriod = new Map()));
    let sums = byPeriod.get(r.period);
    if (!sums) byPeriod.set(r.period, (sums = {}));
    sums[r.measure] = Number(r.value);
  }
  return out;
}

/** The town each unit lies in (itself for a town; null above the towns). */
export async function townsOf(tx: Tx, orgUnitIds: string[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  if (orgUnitIds.length === 0) return out;
  const { rows } = await tx.query<{ id: string; town_id: string | null }>(
    `select u.id,
            (select t.id from org_units t where t.level = 'town' and left(u.path, length(t.path)) = t.path
              order by length(t.path) desc limit 1) as town_id
       from org_units u where u.id = any($1::text[])`,
    [orgUnitIds],
  );
  for (const r of rows) out.set(r.id, r.town_id);
  return out;
}

export const periodInvalid = (period: string) =>
  new AppError('PERIOD_INVALID', `${period} is not a period: a day 2026-12-03, a month 2026-12, a quarter 2026Q4 or a year 2026.`,
    `统计周期 ${period} 无效：应为日（2026-12-03）、月（2026-12）、季度（2026Q4）或年（2026）。`);

export const indicatorUnknown = (codes: string[]) =>
  new AppError('INDICATOR_UNKNOWN', `Unknown indicator: ${codes.join(', ')}.`, `指标不存在：${codes.join('、')}。`, { codes });

/** The value of one definition from the sums of its period and the period before. */
export function valueOf(
  def: IndicatorDefinition,
  orgUnitId: string,
  period: PeriodKey,
  sums: MeasureSums | undefined,
  previousSums: MeasureSums | undefined,
): IndicatorValue {
  const now = evaluate(def.formula, sums ?? {});
  const before = evaluate(def.formula, previousSums ?? {});
  return {
    code: def.code, orgUnitId, period,
    value: now.value, numerator: now.numerator, denominator: now.denominator,
    target: def.target,
    warnBand: def.warnBand,
    light: lightOf({ value: now.value, target: def.target, warnBand: def.warnBand, direction: def.direction }),
    previous: before.value,
  };
}

/**
 * The values of indicators for units and one period, with the target in force, the light and the previous period's
 * value. `codes` (default: every indicator in force) are checked against the catalog of each unit's town (or of
 * `townId` when given): a code nobody's catalog holds → 422 INDICATOR_UNKNOWN; a town's own indicator is given only for
 * the units of that town. A bad period → 422 PERIOD_INVALID. Ordered by unit (as given), then catalog order.
 */
export async function indicatorValues(
  tx: Tx,
  q: { codes?: string[]; orgUnitIds: string[]; period: PeriodKey; townId?: string },
): Promise<IndicatorValue[]> {
  if (!parsePeriod(q.period)) throw periodInvalid(q.period);
  const previous = previousPeriod(q.period);
  const towns = q.townId !== undefined ? new Map(q.orgUnitIds.map((id) => [id, q.townId!] as const)) : await townsOf(tx, q.orgUnitIds);
  const catalogs = new Map<string | null, IndicatorDefinition[]>();
  for (const id of q.orgUnitIds) {
    const town = towns.get(id) ?? null;
    if (!catalogs.has(town)) catalogs.set(town, await definitionsFor(tx, town));
  }
  if (catalogs.size === 0) catalogs.set(q.townId ?? null, await definitionsFor(tx, q.townId ?? null));
  const wanted = q.codes && q.codes.length > 0 ? new Set(q.codes) : null;
  if (wanted) {
    const known = new Set([...catalogs.values()].flat().map((d) => d.code));
    const unknown = [...wanted].filter((c) => !known.has(c));
    if (unknown.length > 0) throw indicatorUnknown(unknown);
  }
  const picked = new Map([...catalogs].map(([town, defs]) => [town, wanted ? defs.filter((d) => wanted.has(d.code)) : defs] as const));
  const measures = [...new Set([...picked.values()].flat().flatMap((d) => measuresOf(d.formula)))];
  const sums = await measureSums(tx, { orgUnitIds: q.orgUnitIds, periods: [q.period, previous], measures });
  const out: IndicatorValue[] = [];
  for (const id of q.orgUnitIds) {
    const defs = picked.get(towns.get(id) ?? null) ?? [];
    const byPeriod = sums.get(id);
    for (const def of defs) out.push(valueOf(def, id, q.period, byPeriod?.get(q.period), byPeriod?.get(previous)));
  }
  return out;
}

/** The measures' names, for the catalog editor. */
export const measureList = () => (Object.keys(MEASURES) as MeasureCode[]).map((code) => ({ code, ...MEASURES[code] }));
