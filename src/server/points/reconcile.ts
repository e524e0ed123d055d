// The nightly reconciliation of the points books (issue 16): every account's stored balance against the sum of its
// entries, every transaction's entries against zero. A run is one row of point_reconciliations; a run that finds a
// mismatch raises the alarm: an audit row `points.reconcile.mismatch` (failed, with the accounts) that the audit page
// shows, an error line in the server's log, and the figure on the points pages (GET /api/points/reconciliations
// answers `alarm`). The platform's alarms (src/server/alarms) are a device's; the books have no device, so not those.
import type { Db, Tx } from '../platform/db/db.ts';
import { appendAudit } from '../audit/audit-log.ts';

export interface Mismatch { accountId: string; kind: string; orgUnitName: string; orgPath: string; stored: number; computed: number }
export interface Unbalanced { transactionId: string; sum: number }
export interface ReconciliationRow { id: number; ranAt: Date; accounts: number; mismatches: Mismatch[]; unbalanced: Unbalanced[] }

/** Recomputes the books and writes the run (and the alarm when something is off), in one transaction. */
export async function runReconciliation(db: Db | Tx, now: Date, log: (line: string) => void = console.error): Promise<ReconciliationRow> {
  const work = async (tx: Tx) => {
    const mismatches = (await tx.query<{ id: string; kind: string; name: string; org_path: string; balance: number; computed: number }>(
      `select a.id, a.kind, o.name, a.org_path, a.balance, coalesce(s.total, 0)::bigint as computed
         from point_accounts a join org_units o on o.id = a.org_unit_id
         left join (select account_id, sum(amount) as total from point_entries group by account_id) s on s.account_id = a.id
        where a.balance <> coalesce(s.total, 0)
        order by a.org_path, a.id limit 1000`,
    )).rows.map((m): Mismatch => ({
      accountId: m.id, kind: m.kind, orgUnitName: m.name, orgPath: m.org_path, stored: Number(m.balance), computed: Number(m.computed),
    }));
    const unbalanced = (await tx.query<{ transaction_id: string; total: number }>(
      `select transaction_id, sum(amount)::bigint as total from point_entries group by transaction_id having sum(amount) <> 0 limit 1000`,
    )).rows.map((u): Unbalanced => ({ transactionId: u.transaction_id, sum: Number(u.total) }));
    const accounts = Number((await tx.query<{ n: number }>(`select count(*)::int as n from point_accounts`)).rows[0]?.n ?? 0);
    const row = (await tx.query<{ id: number }>(
      `insert into point_reconciliations (ran_at, accounts, mismatches, unbalanced) values ($1, $2, $3::jsonb, $4::jsonb) returning id`,
      [now, accounts, JSON.stringify(mismatches), JSON.stringify(unbalanced)],
    )).rows[0]!;
    if (mismatches.length || unbalanced.length) {
      await appendAudit(tx, {
        at: now, actorId: null, actorName: '系统', ip: null, action: 'points.reconcile.mismatch', targetType: 'point_reconciliation',
        targetId: String(row.id), success: false,
        detail: { mismatches: mismatches.slice(0, 50), unbalanced: unbalanced.slice(0, 50), accounts },
      });
      log(`points reconciliation ${row.id}: ${mismatches.length} account(s) whose balance differs from its entries, ${unbalanced.length} unbalanced transaction(s)`);
    }
    return { id: Number(row.id), ranAt: now, accounts, mismatches, unbalanced };
  };
  return 'transaction' in db ? db.transaction(work) : work(db);
}

/** The latest runs, newest first. */
export async function listReconciliations(tx: Tx, limit: number): Promise<ReconciliationRow[]> {
  const r = await tx.query<{ id: number; ran_at: Date; accounts: number; mismatches: Mismatch[]; unbalanced: Unbalanced[] }>(
    `select id, ran_at, accounts, mismatches, unbalanced from point_reconciliations order by id desc limit $1`, [limit],
  );
  return r.rows.map((x) => ({ id: Number(x.id), ranAt: new Date(x.ran_at), accounts: x.accounts, mismatches: x.mismatches, unbalanced: x.unbalanced }));
}
