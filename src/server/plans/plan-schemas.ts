import { Type, type Static } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import {
  CAP_CERTAINTIES, CAP_SEVERITIES, CAP_URGENCIES, HAZARDS, PLAN_LEVELS, PLAN_LIMITS, PLAN_STATUSES, RESOURCE_KINDS,
  TRIGGER_MODES, type PlanBody as PlanBodyType,
} from '../../shared/plans.ts';
import { ALARM_LEVELS } from '../../shared/devices.ts';

/*
 * 数字预案 (issue 14): the plans' request and response schemas. The web types against these (type-only imports).
 */

const L = PLAN_LIMITS;
const Id = Type.String({ minLength: 1, maxLength: 64 });
export const PlanIdParams = Type.Object({ id: Id });
export const PlanVersionParams = Type.Object({ id: Id, version: Type.Integer({ minimum: 1 }) });
const Time = Type.String({ description: 'ISO 8601 with zone' });
const Key = Type.String({ minLength: 1, maxLength: L.key, pattern: '^[A-Za-z0-9][A-Za-z0-9_-]*$', description: 'unique within the plan; letters, digits, _ and -' });
const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const Code = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' });
const Level = lit(PLAN_LEVELS);
const Mode = lit(TRIGGER_MODES);

export const PlanTriggerSchema = Type.Union([
  Type.Object({ kind: Type.Literal('alarm'), alarmType: Code, minLevel: lit(ALARM_LEVELS), level: Level, activate: Mode }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('case'), categoryCode: Code, level: Level, activate: Mode }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('alert'), alertType: Code, level: Level, activate: Mode }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('manual') }, { additionalProperties: false }),
]);

export const PlanRoleSchema = Type.Object({
  key: Key,
  name: Text(L.title),
  postCode: Nullable(Type.String({ minLength: 1, maxLength: 40, description: 'a post of the town (e.g. PA-YJGL): its A and B holders take the role' })),
  backupAccountIds: Type.Array(Id, { maxItems: L.backups, uniqueItems: true, description: 'staff accounts of the town who take the role when the post has nobody, in order' }),
}, { additionalProperties: false });

export const PlanStepSchema = Type.Object({
  key: Key,
  title: Text(L.title),
  roleKey: Key,
  dueOffsetMin: Type.Integer({ minimum: 0, maximum: L.maxDueOffsetMin, description: 'minutes after activation (or after the level change that adds it) by which it is due' }),
  fromLevel: Level,
  checklist: Type.Array(Text(L.checklistItem), { maxItems: L.checklistItems }),
}, { additionalProperties: false });

const Point = Type.Object({
  lng: Type.Number({ minimum: -180, maximum: 180 }), lat: Type.Number({ minimum: -90, maximum: 90 }),
}, { additionalProperties: false });

export const PlanResourceSchema = Type.Object({
  key: Key,
  kind: lit(RESOURCE_KINDS),
  name: Text(L.resourceText),
  quantity: Nullable(Type.Number({ minimum: 0, maximum: 1e9 })),
  unit: Nullable(Text(20)),
  location: Nullable(Point),
  address: Nullable(Text(L.resourceText)),
  contactName: Nullable(Text(L.resourceText)),
  contactPhone: Nullable(Type.String({
    minLength: 1, maxLength: L.phone,
    description: 'personal data: sealed in the store; answered masked (138****1234) unless the reader is a plan editor or a commander (audited)',
  })),
}, { additionalProperties: false });

export const PlanNoticeSchema = Type.Object({
  event: Text(L.title),
  urgency: lit(CAP_URGENCIES),
  severity: Nullable(lit(CAP_SEVERITIES)),
  certainty: lit(CAP_CERTAINTIES),
  headline: Text(L.headline),
  description: Text(L.noticeText),
  instruction: Text(L.noticeText),
  areaDesc: Text(L.title),
  expiresAfterH: Type.Number({ exclusiveMinimum: 0, maximum: L.maxExpiresH }),
}, { additionalProperties: false });

/** PlanBody (src/shared/plans.ts) as the API takes and answers it. */
export const PlanBodySchema = Type.Object({
  name: Text(L.name),
  hazard: lit(HAZARDS),
  matterCode: Type.String({ minLength: 1, maxLength: 20, description: 'a current Matter of the town: the steps\' work orders are of it (S0302 河道涨水)' }),
  summary: Text(L.summary, 0),
  levels: Type.Array(Level, { minItems: 1, maxItems: PLAN_LEVELS.length, uniqueItems: true, description: 'the levels the plan has, lowest first' }),
  triggers: Type.Array(PlanTriggerSchema, { maxItems: L.triggers }),
  roles: Type.Array(PlanRoleSchema, { minItems: 1, maxItems: L.roles }),
  steps: Type.Array(PlanStepSchema, { minItems: 1, maxItems: L.steps }),
  resources: Type.Array(PlanResourceSchema, { maxItems: L.resources }),
  notice: PlanNoticeSchema,
}, { additionalProperties: false });

