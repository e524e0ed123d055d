import { PgBoss, fromPglite } from 'pg-boss';
import type { Db } from './db/db.ts';
import { withSessionLock } from './db/session-lock.ts';

const SCHEDULED_JOB_LOCK = 7_141_003;

/** One background job: a name, an optional cron schedule, an idempotent handler. */
export interface JobDefinition<T extends object = object> {
  name: string;
  /** cron in Asia/Shanghai; the queue runs each tick once across all nodes, and one run at a time (runAlone) */
  cron?: string;
  /** an attempt still running after this long counts as dead (its worker was killed) and is retried */
  expireInSeconds?: number;
  /** also queued once each time a node starts the queue */
  runAtStart?: boolean;
  handler: (data: T) => Promise<void>;
}

/**
 * The job queue lives in PostgreSQL (pg-boss: SKIP LOCKED claims, retries, schedules), so jobs survive
 * restarts and run once however many nodes work the queue. On PGlite it shares the embedded database.
 */
export async function startJobs(db: Db, jobs: readonly JobDefinition<never>[], o: { work: boolean }): Promise<PgBoss> {
  const boss = 'pglite' in db.raw
    ? new PgBoss({ db: fromPglite(db.raw.pglite), backend: 'pglite', schema: 'jobs' })
    : new PgBoss({ connectionString: db.raw.connectionString, schema: 'jobs', max: 4 });
  boss.on('error', (err) => console.error('job queue:', err.message));
  await boss.start();
  await dropStaleSchedules(boss, jobs);
  for (const job of jobs) {
    await boss.createQueue(job.name, job.expireInSeconds ? { expireInSeconds: job.expireInSeconds, retryLimit: 3 } : {});
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: 'Asia/Shanghai' });
    if (job.runAtStart) await boss.send(job.name, {});
    if (o.work) {
      await boss.work(job.name, async (batch) => {
        for (const j of batch) {
          if (job.cron) await runAlone(db, job.name, () => job.handler(j.data as never));
          else await job.handler(j.data as never);
        }
      });
    }
  }
  return boss;
}

/**
 * A schedule stays in the database after its job leaves the list (the demo-only `demo-live` once DEMO_LIVE is
 * off, a job renamed or retired), and pg-boss keeps queueing its ticks with no worker: the jobs pile up unworked.
 * So at start every schedule whose job is not in this node's list with a cron is dropped; the listed ones are
 * (re)written just after.
 */
async function dropStaleSchedules(boss: PgBoss, jobs: readonly JobDefinition<never>[]): Promise<void> {
  const scheduled = new Set(jobs.filter((j) => j.cron).map((j) => j.name));
  const stale: { name: string; key: string }[] = [];
  const limit = 1000;
  for (let after: { name: string; key: string } | undefined; ;) {
    const page = await boss.getSchedules(undefined, undefined, { limit, ...(after ? { after } : {}) });
    for (const s of page) if (!scheduled.has(s.name)) stale.push({ name: s.name, key: s.key });
    if (page.length < limit) break;
    after = { name: page[page.length - 1]!.name, key: page[page.length - 1]!.key };
  }
  for (const s of stale) await boss.unschedule(s.name, s.key);
}

/**
 * A scheduled job runs on one node at a time. pg-boss hands each queued job to one worker, but the ticks of a schedule,
 * the runs every node queues at its start (`runAtStart`) and a retry of an attempt that only looked dead are separate
 * jobs, and several workers would take them at once: two task generations of the same day, two sweeps over the same
 * cases. So a run first takes a session advisory lock named after the job, on a connection of its own (the session
 * connection string: past a pooler in transaction mode); when another node holds it, that node's run is doing this
 * tick's work and this one ends at once. The lock goes with the connection, also when the node dies.
 * PGlite belongs to one process, whose worker runs a queue's jobs one after another.
 */
export async function runAlone(db: Db, name: string, fn: () => Promise<void>): Promise<'ran' | 'busy'> {
  return (await withSessionLock(db, [SCHEDULED_JOB_LOCK, name], 'try', fn)).ran ? 'ran' : 'busy';
}
