import type { Tx } from './db/db.ts';

/** One job queue's backlog at this instant (pg-boss's tables in the `jobs` schema, see jobs.ts). */
export interface QueueDepth {
  queue: string;
  /** due and waiting for a worker (created or retry, start_after passed) */
  ready: number;
  /** waiting for a later start (a retry's back-off, a delayed send) */
  deferred: number;
  /** claimed by a worker and running */
  active: number;
  /** how long the oldest ready job has been due, in seconds; null when none is ready */
  oldestReadySeconds: number | null;
}

/**
 * Every queue's backlog, counted now (not pg-boss's own counts, which its monitor refreshes only every minute or so).
 * Reads only the waiting and running jobs, through pg-boss's partial index on live jobs (job_i14: name, state, blocked,
 * start_after): cheap however many finished jobs the queues retain. Empty before the job queue was ever started.
 */
export async function jobQueueDepths(db: Tx): Promise<QueueDepth[]> {
  const installed = await db.query<{ t: string | null }>(`select to_regclass('jobs.job')::text as t`);
  if (!installed.rows[0]?.t) return [];
  const r = await db.query<{ queue: string; ready: number; deferred: number; active: number; oldest: number | null }>(`
    select q.name as queue,
      count(j.id) filter (where j.state in ('created', 'retry') and j.start_after <= now())::int as ready,
      count(j.id) filter (where j.state in ('created', 'retry') and j.start_after > now())::int as deferred,
      count(j.id) filter (where j.state = 'active')::int as active,
      extract(epoch from now() - min(j.start_after) filter (where j.state in ('created', 'retry') and j.start_after <= now()))::float8 as oldest
    from jobs.queue q
    left join jobs.job j on j.name = q.name and j.state in ('created', 'retry', 'active')
    group by q.name
    order by q.name`);
  return r.rows.map((x) => ({ queue: x.queue, ready: x.ready, deferred: x.deferred, active: x.active, oldestReadySeconds: x.oldest === null ? null : Math.max(0, x.oldest) }));
}
