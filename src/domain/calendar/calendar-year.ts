// One year of the working calendar as a town's admin enters it from the State Council notice: which days are
// public holidays (放假) and which weekend days are worked (调休上班). Plain rules, no I/O, no clock.
import { dayNumberOfDate } from '../sla/working-calendar.ts';

export interface CalendarYear {
  year: number;
  holidays: readonly string[];
  workdays: readonly string[];
}

export type CalendarProblemCode = 'NOT_A_DATE' | 'OUTSIDE_YEAR' | 'DUPLICATE' | 'IN_BOTH' | 'NOT_WEEKEND';

export interface CalendarProblem {
  field: 'holidays' | 'workdays';
  date: string;
  code: CalendarProblemCode;
  message: string;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date in YYYY-MM-DD (2027-02-30 is not). */
export function isCalendarDate(date: string): boolean {
  if (!DATE_RE.test(date)) return false;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/** 0 = Sunday … 6 = Saturday, of a valid date. */
export function weekdayOf(date: string): number {
  return (dayNumberOfDate(date) + 4) % 7; // 1970-01-01 was a Thursday
}

/** The problems of a year's entry; an empty list means it can be saved. */
export function validateCalendarYear(input: CalendarYear): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const seen = new Map<string, 'holidays' | 'workdays'>();
  for (const field of ['holidays', 'workdays'] as const) {
    for (const date of input[field]) {
      const problem = (code: CalendarProblemCode, message: string) => problems.push({ field, date, code, message });
      if (!isCalendarDate(date)) { problem('NOT_A_DATE', `${date} is not a date (YYYY-MM-DD)`); continue; }
      if (Number(date.slice(0, 4)) !== input.year) { problem('OUTSIDE_YEAR', `${date} is not in ${input.year}`); continue; }
      const before = seen.get(date);
      if (before === field) { problem('DUPLICATE', `${date} is listed twice`); continue; }
      if (before) { problem('IN_BOTH', `${date} cannot be both a holiday and a working day`); continue; }
      seen.set(date, field);
      const weekday = weekdayOf(date);
      if (field === 'workdays' && weekday !== 0 && weekday !== 6) problem('NOT_WEEKEND', `${date} is a weekday: only a Saturday or Sunday can be a swapped working day`);
    }
  }
  return problems;
}

/**
 * The years the platform needs and has not got: the current one, and from November (when the State Council
 * publishes the next year's schedule) the next one too, because working-day deadlines reach into it.
 */
export function missingCalendarYears(entered: readonly number[], today: string): number[] {
  const year = Number(today.slice(0, 4));
  const needed = Number(today.slice(5, 7)) >= 11 ? [year, year + 1] : [year];
  return needed.filter((y) => !entered.includes(y));
}

/** The entry sorted and without repeats, as it is stored. */
export function normaliseCalendarYear(input: CalendarYear): CalendarYear {
  const sorted = (dates: readonly string[]) => [...new Set(dates)].sort();
  return { year: input.year, holidays: sorted(input.holidays), workdays: sorted(input.workdays) };
}
