import { Type } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import { HAZARDS, PLAN_LEVELS, PLAN_LIMITS, TRIGGER_MODES } from '../../shared/plans.ts';

/*
 * Plan suggestions (预案建议): alarms, cases and platform alerts that matched a town's plan, for the command center to
 * start (POST /api/plans/:id/activate with the trigger) or dismiss; and the incidents' CAP alerts as XML. The web types
 * against these (type-only imports).
 */

const Time = Type.String({ description: 'ISO 8601 with zone' });
export const MATCH_STATUSES = ['open', 'activated', 'dismissed', 'failed'] as const;
export const MATCH_TRIGGER_KINDS = ['alarm', 'case', 'alert'] as const;
export const SUGGESTION_POLICIES = ['activate', 'dismiss'] as const;

export const SuggestionIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const SuggestionQuery = Type.Object({
  status: Type.Optional(lit(MATCH_STATUSES)),
  triggerKind: Type.Optional(lit(MATCH_TRIGGER_KINDS)),
  triggerRef: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'the alarm, case or alert id: the plans it matched' })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
}, { additionalProperties: false });

export const Suggestion = Type.Object({
  id: Type.String(),
  plan: Type.Object({ id: Type.String(), name: Type.String(), version: Type.Integer(), hazard: lit(HAZARDS) }),
  town: Type.Object({ id: Type.String(), name: Type.String() }),
  trigger: Type.Object({
    kind: lit(MATCH_TRIGGER_KINDS),
    id: Type.String({ description: 'the alarm, case or platform alert' }),
    key: Type.String({ description: '`alarm:<id>`, `case:<id>`, `alert:<id>`' }),
    title: Nullable(Type.String({ description: 'the alarm\'s device, the case\'s number and matter, the alert\'s text' })),
    alarmLevel: Nullable(Type.String({ description: 'red / orange / yellow for an alarm' })),
  }),
  level: lit(PLAN_LEVELS),
  mode: lit(TRIGGER_MODES),
  matchedAt: Time,
  status: lit(MATCH_STATUSES),
  incident: Nullable(Type.Object({ id: Type.String(), number: Nullable(Type.String()) })),
  error: Nullable(Type.String({ description: 'why an automatic start was refused' })),
  decidedAt: Nullable(Time),
  decidedByName: Nullable(Type.String()),
  dismissReason: Nullable(Type.String()),
  policies: Type.Array(lit(SUGGESTION_POLICIES)),
});

export const SuggestionPage = Type.Object({ items: Type.Array(Suggestion), nextCursor: Nullable(Type.String()) });

export const DismissBody = Type.Object({
  reason: Type.String({ minLength: 1, maxLength: PLAN_LIMITS.reason, pattern: '\\S', description: 'why the plan is not started (required)' }),
}, { additionalProperties: false });

export const CapParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  seq: Type.Integer({ minimum: 1, maximum: 10000, description: 'the alert\'s number on the incident (1: the first Alert)' }),
});
