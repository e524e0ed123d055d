import { Type, type Static } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import {
  CAP_CATEGORIES, CAP_CERTAINTIES, CAP_MSG_TYPES, CAP_SCOPES, CAP_SEVERITIES, CAP_STATUSES, CAP_URGENCIES, HAZARDS, INCIDENT_ACTIONS,
  INCIDENT_STATUSES, PLAN_LEVELS, PLAN_LIMITS, RESOURCE_KINDS, STEP_STATES,
} from '../../shared/plans.ts';
import { CASE_STATUSES } from '../../shared/cases.ts';
import { LIGHTS } from '../../shared/matters.ts';

/*
 * The incidents' API (issue 14): `POST /api/plans/:id/activate`, `GET /api/incidents`, `GET /api/incidents/:id`,
 * `POST /api/incidents/:id/level | stand-down`, `POST /api/incidents/:id/steps/:stepKey/checks`.
 * The web takes its types from here (type-only imports). Changes stay additive: clients and scripts call these routes.
 */

const Time = Type.String({ description: 'ISO 8601 with zone' });
const Reason = Type.String({ minLength: 1, maxLength: PLAN_LIMITS.reason, pattern: '\\S', description: 'why (required, not blank)' });
export const IncidentIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const PlanIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const StepParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  stepKey: Type.String({ minLength: 1, maxLength: PLAN_LIMITS.key }),
});

export const TRIGGER_REF_KINDS = ['alarm', 'case', 'alert'] as const;

export const ActivateBody = Type.Object({
  level: lit(PLAN_LEVELS),
  reason: Reason,
  drill: Type.Optional(Type.Boolean({ description: 'an exercise (演练): real work orders titled 【演练】, CAP status Exercise, figures apart' })),
  trigger: Type.Optional(Type.Object({
    kind: lit(TRIGGER_REF_KINDS),
    id: Type.String({ minLength: 1, maxLength: 64 }),
  }, { additionalProperties: false, description: 'the alarm, case or platform alert that started it: one incident per plan and trigger' })),
  location: Type.Optional(Type.Object({
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
  }, { additionalProperties: false, description: 'where it happens (else the trigger\'s point, else the plan\'s first resource, else the town\'s seat)' })),
  address: Type.Optional(Type.String({ maxLength: 200 })),
}, { additionalProperties: false });
export type ActivateBody = Static<typeof ActivateBody>;

export const LevelBody = Type.Object({ level: lit(PLAN_LEVELS), reason: Reason }, { additionalProperties: false });
export type LevelBody = Static<typeof LevelBody>;

export const StandDownBody = Type.Object({ reason: Reason }, { additionalProperties: false });
export type StandDownBody = Static<typeof StandDownBody>;

export const CheckBody = Type.Object({
  item: Type.Integer({ minimum: 0, maximum: PLAN_LIMITS.checklistItems - 1, description: 'the checklist item (0-based)' }),
  checked: Type.Boolean(),
}, { additionalProperties: false });
export type CheckBody = Static<typeof CheckBody>;

export const IncidentListQuery = Type.Object({
  status: Type.Optional(lit(INCIDENT_STATUSES)),
  drill: Type.Optional(Type.Union([Type.Boolean(), Type.Literal('true'), Type.Literal('false')])),
  hazard: Type.Optional(lit(HAZARDS)),
  planId: Type.Optional(Type.String({ maxLength: 64 })),
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'nextCursor of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
}, { additionalProperties: false });
export type IncidentListQuery = Static<typeof IncidentListQuery>;

export const INCIDENT_POLICIES = ['level', 'standDown'] as const;

export const IncidentSummary = Type.Object({
  id: Type.String(),
  number: Type.String(),
  title: Type.String(),
  planId: Type.String(),
  planVersion: Type.Integer(),
  planName: Type.String(),
  hazard: lit(HAZARDS),
  level: lit(PLAN_LEVELS),
  drill: Type.Boolean(),
  status: lit(INCIDENT_STATUSES),
  triggerKind: Type.Union([Type.Literal('manual'), lit(TRIGGER_REF_KINDS)]),
  triggerRef: Nullable(Type.String()),
  townId: Type.String(),
  activatedAt: Time,
  activatedByName: Nullable(Type.String()),
  stoodDownAt: Nullable(Time),
  steps: Type.Object({ total: Type.Integer(), done: Type.Integer(), left: Type.Integer(), late: Type.Integer() }),
  policies: Type.Array(lit(INCIDENT_POLICIES), { description: 'what the caller may do with the incident now' }),
});
export type IncidentSummary = Static<typeof IncidentSummary>;

