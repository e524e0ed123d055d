import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import {
  ALARM_LEVELS, DEVICE_BINDING_KINDS, DEVICE_LIMITS, DEVICE_STATES, DEVICE_TYPES, READING_KINDS, READING_LIMITS, RULE_LIMITS,
} from '../../shared/devices.ts';
import { ALARM_CATEGORIES, ALARM_STATUSES, ESCALATION_LIMITS, ESCALATION_ROLES } from '../../shared/alarms.ts';

/*
 * The devices' API (issue 13): devices bound to a registry record, their profiles' rules and escalation, readings sent
 * by devices. The web takes its types from here (type-only imports). Changes stay additive: devices and scripts call
 * these routes.
 */

const Time = Type.String({ description: 'ISO 8601 with zone' });
export const Id = Type.String({ minLength: 1, maxLength: 64 });
export const IdParams = Type.Object({ id: Id });

// ---------------------------------------------------------------------------------------------------------------------
// Rules and escalation (the shapes of src/shared/devices.ts and src/shared/alarms.ts)

const HHmm = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:mm, Asia/Shanghai' });
const Sec = Type.Integer({ minimum: 0, maximum: RULE_LIMITS.maxSec });
const RuleBase = {
  id: Type.String({ minLength: 1, maxLength: RULE_LIMITS.id, pattern: '^[A-Za-z0-9_-]+$' }),
  name: Type.String({ minLength: 1, maxLength: RULE_LIMITS.name }),
  enabled: Type.Boolean(),
  alarmType: Type.String({ minLength: 1, maxLength: RULE_LIMITS.alarmType, pattern: '^[A-Za-z0-9_-]+$' }),
  level: lit(ALARM_LEVELS),
  matterCode: Type.Optional(Type.String({ minLength: 1, maxLength: 20, description: 'the Matter of the care order (S0101 …); absent for offline rules' })),
  window: Type.Optional(Type.Object({ from: HHmm, to: HHmm }, { additionalProperties: false, description: 'from > to spans midnight' })),
};
const ReadingKey = Type.String({ minLength: 1, maxLength: READING_LIMITS.key });

export const ThresholdRuleSchema = Type.Object({
  ...RuleBase,
  kind: Type.Literal('threshold'),
  key: ReadingKey,
  op: lit(['<', '<=', '>', '>=', '=='] as const),
  value: Type.Number(),
  forSec: Sec,
}, { additionalProperties: false });
export const InactivityRuleSchema = Type.Object({
  ...RuleBase,
  kind: Type.Literal('inactivity'),
  key: Type.Optional(ReadingKey),
  afterSec: Sec,
}, { additionalProperties: false });
export const RepeatRuleSchema = Type.Object({
  ...RuleBase,
  kind: Type.Literal('repeat'),
  key: ReadingKey,
  value: Type.Optional(Type.Number()),
  count: Type.Integer({ minimum: 1, maximum: RULE_LIMITS.maxCount }),
  withinSec: Sec,
}, { additionalProperties: false });
export const OfflineRuleSchema = Type.Object({
  ...RuleBase,
  kind: Type.Literal('offline'),
  afterSec: Sec,
}, { additionalProperties: false });
export const RuleSchema = Type.Union([ThresholdRuleSchema, InactivityRuleSchema, RepeatRuleSchema, OfflineRuleSchema]);
export const RulesSchema = Type.Array(RuleSchema, { maxItems: RULE_LIMITS.rules });

export const RuleOverrideSchema = Type.Object({
  enabled: Type.Optional(Type.Boolean()),
  value: Type.Optional(Type.Number()),
  forSec: Type.Optional(Sec),
  afterSec: Type.Optional(Sec),
  count: Type.Optional(Type.Integer({ minimum: 1, maximum: RULE_LIMITS.maxCount })),
  withinSec: Type.Optional(Sec),
}, { additionalProperties: false });
export const RuleOverridesSchema = Type.Record(Type.String({ maxLength: RULE_LIMITS.id }), RuleOverrideSchema, {
  description: 'per bound person, by rule id: a rule switched off or its numbers changed',
});

export const EscalationSchema = Type.Object({
  steps: Type.Array(Type.Object({
    notify: Type.Array(lit(ESCALATION_ROLES), { minItems: 1, maxItems: ESCALATION_ROLES.length }),
    afterMin: Type.Integer({ minimum: 0, maximum: ESCALATION_LIMITS.maxMin, description: 'minutes after the previous step (0 for the first)' }),
  }, { additionalProperties: false }), { minItems: 1, maxItems: ESCALATION_LIMITS.steps }),
  repeatEveryMin: Type.Integer({ minimum: 1, maximum: ESCALATION_LIMITS.maxMin }),
}, { additionalProperties: false });

// ---------------------------------------------------------------------------------------------------------------------
// Devices

export const DEVICE_POLICIES = ['update', 'editOverrides', 'retire', 'rotateToken'] as const;

