import type { Tx } from '../platform/db/db.ts';
import type { Rule, RuleOverrides } from '../../shared/devices.ts';
import { armNewDevice, type RuleState } from '../../domain/devices/rules.ts';
import { resolveRules } from '../../domain/devices/overrides.ts';

export interface RuleStateRow {
  deviceId: string;
  ruleId: string;
  state: RuleState;
}

/** What the rules need of a device: its profile's rules with its overrides laid over them. */
export interface DeviceRules {
  id: string;
  status: 'active' | 'retired';
  rules: Rule[];
  /** epoch ms, after this transaction's readings */
  lastSeenAt: number | null;
}

/** What the ingest tells a device row about the readings just stored (times ISO 8601). */
export interface DeviceHeard {
  id: string;
  /** the latest reading's time */
  seen: string;
  /** the latest event's time, if any */
  event: string | null;
  battery: number | null;
}

/** Profiles' rules by id, with the version they were read at (a profile's id and version name its rules); one per database. */
export type ProfileRulesCache = Map<string, { version: number; rules: Rule[] }>;

/**
 * Records that the devices were heard (last seen, last event, battery; an offline device is online again) and answers
 * their rules resolved with their overrides, in one statement that also locks them, in id order. The device row is
 * the lock of its rule states: the ingest and the deadlines (`fireDueDeadlines`, which claims device and state
 * together, skip locked) never work on one device at once. `lastSeenAt` is the value after this update.
 */
export async function touchDevices(tx: Tx, heardNow: readonly DeviceHeard[], profileCache: ProfileRulesCache = new Map()): Promise<Map<string, DeviceRules>> {
  if (heardNow.length === 0) return new Map();
  const sorted = [...heardNow].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const r = await tx.query<{ id: string; status: 'active' | 'retired'; overrides: RuleOverrides | null; profile_id: string; profile_version: number; last_seen_at: Date | null }>(
    `update devices d
        set last_seen_at = greatest(d.last_seen_at, t.seen),
            last_event_at = greatest(d.last_event_at, t.event),
            battery = coalesce(t.battery, d.battery),
            offline_since = null
       from jsonb_to_recordset($1::jsonb) as t(id text, seen timestamptz, event timestamptz, battery smallint), device_profiles p
      where d.id = t.id and p.id = d.profile_id
      returning d.id, d.status, d.overrides, d.profile_id, p.version as profile_version, d.last_seen_at`,
    [JSON.stringify(sorted)],
  );
  // a profile's rules are read again only when its version moved (every save bumps it), not with every batch
  const stale = [...new Set(r.rows.filter((x) => profileCache.get(x.profile_id)?.version !== x.profile_version).map((x) => x.profile_id))];
  if (stale.length > 0) {
    const profiles = await tx.query<{ id: string; version: number; rules: Rule[] }>(`select id, version, rules from device_profiles where id = any($1::text[])`, [stale]);
    for (const p of profiles.rows) profileCache.set(p.id, { version: p.version, rules: p.rules ?? [] });
  }
  const rulesOf = (profileId: string) => profileCache.get(profileId)?.rules ?? [];
  return new Map(r.rows.map((x) => [x.id, {
    id: x.id, status: x.status, rules: resolveRules(rulesOf(x.profile_id), x.overrides), lastSeenAt: x.last_seen_at ? new Date(x.last_seen_at).getTime() : null,
  }]));
}

/** The stored rule states of the devices, by device then rule id. */
export async function loadRuleStates(tx: Tx, deviceIds: readonly string[]): Promise<Map<string, Record<string, RuleState>>> {
  const out = new Map<string, Record<string, RuleState>>();
  if (deviceIds.length === 0) return out;
  const r = await tx.query<{ device_id: string; rule_id: string; state: RuleState }>(
    `select device_id, rule_id, state from device_rule_states where device_id = any($1::text[])`,
    [deviceIds],
  );
  for (const x of r.rows) {
    let m = out.get(x.device_id);
    if (!m) out.set(x.device_id, (m = {}));
    m[x.rule_id] = x.state;
  }
  return out;
}

/** Writes the states (and their deadlines) in one statement. */
export async function saveRuleStates(tx: Tx, rows: readonly RuleStateRow[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  const sorted = [...rows].sort((a, b) => (a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  await tx.query(
    `insert into device_rule_states (device_id, rule_id, state, deadline_at, updated_at)
     select t.d, t.r, t.s, t.dl, $2 from jsonb_to_recordset($1::jsonb) as t(d text, r text, s jsonb, dl timestamptz)
     on conflict (device_id, rule_id) do update set state = excluded.state, deadline_at = excluded.deadline_at, updated_at = excluded.updated_at`,
    [JSON.stringify(sorted.map((x) => ({
      d: x.deviceId, r: x.ruleId, s: x.state, dl: x.state.deadlineAt === null ? null : new Date(x.state.deadlineAt).toISOString(),
    }))), now],
  );
}

/** Drops the states of rules a device no longer has (its profile's rules changed, or an override switched one off). */
export async function deleteRuleStates(tx: Tx, deviceId: string, keepRuleIds: readonly string[]): Promise<void> {
  await tx.query(`delete from device_rule_states where device_id = $1 and not (rule_id = any($2::text[]))`, [deviceId, keepRuleIds]);
}

/**
 * Arms a device's rules from `createdAt` in the caller's transaction: when it is created, rebound or its profile (or
 * overrides) change. `rules` are the profile's rules; pass the device's overrides to have them laid over (a rule
 * switched off for the bound person is not armed). Inactivity and offline deadlines start counting at `createdAt`, so a
 * device that never sends anything is still flagged; the states of rules it no longer has are dropped.
 */
export async function armDevice(tx: Tx, deviceId: string, rules: readonly Rule[], createdAt: Date, overrides?: RuleOverrides | null): Promise<void> {
  const states = armNewDevice(resolveRules(rules, overrides), createdAt.getTime());
  const ids = Object.keys(states);
  await deleteRuleStates(tx, deviceId, ids);
  await saveRuleStates(tx, ids.map((ruleId) => ({ deviceId, ruleId, state: states[ruleId]! })), createdAt);
}