export const IncidentList = Type.Object({ items: Type.Array(IncidentSummary), nextCursor: Nullable(Type.String()) });
export type IncidentList = Static<typeof IncidentList>;

const Point = Type.Object({ lng: Type.Number(), lat: Type.Number() });

export const IncidentStep = Type.Object({
  key: Type.String(),
  seq: Type.Integer(),
  title: Type.String(),
  roleKey: Type.String(),
  roleName: Type.String(),
  fromLevel: lit(PLAN_LEVELS),
  createdAt: Time,
  dueAt: Time,
  state: lit(STEP_STATES),
  completedAt: Nullable(Time),
  late: Type.Boolean({ description: 'done after its due time, or still open past it' }),
  checklist: Type.Array(Type.Object({
    text: Type.String(),
    checkedAt: Nullable(Time),
    checkedByName: Nullable(Type.String()),
  })),
  workOrder: Type.Object({
    id: Type.String(),
    number: Type.String(),
    status: lit(CASE_STATUSES),
    assigneeName: Nullable(Type.String()),
    deadline: Nullable(Time),
    light: Nullable(lit(LIGHTS)),
  }),
  policies: Type.Array(Type.Literal('check'), { description: 'check: the caller may tick this step\'s checklist' }),
});
export type IncidentStep = Static<typeof IncidentStep>;

export const CapAlertSchema = Type.Object({
  identifier: Type.String(),
  sender: Type.String(),
  sent: Type.String(),
  status: lit(CAP_STATUSES),
  msgType: lit(CAP_MSG_TYPES),
  scope: lit(CAP_SCOPES),
  references: Type.Array(Type.String()),
  note: Nullable(Type.String()),
  info: Type.Object({
    language: Type.String(),
    category: Type.Array(lit(CAP_CATEGORIES)),
    event: Type.String(),
    urgency: lit(CAP_URGENCIES),
    severity: lit(CAP_SEVERITIES),
    certainty: lit(CAP_CERTAINTIES),
    effective: Type.String(),
    onset: Nullable(Type.String()),
    expires: Type.String(),
    senderName: Type.String(),
    headline: Type.String(),
    description: Type.String(),
    instruction: Type.String(),
    area: Type.Object({ areaDesc: Type.String(), polygons: Type.Array(Type.String()), circles: Type.Array(Type.String()) }),
  }),
});

export const IncidentDetail = Type.Object({
  ...IncidentSummary.properties,
  version: Type.Integer(),
  reason: Type.String(),
  location: Nullable(Point),
  address: Nullable(Type.String()),
  summary: Type.String({ description: 'the plan\'s summary as snapshotted' }),
  matterCode: Type.String(),
  levels: Type.Array(lit(PLAN_LEVELS), { description: 'the levels the plan has, lowest first' }),
  standDownReason: Nullable(Type.String()),
  stoodDownByName: Nullable(Type.String()),
  levelHistory: Type.Array(Type.Object({ at: Time, from: Nullable(lit(PLAN_LEVELS)), to: lit(PLAN_LEVELS), reason: Type.String(), byName: Nullable(Type.String()) })),
  steps: Type.Array(IncidentStep),
  roles: Type.Array(Type.Object({
    key: Type.String(),
    name: Type.String(),
    postId: Nullable(Type.String()),
    postName: Nullable(Type.String()),
    holders: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  })),
  resources: Type.Array(Type.Object({
    key: Type.String(),
    kind: lit(RESOURCE_KINDS),
    name: Type.String(),
    quantity: Nullable(Type.Number()),
    unit: Nullable(Type.String()),
    location: Nullable(Point),
    address: Nullable(Type.String()),
    contactName: Nullable(Type.String()),
    contactPhone: Nullable(Type.String({ description: 'masked (138****1234) unless the caller commands incidents; an unmasked read is audited' })),
  })),
  affectedGridIds: Type.Array(Type.String()),
  log: Type.Array(Type.Object({
    id: Type.Integer(),
    at: Time,
    action: lit(INCIDENT_ACTIONS),
    actorName: Nullable(Type.String()),
    reason: Nullable(Type.String()),
    data: Type.Record(Type.String(), Type.Unknown()),
  })),
  capAlerts: Type.Array(CapAlertSchema),
});
export type IncidentDetail = Static<typeof IncidentDetail>;

export const CheckResult = Type.Object({
  step: IncidentStep,
  completed: Type.Boolean({ description: 'the last item ticked: the step is done and its work order handed in' }),
});
export type CheckResult = Static<typeof CheckResult>;
