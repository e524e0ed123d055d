import type { Db } from '../platform/db/db.ts';
import type { JobDefinition } from '../platform/jobs.ts';

// filled in by its owner (issue 13): monthly partitions ahead, retention
export function readingsMaintenanceJob(_db: Db): JobDefinition {
  return { name: 'readings-maintenance', cron: '15 3 * * *', runAtStart: true, handler: async () => undefined };
}
