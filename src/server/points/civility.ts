import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { deriveCivility } from '../../domain/points/civility.ts';
import { monthBounds } from './statements.ts';

/*
 * 红黑榜 and 文明户 (issue 16, H5): a community's households' points of one month (earned by awards, deducted by
 * deductions and vetoes, reversed ones left out), the points earned in the year so far and any veto in force, handed to
 * H1's deriveCivility; the marks it answers are written to civility_marks with their reasons and validity, once per
 * household, kind and period (a rerun of the same period writes nothing twice).
 */

const SHANGHAI_MS = 8 * 3600_000;

/** The last full month before `now`, in Beijing time: 'YYYY-MM'. */
export function lastMonthOf(now: Date): string {
  const d = new Date(now.getTime() + SHANGHAI_MS);
  const prev = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1));
  return prev.toISOString().slice(0, 7);
}

export interface DeriveOutcome { period: string; red: number; black: number; civilized: number; written: number }

export async function deriveMarks(tx: Tx, unit: { id: string; path: string; name: string }, period: string, now: Date,
  actor: { id: string | null; name: string | null; ip: string | null }): Promise<DeriveOutcome> {
  const { from, to } = monthBounds(period);
  const yearFrom = monthBounds(`${period.slice(0, 4)}-01`).from;
  const rows = (await tx.query<{ id: string; balance: string | null; earned: string; deducted: string; year_earned: string; veto_until: Date | null }>(
    `with live as (
       select t.id, t.kind, t.at, t.veto_until, t.subject_id from point_transactions t
        where t.org_path like $1 and t.kind in ('award','deduction','veto')
          and not exists (select 1 from point_transactions x where x.reverses_id = t.id))
     select h.id, a.balance,
            coalesce((select sum(e.amount) from live join point_entries e on e.transaction_id = live.id and e.account_id = a.id
                       where live.kind = 'award' and live.at >= $2 and live.at < $3), 0) as earned,
            coalesce((select -sum(e.amount) from live join point_entries e on e.transaction_id = live.id and e.account_id = a.id
                       where live.kind in ('deduction','veto') and live.at >= $2 and live.at < $3), 0) as deducted,
            coalesce((select sum(e.amount) from live join point_entries e on e.transaction_id = live.id and e.account_id = a.id
                       where live.kind = 'award' and live.at >= $4 and live.at < $3), 0) as year_earned,
            (select max(live.veto_until) from live where live.subject_id = a.id and live.kind = 'veto' and live.at <= $5) as veto_until
       from registry_households h left join point_accounts a on a.household_id = h.id and a.kind = 'household'
      where h.org_path like $1 and h.retired_at is null`,
    [likePrefix(unit.path), from, to, yearFrom, now])).rows;
  const marks = deriveCivility({
    period, today: now,
    households: rows.map((r) => ({
      householdId: r.id, balance: Number(r.balance ?? 0), earnedInPeriod: Number(r.earned), deductionsInPeriod: Math.max(0, Number(r.deducted)),
      earnedInYear: Number(r.year_earned), vetoUntil: r.veto_until ? new Date(r.veto_until) : null,
    })),
  });
  let written = 0;
  if (marks.length) {
    const ins = await tx.query<{ id: string }>(
      `insert into civility_marks (household_id, org_unit_id, org_path, kind, reasons, valid_from, valid_until, derived_at, period)
       select x.household_id, $1, $2, x.kind, x.reasons, x.valid_from::date, x.valid_until::date, $3, $4
         from jsonb_to_recordset($5::jsonb) as x(household_id text, kind text, reasons jsonb, valid_from text, valid_until text)
       on conflict (household_id, kind, period) do nothing returning id`,
      [unit.id, unit.path, now, period, JSON.stringify(marks.map((m) => ({
        household_id: m.householdId, kind: m.kind, reasons: m.reasons, valid_from: m.validFrom, valid_until: m.validUntil,
      })))]);
    written = ins.rows.length;
  }
  const out = {
    period, written,
    red: marks.filter((m) => m.kind === 'red').length,
    black: marks.filter((m) => m.kind === 'black').length,
    civilized: marks.filter((m) => m.kind === 'civilized').length,
  };
  await appendAudit(tx, {
    at: now, actorId: actor.id, actorName: actor.name, ip: actor.ip, action: 'points.civility.derive', targetType: 'org_unit', targetId: unit.id,
    success: true, detail: { orgUnit: unit.name, households: rows.length, ...out },
  });
  return out;
}
