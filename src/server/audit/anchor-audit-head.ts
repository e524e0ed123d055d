import type { Tx } from '../platform/db/db.ts';
import { anchorInput, parseAnchor, type Anchor } from '../../domain/identity/audit-chain.ts';
import type { AuditKeys } from './audit-keys.ts';
import { auditHead } from './store.ts';
import { appendAnchorLine, lastAnchorLine } from './anchor-file.ts';

export interface AnchorTarget {
  keys: AuditKeys;
  file: string;
  /** the server log: each anchor goes there too, as a second copy outside the database */
  log: (line: string) => void;
}

/**
 * Pins the newest row of the audit log: its id, hash and time, MAC'd, appended to the anchor file (flushed to disk)
 * and written to the server log. Nothing is written while the head has not moved since the last anchor.
 */
export async function anchorAuditHead(db: Tx, to: AnchorTarget, now: Date): Promise<Anchor | null> {
  const head = await auditHead(db);
  if (!head) return null;
  const lastLine = await lastAnchorLine(to.file);
  const last = lastLine ? parseAnchor(lastLine) : null;
  if (last && last.id === head.id && last.hash === head.hash) return null;
  const body = { id: head.id, hash: head.hash, rowAt: head.at.toISOString(), at: now.toISOString() };
  const anchor: Anchor = { ...body, mac: to.keys.anchorMac(anchorInput(body)) };
  const line = JSON.stringify(anchor);
  await appendAnchorLine(to.file, line);
  to.log(`audit anchor ${line}`);
  return anchor;
}
