import { Type } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';

export const AuditQuery = Type.Object({
  actorId: Type.Optional(Type.String({ maxLength: 64 })),
  action: Type.Optional(Type.String({ maxLength: 60 })),
  targetId: Type.Optional(Type.String({ maxLength: 64 })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  success: Type.Optional(Type.Boolean()),
  cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
}, { additionalProperties: false });

const AuditEntry = Type.Object({
  id: Type.Integer(), at: Type.String(), actorId: Nullable(Type.String()),
  actorName: Nullable(Type.String({ description: 'the username the actor signed in with, as recorded' })),
  actorDisplayName: Nullable(Type.String({ description: 'the acting account\'s name as it is now; null when unknown or gone' })),
  ip: Nullable(Type.String()),
  action: Type.String(), targetType: Nullable(Type.String()), targetId: Nullable(Type.String()),
  targetName: Nullable(Type.String({ description: 'the target\'s name as it is now (a case: its number); null for targets without one or gone' })),
  success: Type.Boolean(),
  detail: Type.Unknown({ description: 'what the entry records, as the action writes it' }), hash: Type.String(),
});

export const AuditVerdict = Type.Object({
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

export const AuditPage = Type.Object({ items: Type.Array(AuditEntry), nextCursor: Nullable(Type.String()) });
