import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { AUDIT_READERS } from '../../shared/roles.ts';
import { searchAudit } from './store.ts';
import { AuditPage, AuditQuery, AuditVerdict } from './schemas.ts';
import { actorOf, audit } from './audit-log.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';
import { auditKeys } from './audit-keys.ts';
import { anchorFileOf } from './anchor-file.ts';
import { auditRetentionDays } from './audit-retention-job.ts';

/**
 * The auditors' view (等保, 三员分立): the audit administrator (and the system administrator) search the log and
 * check that its hash chain is whole. The log is platform-wide, so neither is limited to a scope. Every search and
 * every check is itself written to the log, after it ran, so that the readers of the log are on record too.
 */
export async function auditRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/audit', {
    config: { access: AUDIT_READERS },
    schema: {
      summary: 'Search the audit log',
      tags: ['audit'], description: 'Search the audit log (newest first): logins, reads of personal data, changes, exports. Each entry names its actor (display name beside the recorded username) and its target (name or case number) where they still exist.',
      querystring: AuditQuery, response: { 200: AuditPage },
    },
  }, async (req) => {
    const q = req.query as Static<typeof AuditQuery>;
    const limit = q.limit ?? 100;
    const rows = await searchAudit(app.db, {
      actorId: q.actorId, action: q.action, targetId: q.targetId, success: q.success, limit: limit + 1,
      from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined, beforeId: q.cursor ? Number(q.cursor) : undefined,
    });
    const page = rows.slice(0, limit);
    // the filter as asked, without the empty fields (the chain hashes the detail as stored)
    const filter = Object.fromEntries(Object.entries(q).filter(([k, v]) => k !== 'limit' && v !== undefined));
    await audit(app.db, { at: app.clock(), ...actorOf(req), action: 'audit.search', success: true, detail: { filter, returned: page.length } });
    return {
      items: page.map((r) => ({
        id: r.id, at: r.at.toISOString(), actorId: r.actor_id, actorName: r.actor_name, actorDisplayName: r.actor_display_name, ip: r.ip,
        action: r.action, targetType: r.target_type, targetId: r.target_id, targetName: r.target_name, success: r.success, detail: r.detail, hash: r.hash,
      })),
      nextCursor: rows.length > limit ? String(page[page.length - 1]!.id) : null,
    };
  });

  app.get('/api/audit/verify', {
    config: { access: AUDIT_READERS },
    schema: {
      summary: 'Verify the audit log\'s integrity',
      tags: ['audit'],
      description: 'Recomputes the keyed hash chain over the whole log and checks it against the anchors kept outside the database: '
        + 'a broken link or hash means rows were edited or removed; a broken anchor, that the log was cut short or rewritten.',
      response: { 200: AuditVerdict },
    },
  }, async (req) => {
    const now = app.clock();
    const verdict = await verifyAuditChain(app.db, { keys: auditKeys(), anchorFile: anchorFileOf(app.config.dataDir), now, retentionDays: auditRetentionDays() });
    await audit(app.db, { at: now, ...actorOf(req), action: 'audit.verify', success: true, detail: verdict });
    return verdict;
  });
}
