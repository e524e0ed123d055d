// Pure helpers of the calendar page: the days of a month laid out Monday first, the state of a day, and the
// toggle a click makes (weekday: normal ↔ 休, weekend: normal ↔ 班). Dates are 'YYYY-MM-DD' strings.

import { weekdayOf as sundayFirstWeekday } from '../../../domain/calendar/calendar-year.ts';

export type DayState = 'holiday' | 'workday' | 'weekend' | 'normal';
export interface Marks { holidays: ReadonlySet<string>; workdays: ReadonlySet<string> }

const pad = (n: number) => String(n).padStart(2, '0');
export const isoDate = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** 0 = Monday … 6 = Sunday: the columns of a Chinese wall calendar */
export const weekdayOf = (date: string): number => (sundayFirstWeekday(date) + 6) % 7;

export const isWeekend = (date: string) => weekdayOf(date) >= 5;

/** The cells of a month grid: null for the blanks before the 1st, then each date (month 1..12). */
export function monthCells(year: number, month: number): (string | null)[] {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const first = isoDate(year, month, 1);
  return [...Array<null>(weekdayOf(first)).fill(null), ...Array.from({ length: days }, (_, i) => isoDate(year, month, i + 1))];
}

export function dayState(date: string, marks: Marks): DayState {
  if (marks.holidays.has(date)) return 'holiday';
  if (marks.workdays.has(date)) return 'workday';
  return isWeekend(date) ? 'weekend' : 'normal';
}

/** The marks after clicking a day: a marked day goes back to normal, an unmarked one becomes 休 or 班. */
export function toggleDay(date: string, marks: Marks): Marks {
  const holidays = new Set(marks.holidays);
  const workdays = new Set(marks.workdays);
  if (holidays.delete(date) || workdays.delete(date)) return { holidays, workdays };
  (isWeekend(date) ? workdays : holidays).add(date);
  return { holidays, workdays };
}

export const sorted = (s: ReadonlySet<string>) => [...s].sort();

export function sameMarks(a: Marks, b: Marks): boolean {
  const eq = (x: ReadonlySet<string>, y: ReadonlySet<string>) => x.size === y.size && [...x].every((d) => y.has(d));
  return eq(a.holidays, b.holidays) && eq(a.workdays, b.workdays);
}

/** '2027-01-01' → 2027年1月1日（周五） or Fri 1 Jan 2027 */
export function dateLabel(date: string, lang: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wd = weekdayOf(date);
  if (lang.startsWith('zh')) return `${y}年${m}月${d}日（周${'一二三四五六日'[wd]}）`;
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1];
  return `${['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][wd]} ${d} ${month} ${y}`;
}
