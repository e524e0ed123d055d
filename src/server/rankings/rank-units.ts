import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';
import { AppError } from '../platform/errors.ts';
import { indicatorValues } from '../indicators/values.ts';
import { parsePeriod, previousPeriod } from '../../domain/indicators/periods.ts';
import { movementOf, rankByValue } from '../../domain/rankings/rank.ts';
import type { IndicatorDirection, PeriodKey } from '../../shared/indicators.ts';
import { RANK_BY_STARS, type RankingRow, type RatingLevel } from '../../shared/ratings.ts';

export type { RankingRow };

export interface RankQuery {
  /** the unit whose descendants of `level` are ranked (a town, a community, the district…) */
  parentId: string;
  level: RatingLevel;
  /** an indicator's code, or 'stars' (RANK_BY_STARS) for the published ratings of the level */
  indicator: string;
  period: PeriodKey;
}

export interface RankIndicator {
  code: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  direction: IndicatorDirection;
}

const STARS: RankIndicator = { code: RANK_BY_STARS, nameZh: '星级', nameEn: 'Stars', unit: 'stars', direction: 'higher' };

/** The town a unit lies in (itself when it is one), or null above the towns. */
export async function townOf(tx: Tx, path: string): Promise<{ id: string; path: string; name: string } | null> {
  const r = await tx.query<{ id: string; path: string; name: string }>(
    `select id, path, name from org_units where level = 'town' and $1 like path || '%' order by length(path) desc limit 1`, [path]);
  return r.rows[0] ?? null;
}

/**
 * What a board ranks by: 'stars', or an indicator of the catalog the town reads (a standard one, or one the town
 * defined; archived ones are not ranked). Unknown → 422 INDICATOR_UNKNOWN.
 */
export async function rankIndicator(tx: Tx, code: string, townPath: string | null): Promise<RankIndicator> {
  if (code === RANK_BY_STARS) return STARS;
  const r = await tx.query<{ code: string; name_zh: string; name_en: string; unit: string; direction: IndicatorDirection }>(
    `select code, name_zh, name_en, unit, direction from indicator_definitions
      where code = $1 and archived_at is null and (standard or ($2::text is not null and org_path = $2::text))`, [code, townPath]);
  const d = r.rows[0];
  if (!d) throw new AppError('INDICATOR_UNKNOWN', `No indicator ${code} in the catalog.`, `指标目录中没有「${code}」。`);
  return { code: d.code, nameZh: d.name_zh, nameEn: d.name_en, unit: d.unit, direction: d.direction };
}

/** A period key as the board reads it; 422 PERIOD_INVALID otherwise (stars: months only, ratings are monthly). */
export function checkPeriod(period: string, indicator: string): void {
  const p = parsePeriod(period);
  if (!p) throw new AppError('PERIOD_INVALID', `${period} is not a period (2026-12-03, 2026-12, 2026Q4, 2026).`, `「${period}」不是有效的统计期（如 2026-12、2026Q4、2026）。`);
  if (indicator === RANK_BY_STARS && p.kind !== 'month') {
    throw new AppError('PERIOD_INVALID', 'Stars are rated per month: choose a month.', '星级按月评定，请选择月份。');
  }
}

/**
 * The 赛马比拼 board: the units of `level` under `parentId` ranked by the indicator's value in `period` in the
 * indicator's direction (ties share a rank; units without a value come last, unranked), with the rank they had in the
 * period before and the movement. 'stars' ranks by the published ratings' stars, then score (the value shown). The
 * caller has checked scope and the period's form. Rows in rank order, then by the units' order.
 */
export async function rankUnits(tx: Tx, q: RankQuery): Promise<RankingRow[]> {
  const parent = (await tx.query<{ id: string; path: string }>('select id, path from org_units where id = $1', [q.parentId])).rows[0];
  if (!parent) return [];
  const units = (await tx.query<{ id: string; name: string }>(
    `select id, name from org_units where path like $1 and level = $2 and id <> $3 order by sort, name`,
    [likePrefix(parent.path), q.level, parent.id])).rows;
  if (units.length === 0) return [];
  const ids = units.map((u) => u.id);
  const previous = previousPeriod(q.period);
  let rows: Omit<RankingRow, 'rank' | 'previousRank' | 'movement'>[];
  let current: Map<string, number | null>;
  let before: Map<string, number | null>;
  if (q.indicator === RANK_BY_STARS) {
    const r = await tx.query<{ org_unit_id: string; period: string; score: number; stars: number }>(
      `select org_unit_id, period, score, stars from ratings
        where level = $1 and period = any($2::text[]) and status = 'published' and org_unit_id = any($3::text[])`,
      [q.level, [q.period, previous], ids]);
    const of = (period: string) => new Map(r.rows.filter((x) => x.period === period).map((x) => [x.org_unit_id, x]));
    const now = of(q.period);
    const prev = of(previous);
    // stars first, the score between equal stars
    const key = (x: { score: number; stars: number } | undefined) => (x ? x.stars * 1000 + x.score : null);
    current = rankByValue(units.map((u) => ({ id: u.id, value: key(now.get(u.id)) })), 'higher');
    before = rankByValue(units.map((u) => ({ id: u.id, value: key(prev.get(u.id)) })), 'higher');
    rows = units.map((u) => ({ orgUnitId: u.id, name: u.name, value: now.get(u.id)?.score ?? null, light: 'none' as const, stars: now.get(u.id)?.stars ?? null }));
  } else {
    const town = await townOf(tx, parent.path);
    const indicator = await rankIndicator(tx, q.indicator, town?.path ?? null);
    const values = new Map((await indicatorValues(tx, { codes: [indicator.code], orgUnitIds: ids, period: q.period, townId: town?.id }))
      .filter((v) => v.code === indicator.code).map((v) => [v.orgUnitId, v]));
    current = rankByValue(units.map((u) => ({ id: u.id, value: values.get(u.id)?.value ?? null })), indicator.direction);
    before = rankByValue(units.map((u) => ({ id: u.id, value: values.get(u.id)?.previous ?? null })), indicator.direction);
    rows = units.map((u) => ({ orgUnitId: u.id, name: u.name, value: values.get(u.id)?.value ?? null, light: values.get(u.id)?.light ?? 'none' }));
  }
  const order = new Map(ids.map((id, i) => [id, i]));
  return rows
    .map((r) => {
      const rank = current.get(r.orgUnitId) ?? null;
      const previousRank = before.get(r.orgUnitId) ?? null;
      return { ...r, rank, previousRank, movement: movementOf(rank, previousRank) };
    })
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || order.get(a.orgUnitId)! - order.get(b.orgUnitId)!);
}
