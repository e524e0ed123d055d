import { randomBytes, randomUUID } from 'node:crypto';
import type { Static } from '@sinclair/typebox';
import type { Tx } from '../platform/db/db.ts';
import { AppError } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { DEVICE_LIMITS, type DeviceBindingKind, type DeviceType } from '../../shared/devices.ts';
import type { Reach } from '../registry/reach.ts';
import { findHouseholdRecord, findResident } from '../registry/store.ts';
import { findPlace } from '../registry/place-thing-store.ts';
import { armDevice } from './rule-state-store.ts';
import { hashDeviceToken } from './device-auth.ts';
import { insertDevice } from './device-store.ts';
import { defaultProfileFor, findProfile, type ProfileRow } from './profile-store.ts';
import type { DeviceActor } from './presenters.ts';
import type * as s from './schemas.ts';

/* Registering a device: bound to a registry record the caller sees (its grid and the place a responder goes taken from
   it), given a profile of its type, its rules armed from now, a token shown once. */

export const newDeviceToken = () => randomBytes(DEVICE_LIMITS.tokenBytes).toString('base64url');

export const deviceInvalid = (en: string, zh: string, details?: unknown) => new AppError('DEVICE_INVALID', en, zh, details);

/** Where a bound device is: the record's grid, town and path, and the point and address a responder goes to. */
export interface BoundPlace {
  townId: string; gridId: string; path: string; lng: number | null; lat: number | null; address: string | null;
}

/**
 * The registry record a device is bound to, as the caller sees it: a resident (at its household's point and address),
 * a household (its point, from its building), a place (its point). 422 DEVICE_BINDING_INVALID when there is no such
 * record in the caller's reach (one that moved away, or was retired, included).
 */
export async function resolveBinding(tx: Tx, reach: Reach, b: { kind: DeviceBindingKind; id: string }): Promise<BoundPlace> {
  if (b.kind === 'resident') {
    const r = await findResident(tx, reach, b.id);
    if (r && r.left_at === null) {
      const h = r.household_id ? await findHouseholdRecord(tx, null, r.household_id) : null;
      return { townId: r.town_id, gridId: r.grid_id, path: r.org_path, lng: h?.lng ?? null, lat: h?.lat ?? null, address: h?.address ?? null };
    }
  } else if (b.kind === 'household') {
    const h = await findHouseholdRecord(tx, reach, b.id);
    if (h) return { townId: h.town_id, gridId: h.grid_id, path: h.org_path, lng: h.lng, lat: h.lat, address: h.address };
  } else {
    const p = await findPlace(tx, reach, b.id);
    if (p) return { townId: p.town_id, gridId: p.grid_id, path: p.org_path, lng: p.lng, lat: p.lat, address: p.address ?? p.name };
  }
  throw new AppError('DEVICE_BINDING_INVALID', 'Bind the device to a resident, household or place in your scope.',
    '请将设备绑定到您数据范围内的居民、住户或场所。', { field: 'binding' });
}

/** The profile named (one of the device's type, the platform's or the device's town's), else the default for the type. */
export async function profileFor(tx: Tx, who: DeviceActor, type: DeviceType, townId: string, profileId: string | undefined): Promise<ProfileRow> {
  const p = profileId ? await findProfile(tx, who.reach.scopePath, profileId) : await defaultProfileFor(tx, type, townId);
  if (!p || p.device_type !== type || (p.town_id !== null && p.town_id !== townId)) {
    throw deviceInvalid(profileId ? 'The profile is not one for this type of device in its town.' : 'There is no profile for this type of device.',
      profileId ? '所选规则方案不适用于该类设备或该镇街。' : '该类设备尚无规则方案。', { field: 'profileId' });
  }
  return p;
}

/**
 * `identity` is for the demo alone, whose devices have published ids and tokens (README's Try it); every real device
 * gets a random id and a random token shown once.
 */
export async function createDevice(
  tx: Tx, who: DeviceActor, body: Static<typeof s.DeviceCreateBody>, identity?: { id: string; token: string },
): Promise<{ id: string; token: string }> {
  const at = await resolveBinding(tx, who.reach, body.binding);
  const profile = await profileFor(tx, who, body.type, at.townId, body.profileId);
  const id = identity?.id ?? randomUUID();
  const token = identity?.token ?? newDeviceToken();
  await insertDevice(tx, {
    id, town_id: at.townId, grid_id: at.gridId, org_path: at.path, device_type: body.type, profile_id: profile.id,
    name: body.name.trim(), serial_no: body.serialNo?.trim() || null, binding_kind: body.binding.kind, binding_id: body.binding.id,
    lng: at.lng, lat: at.lat, address: at.address, overrides: {}, token_hash: hashDeviceToken(token),
    created_at: who.now, created_by: who.reach.accountId, updated_at: who.now,
  });
  await armDevice(tx, id, profile.rules, who.now, {});
  await appendAudit(tx, {
    at: who.now, actorId: who.reach.accountId, actorName: who.reach.name, ip: who.ip, action: 'device.create',
    targetType: 'device', targetId: id, success: true,
    detail: { type: body.type, profileId: profile.id, binding: body.binding, gridId: at.gridId },
  });
  return { id, token };
}
