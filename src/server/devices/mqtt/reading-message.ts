import { READING_LIMITS } from '../../../shared/devices.ts';
import { AppError } from '../../platform/errors.ts';
import { countDroppedMqttMessage, countReadings } from '../../platform/metrics.ts';
import type { IngestOutcome } from '../ingest.ts';

/** The topic a device publishes its readings on: `devices/{deviceId}/readings`. */
export const READINGS_TOPIC_FILTER = 'devices/+/readings';

/** What the MQTT transports need of the ingest (ReadingIngest, or a stand-in in tests and the benchmark). */
export interface ReadingSink {
  submit(deviceId: string, payloads: readonly unknown[]): Promise<IngestOutcome>;
}

/** What the embedded broker needs to know a device: DeviceAuthenticator. */
export interface DeviceVerifier {
  verify(deviceId: string, token: string): Promise<boolean>;
}

/** The device a readings topic names, or null for any other topic. */
export function deviceIdOfTopic(topic: string): string | null {
  const parts = topic.split('/');
  return parts.length === 3 && parts[0] === 'devices' && parts[2] === 'readings' && parts[1]!.length > 0 ? parts[1]! : null;
}

/**
 * A message's readings as the HTTP route takes them: one reading, `{ readings: [...] }` or an array; null when the
 * payload is not JSON of one of those shapes, holds more than a batch or is larger than an HTTP body may be.
 */
export function decodeReadings(payload: Buffer): unknown[] | null {
  if (payload.length > READING_LIMITS.bodyBytes) return null;
  let body: unknown;
  try {
    body = JSON.parse(payload.toString('utf8'));
  } catch {
    return null;
  }
  const list = Array.isArray(body) ? body
    : body !== null && typeof body === 'object' && Array.isArray((body as { readings?: unknown }).readings) ? (body as { readings: unknown[] }).readings
    : body !== null && typeof body === 'object' ? [body]
    : null;
  return list && list.length > 0 && list.length <= READING_LIMITS.batch ? list : null;
}

/**
 * Stores one MQTT message's readings; resolves when they are committed, which is when the transport may acknowledge.
 * A message no retry can fix (not JSON, refused with a 4xx code such as READING_INVALID) is logged and resolves, so it is acknowledged and
 * dropped; a failure to store rejects, so it is not acknowledged and the device (or the broker) sends it again.
 */
export async function storeMessage(sink: ReadingSink, deviceId: string, payload: Buffer, log: (line: string) => void): Promise<IngestOutcome | null> {
  const readings = decodeReadings(payload);
  if (!readings) {
    log(`mqtt: dropped a message of device ${deviceId}: not a JSON reading, { readings: [...] } or an array of at most ${READING_LIMITS.batch}, in at most ${READING_LIMITS.bodyBytes} bytes (${payload.length} bytes)`);
    countDroppedMqttMessage();
    return null;
  }
  try {
    const outcome = await sink.submit(deviceId, readings);
    countReadings('mqtt', outcome);
    return outcome;
  } catch (err) {
    // a refusal (READING_INVALID, an unknown or retired device) is the same on every retry
    if (err instanceof AppError && err.status < 500) {
      log(`mqtt: dropped a message of device ${deviceId}: ${err.message}`);
      countDroppedMqttMessage();
      return null;
    }
    throw err;
  }
}

/**
 * Hands the ingest the messages of one event-loop turn together instead of one by one. The embedded broker reads each
 * device's socket in the loop's poll phase; an ingest on PGlite runs its transaction on this same thread without
 * returning to that phase, so messages handed over one at a time would each start a transaction of their own while the
 * rest of the turn's messages wait unread. Gathered up to `setImmediate` (right after the poll phase), the turn's
 * messages reach the ingest at once and go into one transaction. On PostgreSQL it costs a turn and changes little.
 */
export function gatherByTurn(sink: ReadingSink): ReadingSink {
  let waiting: { deviceId: string; payloads: readonly unknown[]; resolve: (o: IngestOutcome) => void; reject: (e: unknown) => void }[] = [];
  const flush = () => {
    const now = waiting;
    waiting = [];
    for (const w of now) sink.submit(w.deviceId, w.payloads).then(w.resolve, w.reject);
  };
  return {
    submit: (deviceId, payloads) => new Promise<IngestOutcome>((resolve, reject) => {
      if (waiting.length === 0) setImmediate(flush);
      waiting.push({ deviceId, payloads, resolve, reject });
    }),
  };
}
