import type { Static } from '@sinclair/typebox';
import type { Tx } from '../platform/db/db.ts';
import { forbidden, notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { stale } from '../registry/refusals.ts';
import type { RuleOverrides } from '../../shared/devices.ts';
import { validateOverrides } from '../../domain/devices/rule-validation.ts';
import { rearmRules, refuseRules } from './save-profile-rules.ts';
import { armDevice } from './rule-state-store.ts';
import { lockDevice, updateDevice } from './device-store.ts';
import { deviceInvalid, profileFor, resolveBinding } from './create-device.ts';
import { findProfile } from './profile-store.ts';
import type { DeviceActor } from './presenters.ts';
import type * as s from './schemas.ts';

/*
 * Changing a device: its name and serial number, its profile (of its type), the bound person's overrides (rule editors
 * only), or its binding (the device moves to the new record's grid and point). A change of profile, overrides or
 * binding re-arms its rules from now.
 */

export async function updateDeviceCmd(tx: Tx, who: DeviceActor, id: string, patch: Static<typeof s.DevicePatch>): Promise<void> {
  const d = await lockDevice(tx, who.reach, id);
  if (!d) throw notFound('device');
  if (!who.deviceEditor && !(who.ruleEditor && onlyOverrides(patch))) throw forbidden();
  if (patch.overrides !== undefined && !who.ruleEditor) throw forbidden();
  if (d.status !== 'active') throw deviceInvalid('A retired device cannot be changed.', '设备已停用，不能修改。');
  if (d.version !== patch.version) throw stale();

  const set: Record<string, unknown> = {};
  const detail: Record<string, unknown> = {};
  if (patch.name !== undefined && patch.name.trim() !== d.name) { set.name = patch.name.trim(); detail.name = set.name; }
  if (patch.serialNo !== undefined && (patch.serialNo?.trim() || null) !== d.serial_no) { set.serial_no = patch.serialNo?.trim() || null; detail.serialNo = set.serial_no; }

  let townId = d.town_id;
  if (patch.binding !== undefined && (patch.binding.kind !== d.binding_kind || patch.binding.id !== d.binding_id)) {
    const at = await resolveBinding(tx, who.reach, patch.binding);
    Object.assign(set, {
      binding_kind: patch.binding.kind, binding_id: patch.binding.id, town_id: at.townId, grid_id: at.gridId,
      org_path: at.path, lng: at.lng, lat: at.lat, address: at.address,
    });
    // a person's overrides do not follow the device to someone else
    if (patch.overrides === undefined && Object.keys(d.overrides ?? {}).length > 0) set.overrides = {};
    townId = at.townId;
    detail.binding = { from: { kind: d.binding_kind, id: d.binding_id }, to: patch.binding, gridId: at.gridId };
  }
  let profileId = d.profile_id;
  if ((patch.profileId !== undefined && patch.profileId !== d.profile_id) || townId !== d.town_id) {
    // moved to another town: a town's own profile stays only if it is that town's
    const p = await profileFor(tx, who, d.device_type, townId, patch.profileId ?? d.profile_id).catch((e: unknown) => {
      if (patch.profileId === undefined) return profileFor(tx, who, d.device_type, townId, undefined);
      throw e;
    });
    if (p.id !== d.profile_id) { set.profile_id = p.id; detail.profileId = p.id; }
    profileId = p.id;
  }
  if (patch.overrides !== undefined) { set.overrides = patch.overrides; detail.overrides = patch.overrides; }

  if (Object.keys(set).length === 0) return;
  const profile = await findProfile(tx, '', profileId);
  if (!profile) throw notFound('profile');
  if (patch.overrides !== undefined) refuseRules(validateOverrides(profile.rules, patch.overrides));
  await updateDevice(tx, id, set, who.now);
  if ('profile_id' in set || 'binding_id' in set) {
    // another profile, or another person: its rules start again
    await armDevice(tx, id, profile.rules, who.now, (set.overrides as RuleOverrides | undefined) ?? d.overrides);
  } else if ('overrides' in set) {
    // the same person's limits: only the rules whose override changed are re-armed (the others keep counting)
    const before = d.overrides ?? {};
    const after = set.overrides as RuleOverrides;
    const changed = new Set([...Object.keys(before), ...Object.keys(after)]
      .filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)));
    await rearmRules(tx, [{ id, overrides: after }], profile.rules, changed, who.now);
  }
  // a person's limits changed alone is its own entry on the audit page
  const action: 'device.overrides' | 'device.update' = 'overrides' in detail && Object.keys(detail).length === 1 ? 'device.overrides' : 'device.update';
  await appendAudit(tx, {
    at: who.now, actorId: who.reach.accountId, actorName: who.reach.name, ip: who.ip, action,
    targetType: 'device', targetId: id, success: true, detail,
  });
}

const onlyOverrides = (p: Static<typeof s.DevicePatch>) =>
  p.name === undefined && p.serialNo === undefined && p.profileId === undefined && p.binding === undefined;
