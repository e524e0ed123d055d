import type { Principal } from '../platform/auth.ts';
import type { Tx } from '../platform/db/db.ts';
import type { RatingLevel, RatingStatus } from '../../shared/ratings.ts';
import { appealReadSql, ratingReadSql } from './scope.ts';

/* SQL of ratings and appeals, each read scoped in the query (scope.ts). */

export interface RatingRow {
  id: string; level: RatingLevel; org_unit_id: string; org_path: string; town_id: string; period: string;
  rule_id: string; rule_version: number; score: number; stars: number; breakdown: unknown; vetoes_hit: unknown;
  status: RatingStatus; computed_at: Date | string; published_at: Date | string | null; version: number;
  unit_name: string; parent_name: string | null; thresholds: unknown;
}

const RATING_SELECT = `select r.*, u.name as unit_name, pu.name as parent_name, rr.thresholds
  from ratings r join org_units u on u.id = r.org_unit_id left join org_units pu on pu.id = u.parent_id
  join rating_rules rr on rr.id = r.rule_id`;

/** Ratings of the level in the months given the caller reaches, optionally under a unit (its path). */
export async function listRatings(
  tx: Tx, p: Principal, q: { level: RatingLevel; periods: string[]; underPath?: string | null },
): Promise<RatingRow[]> {
  const params: unknown[] = [q.level, q.periods];
  const where = [`r.level = $1`, `r.period = any($2::text[])`, ratingReadSql(p, 'r', params)];
  if (q.underPath) {
    params.push(q.underPath);
    where.push(`left(r.org_path, length($${params.length})) = $${params.length}`);
  }
  const { rows } = await tx.query<RatingRow>(`${RATING_SELECT} where ${where.join(' and ')} order by r.score desc, u.path, r.period`, params);
  return rows;
}

/** One rating the caller reaches, or null. `forUpdate` locks it. */
export async function ratingById(tx: Tx, p: Principal, id: string, forUpdate = false): Promise<RatingRow | null> {
  const params: unknown[] = [id];
  const cond = ratingReadSql(p, 'r', params);
  const { rows } = await tx.query<RatingRow>(`${RATING_SELECT} where r.id = $1 and ${cond}${forUpdate ? ' for update of r' : ''}`, params);
  return rows[0] ?? null;
}

export interface AppealRow {
  id: string; rating_id: string; org_path: string; by_account: string; reason: string; at: Date | string;
  status: 'open' | 'upheld' | 'rejected'; answer: string | null; answered_by: string | null; answered_at: Date | string | null;
  score_before: number; stars_before: number; score_after: number | null; stars_after: number | null; version: number;
  by_name: string; answered_by_name: string | null; level: RatingLevel; org_unit_id: string; unit_name: string; period: string;
  town_id: string;
}

const APPEAL_SELECT = `select a.*, ab.name as by_name, an.name as answered_by_name, r.level, r.org_unit_id, r.period, r.town_id,
    u.name as unit_name
  from rating_appeals a join ratings r on r.id = a.rating_id join org_units u on u.id = r.org_unit_id
  join accounts ab on ab.id = a.by_account left join accounts an on an.id = a.answered_by`;

/** Appeals the caller reaches (of units in their scope), newest first. */
export async function listAppeals(tx: Tx, p: Principal, q: { status?: string; ratingIds?: string[] }): Promise<AppealRow[]> {
  const params: unknown[] = [];
  const where = [appealReadSql(p, 'a', params)];
  if (q.status) { params.push(q.status); where.push(`a.status = $${params.length}`); }
  if (q.ratingIds) { params.push(q.ratingIds); where.push(`a.rating_id = any($${params.length}::text[])`); }
  const { rows } = await tx.query<AppealRow>(`${APPEAL_SELECT} where ${where.join(' and ')} order by a.at desc limit 500`, params);
  return rows;
}

export async function appealById(tx: Tx, p: Principal, id: string, forUpdate = false): Promise<AppealRow | null> {
  const params: unknown[] = [id];
  const cond = appealReadSql(p, 'a', params);
  const { rows } = await tx.query<AppealRow>(`${APPEAL_SELECT} where a.id = $1 and ${cond}${forUpdate ? ' for update of a' : ''}`, params);
  return rows[0] ?? null;
}
