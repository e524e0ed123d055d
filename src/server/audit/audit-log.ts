import type { Tx } from '../platform/db/db.ts';
import { CHAIN_MAC, chainInput, GENESIS_HASH, type AuditFields } from '../../domain/identity/audit-chain.ts';
import { auditKeys } from './audit-keys.ts';
import { auditHead, insertAuditRow, lockAuditChain, pruneAuditRows, type AuditRow } from './store.ts';

export { auditRowSql } from './store.ts';

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
 * The chain's head as this transaction left it, for transactions that hold the chain lock: the hash of the last row
 * they appended. Keyed by the transaction's own handle (a `Db` is never one: see `holdsTransaction`), dropped with it.
 */
const headOfLockedTx = new WeakMap<Tx, string>();

/** Whether `tx` is a transaction (its queries share one session), not a pool or connection that runs each on its own. */
const holdsTransaction = (tx: Tx) => !('transaction' in tx);

/**
 * Appends an entry inside the caller's transaction, so it is written exactly when the change is. The chain lock
 * orders appends across nodes; it is held only until that transaction ends. The row's hash is an HMAC with a key
 * the database never sees, so whoever can write to the table cannot make a row that verifies.
 *
 * The first append of a transaction takes the lock and reads the head (lock first, then a statement of its own, so
 * the head read sees every append committed before the lock was granted). Later appends of the same transaction
 * neither lock again nor read: the lock is still held (a transaction-level advisory lock ends only with the
 * transaction; the code has no savepoints to roll it back), so no other transaction on any node can have appended
 * since, and the head is the row this transaction appended last. A command with several changes, or a batch of
 * commands in one transaction (an import, the demo), pays one insert per entry.
 */
export async function appendAudit(tx: Tx, e: AuditEntry): Promise<void> {
  const next = await nextAuditRow(tx, e);
  await insertAuditRow(tx, next.row);
  next.appended();
}

/**
 * The chain's next row for an entry, hashed onto the head, for a caller that inserts it in a statement of its own
 * (with the change it records: `auditRowSql`); `appended()` once that statement has run. Takes the chain lock as
 * `appendAudit` does, so the row must be inserted in this transaction, before any other append of it.
 */
export async function nextAuditRow(tx: Tx, e: AuditEntry): Promise<{ row: Omit<AuditRow, 'id'>; appended: () => void }> {
  const keys = auditKeys();
  let prevHash = headOfLockedTx.get(tx);
  if (prevHash === undefined) {
    await lockAuditChain(tx);
    prevHash = (await auditHead(tx))?.hash ?? GENESIS_HASH;
  }
  const fields: AuditFields = {
    at: e.at.toISOString(), actorId: e.actorId, actorName: e.actorName, ip: e.ip, action: e.action,
    targetType: e.targetType ?? null, targetId: e.targetId ?? null, success: e.success, detail: e.detail ?? null,
  };
  const hash = keys.hashers[CHAIN_MAC](chainInput(prevHash, fields));
  return {
    row: {
      at: e.at, actor_id: e.actorId, actor_name: e.actorName, ip: e.ip, action: e.action, target_type: fields.targetType,
      target_id: fields.targetId, success: e.success, detail: fields.detail, prev_hash: prevHash, hash, mac: CHAIN_MAC,
    },
    appended: () => {
      if (holdsTransaction(tx)) headOfLockedTx.set(tx, hash);
    },
  };
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
  return db.transaction((tx) => pruneAuditRows(tx, retentionDays));
}