export const Binding = Type.Object({
  kind: lit(DEVICE_BINDING_KINDS),
  id: Id,
}, { additionalProperties: false, description: 'a registry record the caller sees: the device takes its grid and location from it' });

export const BindingSummary = Type.Object({
  kind: lit(DEVICE_BINDING_KINDS),
  id: Type.String(),
  name: Type.String({ description: 'a resident\'s name masked (张*), a household\'s head masked with its address, a place\'s name' }),
  address: Nullable(Type.String()),
  tags: Type.Array(Type.String(), { description: 'tag codes of the bound resident (or household members) the caller may see' }),
});

export const DeviceView = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  type: lit(DEVICE_TYPES),
  name: Type.String(),
  serialNo: Nullable(Type.String()),
  profileId: Type.String(),
  profileName: Type.String(),
  binding: BindingSummary,
  gridId: Type.String(),
  gridName: Type.String(),
  townId: Type.String(),
  location: Nullable(Type.Object({ lng: Type.Number(), lat: Type.Number() })),
  address: Nullable(Type.String()),
  status: lit(['active', 'retired'] as const),
  state: lit(DEVICE_STATES),
  battery: Nullable(Type.Integer()),
  lastSeenAt: Nullable(Time),
  lastEventAt: Nullable(Time),
  offlineSince: Nullable(Time),
  activeAlarms: Type.Integer({ description: 'alarms not yet cleared' }),
  createdAt: Time,
  updatedAt: Time,
  policies: Type.Array(lit(DEVICE_POLICIES)),
});
export type DeviceViewT = Static<typeof DeviceView>;

export const DeviceListQuery = Type.Object({
  status: Type.Optional(lit(['active', 'retired'] as const)),
  type: Type.Optional(lit(DEVICE_TYPES)),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'part of the name, serial number, id or address' })),
  orgUnitId: Type.Optional(Type.String({ maxLength: 64, description: 'devices in this org unit and below, inside the caller\'s scope' })),
  state: Type.Optional(lit(DEVICE_STATES)),
  bindingKind: Type.Optional(lit(DEVICE_BINDING_KINDS)),
  bindingId: Type.Optional(Type.String({ maxLength: 64, description: 'devices bound to this record (with bindingKind)' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 400, description: 'nextCursor of the previous page' })),
}, { additionalProperties: false });

export const DeviceList = Type.Object({
  items: Type.Array(DeviceView),
  nextCursor: Nullable(Type.String({ description: 'null on the last page' })),
  policies: Type.Array(lit(['create'] as const), { description: 'create: the caller may register devices' }),
});

export const DeviceCreateBody = Type.Object({
  type: lit(DEVICE_TYPES),
  profileId: Type.Optional(Id),
  binding: Binding,
  name: Type.String({ minLength: 1, maxLength: DEVICE_LIMITS.name }),
  serialNo: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: DEVICE_LIMITS.serialNo }))),
}, { additionalProperties: false, description: 'profileId: a profile of the device\'s type (default: the platform\'s for the type)' });

export const DeviceTokenAnswer = Type.Object({
  id: Type.String(),
  token: Type.String({ description: 'shown once: only its SHA-256 is kept' }),
  device: DeviceView,
});

export const DeviceCreated = Type.Object({
  id: Type.String(),
  token: Nullable(Type.String({ description: 'shown once: only its SHA-256 is kept. null when this answers a retried Idempotency-Key (rotate the token if the first answer was lost)' })),
  device: DeviceView,
});

export const DevicePatch = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  name: Type.Optional(Type.String({ minLength: 1, maxLength: DEVICE_LIMITS.name })),
  serialNo: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: DEVICE_LIMITS.serialNo }))),
  profileId: Type.Optional(Id),
  overrides: Type.Optional(RuleOverridesSchema),
  binding: Type.Optional(Binding),
}, { additionalProperties: false, description: 'overrides replace the whole set (RULE_EDITORS only)' });

export const VersionBody = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export const AlarmSummary = Type.Object({
  id: Type.String(),
  alarmType: Type.String(),
  category: lit(ALARM_CATEGORIES),
  level: lit(ALARM_LEVELS),
  status: lit(ALARM_STATUSES),
  raisedAt: Time,
  caseId: Nullable(Type.String()),
});

export const DeviceFigures = Type.Object({
  readingsPerDay: Type.Array(Type.Object({ day: Type.String({ description: 'YYYY-MM-DD, Asia/Shanghai' }), count: Type.Integer() }), {
    description: 'the last 30 days, oldest first, days without readings included',
  }),
  alarmsByType: Type.Array(Type.Object({ alarmType: Type.String(), count: Type.Integer() })),
});

export const DeviceDetail = Type.Object({
  device: DeviceView,
  overrides: RuleOverridesSchema,
  rules: RulesSchema,
  alarms: Type.Array(AlarmSummary, { description: 'active and acknowledged, then the latest cleared (at most 20)' }),
  figures: DeviceFigures,
});

