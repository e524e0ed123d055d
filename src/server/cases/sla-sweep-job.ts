import type { Db } from '../platform/db/db.ts';
import type { JobDefinition } from '../platform/jobs.ts';
import { sweepSla } from './sweep-sla.ts';

/** Every minute, once across all nodes: lights, overdue notes and escalations of open cases. */
export function slaSweepJob(db: Db, clock: () => Date = () => new Date()): JobDefinition {
  return {
    name: 'sla-sweep',
    cron: '* * * * *',
    expireInSeconds: 120,
    handler: async () => {
      await sweepSla(db, clock());
    },
  };
}
