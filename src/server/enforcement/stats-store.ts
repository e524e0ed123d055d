import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';
import type { EnforcementStatus, MatterSource, PenaltyKind } from '../../shared/enforcement.ts';

/*
 * Enforcement figures (issue 15): SQL aggregates over the enforcement cases opened, and the joint inspections planned,
 * in a period inside one unit's path. The rules over them (handling minutes against the mark, visits saved) are the
 * domain's, applied by stats-routes.ts to the few columns these answer.
 */

export interface StatsFilter {
  /** the unit's path (already checked to lie inside the caller's scope) */
  path: string;
  from: Date;
  to: Date;
}

export interface CaseCounts {
  byStatus: { status: EnforcementStatus; count: number }[];
  byMatter: { matterCode: string; matterName: string; count: number }[];
  bySource: { source: MatterSource; count: number }[];
  penalties: { kind: PenaltyKind; count: number; fineYuan: number }[];
  departures: number;
  confirmed: number;
  reviewReturns: number;
  returnedCases: number;
  reviewed: number;
}

const IN_PERIOD = `c.org_path like $1 and c.opened_at >= $2 and c.opened_at < $3`;

export async function caseCounts(tx: Tx, f: StatsFilter): Promise<CaseCounts> {
  const params = [likePrefix(f.path), f.from, f.to];
  const [byStatus, byMatter, bySource, penalties, totals] = await Promise.all([
    tx.query<{ status: EnforcementStatus; count: number }>(
      `select c.status, count(*)::int as count from enforcement_cases c where ${IN_PERIOD} group by c.status`, params),
    tx.query<{ matterCode: string; matterName: string; count: number }>(
      `select c.matter_code as "matterCode", m.name as "matterName", count(*)::int as count
         from enforcement_cases c join enforcement_matters m on m.code = c.matter_code
        where ${IN_PERIOD} group by c.matter_code, m.name order by count(*) desc, c.matter_code`, params),
    tx.query<{ source: MatterSource; count: number }>(
      `select c.matter_source as source, count(*)::int as count from enforcement_cases c where ${IN_PERIOD} group by c.matter_source`, params),
    tx.query<{ kind: PenaltyKind; count: number; fineYuan: number }>(
      `select c.decision->'penalty'->>'kind' as kind, count(*)::int as count,
              coalesce(sum((c.decision->'penalty'->>'fineYuan')::numeric), 0)::float8 as "fineYuan"
         from enforcement_cases c where ${IN_PERIOD} and c.decision is not null group by 1`, params),
    tx.query<{ departures: number; confirmed: number; review_returns: number; returned_cases: number; reviewed: number }>(
      `select count(*) filter (where c.departure and c.confirmed is not null)::int as departures,
              count(*) filter (where c.confirmed is not null)::int as confirmed,
              coalesce(sum(c.review_returns), 0)::int as review_returns,
              count(*) filter (where c.review_returns > 0)::int as returned_cases,
              count(*) filter (where c.review is not null or c.review_returns > 0)::int as reviewed
         from enforcement_cases c where ${IN_PERIOD}`, params),
  ]);
  const t = totals.rows[0]!;
  return {
    byStatus: byStatus.rows, byMatter: byMatter.rows, bySource: bySource.rows, penalties: penalties.rows,
    departures: t.departures, confirmed: t.confirmed, reviewReturns: t.review_returns, returnedCases: t.returned_cases, reviewed: t.reviewed,
  };
}

/** opened and decided instants of the cases opened in the period and decided */
export async function decidedTimes(tx: Tx, f: StatsFilter): Promise<{ opened_at: Date; decided_at: Date }[]> {
  return (await tx.query<{ opened_at: Date; decided_at: Date }>(
    `select c.opened_at, c.decided_at from enforcement_cases c where ${IN_PERIOD} and c.decided_at is not null`,
    [likePrefix(f.path), f.from, f.to])).rows;
}

/** the joint inspections planned in [fromDay, toDay] inside the path, with the departments each answers */
export async function inspectionsPlanned(
  tx: Tx, path: string, fromDay: string, toDay: string,
): Promise<{ status: string; departments: string[] }[]> {
  return (await tx.query<{ status: string; departments: string[] }>(
    `select i.status, array(select distinct x->>'department' from jsonb_array_elements(i.checklists) x) as departments
       from joint_inspections i
      where i.org_path like $1 and i.planned_on >= $2::date and i.planned_on <= $3::date and i.status <> 'cancelled'`,
    [likePrefix(path), fromDay, toDay])).rows;
}
