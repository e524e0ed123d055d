import { Type } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import { PARTNER_LIMITS } from '../../shared/alarms.ts';
import { ALERT_LEVELS } from '../../domain/alarms/alert-mapping.ts';
import { HAZARDS } from '../../shared/plans.ts';

/*
 * Partners (issue 13): outbound webhooks that tell family doctors, traffic police or 120 about alarms, and the
 * platforms (fire AI, anti-fraud, enterprise anomaly) that send alerts in. The web types against these.
 */

const L = PARTNER_LIMITS;
const Id = Type.String({ minLength: 1, maxLength: 64 });
export const IdParams = Type.Object({ id: Id });
const Time = Type.String({ description: 'ISO 8601 with zone' });
const Name = Type.String({ minLength: 1, maxLength: L.name });
const AlarmType = Type.String({ minLength: 1, maxLength: 40, pattern: '^(\\*|[A-Za-z0-9][A-Za-z0-9._-]*)$' });
/** the hazards (数字预案) whose incidents' CAP alerts go to this partner; `*` for all */
export const WEBHOOK_HAZARDS = ['*', ...HAZARDS] as const;
const Hazards = Type.Array(lit(WEBHOOK_HAZARDS), { maxItems: WEBHOOK_HAZARDS.length, uniqueItems: true, description: 'the hazards whose incidents\' CAP alerts go to this partner; `*` for all; none: alarms only' });

export const WEBHOOK_POLICIES = ['edit', 'test'] as const;
export const Webhook = Type.Object({
  id: Type.String(),
  townId: Type.String(),
  townName: Type.String(),
  name: Type.String(),
  url: Type.String(),
  alarmTypes: Type.Array(Type.String(), { description: 'the alarm types sent to this partner; `*` for all' }),
  hazards: Type.Array(Type.String(), { description: 'the hazards whose incidents\' CAP alerts go to this partner; `*` for all' }),
  active: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Time,
  updatedAt: Time,
  lastDelivery: Nullable(Type.Object({ status: lit(['pending', 'delivered', 'failed'] as const), at: Time })),
  policies: Type.Array(lit(WEBHOOK_POLICIES)),
});

export const WebhookList = Type.Object({
  items: Type.Array(Webhook),
  policies: Type.Array(lit(['create'] as const)),
});

export const WebhookListQuery = Type.Object({
  townId: Type.Optional(Id),
}, { additionalProperties: false });

export const WebhookBody = Type.Object({
  townId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'the town whose alarms go out; default: the town holding the caller\'s scope' })),
  name: Name,
  url: Type.String({ minLength: 1, maxLength: L.url, description: 'http(s) URL; private and loopback addresses are refused in production' }),
  alarmTypes: Type.Array(AlarmType, { maxItems: 30, uniqueItems: true, description: 'may be empty when the partner takes incidents (hazards) only' }),
  hazards: Type.Optional(Hazards),
  active: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

export const WebhookUpdate = Type.Object({
  name: Name,
  url: Type.String({ minLength: 1, maxLength: L.url }),
  alarmTypes: Type.Array(AlarmType, { maxItems: 30, uniqueItems: true }),
  hazards: Type.Optional(Hazards),
  active: Type.Boolean(),
  version: Type.Integer({ minimum: 1 }),
  rotateSecret: Type.Optional(Type.Boolean({ description: 'a new signing secret, shown once in the answer' })),
}, { additionalProperties: false });

export const WebhookSaved = Type.Object({
  webhook: Webhook,
  secret: Nullable(Type.String({ description: 'the signing secret (HMAC-SHA256): shown only now, on create or rotation' })),
});

export const Delivery = Type.Object({
  id: Type.String(),
  kind: lit(['alarm', 'incident', 'test'] as const),
  alarmId: Nullable(Type.String()),
  incidentId: Nullable(Type.String()),
  incidentNumber: Nullable(Type.String()),
  caseId: Nullable(Type.String()),
  caseNumber: Nullable(Type.String()),
  status: lit(['pending', 'delivered', 'failed'] as const),
  attempts: Type.Integer(),
  nextAttemptAt: Nullable(Time),
  lastError: Nullable(Type.String()),
  responseStatus: Nullable(Type.Integer()),
  deliveredAt: Nullable(Time),
  createdAt: Time,
});

export const DeliveryQuery = Type.Object({
  before: Type.Optional(Type.String({ maxLength: 100, description: 'the `nextCursor` of the previous page' })),
}, { additionalProperties: false });

export const DeliveryPage = Type.Object({ items: Type.Array(Delivery), nextCursor: Nullable(Type.String()) });

// ---------------------------------------------------------------------------------------------------------------------
// platforms

const TypeMatters = Type.Record(
  Type.String({ minLength: 1, maxLength: L.alertType }), Type.String({ minLength: 1, maxLength: 20 }),
  { description: '{ alertType: matterCode }: the matter an alert of each type becomes' },
);

export const PLATFORM_POLICIES = ['edit', 'rotateKey'] as const;
export const Platform = Type.Object({
  id: Type.String({ description: 'what the platform names itself as in `platform` of its alerts' }),
  name: Type.String(),
  orgUnitId: Type.String(),
  orgUnitName: Type.String(),
  typeMatters: TypeMatters,
  matterNames: Type.Record(Type.String(), Type.String(), { description: '{ matterCode: name } of the mapped matters' }),
  active: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Time,
  updatedAt: Time,
  alertCount: Type.Integer(),
  lastAlertAt: Nullable(Time),
  policies: Type.Array(lit(PLATFORM_POLICIES)),
});

export const PlatformList = Type.Object({ items: Type.Array(Platform), policies: Type.Array(lit(['create'] as const)) });

export const PlatformBody = Type.Object({
  id: Type.String({ minLength: 2, maxLength: 40, pattern: '^[a-z0-9][a-z0-9-]*$', description: 'a short code the platform sends as `platform` (fire-ai)' }),
  name: Name,
  orgUnitId: Type.String({ minLength: 1, maxLength: 64, description: 'the district or town whose ground its alerts may land on' }),
  typeMatters: TypeMatters,
}, { additionalProperties: false });

export const PlatformUpdate = Type.Object({
  name: Name,
  orgUnitId: Type.String({ minLength: 1, maxLength: 64 }),
  typeMatters: TypeMatters,
  active: Type.Boolean(),
  version: Type.Integer({ minimum: 1 }),
}, { additionalProperties: false });

export const PlatformKeyed = Type.Object({
  platform: Platform,
  apiKey: Type.String({ description: 'the X-Api-Key: shown only now' }),
});

export const VersionBody = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export const AlertBody = Type.Object({
  platform: Type.String({ minLength: 1, maxLength: 40, description: 'the platform\'s id, as registered' }),
  type: Type.String({ minLength: 1, maxLength: L.alertType }),
  level: lit(ALERT_LEVELS),
  location: Type.Optional(Type.Object({
    lng: Type.Number({ minimum: -180, maximum: 180 }), lat: Type.Number({ minimum: -90, maximum: 90 }),
  }, { additionalProperties: false, description: 'WGS84' })),
  address: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  text: Type.String({ minLength: 1, maxLength: L.alertText }),
  externalId: Type.String({ minLength: 1, maxLength: L.externalId, description: 'the platform\'s own id of the alert: sending it again answers the first case' }),
}, { additionalProperties: false });

export const AlertAccepted = Type.Object({
  alertId: Type.String(),
  caseId: Type.String(),
  caseNumber: Type.String(),
  created: Type.Boolean({ description: 'false: this externalId was received before; the answer is its case' }),
});
