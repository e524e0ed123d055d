import type { Db } from '../platform/db/db.ts';
import type { JobDefinition } from '../platform/jobs.ts';
import { loadAuditKeys } from './audit-keys.ts';
import { anchorFileOf } from './anchor-file.ts';
import { anchorAuditHead } from './anchor-audit-head.ts';

/**
 * Every 10 minutes, and once whenever a node starts: the head of the audit log is anchored outside the database,
 * so rows deleted from the end of the log are missed by `GET /api/audit/verify` only if written since the last one.
 */
export function auditAnchorJob(db: Db, dataDir: string, o: { clock?: () => Date; log?: (line: string) => void } = {}): JobDefinition {
  const to = { keys: loadAuditKeys(dataDir), file: anchorFileOf(dataDir), log: o.log ?? ((line: string) => console.log(line)) };
  const clock = o.clock ?? (() => new Date());
  return { name: 'audit-anchor', cron: '*/10 * * * *', runAtStart: true, handler: async () => { await anchorAuditHead(db, to, clock()); } };
}