export const ReadingView = Type.Object({
  at: Time,
  receivedAt: Time,
  kind: lit(READING_KINDS),
  key: Nullable(Type.String()),
  value: Nullable(Type.Number()),
  textValue: Nullable(Type.String()),
  battery: Nullable(Type.Integer()),
});
export const ReadingListQuery = Type.Object({
  from: Type.Optional(Type.String({ format: 'date-time', description: 'default: 24 h before to' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'default: now' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
  cursor: Type.Optional(Type.String({ maxLength: 400 })),
}, { additionalProperties: false });
export const ReadingList = Type.Object({
  items: Type.Array(ReadingView, { description: 'newest first' }),
  nextCursor: Nullable(Type.String()),
});

// ---------------------------------------------------------------------------------------------------------------------
// Readings sent by a device (POST /api/devices/:id/readings, device-token auth)

/** A reading as a device sends it (the documentation of ReadingPayload; the ingest checks each one: 422 READING_INVALID). */
export const ReadingPayloadSchema = Type.Object({
  ts: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Number()], { description: 'ISO 8601 with zone, or epoch milliseconds' })),
  messageId: Type.Optional(Type.String({ minLength: 1, maxLength: READING_LIMITS.messageId })),
  kind: Type.Optional(lit(READING_KINDS)),
  key: Type.Optional(Type.String({ minLength: 1, maxLength: READING_LIMITS.key })),
  value: Type.Optional(Type.Union([Type.Number(), Type.Boolean(), Type.String({ maxLength: READING_LIMITS.textValue })])),
  battery: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
}, { additionalProperties: false, description: 'ts or messageId required' });
/** The body of POST /api/devices/:id/readings: loose here, so HTTP and MQTT get the ingest's same refusals. */
export const ReadingsBody = Type.Union([
  Type.Object({ readings: Type.Array(Type.Unknown(), { minItems: 1, maxItems: READING_LIMITS.batch }) }),
  Type.Record(Type.String(), Type.Unknown(), { description: 'one reading (ReadingPayload)' }),
], { description: 'one reading { ts | messageId, kind?, key?, value?, battery? }, or { readings: [...] } (at most 500); each checked: 422 READING_INVALID naming the bad ones, nothing stored' });
export const ReadingsAnswer = Type.Object({
  stored: Type.Integer(),
  duplicates: Type.Integer({ description: 'readings already stored (a retry)' }),
});

// ---------------------------------------------------------------------------------------------------------------------
// Profiles

export const PROFILE_POLICIES = ['editRules'] as const;

export const ProfileView = Type.Object({
  id: Type.String(),
  townId: Nullable(Type.String({ description: 'null: a platform profile, offered to every town' })),
  type: lit(DEVICE_TYPES),
  name: Type.String(),
  version: Type.Integer(),
  rules: RulesSchema,
  escalation: EscalationSchema,
  devices: Type.Integer({ description: 'active devices with this profile the caller sees' }),
  updatedAt: Time,
  updatedByName: Nullable(Type.String()),
  policies: Type.Array(lit(PROFILE_POLICIES)),
});
export const ProfileList = Type.Object({ items: Type.Array(ProfileView) });
export const ProfileListQuery = Type.Object({
  type: Type.Optional(lit(DEVICE_TYPES)),
}, { additionalProperties: false });

export const ProfileRules = Type.Object({
  profileId: Type.String(),
  version: Type.Integer(),
  rules: RulesSchema,
  escalation: EscalationSchema,
  updatedAt: Time,
  updatedByName: Nullable(Type.String()),
  policies: Type.Array(lit(PROFILE_POLICIES)),
});
export const ProfileRulesBody = Type.Object({
  version: Type.Integer({ minimum: 1, description: 'the version read; 409 VERSION_CONFLICT when someone saved since' }),
  rules: RulesSchema,
  escalation: EscalationSchema,
}, { additionalProperties: false });

export const PreviewQuery = Type.Object({
  deviceId: Id,
}, { additionalProperties: false });
export const PreviewBody = Type.Object({
  deviceId: Id,
  rules: RulesSchema,
}, { additionalProperties: false, description: 'draft rules, previewed before saving' });

export const PreviewAlarm = Type.Object({
  at: Time,
  ruleId: Type.String(),
  ruleName: Type.String(),
  alarmType: Type.String(),
  level: lit(ALARM_LEVELS),
  details: Type.Record(Type.String(), Type.Unknown()),
});
export const PreviewAnswer = Type.Object({
  deviceId: Type.String(),
  from: Time,
  to: Time,
  readings: Type.Integer({ description: 'readings of the last 24 h replayed' }),
  alarms: Type.Array(PreviewAlarm, { description: 'what would have fired, and when' }),
  recovered: Type.Array(Type.Object({ at: Time, alarmType: Type.String() })),
});

export type Schema<T extends TSchema> = Static<T>;
