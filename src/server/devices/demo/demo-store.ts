import type { Tx } from '../../platform/db/db.ts';
import type { AlarmStatus } from '../../../shared/alarms.ts';
import type { Rule } from '../../../shared/devices.ts';

/* What the devices' demo step reads and the two things only the demo writes by hand: fixed ids and fixed tokens. */

/** The demo devices already there (the step adds nothing then). */
export async function existingDevices(tx: Tx, ids: readonly string[]): Promise<string[]> {
  return (await tx.query<{ id: string }>('select id from devices where id = any($1)', [ids])).rows.map((r) => r.id);
}

export interface DemoSubjects {
  /** the household of an old person living alone (独居老人) */
  aloneHousehold: string | null;
  /** an old resident (80 and over, or of an empty nest) for the wristband */
  heartResident: string | null;
  /** a shop or market of the grid */
  place: string | null;
  /** an old couple's household (the gas sensor in their kitchen) */
  gasHousehold: string | null;
  /** a household of the old estate (the water-leak sensor in its basement) */
  waterHousehold: string | null;
}

/**
 * Whom the devices are bound to in the grid, chosen by address and name (not by id, which is random), so the same demo
 * registry gives the same choice.
 */
export async function findDemoSubjects(tx: Tx, gridId: string): Promise<DemoSubjects> {
  const resident = async (tag: string, except: readonly (string | null)[]) => (await tx.query<{ id: string; household_id: string }>(
    `select r.id, r.household_id from registry_residents r join registry_households h on h.id = r.household_id
      where r.grid_id = $1 and r.left_at is null and $2 = any(r.tags) and not (r.household_id = any($3))
      order by h.address, r.birth_date limit 1`, [gridId, tag, except.filter(Boolean)])).rows[0] ?? null;
  const alone = await resident('elderly_alone', []);
  const heart = (await resident('elderly_80plus', [alone?.household_id ?? null])) ?? (await resident('elderly_empty_nest', [alone?.household_id ?? null]));
  const couple = await resident('elderly_empty_nest', [alone?.household_id ?? null, heart?.household_id ?? null]);
  const taken = [alone?.household_id, heart?.household_id, couple?.household_id].filter((x): x is string => !!x);
  const water = (await tx.query<{ id: string }>(
    `select h.id from registry_households h where h.grid_id = $1 and h.address like '%钢花新村%' and not (h.id = any($2))
      order by h.address limit 1`, [gridId, taken])).rows[0] ?? null;
  const place = (await tx.query<{ id: string }>(
    `select id from registry_places where grid_id = $1 and kind in ('shop', 'market') order by name limit 1`, [gridId])).rows[0] ?? null;
  return {
    aloneHousehold: alone?.household_id ?? null, heartResident: heart?.id ?? null, place: place?.id ?? null,
    gasHousehold: couple?.household_id ?? null, waterHousehold: water?.id ?? null,
  };
}

/** The rules of a profile (the demo's stories follow its numbers). */
export async function profileRules(tx: Tx, profileId: string): Promise<Rule[]> {
  return (await tx.query<{ rules: Rule[] }>('select rules from device_profiles where id = $1', [profileId])).rows[0]?.rules ?? [];
}

export interface DemoAlarmRow {
  id: string;
  version: number;
  status: AlarmStatus;
  case_id: string | null;
  task_id: string | null;
  next_escalation_at: Date | null;
}

/** The newest alarm of a device. */
export async function latestAlarm(tx: Tx, deviceId: string): Promise<DemoAlarmRow | null> {
  return (await tx.query<DemoAlarmRow>(
    `select id, version, status, case_id, task_id, next_escalation_at from alarms where device_id = $1 order by raised_at desc limit 1`,
    [deviceId])).rows[0] ?? null;
}
