import { demoSwitches, type DemoStep } from '../platform/capability.ts';
import type { Db } from '../platform/db/db.ts';
import { DUTY_SHIFTS, dutyIneligibility, isoWeekOf, shiftWeek, weekDates, type RosterSlot } from '../../domain/org/duty-roster.ts';
import { dayNumberOfDate, shanghaiDate } from '../../domain/sla/working-calendar.ts';
import * as store from './roster-store.ts';
import { findTownByCode } from './town-store.ts';
import { saveRoster } from './save-roster.ts';

/** 春晖路街道, the town whose command center the demo keeps a watch for (the same town as the demo case history). */
const DEMO_TOWN_CODE = '500199001000';
/** the weeks before the current one that the roster covers, and the weeks after */
const WEEKS_BEFORE = 8;
const WEEKS_AFTER = 1;

/**
 * A week of the demo town's watch, as its leader would fill it in: the leader on duty every day (the town has one
 * leader), the dispatcher on the weekday day shift with one more, and two of the town's handlers on each night and
 * weekend shift, taken in turn. Only people the roster rules accept are used. Deterministic: the turn is the day number.
 */
export function demoRosterWeek(
  week: string, staff: readonly store.TownStaffRow[], townPath: string, dispatcherId: string | null,
): RosterSlot[] {
  const eligible = (shift: (typeof DUTY_SHIFTS)[number]) => staff.filter((s) => dutyIneligibility(
    { kind: s.kind, roles: s.roles, disabled: s.disabled, scopePath: s.scope_path }, townPath, shift) === null);
  const leaders = eligible('leader').filter((s) => s.roles.includes('leader'));
  const watchers = eligible('night').filter((s) => s.scope_path === townPath && s.roles.includes('handler'));
  if (leaders.length === 0 || watchers.length === 0) return [];
  const slots: RosterSlot[] = [];
  for (const [i, date] of (weekDates(week) ?? []).entries()) {
    const day = dayNumberOfDate(date);
    const turn = (k: number) => watchers[(day * 3 + k) % watchers.length]!.id;
    const weekend = i >= 5;
    slots.push({ date, shift: 'leader', accountIds: [leaders[day % leaders.length]!.id] });
    const dayShift = !weekend && dispatcherId ? [dispatcherId, turn(0)] : [turn(0), turn(1)];
    slots.push({ date, shift: 'day', accountIds: [...new Set(dayShift)] });
    slots.push({ date, shift: 'night', accountIds: [...new Set([turn(2), turn(3) === turn(2) ? turn(4) : turn(3)])] });
  }
  return slots;
}

/** Fills the weeks of the demo town's roster not saved yet, through the roster's save command; answers how many. */
export async function seedDemoRoster(db: Db, now: Date): Promise<number> {
  const town = await findTownByCode(db, DEMO_TOWN_CODE);
  if (!town) return 0;
  const staff = await store.listTownStaff(db, town.path);
  const editor = staff.find((s) => s.roles.includes('leader') && s.scope_path === town.path);
  const dispatcher = staff.find((s) => s.roles.includes('dispatcher') && s.scope_path === town.path) ?? null;
  if (!editor) return 0;
  const current = isoWeekOf(shanghaiDate(now));
  let saved = 0;
  for (let k = -WEEKS_BEFORE; k <= WEEKS_AFTER; k++) {
    const week = shiftWeek(current, k)!;
    if (await store.findRosterWeek(db, town.id, week)) continue;
    const slots = demoRosterWeek(week, staff, town.path, dispatcher?.id ?? null);
    if (slots.length === 0) continue;
    await saveRoster(db, { scopePath: town.path, actor: { actorId: editor.id, actorName: editor.name, ip: '127.0.0.1' }, now }, town, week, { version: 0, slots });
    saved++;
  }
  return saved;
}

/** The org capability's demo: the command center's duty roster around `now`, so the workbench names who is on duty. */
export const demoRosterStep: DemoStep = {
  name: 'demo duty roster',
  run: async ({ db, config, now }) => {
    if (!demoSwitches(config).history) return null;
    const weeks = await seedDemoRoster(db, now);
    return weeks > 0 ? `${weeks} weeks of 春晖路街道's duty roster` : null;
  },
};
