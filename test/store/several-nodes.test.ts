import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createScratchDatabase } from '../support/scratch-database.ts';
import { openPostgres, type Db } from '../../src/server/platform/db/db.ts';
import { LiveHub, notifyCaseChange, type CaseChange, type LiveStream } from '../../src/server/platform/live.ts';
import { runAlone } from '../../src/server/platform/jobs.ts';

// What keeps several nodes right on one PostgreSQL, at the store level (the nodes themselves: test/ops/multi-node.test.ts):
// a live hub whose LISTEN connections are cut notices, listens again and tells its streams to read again; a scheduled
// job's run is alone across nodes. PostgreSQL only: on PGlite one process holds the store (runAlone just runs).

const server = process.env.TEST_DATABASE_URL;
const appName = `zhizhi-live-${randomUUID().slice(0, 8)}`;
let scratch: { url: string; drop: () => Promise<void> };
let db: Db;
let other: Db;

const change = (caseId: string): CaseChange => ({
  caseId, number: 'N', eventId: 1, action: 'accept', status: 'accepted', orgPath: '/a/', reporterAccountId: null, assignee: null, departmentIds: [], at: new Date().toISOString(),
});
const waitUntil = async (cond: () => boolean, ms: number, what: string) => {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe.skipIf(!server)('several nodes on PostgreSQL', () => {
  beforeAll(async () => {
    scratch = await createScratchDatabase(server!, 'zhizhi_nodes');
    db = await openPostgres(`${scratch.url}?application_name=${appName}`, 3);
    other = await openPostgres(scratch.url, 3);
  });
  afterAll(async () => {
    await db?.close();
    await other?.close();
    await scratch?.drop();
  });

  it('a live hub whose LISTEN connections are cut listens again, tells its streams to read again, and hears the next change', async () => {
    const hub = new LiveHub(db, { probeMs: 200 });
    await hub.start();
    try {
      const heard: string[] = [];
      let resynced = 0;
      const stream = (): LiveStream => ({
        accountId: 'a', tokenHash: 'h', access: '', accepts: () => true, send: (c) => heard.push(c.caseId),
        end: () => undefined, resync: () => { resynced++; },
      });
      hub.subscribe(stream());
      await other.transaction((tx) => notifyCaseChange(tx, change('before')));
      await waitUntil(() => heard.includes('before'), 5000, 'the change before the cut');

      const cut = await other.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and query like 'listen %'`, [appName]);
      expect(cut.rowCount, 'the hub\'s LISTEN connections').toBeGreaterThan(0);
      await other.transaction((tx) => notifyCaseChange(tx, change('during')));
      await waitUntil(() => resynced === 1, 10_000, 'the resync');
      expect(hub.resyncs).toBe(1);
      expect(hub.connections, 'the stream told to read again is ended').toBe(0);

      hub.subscribe(stream());
      await other.transaction((tx) => notifyCaseChange(tx, change('after')));
      await waitUntil(() => heard.includes('after'), 5000, 'the change after the resync');
      expect(heard).toEqual(['before', 'after']);
      // a healthy connection is not taken for a lost one: probes keep coming back
      await new Promise((r) => setTimeout(r, 2500));
      expect(hub.resyncs).toBe(1);
    } finally {
      await hub.stop();
    }
  });

  it('runs a scheduled job on one node at a time: a second run while the first holds it ends at once', async () => {
    const name = `job-${randomUUID()}`;
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const runs: string[] = [];
    const first = runAlone(db, name, async () => { runs.push('first'); await gate; });
    await waitUntil(() => runs.length === 1, 5000, 'the first run');
    expect(await runAlone(other, name, async () => { runs.push('second'); })).toBe('busy');
    expect(await runAlone(other, `${name}-other`, async () => { runs.push('another job'); })).toBe('ran');
    release();
    expect(await first).toBe('ran');
    expect(await runAlone(other, name, async () => { runs.push('third'); })).toBe('ran');
    expect(runs).toEqual(['first', 'another job', 'third']);
  });
});

