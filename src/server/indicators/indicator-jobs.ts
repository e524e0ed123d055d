import type { CapabilityContext } from '../platform/capability.ts';
import type { JobDefinition } from '../platform/jobs.ts';
import { shanghaiDay } from '../../domain/indicators/periods.ts';
import { addDays, countDays, runIncremental } from './facts-job.ts';

/**
 * The indicators job: every 10 minutes today, yesterday and the days a correction marked dirty; at 01:10 yesterday
 * once more in full (late events dated into it). A recompute asked for through the API runs in the request, or in the background of the node that took it).
 */
export function indicatorJobs(ctx: CapabilityContext): JobDefinition[] {
  const now = () => ctx.clock?.() ?? new Date();
  return [
    {
      name: 'indicators.incremental',
      cron: '*/10 * * * *',
      expireInSeconds: 600,
      handler: async () => { await runIncremental(ctx.db, now()); },
    },
    {
      name: 'indicators.nightly',
      cron: '10 1 * * *',
      expireInSeconds: 1800,
      handler: async () => {
        const yesterday = addDays(shanghaiDay(now()), -1);
        await countDays(ctx.db, { from: yesterday, to: yesterday, kind: 'full' }, now());
      },
    },
  ];
}
