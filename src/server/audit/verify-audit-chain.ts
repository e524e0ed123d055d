import type { Tx } from '../platform/db/db.ts';
import {
  checkAnchors, findChainBreak, parseAnchor, prunedBefore, type AnchorCheck, type ChainBreakReason, type ChainRow,
} from '../../domain/identity/audit-chain.ts';
import { auditRowsInOrder, type AuditRow } from './store.ts';
import type { AuditKeys } from './audit-keys.ts';
import { readAnchorLines } from './anchor-file.ts';

export interface ChainVerdict {
  /** the chain is whole and every anchor holds */
  ok: boolean;
  /** rows checked before the break, or all of them */
  checked: number;
  /** rows from before the chain was keyed (plain SHA-256), which anyone could have recomputed */
  unkeyed: number;
  brokenAt: { id: number; reason: ChainBreakReason } | null;
  anchors: AnchorCheck;
}

const toChainRow = (r: AuditRow): ChainRow => ({
  id: r.id, prevHash: r.prev_hash, hash: r.hash, mac: r.mac,
  fields: {
    at: r.at.toISOString(), actorId: r.actor_id, actorName: r.actor_name, ip: r.ip, action: r.action,
    targetType: r.target_type, targetId: r.target_id, success: r.success, detail: r.detail,
  },
});

export interface VerifyOptions {
  keys: AuditKeys;
  anchorFile: string;
  now: Date;
  retentionDays: number;
}

/**
 * Recomputes the chain over the whole log, 5,000 rows at a time, noting the hashes of the anchored rows on the way;
 * then checks each anchor of the anchor file against them.
 */
export async function verifyAuditChain(db: Tx, o: VerifyOptions): Promise<ChainVerdict> {
  const anchors = (await readAnchorLines(o.anchorFile)).map(parseAnchor);
  const wanted = new Set(anchors.flatMap((a) => (a ? [a.id] : [])));
  const hashes = new Map<number, string>();
  let brokenAt: ChainVerdict['brokenAt'] = null;
  let checked = 0;
  let unkeyed = 0;
  let previous: ChainRow | null = null;
  let after = 0;
  for (;;) {
    const rows: ChainRow[] = (await auditRowsInOrder(db, after, 5000)).map(toChainRow);
    if (rows.length === 0) break;
    for (const r of rows) {
      if (wanted.has(r.id)) hashes.set(r.id, r.hash);
      if (r.mac === 'sha256') unkeyed++;
    }
    if (!brokenAt) {
      const broken = findChainBreak(previous ? [previous, ...rows] : rows, o.keys.hashers);
      checked += broken ? rows.findIndex((r) => r.id === broken.id) : rows.length;
      brokenAt = broken;
    }
    previous = rows[rows.length - 1]!;
    after = previous.id;
  }
  const anchorCheck = checkAnchors(anchors, { hashes, lastId: previous?.id ?? null }, prunedBefore(o.now, o.retentionDays), (s) => o.keys.anchorMac(s));
  return { ok: !brokenAt && !anchorCheck.brokenAt, checked, unkeyed, brokenAt, anchors: anchorCheck };
}
