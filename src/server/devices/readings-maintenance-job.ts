import type { Db } from '../platform/db/db.ts';
import type { JobDefinition } from '../platform/jobs.ts';
import { maintainReadingPartitions, retentionMonthsOf } from './reading-partitions.ts';

/**
 * At every start and daily at 03:15: readings' monthly partitions made two months ahead, months past the retention
 * (READINGS_RETENTION_MONTHS, default 13) dropped, message ids older than two days forgotten.
 */
export function readingsMaintenanceJob(db: Db, o: { env?: Readonly<Record<string, string | undefined>>; clock?: () => Date } = {}): JobDefinition {
  const months = retentionMonthsOf(o.env ?? {});
  const clock = o.clock ?? (() => new Date());
  return {
    name: 'readings-maintenance',
    cron: '15 3 * * *',
    runAtStart: true,
    handler: async () => {
      const r = await maintainReadingPartitions(db, clock(), months);
      if (r.created.length + r.dropped.length + r.expired > 0) {
        console.log(`readings: partitions made ${r.created.join(', ') || '—'}, dropped ${r.dropped.join(', ') || '—'}; ${r.moved} readings moved, ${r.expired} expired`);
      }
    },
  };
}
