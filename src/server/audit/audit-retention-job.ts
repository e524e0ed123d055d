import type { Db } from '../platform/db/db.ts';
import type { JobDefinition } from '../platform/jobs.ts';
import { pruneAudit } from './audit-log.ts';

/** 等保 asks for at least 6 months; AUDIT_RETENTION_DAYS below 183 is raised to 183. */
export function auditRetentionDays(env: NodeJS.ProcessEnv = process.env): number {
  return Math.max(183, Number(env.AUDIT_RETENTION_DAYS ?? 365) || 365);
}

export function auditRetentionJob(db: Db): JobDefinition {
  return { name: 'audit-retention', cron: '17 3 * * *', handler: async () => { await pruneAudit(db, auditRetentionDays()); } };
}
