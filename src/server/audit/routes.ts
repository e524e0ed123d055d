import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import { AUDIT_READERS } from '../../shared/roles.ts';
import { searchAudit } from './store.ts';
import { actorOf, audit } from './audit-log.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';
import { auditKeys } from './audit-keys.ts';
import { anchorFileOf } from './anchor-file.ts';
import { auditRetentionDays } from './audit-retention-job.ts';

const Query = Type.Object({
  actorId: Type.Optional(Type.String({ maxLength: 64 })),
  action: Type.Optional(Type.String({ maxLength: 60 })),
  targetId: Type.Optional(Type.String({ maxLength: 64 })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  success: Type.Optional(Type.Boolean()),
  cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
}, { additionalProperties: false });

const Entry = Type.Object({
  id: Type.Integer(), at: Type.String(), actorId: Nullable(Type.String()), actorName: Nullable(Type.String()), ip: Nullable(Type.String()),
  action: Type.String(), targetType: Nullable(Type.String()), targetId: Nullable(Type.String()), success: Type.Boolean(),
  detail: Type.Any(), hash: Type.String(),
});

const Verdict = Type.Object({
  ok: Type.Boolean({ description: 'the chain is whole and every anchor holds' }),
  checked: Type.Integer({ description: 'rows checked (before the break, if any)' }),
  unkeyed: Type.Integer({ description: 'rows from before the chain was keyed: plain SHA-256, which anyone could recompute' }),
  brokenAt: Nullable(Type.Object({ id: Type.Integer(), reason: lit(['link', 'hash', 'unkeyed'] as const) })),
  anchors: Type.Object({
    checked: Type.Integer({ description: 'lines of the anchor file checked' }),
    pruned: Type.Integer({ description: 'anchors of rows old enough to have been pruned by retention' }),
    latestAt: Nullable(Type.String({ description: 'when the newest valid anchor was taken; rows written since are not anchored yet' })),
    brokenAt: Nullable(Type.Object({
      line: Type.Integer(), id: Nullable(Type.Integer()),
      reason: lit(['unreadable', 'signature', 'rewritten', 'truncated', 'deleted'] as const),
    })),
  }),
});

/**
 * The auditors' view (等保, 三员分立): the audit administrator (and the system administrator) search the log and
 * check that its hash chain is whole. The log is platform-wide, so neither is limited to a scope. Every search and
 * every check is itself written to the log, after it ran, so that the readers of the log are on record too.
 */
export async function auditRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/audit', {
    config: { access: AUDIT_READERS },
    schema: {
      tags: ['audit'], description: 'Search the audit log (newest first): logins, reads of personal data, changes, exports.',
      querystring: Query, response: { 200: Type.Object({ items: Type.Array(Entry), nextCursor: Nullable(Type.String()) }) },
    },
  }, async (req) => {
    const q = req.query as Static<typeof Query>;
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
        id: r.id, at: r.at.toISOString(), actorId: r.actor_id, actorName: r.actor_name, ip: r.ip, action: r.action,
        targetType: r.target_type, targetId: r.target_id, success: r.success, detail: r.detail, hash: r.hash,
      })),
      nextCursor: rows.length > limit ? String(page[page.length - 1]!.id) : null,
    };
  });

  app.get('/api/audit/verify', {
    config: { access: AUDIT_READERS },
    schema: {
      tags: ['audit'],
      description: 'Recomputes the keyed hash chain over the whole log and checks it against the anchors kept outside the database: '
        + 'a broken link or hash means rows were edited or removed; a broken anchor, that the log was cut short or rewritten.',
      response: { 200: Verdict },
    },
  }, async (req) => {
    const now = app.clock();
    const verdict = await verifyAuditChain(app.db, { keys: auditKeys(), anchorFile: anchorFileOf(app.config.dataDir), now, retentionDays: auditRetentionDays() });
    await audit(app.db, { at: now, ...actorOf(req), action: 'audit.verify', success: true, detail: verdict });
    return verdict;
  });
}
