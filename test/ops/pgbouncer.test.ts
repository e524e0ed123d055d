import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp, type App } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/platform/config.ts';
import { openPostgres, type Db } from '../../src/server/platform/db/db.ts';
import { openDatabase } from '../../src/server/platform/db/open.ts';
import { migrate } from '../../src/server/platform/db/migrate.ts';
import { startJobs } from '../../src/server/platform/jobs.ts';
import { seedDemo, DEMO_PASSWORD } from '../../src/server/platform/seed/seed-demo.ts';
import { createScratchDatabase } from '../support/scratch-database.ts';
import { collectEvents } from '../support/sse.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { bearer } from '../support/test-app.ts';

// The app behind PgBouncer in transaction mode (1.18: no prepared statements carried between server connections):
// DATABASE_URL through the pooler with DATABASE_PGBOUNCER=1, LISTEN and the job queue on DATABASE_DIRECT_URL.
const bouncer = process.env.TEST_PGBOUNCER_URL;
const server = process.env.TEST_DATABASE_URL ?? (bouncer ? 'postgres://zhizhi_ci:zhizhi_ci@127.0.0.1:5432/postgres' : undefined);

describe.skipIf(!bouncer)('behind PgBouncer in transaction mode', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let db: Db;
  let app: App;
  let base: string;
  let dataDir: string;
  const through = (url: string) => {
    const u = new URL(bouncer!);
    u.pathname = new URL(url).pathname;
    return u.toString();
  };

  beforeAll(async () => {
    scratch = await createScratchDatabase(server!, 'zhizhi_bouncer');
    dataDir = mkdtempSync(path.join(tmpdir(), 'zhizhi-bouncer-'));
    const config = {
      ...loadConfig({ DATA_DIR: dataDir, DATABASE_URL: through(scratch.url), DATABASE_PGBOUNCER: '1', DATABASE_DIRECT_URL: scratch.url, DATABASE_POOL_SIZE: '4' }),
      webDist: '/nonexistent',
    };
    db = await openDatabase(config);
    await migrate(db);
    await seedDemo(db);
    app = await buildApp({ db, config, log: { stream: { write: () => undefined } } });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await app?.close();
    await db?.close();
    await scratch?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('goes through the pooler for its queries, and past it for LISTEN and the job queue', async () => {
    const u = new URL(bouncer!);
    const port = (r: { port?: string }) => r.port;
    expect(db.raw).toMatchObject({ connectionString: scratch.url });
    expect(port(new URL(through(scratch.url)))).toBe(u.port);
    // many statements in a row, each maybe on another server connection: none lost its prepared statement
    for (let i = 0; i < 30; i++) await db.query('select $1::int + 1 as n, current_database() as d', [i]);
    await Promise.all(Array.from({ length: 12 }, (_, i) => db.transaction(async (tx) => {
      await tx.query('select count(*) from cases where created_at > $1', [new Date(Date.now() - i * 1000)]);
      await tx.query('select count(*) from cases where created_at > $1', [new Date()]);
    })));
  });

  it('reports a case, acts on it and lists it; the live event arrives through LISTEN on the direct connection', async () => {
    const login = async (username: string) => (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } })).json().token as string;
    const [gridworker, dispatcher] = [await login('gridworker'), await login('dispatcher')];
    const here = await gridCentre(db, DEMO_GRID);
    let id = '';
    const events = await collectEvents(base, dispatcher, ['case'], 2, async () => {
      const reported = await app.inject({ method: 'POST', url: '/api/cases', headers: bearer(gridworker), payload: { categoryCode: 'C0101', description: '井盖松动', location: here } });
      expect(reported.statusCode, reported.body).toBe(201);
      id = reported.json().id;
      const accepted = await app.inject({ method: 'POST', url: `/api/cases/${id}/actions/accept`, headers: bearer(dispatcher), payload: {} });
      expect(accepted.statusCode, accepted.body).toBe(200);
    }, 10_000);
    expect(events.map((e) => [e.data.caseId, e.data.action])).toEqual([[id, 'report'], [id, 'accept']]);
    const list = await app.inject({ url: '/api/cases?total=true', headers: bearer(dispatcher) });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((c: { id: string }) => c.id)).toContain(id);
    expect((await app.inject({ url: `/api/cases/${id}`, headers: bearer(dispatcher) })).json().status).toBe('accepted');
  });

  it('notices a pooler nobody announced and goes on with unnamed statements, losing no single statement', async () => {
    const unannounced = await openPostgres(through(scratch.url), 4);
    try {
      const sqls = Array.from({ length: 6 }, (_, i) => `select $1::int + ${i} as n`);
      for (let round = 0; round < 5; round++) {
        const got = await Promise.all(sqls.map(async (sql, i) => (await unannounced.query<{ n: number }>(sql, [i])).rows[0]!.n));
        expect(got).toEqual([0, 2, 4, 6, 8, 10]);
      }
    } finally {
      await unannounced.close();
    }
  });

  it('runs a job through the queue on the direct connection', async () => {
    let ran!: () => void;
    const done = new Promise<void>((resolve) => { ran = resolve; });
    const boss = await startJobs(db, [{ name: 'bouncer-probe', runAtStart: true, handler: async () => { ran(); } }], { work: true });
    try {
      await expect(Promise.race([done.then(() => 'ran'), new Promise((r) => setTimeout(() => r('not yet'), 20_000))])).resolves.toBe('ran');
    } finally {
      await boss.stop({ graceful: false });
    }
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('reads that may go to a replica', () => {
  it('sends db.reader to DATABASE_REPLICA_URL and everything else to the primary', async () => {
    const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL!, 'zhizhi_replica');
    // no streaming replica here: the "replica" is the same database under another application_name
    const replica = new URL(scratch.url);
    replica.searchParams.set('application_name', 'zhizhi-replica');
    const db = await openPostgres(scratch.url, 2, { replicaUrl: replica.toString() });
    try {
      const name = async (tx: Pick<Db, 'query'>) => (await tx.query<{ n: string }>(`select current_setting('application_name') as n`)).rows[0]!.n;
      expect(await name(db.reader)).toBe('zhizhi-replica');
      expect(await name(db)).not.toBe('zhizhi-replica');
      expect(await db.transaction((tx) => name(tx))).not.toBe('zhizhi-replica');
    } finally {
      await db.close();
      await scratch.drop();
    }
  });

  it('reads from the database itself without a replica', async () => {
    const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL!, 'zhizhi_replica');
    const db = await openPostgres(scratch.url, 2);
    try {
      expect(db.reader).toBe(db.reader);
      expect((await db.reader.query<{ n: number }>('select 1 as n')).rows[0]!.n).toBe(1);
    } finally {
      await db.close();
      await scratch.drop();
    }
  });
});
