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
  // one scan of the period's cases, grouped five ways at once (by status, matter, source, penalty, and all of them);
  // grouping() tells the sets apart: a bit is set for each column the row is not grouped by
  const r = await tx.query<{
    g: number; status: EnforcementStatus | null; matter_code: string | null; matter_source: MatterSource | null; kind: PenaltyKind | null;
    count: number; fine_yuan: number; departures: number; confirmed: number; review_returns: number; returned_cases: number; reviewed: number;
  }>(
    `select grouping(c.status, c.matter_code, c.matter_source, d.kind)::int as g, c.status, c.matter_code, c.matter_source, d.kind,
            count(*)::int as count, coalesce(sum(d.fine), 0)::float8 as fine_yuan,
            count(*) filter (where c.departure and c.confirmed is not null)::int as departures,
            count(*) filter (where c.confirmed is not null)::int as confirmed,
            coalesce(sum(c.review_returns), 0)::int as review_returns,
            count(*) filter (where c.review_returns > 0)::int as returned_cases,
            count(*) filter (where c.review is not null or c.review_returns > 0)::int as reviewed
       from enforcement_cases c,
            lateral (select c.decision->'penalty'->>'kind' as kind, (c.decision->'penalty'->>'fineYuan')::numeric as fine) d
      where ${IN_PERIOD}
      group by grouping sets ((c.status), (c.matter_code), (c.matter_source), (d.kind), ())`,
    [likePrefix(f.path), f.from, f.to]);
  const set = (g: number) => r.rows.filter((x) => x.g === g);
  const byMatter = set(0b1011).map((x) => ({ matterCode: x.matter_code!, count: x.count }));
  const names = byMatter.length === 0 ? new Map<string, string>() : new Map((await tx.query<{ code: string; name: string }>(
    `select code, name from enforcement_matters where code = any($1::text[])`, [byMatter.map((m) => m.matterCode)])).rows.map((m) => [m.code, m.name]));
  const all = set(0b1111)[0];
  return {
    byStatus: set(0b0111).map((x) => ({ status: x.status!, count: x.count })),
    byMatter: byMatter.map((m) => ({ ...m, matterName: names.get(m.matterCode) ?? m.matterCode }))
      .sort((a, b) => b.count - a.count || a.matterCode.localeCompare(b.matterCode)),
    bySource: set(0b1101).map((x) => ({ source: x.matter_source!, count: x.count })),
    penalties: set(0b1110).filter((x) => x.kind !== null).map((x) => ({ kind: x.kind!, count: x.count, fineYuan: x.fine_yuan })),
    departures: all?.departures ?? 0, confirmed: all?.confirmed ?? 0, reviewReturns: all?.review_returns ?? 0,
    returnedCases: all?.returned_cases ?? 0, reviewed: all?.reviewed ?? 0,
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
