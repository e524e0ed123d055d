import type { FastifyInstance } from 'fastify';
import { requirePrincipal, type Principal } from '../platform/auth.ts';
import { AppError, notFound } from '../platform/errors.ts';
import type { Tx } from '../platform/db/db.ts';
import type { PeriodKey } from '../../shared/indicators.ts';
import { evaluate, measuresOf } from '../../domain/indicators/formula.ts';
import { lightOf } from '../../domain/indicators/lights.ts';
import { daysBetween, parsePeriod, periodsBetween } from '../../domain/indicators/periods.ts';
import {
  definitionsFor, indicatorUnknown, indicatorValues, measureSums, periodInvalid, townsOf, type IndicatorDefinition,
} from './values.ts';
import { childrenOf, readableUnit, type UnitRow } from './catalog-reach.ts';
import { CATALOG_READERS } from './catalog-routes.ts';
import { presentValue } from './presenters.ts';
import * as s from './schemas.ts';

const TAGS = ['indicators'];
const SERIES_LIMITS = { day: 92, month: 36 } as const;

/** The unit a values request is about: the one named (readable, else 404), else the caller's scope unit. */
async function unitOf(tx: Tx, p: Principal, orgUnitId: string | undefined): Promise<UnitRow> {
  const id = orgUnitId ?? p.scopeOrgUnitId;
  const unit = id ? await readableUnit(tx, p, id) : null;
  if (!unit) throw notFound('org unit');
  return unit;
}

function checkPeriod(period: string): PeriodKey {
  if (!parsePeriod(period)) throw periodInvalid(period);
  return period;
}

/** The catalog in force for a unit's town, and the definitions of the codes asked (unknown → 422 INDICATOR_UNKNOWN). */
async function definitionsOfUnit(tx: Tx, unit: UnitRow, codes: string[] | null): Promise<{ townId: string | null; defs: IndicatorDefinition[] }> {
  const townId = (await townsOf(tx, [unit.id])).get(unit.id) ?? null;
  const all = await definitionsFor(tx, townId);
  if (!codes || codes.length === 0) return { townId, defs: all };
  const unknown = codes.filter((c) => !all.some((d) => d.code === c));
  if (unknown.length > 0) throw indicatorUnknown(unknown);
  return { townId, defs: codes.map((c) => all.find((d) => d.code === c)!) };
}

const splitCodes = (raw: string | undefined): string[] | null => {
  const codes = [...new Set((raw ?? '').split(',').map((c) => c.trim()).filter((c) => c.length > 0))];
  if (codes.length > 100) throw new AppError('VALIDATION_FAILED', 'At most 100 indicator codes at once.', '一次最多查询 100 个指标。');
  return codes.length > 0 ? codes : null;
};

/**
 * The values of indicators: a unit's, its children's (drill-down and rankings), and a trend. Reach (catalog-reach.ts):
 * the units inside the caller's scope and those holding it from the town down; children of any of them (peers are
 * public inside the town). Values come from the roll-ups the facts job keeps; nothing here counts records.
 */
