import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { openPglite, openPostgres, type Db } from '../../src/server/platform/db/db.ts';
import { ROOT, freePort, makeStore, sleep, spawnNode, storeEnv, type Child, type Store } from './harness.ts';

/**
 * The job queue (pg-boss in the application's own database) survives a worker killed mid-job: the job
 * that worker had claimed runs again on the next worker, and completes exactly once.
 *
 * The worker is test/faults/fixtures/probe-worker.ts: the store opened like the server opens it and
 * `startJobs` working the server's queues plus a probe queue (expireInSeconds 3, retryLimit 2). The
 * probe's first attempt records 'started' and then never finishes; the test kills that process with
 * SIGKILL while the job is active, starts the next process, and reads the outcome from the store.
 *
 * PGlite can be opened by one process at a time, so there the worker runs inside the server process (the
 * fixture serves the API too) and "the next worker" is that server restarted on the same data folder:
 * the honest single-node equivalent, a crash and restart. On PostgreSQL the two are separate worker nodes
 * on one database.
 *
 * What bounds the time: an attempt is retried once pg-boss's supervise pass finds it active past
 * expireInSeconds. Every instance runs that pass on a 60 s timer; the second process runs the same pass
 * on demand (PROBE_SUPERVISE, pg-boss's public supervise()) as soon as the attempt has expired, so the
 * retry comes seconds after the expiry instead of up to a minute later. The project's real queues are
 * created by startJobs with pg-boss's defaults: an attempt killed there is retried after 15 minutes
 * (expireInSeconds 900) plus up to one supervise interval.
 */

const FIXTURE = path.join(ROOT, 'test/faults/fixtures/probe-worker.ts');
const EXPIRE_S = 3;
const backends = (['pglite', 'postgres'] as const).filter((k) => k === 'pglite' || process.env.TEST_DATABASE_URL);

describe.each(backends)('a job claimed by a killed worker, %s', (kind) => {
  let store: Store | null = null;
  const children: Child[] = [];
  afterAll(async () => {
    for (const c of children) await c.kill();
    await store?.dispose();
  });

  it('runs again on the next worker and completes exactly once', async () => {
    store = await makeStore(kind, `jobcrash-${kind}`);
    const start = async (extra: Record<string, string>) => {
      const serving = kind === 'pglite' ? { PORT: String(await freePort()), HOST: '127.0.0.1', WEB_DIST: '/nonexistent' } : {};
      const child = spawnNode(FIXTURE, { ...storeEnv(store!), ...serving, PROBE_EXPIRE: String(EXPIRE_S), ...extra });
      children.push(child);
      await child.waitFor('probe worker ready', 120_000);
      return { child, port: serving.PORT };
    };

    const first = (await start({ PROBE_SEND: 'run-1' })).child;
    await first.waitFor('probe run-1: attempt 1 started', 30_000);
    const firstPid = first.proc.pid!;
    await first.kill(); // mid-job: the attempt is active in the store, its process gone
    const killedAt = Date.now();

    const { child: second, port } = await start({ PROBE_SUPERVISE: '1' });
    if (port) expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status, 'the restarted server serves').toBe(200);
    await second.waitFor('probe run-1: done', 60_000);
    const recoveredMs = Date.now() - killedAt;
    console.log(`[${kind}] the killed attempt ran again and completed ${recoveredMs} ms after the kill (expiry ${EXPIRE_S} s)`);
    await sleep(2500); // more than one polling interval (2 s): a further run would show
    expect(await second.stop(), second.log()).toBe(0);
    const secondPid = second.proc.pid!;
    expect(second.log()).toContain('probe run-1: attempt 2 started');
    expect(second.log()).not.toContain('attempt 3');

    const db: Db = store.databaseUrl ? await openPostgres(store.databaseUrl, 2) : await openPglite(path.join(store.dataDir, 'pglite'));
    try {
      const rows = (await db.query<{ kind: string; pid: number }>(`select kind, pid from fault_probe where run = 'run-1' order by id`)).rows;
      expect(rows, 'started in the killed worker, started again and done once in the next').toEqual([
        { kind: 'started', pid: firstPid },
        { kind: 'started', pid: secondPid },
        { kind: 'done', pid: secondPid },
      ]);
      const jobs = (await db.query<{ state: string; retry_count: number; expire_seconds: number }>(
        `select state, retry_count, expire_seconds from jobs.job where name = 'fault-probe'`)).rows;
      expect(jobs, 'one job, completed on its second attempt').toEqual([{ state: 'completed', retry_count: 1, expire_seconds: EXPIRE_S }]);
    } finally {
      await db.close();
    }
    expect(recoveredMs, 'within a bounded time').toBeLessThan(45_000);
  }, 240_000);
});
