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
  /** epoch ms, as stored before this transaction's readings */
  lastSeenAt: number | null;
}

/**
 * Locks the devices (in id order, so two transactions never wait on each other crosswise) and answers their rules
 * resolved with their overrides. The device row is the lock of its rule states: the ingest and the deadlines
 * (`fireDueDeadlines`, which claims device and state together, skip locked) never work on one device at once.
 */
export async function lockDeviceRules(tx: Tx, deviceIds: readonly string[]): Promise<Map<string, DeviceRules>> {
  if (deviceIds.length === 0) return new Map();
  const r = await tx.query<{ id: string; status: 'active' | 'retired'; overrides: RuleOverrides | null; rules: Rule[]; last_seen_at: Date | null }>(
    `select d.id, d.status, d.overrides, p.rules, d.last_seen_at
       from devices d join device_profiles p on p.id = d.profile_id
      where d.id = any($1::text[])
      order by d.id
      for update of d`,
    [[...deviceIds].sort()],
  );
  return new Map(r.rows.map((x) => [x.id, {
    id: x.id, status: x.status, rules: resolveRules(x.rules ?? [], x.overrides), lastSeenAt: x.last_seen_at ? new Date(x.last_seen_at).getTime() : null,
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
