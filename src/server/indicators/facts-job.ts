import type { Db, Tx } from '../platform/db/db.ts';
import { shanghaiDay } from '../../domain/indicators/periods.ts';

export interface CountRange {
  /** first day counted (YYYY-MM-DD, Asia/Shanghai), inclusive */
  from: string;
  /** last day counted, inclusive */
  to: string;
  kind: 'full' | 'incremental';
}

export interface CountResult {
  days: number;
  /** fact rows (grid × day × measure, non-zero) the counted days hold after the run */
  factRows: number;
}

/**
 * Counts every measure of the days from..to per grid, writes the facts that changed and adds their change into the
 * roll-ups of the grid and every unit above it, for the day, its month, quarter and year; records the run.
 */
export async function countDays(db: Db, range: CountRange, now: Date): Promise<CountResult> {
  void db; void range; void now;
  return { days: 0, factRows: 0 };
}

/** The incremental run: today, yesterday and the days marked dirty since they were counted. */
export async function runIncremental(db: Db, now: Date): Promise<CountResult> {
  void db; void now;
  return { days: 0, factRows: 0 };
}

/**
 * Marks a past day (YYYY-MM-DD, or the instant of the corrected fact) to be counted again by the next run — call it in
 * the transaction of a correction that changes a fact dated before today (a case reopened after it was closed).
 */
export async function markDirty(tx: Tx, day: string | Date, now: Date = new Date()): Promise<void> {
  const d = typeof day === 'string' ? day : shanghaiDay(day);
  await tx.query(
    `insert into indicator_dirty_days (day, marked_at) values ($1, $2) on conflict (day) do update set marked_at = excluded.marked_at`,
    [d, now],
  );
}
