import type { Role } from './roles.ts';

/** Sensors of homes and places (a river's water-level gauge among them), and senders that speak for other systems (an AI camera, another platform's gateway). */
export const DEVICE_TYPES = ['doorMagnet', 'smokeDetector', 'wristband', 'gasSensor', 'waterLeakSensor', 'waterLevelGauge', 'camera', 'gateway'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

/** What a device is bound to: a person (a wristband), a household (a door magnet), a place (a smoke detector in a shop). */
export const DEVICE_BINDING_KINDS = ['resident', 'household', 'place'] as const;
export type DeviceBindingKind = (typeof DEVICE_BINDING_KINDS)[number];

/**
 * What a reading is: `event` (something happened: the door opened, smoke, a heart-rate sample), `keepalive` (the device
 * says it is alive) or `status` (battery, signal, the device's own pings). Only events count as activity; all three
 * count as the device being online.
 */
export const READING_KINDS = ['event', 'keepalive', 'status'] as const;
export type ReadingKind = (typeof READING_KINDS)[number];

/** `online` (heard within its offline rule's window), `offline` (an offline alarm stands), `never` (never heard). */
export const DEVICE_STATES = ['online', 'offline', 'never'] as const;
export type DeviceState = (typeof DEVICE_STATES)[number];

/**
 * A reading as a device sends it, over HTTP (`POST /api/devices/:id/readings`, one or `{ readings: [...] }`) or MQTT
 * (`devices/{deviceId}/readings`, QoS 1). `ts` (ISO 8601 with zone, or epoch milliseconds) or `messageId` makes a retry
 * the same reading; a reading with neither is refused.
 */
export interface ReadingPayload {
  ts?: string | number;
  messageId?: string;
  /** default `event` when `key` is set, else `keepalive` */
  kind?: ReadingKind;
  /** what was measured or happened: door, smoke, heartRate, gas, water, fall, sos, motion … */
  key?: string;
  /** a number, a boolean (stored as 1/0) or a short text (door: 'open' | 'closed') */
  value?: number | boolean | string;
  /** percent */
  battery?: number;
}

export const READING_LIMITS = {
  batch: 500,
  key: 40,
  textValue: 80,
  messageId: 100,
  /** how far in the future a reading's time may be (device clocks drift) */
  futureSkewSec: 300,
  /** the body of one HTTP ingest request */
  bodyBytes: 256 * 1024,
} as const;

export const RULE_KINDS = ['threshold', 'inactivity', 'repeat', 'offline'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export const ALARM_LEVELS = ['red', 'orange', 'yellow'] as const;
export type AlarmLevel = (typeof ALARM_LEVELS)[number];

/** A rule's time window in Asia/Shanghai wall-clock time; `from` > `to` spans midnight (22:00 → 06:00 is the night). */
export interface TimeWindow {
  from: string; // HH:mm
  to: string; // HH:mm
}

interface RuleBase {
  /** unique within its profile; overrides and rule state refer to it */
  id: string;
  name: string;
  enabled: boolean;
  /** the alarm it raises: one active alarm per (device, alarmType) */
  alarmType: string;
  level: AlarmLevel;
  /** the Matter of the care order it opens (S0101 …); absent for offline rules, which make a maintenance task */
  matterCode?: string;
  /** only readings (and deadlines) inside this window count */
  window?: TimeWindow;
}

/** `key` `op` `value` held for `forSec` seconds (heart rate < 45 for 120 s); forSec 0 fires on the first reading. */
export interface ThresholdRule extends RuleBase {
  kind: 'threshold';
  key: string;
  op: '<' | '<=' | '>' | '>=' | '==';
  value: number;
  forSec: number;
}

/** No event with `key` (any event when absent) for `afterSec` seconds (door not opened for 24 h); keep-alives never count. */
export interface InactivityRule extends RuleBase {
  kind: 'inactivity';
  key?: string;
  afterSec: number;
}

/** `count` events with `key` (and `value`, when given) within `withinSec` seconds (smoke 3 times in a minute). */
export interface RepeatRule extends RuleBase {
  kind: 'repeat';
  key: string;
  value?: number;
  count: number;
  withinSec: number;
}

/** Nothing at all heard (keep-alives and status count here) for `afterSec` seconds: a maintenance task, not a care order. */
export interface OfflineRule extends RuleBase {
  kind: 'offline';
  afterSec: number;
}

export type Rule = ThresholdRule | InactivityRule | RepeatRule | OfflineRule;

/** Per bound person: a rule switched off, or its numbers changed (a lower heart-rate limit for a patient on β-blockers). */
export type RuleOverride = Partial<Pick<ThresholdRule, 'value' | 'forSec'> & Pick<InactivityRule, 'afterSec'> & Pick<RepeatRule, 'count' | 'withinSec'>> & { enabled?: boolean };
export type RuleOverrides = Record<string, RuleOverride>;

export const RULE_LIMITS = {
  rules: 20,
  id: 40,
  name: 60,
  alarmType: 40,
  /** longest duration or inactivity: 30 days */
  maxSec: 30 * 24 * 3600,
  maxCount: 100,
} as const;

export const DEVICE_LIMITS = {
  name: 60,
  serialNo: 60,
  /** the bytes of randomness of a device token (shown once, base64url) */
  tokenBytes: 32,
} as const;

/** Who sees devices, their readings and profiles: everyone who works on the ground or watches it. */
export const DEVICE_READERS = ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker'] as const satisfies readonly Role[];
/** Who registers, binds, moves and retires devices (the installer works with the community). */
export const DEVICE_EDITORS = ['admin', 'leader', 'dispatcher', 'communityStaff'] as const satisfies readonly Role[];
/** Who edits a profile's rules and escalation, and a bound person's overrides. */
export const RULE_EDITORS = ['admin', 'leader'] as const satisfies readonly Role[];
