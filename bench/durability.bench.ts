// What flushing each commit to the disk costs on the embedded store: commits per second of the on-disk PGlite as
// `openPglite` opens it (fsync on, one fsync(2) of the WAL per commit) against PGlite as it ships (fsync off, nothing
// flushed), both on copies of the same seeded data folder, in the same run.
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openPglite, pgliteDb, type Db } from '../src/server/platform/db/db.ts';
import { commitReachesDisk } from '../src/server/platform/db/pglite-fsync.ts';
import { migrate } from '../src/server/platform/db/migrate.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { buildApp, type App } from '../src/server/app.ts';
import { seedDemo, DEMO_PASSWORD } from '../src/server/platform/seed/seed-demo.ts';
import { reportCase } from '../src/server/cases/report-case.ts';
import { DEMO_GRID, gridCentre } from '../test/support/places.ts';
import { fmt, type BenchContext } from './harness.ts';

export const name = 'durability';
export const description = 'commits/s of the on-disk PGlite with each commit fsynced vs as PGlite ships (fsync off)';

interface Store {
  db: Db;
  app: App;
  gridworkerId: string;
  location: { lng: number; lat: number };
}

async function openStore(db: Db, dataDir: string): Promise<Store> {
  const app = await buildApp({ db, config: { ...loadConfig({ DATA_DIR: dataDir }), webDist: '/nonexistent' } });
  await app.ready();
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'gridworker', password: DEMO_PASSWORD } });
  await db.exec('create table if not exists bench_commit (id bigint generated always as identity primary key, body text not null)');
  return { db, app, gridworkerId: login.json().user.id as string, location: await gridCentre(db, DEMO_GRID) };
}

const rawPglite = (s: Store) => (s.db.raw as { pglite: PGlite }).pglite;

const insertOne = (s: Store, i: number) => s.db.transaction((tx) => tx.query('insert into bench_commit (body) values ($1)', [`commit ${i}`]));

const reportOne = (s: Store, i: number) => {
  const input = {
    categoryCode: 'C0101', description: `压测上报 ${i}`, location: s.location, source: 'gridWorker' as const,
    reporter: { kind: 'gridWorker' as const, accountId: s.gridworkerId, name: '李网格', phone: null }, actorName: '李网格', idempotencyKey: null,
  };
  return reportCase(s.db, s.app, input, new Date());
};

/** fsync(2) calls (through node:fs, where PGlite's files are written) per call of `fn` */
async function fsyncsPer(calls: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  const real = fs.fsyncSync;
  let count = 0;
  fs.fsyncSync = (fd) => { count++; real(fd); };
  try {
    for (let i = 0; i < calls; i++) await fn(i);
  } finally {
    fs.fsyncSync = real;
  }
  return count / calls;
}

export async function run(ctx: BenchContext): Promise<void> {
  const base = fs.mkdtempSync(path.join(tmpdir(), 'zhizhi-bench-durability-'));
  const stores: Store[] = [];
  try {
    const onDir = path.join(base, 'on', 'pglite');
    const offDir = path.join(base, 'off', 'pglite');
    fs.mkdirSync(onDir, { recursive: true });
    const seeded = await openPglite(onDir);
    await migrate(seeded);
    await seedDemo(seeded);
    await seeded.close();
    fs.cpSync(onDir, offDir, { recursive: true });

    const on = await openStore(await openPglite(onDir), path.dirname(onDir));
    stores.push(on);
    const off = await openStore(pgliteDb(await PGlite.create({ dataDir: offDir })), path.dirname(offDir));
    stores.push(off);

    const onPerCommit = await fsyncsPer(50, (i) => insertOne(on, i));
    const offPerCommit = await fsyncsPer(50, (i) => insertOne(off, i));
    ctx.log(`fsync(2) calls per insert commit: fsync on ${fmt(onPerCommit, 2)}, fsync off ${fmt(offPerCommit, 2)}`);
    const probes = `${await commitReachesDisk(rawPglite(on))} / ${await commitReachesDisk(rawPglite(off))}`;
    ctx.check('each commit fsynced when on, none when off', onPerCommit >= 1 && offPerCommit === 0 && probes === 'true / false',
      `fsync(2) a commit ${fmt(onPerCommit, 2)} / ${fmt(offPerCommit, 2)}; commitReachesDisk ${probes}`);

    // the floor under every flushed commit, on the same disk at the same moment (other work on the machine moves it)
    const page = Buffer.alloc(8192, 1);
    const fd = fs.openSync(path.join(base, 'fsync-probe'), 'w');
    const syncs = Math.max(20, Math.round(200 * ctx.scale));
    await ctx.measure('bare write of 8 KB + fsync(2)', { ops: syncs, unit: 'fsyncs', rounds: 3 }, () => {
      for (let i = 0; i < syncs; i++) {
        fs.writeSync(fd, page, 0, page.length, (i % 16) * page.length);
        fs.fsyncSync(fd);
      }
    });
    fs.closeSync(fd);

    const inserts = Math.max(50, Math.round(300 * ctx.scale));
    const reports = Math.max(20, Math.round(60 * ctx.scale));
    ctx.log(`${inserts} insert transactions, ${reports} case reports a round, one at a time (PGlite has one connection)`);
    await ctx.measure('insert commit, fsync off (PGlite as shipped)', { ops: inserts, unit: 'commits', rounds: 3 }, async () => {
      for (let i = 0; i < inserts; i++) await insertOne(off, i);
    });
    await ctx.measure('insert commit, fsync on (openPglite)', { ops: inserts, unit: 'commits', rounds: 3, vs: 'insert commit, fsync off (PGlite as shipped)' }, async () => {
      for (let i = 0; i < inserts; i++) await insertOne(on, i);
    });
    await ctx.measure('case report, fsync off (PGlite as shipped)', { ops: reports, unit: 'reports', rounds: 3 }, async () => {
      for (let i = 0; i < reports; i++) await reportOne(off, i);
    });
    await ctx.measure('case report, fsync on (openPglite)', { ops: reports, unit: 'reports', rounds: 3, vs: 'case report, fsync off (PGlite as shipped)' }, async () => {
      for (let i = 0; i < reports; i++) await reportOne(on, i);
    });
    ctx.compare('insert commits: fsync on ÷ off', 'insert commit, fsync on (openPglite)', 'insert commit, fsync off (PGlite as shipped)');
    ctx.compare('case reports: fsync on ÷ off', 'case report, fsync on (openPglite)', 'case report, fsync off (PGlite as shipped)');
  } finally {
    for (const s of stores) {
      await s.app.close();
      await s.db.close();
    }
    fs.rmSync(base, { recursive: true, force: true });
  }
}
