import { READING_KINDS, READING_LIMITS, type ReadingKind } from '../../shared/devices.ts';

/** A reading as the rules and the store see it: checked, its time settled, its value split into number or text. */
export interface Reading {
  /** the reading's instant in epoch ms: its `ts`, or the arrival time when it came with a message id only */
  at: number;
  kind: ReadingKind;
  key: string | null;
  /** a number, or a boolean as 1/0; null for a text value or none */
  value: number | null;
  textValue: string | null;
  battery: number | null;
  /** with `at` and the device, what makes a retry the same reading: `m:<messageId>`, else the payload's canonical text */
  dedupeKey: string;
  /** set when the payload had a message id but no time: deduplicated by (device, message id) for two days */
  messageIdOnly: string | null;
}

/** Why a payload is refused, as a code the API turns into words (the field named). */
export type ReadingRefusal =
  | 'notAnObject' | 'noTimeOrMessageId' | 'tsInvalid' | 'tsInFuture' | 'messageIdInvalid' | 'kindInvalid'
  | 'keyInvalid' | 'valueInvalid' | 'batteryInvalid' | 'unknownField';

export type ParsedReading = { ok: true; reading: Reading } | { ok: false; refusal: ReadingRefusal };

const FIELDS = new Set(['ts', 'messageId', 'kind', 'key', 'value', 'battery']);
const KEY_RE = /^[A-Za-z][A-Za-z0-9_.-]*$/;
// the earliest instant a device could honestly stamp: 2000-01-01
const EARLIEST = Date.UTC(2000, 0, 1);

function parseTs(ts: unknown): number | null {
  if (typeof ts === 'number') return Number.isInteger(ts) && ts >= EARLIEST ? ts : null;
  if (typeof ts !== 'string' || ts.length > 40) return null;
  // ISO 8601 with a zone (Z or ±hh:mm); a local time without a zone is ambiguous and refused
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/.test(ts)) return null;
  const ms = Date.parse(ts);
  return Number.isFinite(ms) && ms >= EARLIEST ? ms : null;
}

/**
 * Checks and normalises one payload received at `now` (epoch ms). The time is `ts` (ISO 8601 with a zone, or epoch
 * milliseconds), at most READING_LIMITS.futureSkewSec ahead of `now`; without `ts`, a `messageId` is required and the
 * reading takes the arrival time. `kind` defaults to `event` when `key` is set, else `keepalive`.
 */
export function parseReading(payload: unknown, now: number): ParsedReading {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return { ok: false, refusal: 'notAnObject' };
  const p = payload as Record<string, unknown>;
  for (const f of Object.keys(p)) if (!FIELDS.has(f)) return { ok: false, refusal: 'unknownField' };

  let messageId: string | null = null;
  if (p.messageId !== undefined) {
    if (typeof p.messageId !== 'string' || p.messageId.length === 0 || p.messageId.length > READING_LIMITS.messageId) return { ok: false, refusal: 'messageIdInvalid' };
    messageId = p.messageId;
  }
  let at: number;
  if (p.ts !== undefined) {
    const ms = parseTs(p.ts);
    if (ms === null) return { ok: false, refusal: 'tsInvalid' };
    if (ms > now + READING_LIMITS.futureSkewSec * 1000) return { ok: false, refusal: 'tsInFuture' };
    at = ms;
  } else if (messageId !== null) {
    at = now;
  } else {
    return { ok: false, refusal: 'noTimeOrMessageId' };
  }

  let key: string | null = null;
  if (p.key !== undefined) {
    if (typeof p.key !== 'string' || p.key.length === 0 || p.key.length > READING_LIMITS.key || !KEY_RE.test(p.key)) return { ok: false, refusal: 'keyInvalid' };
    key = p.key;
  }
  let kind: ReadingKind = key !== null ? 'event' : 'keepalive';
  if (p.kind !== undefined) {
    if (typeof p.kind !== 'string' || !(READING_KINDS as readonly string[]).includes(p.kind)) return { ok: false, refusal: 'kindInvalid' };
    kind = p.kind as ReadingKind;
  }
  let value: number | null = null;
  let textValue: string | null = null;
  if (p.value !== undefined && p.value !== null) {
    if (typeof p.value === 'boolean') value = p.value ? 1 : 0;
    else if (typeof p.value === 'number' && Number.isFinite(p.value)) value = p.value;
    else if (typeof p.value === 'string' && p.value.length <= READING_LIMITS.textValue) textValue = p.value;
    else return { ok: false, refusal: 'valueInvalid' };
  }
  let battery: number | null = null;
  if (p.battery !== undefined && p.battery !== null) {
    if (typeof p.battery !== 'number' || !Number.isFinite(p.battery) || p.battery < 0 || p.battery > 100) return { ok: false, refusal: 'batteryInvalid' };
    battery = Math.round(p.battery);
  }

  const dedupeKey = messageId !== null
    ? `m:${messageId}`
    : `p:${JSON.stringify([kind, key, value, textValue, battery])}`;
  return {
    ok: true,
    reading: { at, kind, key, value, textValue, battery, dedupeKey, messageIdOnly: p.ts === undefined ? messageId : null },
  };
}

/** Readings in the order the rules take them: by time, and in arrival order within the same millisecond. */
export function sortReadings<T extends Pick<Reading, 'at'>>(readings: readonly T[]): T[] {
  return readings.map((r, i) => ({ r, i })).sort((a, b) => a.r.at - b.r.at || a.i - b.i).map((x) => x.r);
}
