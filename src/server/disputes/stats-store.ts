import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';
import type { DisputeTier, ReferralUnitKind, RiskLevel } from '../../shared/disputes.ts';

/*
 * The dispute figures as SQL aggregates over the disputes registered in [from, before) whose grid lies under a unit's
 * path: one pass for the totals and breakdowns, one for the referrals, one for the sessions, each scoped alike.
 */

export interface StatsWindow {
  /** the unit's path (its disputes and those below) */
  path: string;
  from: Date;
  before: Date;
  now: Date;
}

const COHORT = `d.org_path like $1 and d.created_at >= $2 and d.created_at < $3`;
const args = (w: StatsWindow) => [likePrefix(w.path), w.from, w.before];

export interface Totals {
  found: number;
  resolved: number;
  open: number;
  closed: number;
  litigation: number;
  flare_ups: number;
  median_days: number | null;
}

export interface Breakdowns {
  totals: Totals;
  byClass: { code: string; name: string; count: number; resolved: number }[];
  byTier: { tier: DisputeTier; count: number; resolved: number }[];
  byRisk: { risk: RiskLevel; count: number }[];
  byHandlingUnit: { code: string; name: string; count: number; resolved: number }[];
}

interface GroupRow {
  g: number;
  class_code: string | null;
  tier: DisputeTier | null;
  risk_level: RiskLevel | null;
  handling_unit_id: string | null;
  found: number;
  resolved: number;
  open: number;
  closed: number;
  litigation: number;
  flare_ups: number;
}

/**
 * The totals and the four breakdowns in one pass over the period's disputes (grouping sets), then the class and unit
 * names for the groups found. `g` tells the grouping apart: 15 the totals, 7 by class, 11 by tier, 13 by risk, 14 by unit.
 */
export async function breakdowns(tx: Tx, w: StatsWindow): Promise<Breakdowns> {
  const r = await tx.query<GroupRow>(
    `select grouping(d.class_code, d.tier, d.risk_level, d.handling_unit_id)::int as g, d.class_code, d.tier, d.risk_level, d.handling_unit_id,
            count(*)::int as found,
            count(*) filter (where d.resolved_at is not null)::int as resolved,
            count(*) filter (where d.status = 'open')::int as open,
            count(*) filter (where d.status = 'closed')::int as closed,
            count(*) filter (where d.status = 'litigation' or d.court_case_number is not null)::int as litigation,
            count(*) filter (where d.reopened_from is not null)::int as flare_ups
       from disputes d where ${COHORT}
      group by grouping sets ((), (d.class_code), (d.tier), (d.risk_level), (d.handling_unit_id))`, args(w));
  const rows = r.rows.map((x) => ({ ...x, g: Number(x.g) }));
  // the median over the resolved ones only, in a statement of its own (an ordered-set aggregate sorts once per group)
  const m = await tx.query<{ median_days: number | null }>(
    `select percentile_cont(0.5) within group (order by extract(epoch from (d.resolved_at - d.created_at)) / 86400.0) as median_days
       from disputes d where ${COHORT} and d.resolved_at is not null`, args(w));
  const median = m.rows[0]?.median_days ?? null;
  const total = rows.find((x) => x.g === 15);
  const of = (g: number) => rows.filter((x) => x.g === g).sort((a, b) => b.found - a.found);
  const classes = of(7);
  const units = of(14);
  const [classNames, unitNames] = [
    await tx.query<{ code: string; name: string; sort: number }>('select code, name, sort from dispute_classes where code = any($1::text[])', [classes.map((x) => x.class_code)]),
    await tx.query<{ id: string; name: string; path: string }>('select id, name, path from org_units where id = any($1::text[])', [units.map((x) => x.handling_unit_id)]),
  ];
  const cls = new Map(classNames.rows.map((x) => [x.code, x]));
  const uns = new Map(unitNames.rows.map((x) => [x.id, x]));
  return {
    totals: total
      ? { found: total.found, resolved: total.resolved, open: total.open, closed: total.closed, litigation: total.litigation, flare_ups: total.flare_ups,
        median_days: median === null ? null : Number(median) }
      : { found: 0, resolved: 0, open: 0, closed: 0, litigation: 0, flare_ups: 0, median_days: null },
    byClass: classes
      .sort((a, b) => b.found - a.found || (cls.get(a.class_code!)?.sort ?? 0) - (cls.get(b.class_code!)?.sort ?? 0) || a.class_code!.localeCompare(b.class_code!))
      .map((x) => ({ code: x.class_code!, name: cls.get(x.class_code!)?.name ?? x.class_code!, count: x.found, resolved: x.resolved })),
    byTier: of(11).map((x) => ({ tier: x.tier!, count: x.found, resolved: x.resolved })),
    byRisk: of(13).map((x) => ({ risk: x.risk_level!, count: x.found })),
    byHandlingUnit: units
      .sort((a, b) => b.found - a.found || (uns.get(a.handling_unit_id!)?.path ?? '').localeCompare(uns.get(b.handling_unit_id!)?.path ?? ''))
      .map((x) => ({ code: x.handling_unit_id!, name: uns.get(x.handling_unit_id!)?.name ?? '', count: x.found, resolved: x.resolved })),
  };
}

export async function referrals(tx: Tx, w: StatsWindow): Promise<{ unit_kind: ReferralUnitKind; total: number; replied: number; overdue: number }[]> {
  const r = await tx.query<{ unit_kind: ReferralUnitKind; total: number; replied: number; overdue: number }>(
    `select f.unit_kind, count(*)::int as total,
            count(*) filter (where f.status <> 'pending')::int as replied,
            count(*) filter (where f.status = 'pending' and f.due_at < $4)::int as overdue
       from dispute_referrals f join disputes d on d.id = f.dispute_id where ${COHORT} group by f.unit_kind`, [...args(w), w.now]);
  return r.rows;
}

export async function mediationCounts(tx: Tx, w: StatsWindow): Promise<{ mediations: number; agreements: number }> {
  const r = await tx.query<{ mediations: number; agreements: number }>(
    `select count(*)::int as mediations, count(m.agreement_number)::int as agreements
       from dispute_mediations m join disputes d on d.id = m.dispute_id where ${COHORT}`, args(w));
  return r.rows[0] ?? { mediations: 0, agreements: 0 };
}
