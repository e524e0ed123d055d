import type { DutyLevel, ListType } from '../../shared/duties.ts';
import { DUTY_LEVELS } from '../../shared/duties.ts';

/**
 * How many items each catalog held, by list type, now and at each month end before: the trend the catalog page
 * shows (the sources count 140 / 131 / 127 items a level, and want to see them fall at the bottom).
 */

export type LevelCounts = Record<ListType, number> & { total: number };
export type CatalogCounts = Record<DutyLevel, LevelCounts>;

export interface DatedItem {
  level: DutyLevel;
  listType: ListType;
  createdAt: Date;
  retiredAt: Date | null;
}

const SHANGHAI_MS = 8 * 3600_000;

/** The counts of the items in the catalog at instant `at` (created by then, not retired by then). */
export function countsAt(items: readonly DatedItem[], at: Date): CatalogCounts {
  const empty = (): LevelCounts => ({ basic: 0, assisting: 0, withdrawn: 0, total: 0 });
  const counts = Object.fromEntries(DUTY_LEVELS.map((l) => [l, empty()])) as CatalogCounts;
  for (const i of items) {
    if (i.createdAt.getTime() > at.getTime()) continue;
    if (i.retiredAt !== null && i.retiredAt.getTime() <= at.getTime()) continue;
    counts[i.level][i.listType] += 1;
    counts[i.level].total += 1;
  }
  return counts;
}

/**
 * The last `months` months (Asia/Shanghai), oldest first, each with the instant its count is taken: the month's last
 * millisecond, or `now` for the month running.
 */
export function trendMonths(now: Date, months = 12): { month: string; at: Date }[] {
  const local = new Date(now.getTime() + SHANGHAI_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  const out: { month: string; at: Date }[] = [];
  for (let k = months - 1; k >= 0; k--) {
    const start = new Date(Date.UTC(y, m - k, 1));
    const end = new Date(Date.UTC(y, m - k + 1, 1) - SHANGHAI_MS - 1);
    const month = `${start.getUTCFullYear()}-${String(start.getUTCMonth() + 1).padStart(2, '0')}`;
    out.push({ month, at: end.getTime() > now.getTime() ? now : end });
  }
  return out;
}

/** The counts at each of the last `months` month ends, oldest first. */
export function catalogTrend(items: readonly DatedItem[], now: Date, months = 12): { month: string; counts: CatalogCounts }[] {
  return trendMonths(now, months).map(({ month, at }) => ({ month, counts: countsAt(items, at) }));
}
