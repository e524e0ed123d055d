import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { requirePrincipal } from '../platform/auth.ts';
import { holdsAnyRole } from '../../shared/roles.ts';
import { DEVICE_EDITORS, RULE_EDITORS } from '../../shared/devices.ts';
import { maskName } from '../../domain/identity/personal-data.ts';
import { visibleTags, type TagDefinition } from '../../domain/registry/tags.ts';
import { reachOf, type Reach } from '../registry/reach.ts';
import type { AlarmRefRow, DeviceRow } from './device-store.ts';
import type { ProfileRow } from './profile-store.ts';
import type * as s from './schemas.ts';

/*
 * Who works with devices and the only place that shapes the devices' JSON: the binding's personal data masked, the
 * tags the caller may see, `policies` (what the caller may do to the device or profile now).
 */

/** The caller of a devices route: its registry reach (territory, a grid worker's grids, carer), what it may change. */
export interface DeviceActor {
  reach: Reach;
  /** registers, binds, retires devices, rotates tokens */
  deviceEditor: boolean;
  /** edits profiles' rules and a bound person's overrides */
  ruleEditor: boolean;
  /** the system administrator: also the platform's own profiles */
  admin: boolean;
  ip: string | null;
  now: Date;
}

export function deviceActorFor(app: FastifyInstance, req: FastifyRequest): DeviceActor {
  const p = requirePrincipal(req);
  return {
    reach: reachOf(p), deviceEditor: holdsAnyRole(p.roles, DEVICE_EDITORS), ruleEditor: holdsAnyRole(p.roles, RULE_EDITORS),
    admin: p.roles.includes('admin'), ip: req.ip, now: app.clock(),
  };
}

type Policies<T extends readonly string[]> = T[number][];
const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());

export function devicePolicies(d: Pick<DeviceRow, 'status'>, who: DeviceActor): Policies<typeof s.DEVICE_POLICIES> {
  const p: Policies<typeof s.DEVICE_POLICIES> = [];
  if (d.status !== 'active') return p;
  if (who.deviceEditor) p.push('update');
  if (who.ruleEditor) p.push('editOverrides');
  if (who.deviceEditor) p.push('retire', 'rotateToken');
  return p;
}

/** A resident by the first character of the name (张*); a household by its head's (or its address alone); a place by name. */
export function presentBinding(d: DeviceRow, who: DeviceActor, catalog: readonly TagDefinition[]): Static<typeof s.BindingSummary> {
  const name = d.binding_kind === 'place'
    ? (d.binding_name ?? '')
    : d.binding_name ? maskName(d.binding_name) : (d.binding_address ?? '');
  return {
    kind: d.binding_kind, id: d.binding_id, name, address: d.binding_address ?? d.address,
    tags: visibleTags(d.binding_tags ?? [], catalog, who.reach.carer),
  };
}

export function presentDevice(d: DeviceRow, who: DeviceActor, catalog: readonly TagDefinition[]): Static<typeof s.DeviceView> {
  return {
    id: d.id, version: d.version, type: d.device_type, name: d.name, serialNo: d.serial_no,
    profileId: d.profile_id, profileName: d.profile_name, binding: presentBinding(d, who, catalog),
    gridId: d.grid_id, gridName: d.grid_name, townId: d.town_id,
    location: d.lng === null || d.lat === null ? null : { lng: Number(d.lng), lat: Number(d.lat) },
    address: d.address, status: d.status, state: d.state, battery: d.battery === null ? null : Number(d.battery),
    lastSeenAt: iso(d.last_seen_at), lastEventAt: iso(d.last_event_at), offlineSince: iso(d.offline_since),
    activeAlarms: Number(d.active_alarms), createdAt: iso(d.created_at)!, updatedAt: iso(d.updated_at)!,
    policies: devicePolicies(d, who),
  };
}

export function presentAlarmRef(a: AlarmRefRow): Static<typeof s.AlarmSummary> {
  return {
    id: a.id, alarmType: a.alarm_type, category: a.category, level: a.level, status: a.status,
    raisedAt: iso(a.raised_at)!, caseId: a.case_id,
  };
}

/**
 * A profile's rules are changed by a rule editor who governs every device that uses it (none outside its territory):
 * the administrator always; a town's leader its town's profiles and the platform's while only its town uses them.
 */
export function profilePolicies(p: Pick<ProfileRow, 'devices_outside'>, who: DeviceActor): Policies<typeof s.PROFILE_POLICIES> {
  return who.ruleEditor && (who.admin || Number(p.devices_outside) === 0) ? ['editRules'] : [];
}

export function presentProfile(p: ProfileRow, who: DeviceActor): Static<typeof s.ProfileView> {
  return {
    id: p.id, townId: p.town_id, type: p.device_type, name: p.name, version: p.version,
    rules: p.rules as Static<typeof s.RulesSchema>, escalation: p.escalation as Static<typeof s.EscalationSchema>,
    devices: Number(p.devices ?? 0), updatedAt: iso(p.updated_at)!, updatedByName: p.updated_by_name,
    policies: profilePolicies(p, who),
  };
}

export function presentProfileRules(p: ProfileRow, who: DeviceActor): Static<typeof s.ProfileRules> {
  return {
    profileId: p.id, version: p.version,
    rules: p.rules as Static<typeof s.RulesSchema>, escalation: p.escalation as Static<typeof s.EscalationSchema>,
    updatedAt: iso(p.updated_at)!, updatedByName: p.updated_by_name, policies: profilePolicies(p, who),
  };
}
