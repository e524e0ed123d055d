// Periods of indicators (Asia/Shanghai, which has had no daylight saving since 1991):
//   - day '2026-12-03', month '2026-12', quarter '2026Q4' (Jan–Mar Q1 … Oct–Dec Q4), year '2026';
//   - a period covers the days from its first to its last, both inclusive;
//   - the period before a day is the day before, before a month the month before (January → December of the year
//     before), before a quarter the quarter before (Q1 → Q4 of the year before), before a year the year before.
import type { PeriodKey, PeriodKind } from '../../shared/indicators.ts';

const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

export interface Period {
  kind: PeriodKind;
  key: PeriodKey;
  /** the first day (YYYY-MM-DD), inclusive */
  from: string;
  /** the last day (YYYY-MM-DD), inclusive */
  to: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The period a key names, with its first and last day; null when the key is not a real period. */
export function parsePeriod(key: string): Period | null {
  if (typeof key !== 'string') return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (y < 1900 || mo < 1 || mo > 12 || d < 1 || d > lastDayOfMonth(y, mo)) return null;
    return { kind: 'day', key, from: key, to: key };
  }
  m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (y < 1900 || mo < 1 || mo > 12) return null;
    return { kind: 'month', key, from: `${key}-01`, to: `${key}-${pad(lastDayOfMonth(y, mo))}` };
  }
  m = /^(\d{4})Q([1-4])$/.exec(key);
  if (m) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    if (y < 1900) return null;
    const first = (q - 1) * 3 + 1;
    const last = first + 2;
    return { kind: 'quarter', key, from: `${y}-${pad(first)}-01`, to: `${y}-${pad(last)}-${pad(lastDayOfMonth(y, last))}` };
  }
  m = /^(\d{4})$/.exec(key);
  if (m) {
    if (Number(m[1]) < 1900) return null;
    return { kind: 'year', key, from: `${key}-01-01`, to: `${key}-12-31` };
  }
  return null;
}

/** The Asia/Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The key of the period of a kind a day (YYYY-MM-DD) falls in. */
export function periodOfDay(kind: PeriodKind, day: string): PeriodKey {
  const y = day.slice(0, 4);
  const mo = Number(day.slice(5, 7));
  switch (kind) {
    case 'day':
      return day;
    case 'month':
      return day.slice(0, 7);
    case 'quarter':
      return `${y}Q${Math.floor((mo - 1) / 3) + 1}`;
    case 'year':
      return y;
  }
}

/** The key of the period of a kind an instant falls in (Asia/Shanghai). */
export function periodOf(kind: PeriodKind, at: Date): PeriodKey {
  return periodOfDay(kind, shanghaiDay(at));
}

/** The day, month, quarter and year a day (YYYY-MM-DD) belongs to, in that order. */
export function periodsOfDay(day: string): [PeriodKey, PeriodKey, PeriodKey, PeriodKey] {
  return [day, periodOfDay('month', day), periodOfDay('quarter', day), periodOfDay('year', day)];
}

/** The day after (n = 1) or before (n = -1) a day. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The period before a period of the same kind; throws on a key that is not a period. */
export function previousPeriod(key: PeriodKey): PeriodKey {
  return shiftPeriod(key, -1);
}

/** The period n periods after (negative: before) a period of the same kind; throws on a key that is not a period. */
export function shiftPeriod(key: PeriodKey, n: number): PeriodKey {
  const p = parsePeriod(key);
  if (!p) throw new Error(`not a period: ${key}`);
  const y = Number(key.slice(0, 4));
  switch (p.kind) {
    case 'day':
      return addDays(key, n);
    case 'month': {
      const index = y * 12 + Number(key.slice(5, 7)) - 1 + n;
      return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
    }
    case 'quarter': {
      const index = y * 4 + Number(key.slice(5)) - 1 + n;
      return `${Math.floor(index / 4)}Q${(index % 4) + 1}`;
    }
    case 'year':
      return String(y + n);
  }
}

/** Every day from `from` to `to`, both inclusive (YYYY-MM-DD); empty when `to` is before `from`. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

/**
 * The periods of a kind from the one `from` falls in to the one `to` falls in (both days YYYY-MM-DD), oldest first —
 * the points of a trend.
 */
export function periodsBetween(kind: PeriodKind, from: string, to: string): PeriodKey[] {
  const last = periodOfDay(kind, to);
  const keys: PeriodKey[] = [];
  for (let k = periodOfDay(kind, from); k <= last && keys.length <= 3660; k = shiftPeriod(k, 1)) keys.push(k);
  return keys;
}