// the schema and the shared type say the same thing
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const planBodyMatches: Same<Static<typeof PlanBodySchema>, PlanBodyType> = true;
void planBodyMatches;

export const PLAN_POLICIES = ['edit', 'retire', 'activate', 'drill'] as const;
export type PlanPolicy = (typeof PLAN_POLICIES)[number];

const Names = Type.Object({
  matterName: Nullable(Type.String()),
  posts: Type.Record(Type.String(), Type.String(), { description: '{ postCode: post name } of the roles\' posts' }),
  accounts: Type.Record(Type.String(), Type.String(), { description: '{ accountId: name } of the back-ups' }),
});

const VersionSummary = Type.Object({
  version: Type.Integer(),
  savedAt: Time,
  savedById: Nullable(Type.String()),
  savedByName: Nullable(Type.String()),
  note: Nullable(Type.String()),
  current: Type.Boolean(),
});

/** A plan in the list. */
export const PlanSummary = Type.Object({
  id: Type.String(),
  townId: Type.String(),
  townName: Type.String(),
  name: Type.String(),
  hazard: lit(HAZARDS),
  status: lit(PLAN_STATUSES),
  currentVersion: Type.Integer(),
  levels: Type.Array(Level),
  triggerKinds: Type.Array(Type.String()),
  stepCount: Type.Integer(),
  roleCount: Type.Integer(),
  matterCode: Type.String(),
  matterName: Nullable(Type.String()),
  createdAt: Time,
  updatedAt: Time,
  retiredAt: Nullable(Time),
  policies: Type.Array(lit(PLAN_POLICIES)),
});

export const PlanList = Type.Object({
  items: Type.Array(PlanSummary),
  nextCursor: Nullable(Type.String()),
  policies: Type.Array(lit(['create'] as const)),
});

export const PlanListQuery = Type.Object({
  hazard: Type.Optional(lit(HAZARDS)),
  status: Type.Optional(lit(PLAN_STATUSES)),
  q: Type.Optional(Type.String({ maxLength: 80, description: 'words of the name' })),
  townId: Type.Optional(Id),
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'the `nextCursor` of the previous page' })),
}, { additionalProperties: false });

/** A plan with its current version's body (contact phones masked unless `contactsWhole`) and its versions. */
export const PlanDetail = Type.Object({
  ...PlanSummary.properties,
  body: PlanBodySchema,
  note: Nullable(Type.String({ description: 'the current version\'s note' })),
  savedAt: Time,
  savedByName: Nullable(Type.String()),
  retiredByName: Nullable(Type.String()),
  retireReason: Nullable(Type.String()),
  contactsWhole: Type.Boolean({ description: 'true when the contact phones are shown whole (plan editors and commanders; the read is audited)' }),
  names: Names,
  versions: Type.Array(VersionSummary, { description: 'newest first' }),
});

export const CreatePlanBody = Type.Object({
  body: PlanBodySchema,
  townId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'the town the plan is of; default: the town holding the caller\'s scope' })),
  note: Type.Optional(Type.String({ maxLength: L.reason })),
}, { additionalProperties: false });

export const UpdatePlanBody = Type.Object({
  body: PlanBodySchema,
  version: Type.Integer({ minimum: 1, description: 'the current version number as read: 409 CONFLICT if another save came first' }),
  note: Type.Optional(Type.String({ maxLength: L.reason })),
}, { additionalProperties: false });

export const RetirePlanBody = Type.Object({
  reason: Type.String({ minLength: 1, maxLength: L.reason, pattern: '\\S' }),
}, { additionalProperties: false });

export const PlanVersionList = Type.Object({ items: Type.Array(VersionSummary) });

/** One version of a plan with its body (GET /api/plans/:id/versions/:version; contact phones masked: history is for comparing steps). */
export const PlanVersionDetail = Type.Object({
  ...VersionSummary.properties,
  planId: Type.String(),
  body: PlanBodySchema,
  names: Names,
});

export type PlanSummaryView = Static<typeof PlanSummary>;
export type PlanDetailView = Static<typeof PlanDetail>;
export type PlanListView = Static<typeof PlanList>;
export type PlanVersionView = Static<typeof PlanVersionDetail>;
export type PlanVersionListView = Static<typeof PlanVersionList>;
export type CreatePlanInput = Static<typeof CreatePlanBody>;
export type UpdatePlanInput = Static<typeof UpdatePlanBody>;
