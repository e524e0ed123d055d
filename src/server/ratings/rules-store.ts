import type { Tx } from '../platform/db/db.ts';
import type { RatingLevel, RatingRuleItem, RatingVeto, StarThresholds } from '../../shared/ratings.ts';

/*
 * Rating rules (SQL only, and the city's defaults). A town's rule replaces the city's default for the town's units;
 * the city's default of a level is written the first time anything needs it (so ratings always name a stored rule).
 */

export interface RatingRule {
  id: string;
  level: RatingLevel;
  townId: string | null;
  items: RatingRuleItem[];
  thresholds: StarThresholds;
  vetoes: RatingVeto[];
  version: number;
  updatedAt: Date;
}

const THRESHOLDS: StarThresholds = [90, 80, 70, 60, 50];
const MAJOR: RatingVeto = { code: 'majorIncident', measure: 'incidentsMajor', atLeast: 1, maxStars: 2, reasonZh: '本月发生重大突发事件（一票否决：最高两星）', reasonEn: 'A major incident this month (veto: two stars at most)' };

/** The city's default rules (三级五星): 100 points over five indicators per level, 90/80/70/60/50 for 5…1 stars. */
export const DEFAULT_RULES: Record<RatingLevel, { items: RatingRuleItem[]; thresholds: StarThresholds; vetoes: RatingVeto[] }> = {
  grid: {
    items: [
      { indicatorCode: 'closeRate', weight: 25, full: 95, zero: 60 },
      { indicatorCode: 'onTimeCloseRate', weight: 20, full: 95, zero: 60 },
      { indicatorCode: 'satisfiedRate', weight: 20, full: 98, zero: 70 },
      { indicatorCode: 'taskCompletionRate', weight: 20, full: 100, zero: 60 },
      { indicatorCode: 'gridWorkerActivity', weight: 15, full: 95, zero: 50 },
    ],
    thresholds: THRESHOLDS,
    vetoes: [MAJOR, { code: 'overdue', measure: 'casesOverdue', atLeast: 5, maxStars: 3, reasonZh: '月末超期在办案件达5件（最高三星）', reasonEn: '5 or more overdue open cases at the month\'s end (three stars at most)' }],
  },
  community: {
    items: [
      { indicatorCode: 'closeRate', weight: 20, full: 95, zero: 60 },
      { indicatorCode: 'onTimeCloseRate', weight: 20, full: 95, zero: 60 },
      { indicatorCode: 'satisfiedRate', weight: 20, full: 98, zero: 70 },
      { indicatorCode: 'disputeResolveRate', weight: 20, full: 95, zero: 60 },
      { indicatorCode: 'keyPeopleCare', weight: 20, full: 100, zero: 50 },
    ],
    thresholds: THRESHOLDS,
    vetoes: [MAJOR],
  },
  town: {
    items: [
      { indicatorCode: 'closeRate', weight: 20, full: 95, zero: 60 },
      { indicatorCode: 'onTimeHandleRate', weight: 20, full: 95, zero: 60 },
      { indicatorCode: 'satisfiedRate', weight: 20, full: 98, zero: 70 },
      { indicatorCode: 'acceptIn5MinRate', weight: 20, full: 95, zero: 50 },
      { indicatorCode: 'alarmResponseRate', weight: 20, full: 95, zero: 50 },
    ],
    thresholds: THRESHOLDS,
    vetoes: [MAJOR],
  },
};

interface RuleRow {
  id: string; level: RatingLevel; town_id: string | null; items: unknown; thresholds: unknown; vetoes: unknown; version: number; updated_at: Date | string;
}
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const ruleOf = (r: RuleRow): RatingRule => ({
  id: r.id, level: r.level, townId: r.town_id, items: json(r.items), thresholds: json(r.thresholds), vetoes: json(r.vetoes),
  version: Number(r.version), updatedAt: new Date(r.updated_at),
});

/** The town's own rule of the level (townId null: the city's default), or null. */
export async function storedRule(tx: Tx, level: RatingLevel, townId: string | null): Promise<RatingRule | null> {
  const { rows } = await tx.query<RuleRow>(
    `select * from rating_rules where level = $1 and coalesce(town_id, '') = coalesce($2, '')`, [level, townId]);
  return rows[0] ? ruleOf(rows[0]) : null;
}

/** The city's default rule of the level, written from DEFAULT_RULES the first time it is needed. */
export async function cityRule(tx: Tx, level: RatingLevel, now: Date): Promise<RatingRule> {
  const found = await storedRule(tx, level, null);
  if (found) return found;
  const d = DEFAULT_RULES[level];
  await tx.query(
    `insert into rating_rules (level, town_id, items, thresholds, vetoes, version, published_at, updated_at)
     values ($1, null, $2, $3, $4, 1, $5, $5) on conflict do nothing`,
    [level, JSON.stringify(d.items), JSON.stringify(d.thresholds), JSON.stringify(d.vetoes), now]);
  return (await storedRule(tx, level, null))!;
}

/** The rule the town's units of the level are rated by: the town's own, else the city's default. */
export async function ruleInForce(tx: Tx, level: RatingLevel, townId: string | null, now: Date): Promise<RatingRule> {
  return (townId ? await storedRule(tx, level, townId) : null) ?? cityRule(tx, level, now);
}

/** Writes a rule (a new row at version 1, or the next version); returns it. The caller checked the version read. */
export async function writeRule(
  tx: Tx, level: RatingLevel, townId: string | null,
  rule: { items: RatingRuleItem[]; thresholds: StarThresholds; vetoes: RatingVeto[] }, by: string, now: Date,
): Promise<RatingRule> {
  const { rows } = await tx.query<RuleRow>(
    `insert into rating_rules (level, town_id, items, thresholds, vetoes, version, published_at, updated_by, updated_at)
     values ($1, $2, $3, $4, $5, 1, $7, $6, $7)
     on conflict (level, coalesce(town_id, '')) do update
       set items = excluded.items, thresholds = excluded.thresholds, vetoes = excluded.vetoes,
           version = rating_rules.version + 1, published_at = excluded.published_at, updated_by = excluded.updated_by,
           updated_at = excluded.updated_at
     returning *`,
    [level, townId, JSON.stringify(rule.items), JSON.stringify(rule.thresholds), JSON.stringify(rule.vetoes), by, now]);
  return ruleOf(rows[0]!);
}
