import type { Tx } from '../platform/db/db.ts';
import type { MeasureCode, PeriodKey } from '../../shared/indicators.ts';
import type { RatingBreakdownItem, RatingLevel, RatingVeto } from '../../shared/ratings.ts';
import { parsePeriod } from '../../domain/indicators/periods.ts';
import { scoreOf, starsOf, vetoesHit } from '../../domain/ratings/rules.ts';
import { definitionsFor, indicatorValues, measureSums, periodInvalid } from '../indicators/values.ts';
import { ruleInForce, type RatingRule } from './rules-store.ts';

export interface ComputeRatingsArgs {
  level: RatingLevel;
  /** a month ('2026-11'); quarters and years are means of their months, never computed */
  period: PeriodKey;
  /** the town whose units of `level` are rated (for level 'town': the town itself) */
  townId: string;
}

export interface UnitRating {
  orgUnitId: string;
  orgPath: string;
  score: number;
  stars: number;
  breakdown: RatingBreakdownItem[];
  vetoesHit: (RatingVeto & { count: number })[];
}

/** The rating of units of one town for a month by a rule, from H1's indicator values and measure sums (no writes). */
export async function rateUnits(
  tx: Tx, rule: RatingRule, townId: string, period: PeriodKey, units: { id: string; path: string }[],
): Promise<UnitRating[]> {
  if (units.length === 0) return [];
  const ids = units.map((u) => u.id);
  const defs = new Map((await definitionsFor(tx, townId)).map((d) => [d.code, d]));
  const codes = rule.items.map((i) => i.indicatorCode).filter((c) => defs.has(c));
  const values = codes.length > 0 ? await indicatorValues(tx, { codes, orgUnitIds: ids, period, townId }) : [];
  const byUnit = new Map<string, Map<string, { value: number | null; target: number | null }>>();
  for (const v of values) {
    let m = byUnit.get(v.orgUnitId);
    if (!m) byUnit.set(v.orgUnitId, (m = new Map()));
    m.set(v.code, { value: v.value, target: v.target });
  }
  const measures = [...new Set(rule.vetoes.map((v) => v.measure))] as MeasureCode[];
  const sums = await measureSums(tx, { orgUnitIds: ids, periods: [period], measures });
  return units.map((u) => {
    const vals = byUnit.get(u.id) ?? new Map();
    const { score, breakdown } = scoreOf(rule.items, new Map([...vals].map(([c, x]) => [c, x.value])));
    const unitSums = (sums.get(u.id)?.get(period) ?? {}) as Record<string, number>;
    const hit = vetoesHit(rule.vetoes, unitSums);
    return {
      orgUnitId: u.id, orgPath: u.path, score,
      stars: starsOf(score, rule.thresholds, hit),
      breakdown: breakdown.map((b) => {
        const d = defs.get(b.indicatorCode);
        return { ...b, target: vals.get(b.indicatorCode)?.target ?? d?.target ?? null, nameZh: d?.nameZh ?? b.indicatorCode, nameEn: d?.nameEn ?? b.indicatorCode, unit: d?.unit ?? 'count' };
      }),
      vetoesHit: hit.map((v) => ({ ...v, count: unitSums[v.measure] ?? 0 })),
    };
  });
}

/** The units of a level in a town: its grids, its communities, or the town itself. */
export async function unitsToRate(tx: Tx, level: RatingLevel, townId: string): Promise<{ id: string; path: string }[]> {
  const { rows } = await tx.query<{ id: string; path: string }>(
    level === 'town'
      ? `select id, path from org_units where id = $1 and level = 'town'`
      : `select u.id, u.path from org_units u join org_units t on t.id = $1
          where u.level = $2 and left(u.path, length(t.path)) = t.path order by u.path`,
    level === 'town' ? [townId] : [townId, level]);
  return rows;
}

/**
 * Rates every unit of `level` in the town for the month by the town's rule (else the city's default): the indicators'
 * values (H1's indicatorValues) turned into points, a score and stars, capped by the vetoes the measures hit. Ratings
 * already published are left as they are; the rest are written (status computed, version + 1 when recomputed).
 * A period that is not a month → 422 PERIOD_INVALID. The caller audits.
 */
export async function computeRatings(tx: Tx, args: ComputeRatingsArgs, now: Date): Promise<{ computed: number }> {
  if (parsePeriod(args.period)?.kind !== 'month') throw periodInvalid(args.period);
  const rule = await ruleInForce(tx, args.level, args.townId, now);
  const units = await unitsToRate(tx, args.level, args.townId);
  const rated = await rateUnits(tx, rule, args.townId, args.period, units);
  let computed = 0;
  for (const r of rated) {
    const res = await tx.query(
      `insert into ratings (level, org_unit_id, org_path, town_id, period, rule_id, rule_version, score, stars, breakdown, vetoes_hit, status, computed_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'computed', $12)
       on conflict (level, org_unit_id, period) do update
         set rule_id = excluded.rule_id, rule_version = excluded.rule_version, score = excluded.score, stars = excluded.stars,
             breakdown = excluded.breakdown, vetoes_hit = excluded.vetoes_hit, computed_at = excluded.computed_at,
             org_path = excluded.org_path, version = ratings.version + 1
         where ratings.status = 'computed'`,
      [args.level, r.orgUnitId, r.orgPath, args.townId, args.period, rule.id, rule.version, r.score, r.stars,
        JSON.stringify(r.breakdown), JSON.stringify(r.vetoesHit), now]);
    computed += res.rowCount;
  }
  return { computed };
}
