import { dateOfDayNumber, dayNumberOfDate, isWorkingDay, type WorkingCalendar } from '../sla/working-calendar.ts';

/**
 * The days of a generated task on the town's working calendar (Asia/Shanghai local dates, YYYY-MM-DD). A task comes
 * due on a calendar day (a weekly visit seven days after the last one); it appears on the list on the first working
 * day from then, and its deadline is `deadlineDays` working days after that (0: the same day). So a weekly visit that
 * falls due on a public holiday starts on the first working day after it and is due counting from there.
 */

export function addDays(day: string, days: number): string {
  return dateOfDayNumber(dayNumberOfDate(day) + days);
}

/** The day itself when it is a working day, else the next working day. */
export function firstWorkingDayFrom(day: string, calendar: WorkingCalendar): string {
  let n = dayNumberOfDate(day);
  for (let guard = 0; guard < 3660; guard++, n++) {
    const d = dateOfDayNumber(n);
    if (isWorkingDay(d, calendar)) return d;
  }
  throw new RangeError('the working calendar has no working days in ten years');
}

/** The n-th working day after `day` (n = 0: `day` itself). */
export function workingDaysAfter(day: string, n: number, calendar: WorkingCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  let d = dayNumberOfDate(day);
  let left = n;
  for (let guard = 0; left > 0; guard++) {
    if (guard > 3660) throw new RangeError('the working calendar has no working days in ten years');
    d++;
    if (isWorkingDay(dateOfDayNumber(d), calendar)) left--;
  }
  return dateOfDayNumber(d);
}

/**
 * When a task due on `dueDay` shows and by when it must be done, generated on `today`: it starts on the first working
 * day from the later of the two (a task found late, e.g. after days without generation, starts when it is found, not
 * in the past), and is due `deadlineDays` working days after its start.
 */
export function taskDays(dueDay: string, today: string, deadlineDays: number, calendar: WorkingCalendar): { startsOn: string; dueOn: string } {
  const startsOn = firstWorkingDayFrom(dueDay > today ? dueDay : today, calendar);
  return { startsOn, dueOn: workingDaysAfter(startsOn, deadlineDays, calendar) };
}

/** The ISO 8601 week of a day: 2026-W48 (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(day: string): string {
  const n = dayNumberOfDate(day);
  const weekday = (n + 3) % 7; // 0 = Monday (1970-01-01 was a Thursday)
  const thursday = n - weekday + 3;
  const year = Number(dateOfDayNumber(thursday).slice(0, 4));
  const week = Math.floor((thursday - dayNumberOfDate(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of the day's ISO week. */
export function mondayOf(day: string): string {
  const n = dayNumberOfDate(day);
  return dateOfDayNumber(n - ((n + 3) % 7));
}

/**
 * The period of a duty that comes round every `everyDays` days, which the day falls in: its name (in the task's
 * dedupe key) and its first day. 28–31 days (and none given) is the calendar month (2026-11), 7 the ISO week
 * (2026-W48), any other length blocks of that many days counted from Monday 1970-01-05 (named by their first day).
 */
export function periodOf(day: string, everyDays: number | null): { key: string; start: string } {
  if (everyDays === null || (everyDays >= 28 && everyDays <= 31)) return { key: day.slice(0, 7), start: `${day.slice(0, 7)}-01` };
  if (everyDays === 7) return { key: isoWeek(day), start: mondayOf(day) };
  const epoch = dayNumberOfDate('1970-01-05');
  const n = dayNumberOfDate(day);
  const start = dateOfDayNumber(n - ((((n - epoch) % everyDays) + everyDays) % everyDays));
  return { key: start, start };
}

/** Whether a YYYY-MM-DD string names a day that exists (not 2026-02-31). */
export function isCalendarDay(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && dateOfDayNumber(dayNumberOfDate(day)) === day;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumberOfDate(to) - dayNumberOfDate(from);
}
