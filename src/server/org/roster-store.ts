import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';
import type { Role } from '../../shared/roles.ts';
import type { DutyShift, RosterSlot } from '../../domain/org/duty-roster.ts';

export interface RosterWeekRow { version: number; updated_at: Date; updated_by_name: string | null }
export interface RosterSlotRow { day: string; shift: DutyShift; account_id: string; name: string }

export async function findRosterWeek(tx: Tx, townId: string, week: string): Promise<RosterWeekRow | null> {
  const r = await tx.query<RosterWeekRow>(
    `select w.version, w.updated_at, a.name as updated_by_name from duty_roster_weeks w left join accounts a on a.id = w.updated_by
      where w.town_id = $1 and w.week = $2`, [townId, week]);
  return r.rows[0] ?? null;
}

/** The people on duty in the given slots, in slot order. */
export async function listRosterSlots(tx: Tx, townId: string, f: { week: string } | { day: string; shifts: readonly DutyShift[] }): Promise<RosterSlotRow[]> {
  const byWeek = 'week' in f;
  const r = await tx.query<RosterSlotRow>(
    `select x.day, x.shift, x.account_id, a.name from duty_roster_slots x join accounts a on a.id = x.account_id
      where x.town_id = $1 and ${byWeek ? 'x.week = $2' : 'x.day = $2 and x.shift = any($3)'}
      order by x.day, array_position(array['leader','day','night'], x.shift), x.sort`,
    byWeek ? [townId, f.week] : [townId, f.day, f.shifts]);
  return r.rows;
}

/** Serialises writers of one town's week until the transaction ends. */
export async function lockRosterWeek(tx: Tx, townId: string, week: string): Promise<void> {
  await tx.query(`select pg_advisory_xact_lock(hashtext('duty_roster:' || $1 || ':' || $2))`, [townId, week]);
}

/** Replaces the week's slots and moves its version on; returns the new version. */
export async function saveRosterWeek(tx: Tx, w: { townId: string; week: string; slots: readonly RosterSlot[]; at: Date; by: string | null }): Promise<number> {
  const r = await tx.query<{ version: number }>(
    `insert into duty_roster_weeks (town_id, week, version, updated_at, updated_by) values ($1, $2, 1, $3, $4)
     on conflict (town_id, week) do update set version = duty_roster_weeks.version + 1, updated_at = excluded.updated_at, updated_by = excluded.updated_by
     returning version`, [w.townId, w.week, w.at, w.by]);
  await tx.query('delete from duty_roster_slots where town_id = $1 and week = $2', [w.townId, w.week]);
  const rows = w.slots.flatMap((s) => s.accountIds.map((accountId, sort) => ({ day: s.date, shift: s.shift, accountId, sort })));
  if (rows.length > 0) {
    await tx.query(
      `insert into duty_roster_slots (town_id, week, day, shift, account_id, sort)
       select $1, $2, x.day, x.shift, x."accountId", x.sort from jsonb_to_recordset($3::jsonb) as x(day text, shift text, "accountId" text, sort int)`,
      [w.townId, w.week, JSON.stringify(rows)]);
  }
  return r.rows[0]!.version;
}

export interface TownStaffRow { id: string; name: string; kind: 'staff' | 'resident'; roles: Role[]; disabled: boolean; scope_path: string | null }

/** Active staff accounts scoped to the town or a unit inside it: who may be put on its watch. */
export async function listTownStaff(tx: Tx, townPath: string): Promise<TownStaffRow[]> {
  const r = await tx.query<TownStaffRow>(
    `select a.id, a.name, a.kind, a.roles, false as disabled, s.path as scope_path from accounts a join org_units s on s.id = a.scope_org_unit_id
      where s.path like $1 and a.kind = 'staff' and a.disabled_at is null order by a.name, a.id limit 500`, [likePrefix(townPath)]);
  return r.rows;
}
