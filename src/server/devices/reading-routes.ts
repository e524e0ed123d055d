import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { AppError } from '../platform/errors.ts';
import { countReadings } from '../platform/metrics.ts';
import { READING_LIMITS } from '../../shared/devices.ts';
import { deviceAuthenticatorFor, requireDevice } from './device-auth.ts';
import * as s from './schemas.ts';

/** Requests per device per minute over HTTP (a batch of up to 500 readings is one request). */
export const READINGS_PER_MINUTE = Number(process.env.DEVICE_HTTP_RATE_PER_MIN ?? 600);

/** A fixed one-minute window per device, counted after its token is verified (a stranger cannot use up its share). */
export class PerDeviceLimit {
  private readonly windows = new Map<string, { start: number; n: number }>();
  private readonly max: number;
  constructor(max: number) {
    this.max = max;
  }

  /** Seconds to wait when over the limit, else 0. */
  take(deviceId: string, now: number): number {
    let w = this.windows.get(deviceId);
    if (!w || now - w.start >= 60_000) {
      if (this.windows.size > 200_000) this.prune(now);
      w = { start: now, n: 0 };
      this.windows.set(deviceId, w);
    }
    w.n++;
    return w.n > this.max ? Math.ceil((w.start + 60_000 - now) / 1000) : 0;
  }

  private prune(now: number): void {
    for (const [id, w] of this.windows) if (now - w.start >= 60_000) this.windows.delete(id);
  }
}

/** Readings over HTTP: `POST /api/devices/:id/readings` with the device's own token (MQTT is beside it, in mqtt/). */
export async function readingRoutes(app: FastifyInstance): Promise<void> {
  const auth = deviceAuthenticatorFor(app.db);
  const limit = new PerDeviceLimit(READINGS_PER_MINUTE);

  app.post('/api/devices/:id/readings', {
    // public to the session check: the device's own token is checked here (Authorization: Bearer <device token>)
    config: { access: 'public' },
    bodyLimit: READING_LIMITS.bodyBytes,
    schema: {
      summary: 'Readings from a device', tags: ['devices'], params: s.IdParams, body: s.ReadingsBody, response: { 200: s.ReadingsAnswer },
      description: 'Device-token auth (`Authorization: Bearer <device token>`): 401 DEVICE_TOKEN_INVALID for a missing or wrong token, an unknown or retired device alike. One reading `{ ts | messageId, kind?, key?, value?, battery? }` or `{ readings: [...] }` (at most 500): every reading is checked first (422 READING_INVALID naming the bad ones, nothing stored); answers after they are stored (that is the acknowledgement). A reading sent again (same message id, or same time and content) counts as a duplicate, stored once. At most ' + READINGS_PER_MINUTE + ' requests per device per minute (429).',
    },
  }, async (req) => {
    const { id } = req.params as Static<typeof s.IdParams>;
    await requireDevice(auth, id, req.headers.authorization);
    const wait = limit.take(id, Date.now());
    if (wait > 0) {
      throw new AppError('RATE_LIMITED', `Too many requests from this device; try again in ${wait} s (or send readings in batches).`,
        `该设备请求过于频繁，请 ${wait} 秒后再试（或批量发送读数）。`, undefined, { 'retry-after': String(wait) });
    }
    const body = req.body as Record<string, unknown>;
    const payloads = Array.isArray(body.readings) && Object.keys(body).length === 1 ? (body.readings as unknown[]) : [body];
    const outcome = await app.ingest.submit(id, payloads);
    countReadings('http', outcome);
    return { stored: outcome.stored, duplicates: outcome.duplicates };
  });
}
