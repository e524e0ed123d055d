import type { Capability } from '../platform/capability.ts';
import { installAuditKeys, loadAuditKeys } from './audit-keys.ts';
import { deniedAccessAudit } from './denied-access.ts';
import { auditRoutes } from './routes.ts';
import { auditRetentionJob } from './audit-retention-job.ts';
import { auditAnchorJob } from './audit-anchor-job.ts';

/** The audit log: its keys, refusals written to it, reading and verifying it, pruning and anchoring it. */
export const audit: Capability = {
  name: 'audit',
  setup: async (app, { config }) => {
    installAuditKeys(loadAuditKeys(config.dataDir));
    await app.register(deniedAccessAudit);
  },
  routes: [auditRoutes],
  jobs: ({ db, config }) => [auditRetentionJob(db), auditAnchorJob(db, config.dataDir)],
};
