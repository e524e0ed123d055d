import type { Db } from '../platform/db/db.ts';
import type { JobDefinition } from '../platform/jobs.ts';
import { foldOpenCountChanges } from './open-counts-store.ts';

/** Every minute, once across all nodes: the open-case count changes folded into the towns' counts (reads stay exact either way). */
export function foldOpenCountsJob(db: Db): JobDefinition {
  return {
    name: 'fold-open-case-counts',
    cron: '* * * * *',
    expireInSeconds: 120,
    handler: async () => {
      await db.transaction((tx) => foldOpenCountChanges(tx));
    },
  };
}
