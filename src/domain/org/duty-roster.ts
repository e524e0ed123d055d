// The duty roster (值班表) of a town's command center: who keeps the 24-hour watch on each day of an ISO week.
// Each duty day has a leader on duty (带班领导, 08:30 to 08:30 the next morning), a day shift (08:30–17:30) and a
// night shift (17:30–08:30). Dates are Shanghai local dates; no I/O, no clock of its own.
import { holdsAnyRole, STAFF_ROLES, type Role } from '../../shared/roles.ts';
import { isWithinScope } from '../identity/scope.ts';
import { dateOfDayNumber, dayNumberOfDate, SHANGHAI_OFFSET_MS } from '../sla/working-calendar.ts';

export const DUTY_SHIFTS = ['leader', 'day', 'night'] as const;
export type DutyShift = (typeof DUTY_SHIFTS)[number];

/** Local times (HH:MM) each shift runs; an end at or before the start is on the next morning. */
export const SHIFT_HOURS: Record<DutyShift, { from: string; to: string }> = {
  leader: { from: '08:30', to: '08:30' },
  day: { from: '08:30', to: '17:30' },
  night: { from: '17:30', to: '08:30' },
};

/** At most this many people on one shift of one day. */
export const MAX_PER_SHIFT = 6;

const WEEK_RE = /^(\d{4})-W(\d{2})$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** 0 = Monday … 6 = Sunday (1970-01-01, day 0, was a Thursday). */
const mondayIndex = (day: number) => (((day + 3) % 7) + 7) % 7;

/** The ISO week (2026-W48) holding a date. */
export function isoWeekOf(date: string): string {
  const day = dayNumberOfDate(date);
  const thursday = day - mondayIndex(day) + 3;
  const year = Number(dateOfDayNumber(thursday).slice(0, 4));
  const week = Math.floor((thursday - dayNumberOfDate(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The seven dates (Monday first) of an ISO week, or null for a week that does not exist (2026-W54, 2025-W00). */
export function weekDates(week: string): string[] | null {
  const m = WEEK_RE.exec(week);
  if (!m) return null;
  const year = Number(m[1]);
  const n = Number(m[2]);
  const jan4 = dayNumberOfDate(`${m[1]}-01-04`);
  const monday = jan4 - mondayIndex(jan4) + (n - 1) * 7;
  if (n < 1 || isoWeekOf(dateOfDayNumber(monday)) !== `${year}-W${m[2]}`) return null;
  return Array.from({ length: 7 }, (_, i) => dateOfDayNumber(monday + i));
}

/** The week before or after. */
export function shiftWeek(week: string, by: number): string | null {
  const dates = weekDates(week);
  return dates ? isoWeekOf(dateOfDayNumber(dayNumberOfDate(dates[0]!) + by * 7)) : null;
}

/** Which duty day and shifts are on at an instant: before 08:30 the night of the day before is still on. */
export function watchAt(at: Date): { date: string; shifts: DutyShift[] } {
  const local = at.getTime() + SHANGHAI_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  const minute = Math.floor((local - day * DAY_MS) / 60_000);
  const dayFrom = minutesOf(SHIFT_HOURS.day.from);
  if (minute < dayFrom) return { date: dateOfDayNumber(day - 1), shifts: ['leader', 'night'] };
  return { date: dateOfDayNumber(day), shifts: ['leader', minute < minutesOf(SHIFT_HOURS.day.to) ? 'day' : 'night'] };
}

export interface RosterSlot { date: string; shift: DutyShift; accountIds: readonly string[] }

/** An account as the roster reads it. */
export interface DutyCandidate {
  kind: 'staff' | 'resident';
  roles: readonly Role[];
  disabled: boolean;
  scopePath: string | null;
}

export type DutyIneligible = 'unknown' | 'not_staff' | 'disabled' | 'no_staff_role' | 'outside_town' | 'not_leader';

/**
 * Who may keep the town's watch: an active staff account of the town (its scope is the town or inside it) with a
 * staff role — not the auditor or another separated duty alone. The leader on duty must hold the leader role.
 */
export function dutyIneligibility(c: DutyCandidate | undefined, townPath: string, shift: DutyShift): DutyIneligible | null {
  if (!c) return 'unknown';
  if (c.kind !== 'staff') return 'not_staff';
  if (c.disabled) return 'disabled';
  if (!c.roles.some((r) => STAFF_ROLES.includes(r))) return 'no_staff_role';
  if (c.scopePath === null || !isWithinScope(c.scopePath, townPath)) return 'outside_town';
  if (shift === 'leader' && !c.roles.includes('leader')) return 'not_leader';
  return null;
}

export type RosterProblemCode = 'outside_week' | 'duplicate_slot' | 'too_many' | 'listed_twice' | DutyIneligible;
export interface RosterProblem { index: number; date: string; shift: DutyShift; accountId?: string; code: RosterProblemCode }

/** The problems of a week's roster; an empty list means it can be saved. */
export function rosterProblems(
  week: string, slots: readonly RosterSlot[], candidates: ReadonlyMap<string, DutyCandidate>, townPath: string,
): RosterProblem[] {
  const dates = weekDates(week) ?? [];
  const problems: RosterProblem[] = [];
  const seen = new Set<string>();
  slots.forEach((s, index) => {
    const at = { index, date: s.date, shift: s.shift };
    if (!DATE_RE.test(s.date) || !dates.includes(s.date)) { problems.push({ ...at, code: 'outside_week' }); return; }
    if (seen.has(`${s.date}/${s.shift}`)) { problems.push({ ...at, code: 'duplicate_slot' }); return; }
    seen.add(`${s.date}/${s.shift}`);
    if (s.accountIds.length > MAX_PER_SHIFT) problems.push({ ...at, code: 'too_many' });
    const people = new Set<string>();
    for (const accountId of s.accountIds) {
      if (people.has(accountId)) { problems.push({ ...at, accountId, code: 'listed_twice' }); continue; }
      people.add(accountId);
      const why = dutyIneligibility(candidates.get(accountId), townPath, s.shift);
      if (why !== null) problems.push({ ...at, accountId, code: why });
    }
  });
  return problems;
}

/** Keeps the slots with people, in date and shift order, as they are stored. */
export function normaliseRoster(slots: readonly RosterSlot[]): RosterSlot[] {
  return slots.filter((s) => s.accountIds.length > 0)
    .sort((x, y) => x.date.localeCompare(y.date) || DUTY_SHIFTS.indexOf(x.shift) - DUTY_SHIFTS.indexOf(y.shift));
}

/** Who draws up the command center's roster: admins and leaders. */
export const ROSTER_EDITORS = ['admin', 'leader'] as const satisfies readonly Role[];

/** Who the roster page is for: its editors, and the dispatchers who call the people on duty. */
export const ROSTER_PAGE_ROLES = [...ROSTER_EDITORS, 'dispatcher'] as const satisfies readonly Role[];

/** Edits the town's roster: a roster editor whose scope holds the town (a district's, a town's). */
export function rosterPolicies(a: { roles: readonly Role[]; scopePath: string | null }, townPath: string): 'edit'[] {
  return holdsAnyRole(a.roles, ROSTER_EDITORS) && isWithinScope(townPath, a.scopePath) ? ['edit'] : [];
}
