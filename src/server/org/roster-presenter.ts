import type { Static } from '@sinclair/typebox';
import { DUTY_SHIFTS, SHIFT_HOURS, dutyIneligibility, type DutyShift } from '../../domain/org/duty-roster.ts';
import type { RosterSlotRow, RosterWeekRow, TownStaffRow } from './roster-store.ts';
import type { TownRow } from './town-store.ts';
import type * as s from './roster-schemas.ts';

function slotsOf(rows: readonly RosterSlotRow[]): Static<typeof s.Roster>['slots'] {
  const slots: Static<typeof s.Roster>['slots'] = [];
  for (const r of rows) {
    let slot = slots.at(-1);
    if (!slot || slot.date !== r.day || slot.shift !== r.shift) slots.push(slot = { date: r.day, shift: r.shift, people: [] });
    slot.people.push({ id: r.account_id, name: r.name });
  }
  return slots;
}

export interface RosterView {
  town: TownRow;
  week: string;
  previousWeek: string;
  nextWeek: string;
  dates: string[];
  saved: RosterWeekRow | null;
  slots: readonly RosterSlotRow[];
  onDuty: { date: string; slots: readonly RosterSlotRow[] };
  /** the town's staff, for an editor; empty otherwise */
  staff: readonly TownStaffRow[];
  policies: 'edit'[];
}

/** A week of the roster, who is on duty now, and for editors the people they may put on each shift. */
export function presentRoster(v: RosterView): Static<typeof s.Roster> {
  const shiftsOf = (p: TownStaffRow): DutyShift[] => DUTY_SHIFTS.filter((shift) =>
    dutyIneligibility({ kind: p.kind, roles: p.roles, disabled: p.disabled, scopePath: p.scope_path }, v.town.path, shift) === null);
  return {
    town: { id: v.town.id, code: v.town.code, name: v.town.name },
    week: v.week, previousWeek: v.previousWeek, nextWeek: v.nextWeek, dates: v.dates,
    shifts: DUTY_SHIFTS.map((code) => ({ code, ...SHIFT_HOURS[code] })),
    slots: slotsOf(v.slots),
    version: v.saved?.version ?? 0,
    updatedAt: v.saved?.updated_at.toISOString() ?? null,
    updatedBy: v.saved?.updated_by_name ?? null,
    onDuty: { date: v.onDuty.date, slots: slotsOf(v.onDuty.slots) },
    candidates: v.staff.map((p) => ({ id: p.id, name: p.name, shifts: shiftsOf(p) })).filter((c) => c.shifts.length > 0),
    policies: v.policies,
  };
}
