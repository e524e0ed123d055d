import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { findChainBreak, type ChainRow } from '../../domain/identity/audit-chain.ts';
import { Nullable } from '../platform/schema-helpers.ts';
import { auditRowsInOrder, searchAudit, type AuditRow } from './store.ts';
import { sha256 } from './audit-log.ts';

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

const toChainRow = (r: AuditRow): ChainRow => ({
  id: r.id, prevHash: r.prev_hash, hash: r.hash,
  fields: {
    at: r.at.toISOString(), actorId: r.actor_id, actorName: r.actor_name, ip: r.ip, action: r.action,
    targetType: r.target_type, targetId: r.target_id, success: r.success, detail: r.detail,
  },
});

/** The auditors' view (等保): search the log, and check that its hash chain is whole. */
export async function auditRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/audit', {
    config: { access: ['admin'] },
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
    return {
      items: page.map((r) => ({
        id: r.id, at: r.at.toISOString(), actorId: r.actor_id, actorName: r.actor_name, ip: r.ip, action: r.action,
        targetType: r.target_type, targetId: r.target_id, success: r.success, detail: r.detail, hash: r.hash,
      })),
      nextCursor: rows.length > limit ? String(page[page.length - 1]!.id) : null,
    };
  });

  app.get('/api/audit/verify', {
    config: { access: ['admin'] },
    schema: {
      tags: ['audit'], description: 'Recomputes the hash chain over the whole log; a broken link or hash means rows were edited or removed.',
      response: { 200: Type.Object({ ok: Type.Boolean(), checked: Type.Integer(), brokenAt: Nullable(Type.Object({ id: Type.Integer(), reason: Type.String() })) }) },
    },
  }, async () => {
    let checked = 0;
    let after = 0;
    let previous: ChainRow | null = null;
    for (;;) {
      const rows = (await auditRowsInOrder(app.db, after, 5000)).map(toChainRow);
      if (rows.length === 0) break;
      const broken = findChainBreak(previous ? [previous, ...rows] : rows, sha256);
      if (broken) return { ok: false, checked: checked + rows.findIndex((r) => r.id === broken.id), brokenAt: broken };
      checked += rows.length;
      previous = rows[rows.length - 1]!;
      after = previous.id;
    }
    return { ok: true, checked, brokenAt: null };
  });
}
