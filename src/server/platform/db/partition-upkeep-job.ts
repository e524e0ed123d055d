import type { Db } from './db.ts';
import type { JobDefinition } from '../jobs.ts';
import { dropMonthlyPartitionsBefore, ensureMonthlyPartitions, monthStart, partitionedTables } from './partitions.ts';

/** Months made ahead of the current one, so a month's first row never lands in the DEFAULT partition. */
export const MONTHS_AHEAD = 3;

export interface TableUpkeep {
  table: string;
  created: string[];
  dropped: string[];
  /** rows of the DEFAULT partition older than the retention, deleted */
  expired: number;
}

/**
 * Every time-partitioned table gets its monthly partitions from the current Asia/Shanghai month to MONTHS_AHEAD ahead;
 * a table with a retention (`retentionMonths`, e.g. device_readings: 13) also gets the months back to its retention
 * (readings that arrive late, or before the table had months, then leave the DEFAULT partition) and loses the months
 * older than that, dropped whole. A table without a retention (case_events: case records are permanent) loses nothing.
 * One short transaction per table under that table's advisory lock: nodes running it at once take turns and the
 * second finds nothing to do. A month is made MONTHS_AHEAD early, so a run that gives up on a busy table (lock_timeout)
 * loses nothing: the next day's run makes it.
 */
export async function upkeepPartitions(db: Db, now: Date, retentionMonths: Readonly<Record<string, number>>): Promise<TableUpkeep[]> {
  const tables = await partitionedTables(db);
  const out: TableUpkeep[] = [];
  for (const table of tables) {
    const keep = retentionMonths[table];
    out.push(await db.transaction(async (tx) => {
      // never queue the table's readers and writers behind a lock wait: give up and try again at the next run
      await tx.exec(`set local lock_timeout = '10s'`);
      const keepFrom = keep === undefined ? null : monthStart(now, -keep);
      const created = await ensureMonthlyPartitions(tx, table, keepFrom ?? now, monthStart(now, MONTHS_AHEAD));
      const gone = keepFrom ? await dropMonthlyPartitionsBefore(tx, table, keepFrom) : { dropped: [], expired: 0 };
      return { table, created, ...gone };
    }));
  }
  return out;
}

/**
 * `partition-upkeep`: at every start and daily at 02:40 (Asia/Shanghai), once across nodes (pg-boss cron), the months
 * ahead of every partitioned table made and the months past a table's retention dropped (`upkeepPartitions`).
 */
export function partitionUpkeepJob(db: Db, o: { retentionMonths: Readonly<Record<string, number>>; clock?: () => Date }): JobDefinition {
  const clock = o.clock ?? (() => new Date());
  return {
    name: 'partition-upkeep',
    cron: '40 2 * * *',
    runAtStart: true,
    handler: async () => {
      for (const t of await upkeepPartitions(db, clock(), o.retentionMonths)) {
        if (t.created.length + t.dropped.length + t.expired === 0) continue;
        console.log(`partitions of ${t.table}: made ${t.created.join(', ') || '—'}, dropped ${t.dropped.join(', ') || '—'}; ${t.expired} rows expired from the default partition`);
      }
    },
  };
}
