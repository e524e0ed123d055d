import type { Tx } from '../platform/db/db.ts';
import { CHAIN_MAC, chainInput, GENESIS_HASH, type AuditFields } from '../../domain/identity/audit-chain.ts';
import { auditKeys } from './audit-keys.ts';

const CHAIN_LOCK = 7_141_002;

export interface AuditEntry {
  at: Date;
  actorId: string | null;
  actorName: string | null;
  ip: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  success: boolean;
  detail?: unknown;
}

/**
 * Appends an entry inside the caller's transaction, so it is written exactly when the change is. The chain lock
 * orders appends across nodes; it is held only until that transaction ends. The row's hash is an HMAC with a key
 * the database never sees, so whoever can write to the table cannot make a row that verifies.
 */
export async function appendAudit(tx: Tx, e: AuditEntry): Promise<void> {
  const keys = auditKeys();
  await tx.query('select pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
  const last = await tx.query<{ hash: string }>('select hash from audit_log order by id desc limit 1');
  const prevHash = last.rows[0]?.hash ?? GENESIS_HASH;
  const fields: AuditFields = {
    at: e.at.toISOString(), actorId: e.actorId, actorName: e.actorName, ip: e.ip, action: e.action,
    targetType: e.targetType ?? null, targetId: e.targetId ?? null, success: e.success, detail: e.detail ?? null,
  };
  await tx.query(
    `insert into audit_log (at, actor_id, actor_name, ip, action, target_type, target_id, success, detail, prev_hash, hash, mac)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
    [e.at, e.actorId, e.actorName, e.ip, e.action, fields.targetType, fields.targetId, e.success,
      fields.detail === null ? null : JSON.stringify(fields.detail), prevHash, keys.hashers[CHAIN_MAC](chainInput(prevHash, fields)), CHAIN_MAC],
  );
}

/** Who did it and from where, for an entry written while serving a request. */
export function actorOf(req: { principal: { accountId: string; username: string } | null; ip: string }) {
  return { actorId: req.principal?.accountId ?? null, actorName: req.principal?.username ?? null, ip: req.ip };
}

/** Appends an entry in a transaction of its own (for reads and refusals, which change nothing else). */
export function audit(db: { transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> }, e: AuditEntry): Promise<void> {
  return db.transaction((tx) => appendAudit(tx, e));
}

/** Deletes entries older than the retention period, the only deletion the table allows. */
export async function pruneAudit(db: { transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> }, retentionDays: number): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query(`select set_config('zhizhi.audit_prune', 'on', true), set_config('zhizhi.audit_retention_days', $1, true)`, [String(retentionDays)]);
    const r = await tx.query(`delete from audit_log where at < now() - make_interval(days => $1::int)`, [retentionDays]);
    return r.rowCount;
  });
}
