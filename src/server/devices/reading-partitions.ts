import type { Db } from '../platform/db/db.ts';
import { deleteOldMessageIds } from './readings-store.ts';

/**
 * device_readings is partitioned by the Asia/Shanghai month of the reading's time (migration 029). Its months are made
 * ahead and dropped past the retention by the platform's `partition-upkeep` job (platform/db/partition-upkeep-job.ts),
 * which the devices capability registers with this retention: whole months dropped, no row-by-row delete.
 */

/** Readings are kept this many whole months back from the current one (READINGS_RETENTION_MONTHS). */
export const DEFAULT_RETENTION_MONTHS = 13;

/** READINGS_RETENTION_MONTHS, default 13 (a year and the month before, for year-on-year figures). */
export function retentionMonthsOf(env: Readonly<Record<string, string | undefined>>): number {
  const n = Number(env.READINGS_RETENTION_MONTHS ?? DEFAULT_RETENTION_MONTHS);
  return Number.isInteger(n) && n >= 1 && n <= 120 ? n : DEFAULT_RETENTION_MONTHS;
}

/** Message ids older than two days are forgotten (retries come within minutes); answers how many. */
export async function forgetOldMessageIds(db: Db, now: Date): Promise<number> {
  return deleteOldMessageIds(db, new Date(now.getTime() - 2 * 24 * 3600 * 1000));
}