export async function valueRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/indicators/values', {
    config: { access: CATALOG_READERS },
    schema: {
      summary: 'Values of indicators for a unit and period', tags: TAGS, querystring: s.ValuesQuery, response: { 200: s.ValueList },
      description: 'Each indicator (`codes`, comma-separated; default the whole catalog in force for the unit\'s town) for the unit (`orgUnitId`: inside the caller\'s scope or holding it from the town down; default the caller\'s scope unit) and `period` (day 2026-12-03, month 2026-12, quarter 2026Q4, year 2026): value, numerator, denominator, the target in force, the light and the previous period\'s value. No denominator → value null. Unknown code → 422 INDICATOR_UNKNOWN; a bad period → 422 PERIOD_INVALID; a unit out of reach → 404.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as { codes?: string; orgUnitId?: string; period: string };
    const period = checkPeriod(q.period);
    const codes = splitCodes(q.codes);
    const unit = await unitOf(app.db, p, q.orgUnitId);
    const { townId, defs } = await definitionsOfUnit(app.db, unit, codes);
    const values = await indicatorValues(app.db.reader, { codes: defs.map((d) => d.code), orgUnitIds: [unit.id], period, townId: townId ?? undefined });
    const byCode = new Map(defs.map((d) => [d.code, d]));
    return { orgUnitId: unit.id, orgUnitName: unit.name, period, items: values.map((v) => presentValue(v, byCode.get(v.code)!, unit)) };
  });

  app.get('/api/indicators/values/children', {
    config: { access: CATALOG_READERS },
    schema: {
      summary: 'An indicator\'s values for the children of a unit', tags: TAGS, querystring: s.ChildrenQuery, response: { 200: s.ChildValueList },
      description: 'The drill-down: the indicator (`code`) for the unit (as /api/indicators/values reaches it) and each of its children (a town\'s communities, a community\'s grids), in the org tree\'s order, with each child\'s target in force (its town\'s own, else the catalog\'s) and light. Peers are public inside the town (赛马比拼): a grid worker reads the grids of their community through their community. Unknown code → 422 INDICATOR_UNKNOWN; a bad period → 422 PERIOD_INVALID; a unit out of reach → 404.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as { code: string; orgUnitId?: string; period: string };
    const period = checkPeriod(q.period);
    const unit = await unitOf(app.db, p, q.orgUnitId);
    const { townId, defs } = await definitionsOfUnit(app.db, unit, [q.code]);
    const def = defs[0]!;
    const children = await childrenOf(app.db, unit.id);
    const [parent] = await indicatorValues(app.db.reader, { codes: [def.code], orgUnitIds: [unit.id], period, townId: townId ?? undefined });
    // a unit at or below a town: its children share its town and catalog; above: each child's own town's targets
    const values = children.length === 0 ? [] : townId !== null
      ? await indicatorValues(app.db.reader, { codes: [def.code], orgUnitIds: children.map((c) => c.id), period, townId })
      : await indicatorValues(app.db.reader, { codes: [def.code], orgUnitIds: children.map((c) => c.id), period });
    const byId = new Map(children.map((c) => [c.id, c]));
    return {
      code: def.code, name: def.nameZh, unit: def.unit, direction: def.direction, orgUnitId: unit.id, orgUnitName: unit.name, period,
      parent: presentValue(parent!, def, unit),
      items: values.map((v) => presentValue(v, def, byId.get(v.orgUnitId)!)),
    };
  });

  app.get('/api/indicators/series', {
    config: { access: CATALOG_READERS },
    schema: {
      summary: 'An indicator\'s trend', tags: TAGS, querystring: s.SeriesQuery, response: { 200: s.Series },
      description: 'The indicator (`code`) for the unit (as /api/indicators/values reaches it) per day or month (`kind`, default month) from the period `from` falls in to the one `to` falls in (days YYYY-MM-DD): at most 92 days or 36 months. Each point: value, numerator, denominator and light against the target in force. `to` before `from`, too long or a bad day → 422 PERIOD_INVALID; unknown code → 422 INDICATOR_UNKNOWN; a unit out of reach → 404.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as { code: string; orgUnitId?: string; from: string; to: string; kind?: 'day' | 'month' };
    const kind = q.kind ?? 'month';
    if (!parsePeriod(q.from) || !parsePeriod(q.to)) throw periodInvalid(!parsePeriod(q.from) ? q.from : q.to);
    // the span is checked before the days are listed: a range of centuries must not be built to be refused
    const spanDays = (Date.parse(`${parsePeriod(q.to)!.to}T00:00:00Z`) - Date.parse(`${parsePeriod(q.from)!.from}T00:00:00Z`)) / 86_400_000 + 1;
    const tooLong = kind === 'day' ? spanDays > SERIES_LIMITS.day : spanDays > (SERIES_LIMITS.month + 1) * 31;
    const periods = q.from <= q.to && !tooLong ? (kind === 'day' ? daysBetween(q.from, q.to) : periodsBetween('month', q.from, q.to)) : [];
    if (periods.length === 0 || periods.length > SERIES_LIMITS[kind]) {
      throw new AppError('PERIOD_INVALID', `From ${q.from} to ${q.to}: a trend spans 1 to ${SERIES_LIMITS[kind]} ${kind === 'day' ? 'days' : 'months'}.`,
        `${q.from} 至 ${q.to}：趋势须为 1 至 ${SERIES_LIMITS[kind]} ${kind === 'day' ? '天' : '个月'}。`, { field: 'from' });
    }
    const unit = await unitOf(app.db, p, q.orgUnitId);
    const { defs } = await definitionsOfUnit(app.db, unit, [q.code]);
    const def = defs[0]!;
    const sums = (await measureSums(app.db.reader, { orgUnitIds: [unit.id], periods, measures: measuresOf(def.formula) })).get(unit.id);
    return {
      code: def.code, name: def.nameZh, unit: def.unit, direction: def.direction, orgUnitId: unit.id, orgUnitName: unit.name, kind,
      target: def.target,
      points: periods.map((period) => {
        const r = evaluate(def.formula, sums?.get(period) ?? {});
        return { period, ...r, light: lightOf({ value: r.value, target: def.target, warnBand: def.warnBand, direction: def.direction }) };
      }),
    };
  });
}
