import type { Db } from '../platform/db/db.ts';
import type { JobDefinition } from '../platform/jobs.ts';
import { forgetOldMessageIds } from './reading-partitions.ts';

/**
 * Daily at 03:15: message ids older than two days forgotten. (The readings' monthly partitions and their retention are
 * the `partition-upkeep` job's, registered beside this one.)
 */
export function readingsMaintenanceJob(db: Db, o: { clock?: () => Date } = {}): JobDefinition {
  const clock = o.clock ?? (() => new Date());
  return {
    name: 'readings-maintenance',
    cron: '15 3 * * *',
    handler: async () => {
      await forgetOldMessageIds(db, clock());
    },
  };
}
