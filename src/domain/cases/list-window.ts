import { dayNumberOfDate, shanghaiDayNumber, startOfShanghaiDay } from '../sla/working-calendar.ts';

/** A span of time as the case lists filter it: `from` included, `before` excluded; either end may be open. */
export interface TimeWindow { from?: Date; before?: Date }

/**
 * The instants of a range of Shanghai local dates (YYYY-MM-DD, both days included), as a history search names it:
 * from 00:00 of the first day to 00:00 of the day after the last. Null when the range ends before it begins.
 */
export function dateRangeWindow(from: string | undefined, to: string | undefined): TimeWindow | null {
  const first = from === undefined ? undefined : dayNumberOfDate(from);
  const last = to === undefined ? undefined : dayNumberOfDate(to);
  if (first !== undefined && last !== undefined && last < first) return null;
  return {
    ...(first === undefined ? {} : { from: startOfShanghaiDay(first) }),
    ...(last === undefined ? {} : { before: startOfShanghaiDay(last + 1) }),
  };
}

/** Today in Shanghai, as of `now`: from its 00:00 to the next day's. */
export function todayWindow(now: Date): { from: Date; before: Date } {
  const day = shanghaiDayNumber(now);
  return { from: startOfShanghaiDay(day), before: startOfShanghaiDay(day + 1) };
}
