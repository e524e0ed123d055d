/**
 * Working days of a town, from data. All date math is done on "Shanghai day numbers" (days since
 * 1970-01-01 in UTC+8; China has no DST), so the result never depends on the process time zone.
 */
export interface CalendarData {
  /** Where the data comes from, e.g. the State Council notice. */
  source: string;
  /** Local dates (YYYY-MM-DD) off work: public holidays including the days swapped into them. */
  holidays: readonly string[];
  /** Local dates (YYYY-MM-DD) that are working days although they fall on a weekend (调休上班). */
  workdays: readonly string[];
}

export interface WorkingCalendar {
  readonly holidays: ReadonlySet<number>;
  readonly workdays: ReadonlySet<number>;
  /** Weekdays off, 0 = Sunday. */
  readonly weekend: ReadonlySet<number>;
}

export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Builds one calendar from several years of data; weekend defaults to Saturday and Sunday. */
export function calendarFrom(data: readonly CalendarData[], weekend: readonly number[] = [0, 6]): WorkingCalendar {
  return {
    holidays: new Set(data.flatMap((d) => d.holidays.map(dayNumberOfDate))),
    workdays: new Set(data.flatMap((d) => d.workdays.map(dayNumberOfDate))),
    weekend: new Set(weekend),
  };
}

/** Days since 1970-01-01 of the Shanghai local date containing `at`. */
export function shanghaiDayNumber(at: Date): number {
  return Math.floor((at.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** The Shanghai local date of `at` as YYYY-MM-DD. */
export function shanghaiDate(at: Date): string {
  return dateOfDayNumber(shanghaiDayNumber(at));
}

export function dayNumberOfDate(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

export function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The instant 00:00 Shanghai time of a day number. */
export function startOfShanghaiDay(day: number): Date {
  return new Date(day * DAY_MS - SHANGHAI_OFFSET_MS);
}

export function isWorkingDay(at: Date | string, calendar: WorkingCalendar): boolean {
  return isWorkingDayNumber(typeof at === 'string' ? dayNumberOfDate(at) : shanghaiDayNumber(at), calendar);
}

function isWorkingDayNumber(day: number, calendar: WorkingCalendar): boolean {
  if (calendar.workdays.has(day)) return true;
  if (calendar.holidays.has(day)) return false;
  return !calendar.weekend.has((day + 4) % 7); // 1970-01-01 was a Thursday
}

/**
 * "Within n working days" the way Chinese law counts periods (民法典 art. 201, 203): the day it starts
 * is not counted, and the period ends at 24:00 of its last day. So the result is 00:00 Shanghai time
 * after the n-th working day following the local date of `start`.
 */
export function addWorkingDays(start: Date, n: number, calendar: WorkingCalendar): Date {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days must be a positive integer: ${n}`);
  let day = shanghaiDayNumber(start);
  let left = n;
  // a calendar with no working day at all would loop forever: ten years is more than any SLA
  for (let guard = 0; guard < 3660; guard++) {
    day++;
    if (isWorkingDayNumber(day, calendar) && --left === 0) return startOfShanghaiDay(day + 1);
  }
  throw new RangeError('the working calendar has no working days in ten years');
}
