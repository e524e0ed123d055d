import type { Tx } from '../platform/db/db.ts';
import { findChainBreak, type ChainRow } from '../../domain/identity/audit-chain.ts';
import { auditRowsInOrder, type AuditRow } from './store.ts';
import { sha256 } from './audit-log.ts';

export interface ChainVerdict { ok: boolean; checked: number; brokenAt: { id: number; reason: 'link' | 'hash' } | null }

const toChainRow = (r: AuditRow): ChainRow => ({
  id: r.id, prevHash: r.prev_hash, hash: r.hash,
  fields: {
    at: r.at.toISOString(), actorId: r.actor_id, actorName: r.actor_name, ip: r.ip, action: r.action,
    targetType: r.target_type, targetId: r.target_id, success: r.success, detail: r.detail,
  },
});

/** Recomputes the hash chain over the whole log, 5,000 rows at a time; the first broken row, if any. */
export async function verifyAuditChain(db: Tx): Promise<ChainVerdict> {
  let checked = 0;
  let after = 0;
  let previous: ChainRow | null = null;
  for (;;) {
    const rows = (await auditRowsInOrder(db, after, 5000)).map(toChainRow);
    if (rows.length === 0) break;
    const broken = findChainBreak(previous ? [previous, ...rows] : rows, sha256);
    if (broken) return { ok: false, checked: checked + rows.findIndex((r) => r.id === broken.id), brokenAt: broken };
    checked += rows.length;
    previous = rows[rows.length - 1]!;
    after = previous.id;
  }
  return { ok: true, checked, brokenAt: null };
}
