import { createHash, timingSafeEqual } from 'node:crypto';
import type { Db, Tx } from '../platform/db/db.ts';
import { AppError } from '../platform/errors.ts';
import { findActiveTokenHash } from './device-store.ts';

/** SHA-256 (hex) of a device token: what the database keeps. */
export const hashDeviceToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** How long a verified token is believed without asking the database: retire and rotate stop it within this on every node. */
export const DEVICE_AUTH_CACHE_MS = 5_000;
const MAX_CACHED = 200_000;
const DUMMY_HASH = Buffer.alloc(32);

export const deviceTokenInvalid = () => new AppError('DEVICE_TOKEN_INVALID',
  'The device id and token do not match an active device.', '设备编号与令牌不匹配，或设备已停用。');

/**
 * Checks a device's token (HTTP readings and MQTT alike): the SHA-256 of the token compared in constant time with the
 * stored one. A verified device's hash is kept a few seconds, so a busy device does not cost a query per reading; a
 * retired device or a rotated token is refused on every node within DEVICE_AUTH_CACHE_MS (and at once on this node
 * through `forget`). An unknown device and a wrong token are the same refusal.
 */
export class DeviceAuthenticator {
  private readonly cache = new Map<string, { hash: Buffer; until: number }>();
  private readonly db: Tx;
  private readonly o: { now?: () => number; cacheMs?: number };

  constructor(db: Db | Tx, o: { now?: () => number; cacheMs?: number } = {}) {
    this.db = db;
    this.o = o;
  }

  async verify(deviceId: unknown, token: unknown): Promise<boolean> {
    if (typeof deviceId !== 'string' || typeof token !== 'string' || deviceId.length === 0 || deviceId.length > 64
      || token.length === 0 || token.length > 200) return false;
    const given = Buffer.from(hashDeviceToken(token), 'hex');
    const now = (this.o.now ?? Date.now)();
    const hit = this.cache.get(deviceId);
    if (hit && hit.until > now) return timingSafeEqual(hit.hash, given);
    const stored = await findActiveTokenHash(this.db, deviceId);
    const hash = stored && /^[0-9a-f]{64}$/.test(stored) ? Buffer.from(stored, 'hex') : null;
    const ok = timingSafeEqual(hash ?? DUMMY_HASH, given) && hash !== null;
    if (ok && hash) {
      if (this.cache.size >= MAX_CACHED) this.prune(now);
      this.cache.set(deviceId, { hash, until: now + (this.o.cacheMs ?? DEVICE_AUTH_CACHE_MS) });
    } else {
      this.cache.delete(deviceId);
    }
    return ok;
  }

  /** Drops what this node believes of a device (its token rotated, the device retired). */
  forget(deviceId: string): void {
    this.cache.delete(deviceId);
  }

  private prune(now: number): void {
    for (const [id, e] of this.cache) if (e.until <= now) this.cache.delete(id);
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
  }
}

/** The device id and token of an `Authorization: Bearer <token>` request; 401 DEVICE_TOKEN_INVALID when it fails. */
export async function requireDevice(auth: DeviceAuthenticator, deviceId: string, authorization: string | undefined): Promise<void> {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!m || !(await auth.verify(deviceId, m[1]))) throw deviceTokenInvalid();
}

const perDb = new WeakMap<object, DeviceAuthenticator>();

/** One authenticator per database on this node, shared by the HTTP route and the commands that rotate and retire. */
export function deviceAuthenticatorFor(db: Db): DeviceAuthenticator {
  let a = perDb.get(db);
  if (!a) {
    a = new DeviceAuthenticator(db);
    perDb.set(db, a);
  }
  return a;
}
