import { Type, type Static } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import { ALARM_CATEGORIES, ALARM_LIMITS, ALARM_STATUSES, ESCALATION_ROLES } from '../../shared/alarms.ts';
import { ALARM_LEVELS, DEVICE_BINDING_KINDS, DEVICE_TYPES } from '../../shared/devices.ts';
import { CASE_STATUSES } from '../../shared/cases.ts';

/*
 * The alarms' API (issue 13): `GET /api/alarms`, `GET /api/alarms/:id`, `POST /api/alarms/:id/acknowledge | clear`.
 * The web takes its types from here (type-only imports). Changes stay additive: clients and scripts call these routes.
 */

const Time = Type.String({ description: 'ISO 8601 with zone' });
export const AlarmIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const ALARM_ACTIONS = ['acknowledge', 'clear'] as const;
export type AlarmAction = (typeof ALARM_ACTIONS)[number];
const AlarmPolicies = Type.Array(lit(ALARM_ACTIONS), { description: 'what the caller may do with the alarm now' });

/** Every filter narrows the caller's own alarms (their territory): none can widen them. Newest first. */
export const AlarmListQuery = Type.Object({
  status: Type.Optional(lit(ALARM_STATUSES)),
  category: Type.Optional(lit(ALARM_CATEGORIES)),
  orgUnitId: Type.Optional(Type.String({ maxLength: 64, description: 'alarms in this unit (a community, a grid) and below, inside the caller\'s scope' })),
  deviceId: Type.Optional(Type.String({ maxLength: 64, description: 'the alarms of one device' })),
  mine: Type.Optional(Type.Union([Type.Boolean(), Type.Literal('1')], { description: 'only the alarms notified to the caller (any step of their escalation)' })),
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'nextCursor of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
}, { additionalProperties: false });

const Binding = Type.Object({
  kind: lit(DEVICE_BINDING_KINDS),
  id: Type.String(),
  name: Nullable(Type.String({ description: 'the person\'s name masked (张*), the household\'s head masked, or the place\'s name; null when the record is gone' })),
});

export const AlarmSummary = Type.Object({
  id: Type.String(),
  status: lit(ALARM_STATUSES),
  category: lit(ALARM_CATEGORIES),
  alarmType: Type.String({ description: 'what raised it: inactivity, heartRateLow, smoke, offline … (the rule\'s alarmType)' }),
  ruleName: Nullable(Type.String({ description: 'the name of the rule that raised it, as its profile names it now' })),
  level: lit(ALARM_LEVELS),
  raisedAt: Time,
  version: Type.Integer(),
  device: Type.Object({ id: Type.String(), name: Type.String(), type: lit(DEVICE_TYPES) }),
  binding: Binding,
  matterCode: Nullable(Type.String()),
  matterName: Nullable(Type.String()),
  gridId: Type.String(),
  gridName: Type.String(),
  townId: Type.String(),
  address: Nullable(Type.String()),
  /** the care order (关爱工单) it opened; null until the alarm clock dispatched it, and for maintenance alarms */
  careOrder: Nullable(Type.Object({ id: Type.String(), number: Type.String(), status: lit(CASE_STATUSES) })),
  /** a maintenance alarm's deviceCheck task for the grid worker */
  taskId: Nullable(Type.String()),
  dispatchedAt: Nullable(Time),
  escalationStep: Type.Integer({ minimum: 0, description: 'the last escalation step sent (0: the first notification)' }),
  nextEscalationAt: Nullable(Type.String({ description: 'when the next step goes out if nobody acknowledges; null once acknowledged or cleared' })),
  acknowledgedAt: Nullable(Time),
  acknowledgedByName: Nullable(Type.String()),
  clearedAt: Nullable(Time),
  clearedByName: Nullable(Type.String()),
  clearNote: Nullable(Type.String({ description: 'a code starting sys: for the system\'s own notes (sys:alarm.recovered)' })),
  notifiedToMe: Type.Boolean({ description: 'a step of its escalation named the caller' }),
  policies: AlarmPolicies,
});
export type AlarmSummaryView = Static<typeof AlarmSummary>;

export const AlarmPage = Type.Object({
  items: Type.Array(AlarmSummary),
  nextCursor: Nullable(Type.String({ description: 'null on the last page' })),
});

export const AlarmNotification = Type.Object({
  at: Time,
  step: Type.Integer({ minimum: 0 }),
  role: Type.Union([lit(ESCALATION_ROLES), Type.Literal('partner')]),
  recipients: Type.Array(Type.Object({ accountId: Type.String(), name: Type.String() })),
});

export const AlarmDetail = Type.Composite([AlarmSummary, Type.Object({
  location: Nullable(Type.Object({ lng: Type.Number(), lat: Type.Number() })),
  details: Type.Record(Type.String(), Type.Unknown(), { description: 'what raised it: { value, forSec, count, lastEventAt, … }' }),
  deviceState: Type.Object({ battery: Nullable(Type.Integer()), lastSeenAt: Nullable(Time) }),
  notifications: Type.Array(AlarmNotification, { description: 'each step of its escalation, oldest first' }),
})]);
export type AlarmDetailView = Static<typeof AlarmDetail>;

export const AcknowledgeBody = Type.Object({
  version: Type.Integer({ minimum: 1, description: 'the alarm\'s version as read: 409 CONFLICT when it changed since' }),
}, { additionalProperties: false });

export const ClearBody = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  note: Type.Optional(Type.String({ maxLength: ALARM_LIMITS.clearNote, description: 'what was found; required for care and safety alarms' })),
}, { additionalProperties: false });
