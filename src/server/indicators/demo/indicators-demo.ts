import type { DemoContext } from '../../platform/capability.ts';
import { shanghaiDay } from '../../../domain/indicators/periods.ts';
import { countDays } from '../facts-job.ts';

/**
 * Counts the whole demo history once: every day from the earliest record (case, task, visit, alarm, incident, dispute,
 * idea) to the history's end, in one full run — what the job would have left had it run all along. The later demo steps
 * (ratings, rankings, reports) read the roll-ups it leaves. Nothing the second time (a full run is recorded).
 */
export async function demoIndicators(ctx: DemoContext): Promise<string | null> {
  const done = await ctx.db.query(`select 1 from indicator_runs where kind = 'full' and error is null and finished_at is not null limit 1`);
  if (done.rows.length > 0) return null;
  const first = await ctx.db.query<{ at: Date | null }>(
    `select least((select min(created_at) from cases), (select min(at) from visits), (select min(due_on)::timestamptz from tasks),
                  (select min(raised_at) from alarms), (select min(activated_at) from incidents), (select min(created_at) from disputes),
                  (select min(created_at) from ideas)) as at`,
  );
  const to = shanghaiDay(ctx.now);
  const from = first.rows[0]?.at ? shanghaiDay(new Date(first.rows[0].at)) : to;
  const started = Date.now();
  const r = await countDays(ctx.db, { from: from < to ? from : to, to, kind: 'full' }, ctx.now);
  return `${r.days} days of the demo history counted into ${r.factRows} facts and their roll-ups in ${((Date.now() - started) / 1000).toFixed(1)} s`;
}
