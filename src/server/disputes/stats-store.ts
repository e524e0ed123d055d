import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';
import type { DisputeTier, ReferralUnitKind, RiskLevel } from '../../shared/disputes.ts';

/*
 * The dispute figures as SQL aggregates over the disputes registered in [from, before) whose grid lies under a unit's
 * path: one statement per breakdown, each scoped by the same two conditions.
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

export async function totals(tx: Tx, w: StatsWindow): Promise<Totals> {
  const r = await tx.query<Totals>(
    `select count(*)::int as found,
            count(*) filter (where d.resolved_at is not null)::int as resolved,
            count(*) filter (where d.status = 'open')::int as open,
            count(*) filter (where d.status = 'closed')::int as closed,
            count(*) filter (where d.status = 'litigation' or d.court_case_number is not null)::int as litigation,
            count(*) filter (where d.reopened_from is not null)::int as flare_ups,
            percentile_cont(0.5) within group (order by extract(epoch from (d.resolved_at - d.created_at)) / 86400.0)
              filter (where d.resolved_at is not null) as median_days
       from disputes d where ${COHORT}`, args(w));
  const t = r.rows[0]!;
  return { ...t, median_days: t.median_days === null ? null : Number(t.median_days) };
}

export async function byClass(tx: Tx, w: StatsWindow): Promise<{ code: string; name: string; count: number; resolved: number }[]> {
  const r = await tx.query<{ code: string; name: string; count: number; resolved: number }>(
    `select d.class_code as code, c.name, count(*)::int as count, count(*) filter (where d.resolved_at is not null)::int as resolved
       from disputes d join dispute_classes c on c.code = d.class_code where ${COHORT}
      group by d.class_code, c.name, c.sort order by count(*) desc, c.sort, d.class_code`, args(w));
  return r.rows;
}

export async function byTier(tx: Tx, w: StatsWindow): Promise<{ tier: DisputeTier; count: number; resolved: number }[]> {
  const r = await tx.query<{ tier: DisputeTier; count: number; resolved: number }>(
    `select d.tier, count(*)::int as count, count(*) filter (where d.resolved_at is not null)::int as resolved
       from disputes d where ${COHORT} group by d.tier`, args(w));
  return r.rows;
}

export async function byRisk(tx: Tx, w: StatsWindow): Promise<{ risk: RiskLevel; count: number }[]> {
  const r = await tx.query<{ risk: RiskLevel; count: number }>(
    `select d.risk_level as risk, count(*)::int as count from disputes d where ${COHORT} group by d.risk_level`, args(w));
  return r.rows;
}

export async function byHandlingUnit(tx: Tx, w: StatsWindow): Promise<{ code: string; name: string; count: number; resolved: number }[]> {
  const r = await tx.query<{ code: string; name: string; count: number; resolved: number }>(
    `select d.handling_unit_id as code, u.name, count(*)::int as count, count(*) filter (where d.resolved_at is not null)::int as resolved
       from disputes d join org_units u on u.id = d.handling_unit_id where ${COHORT}
      group by d.handling_unit_id, u.name, u.path order by count(*) desc, u.path`, args(w));
  return r.rows;
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
