// Case intake through the whole path — HTTP validation, auth, locate, route, number, insert case and event, publish —
// in reports per second on PostgreSQL, against a bare single-row insert into the same database in the same run.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgres, type Db } from '../src/server/platform/db/db.ts';
import { migrate } from '../src/server/platform/db/migrate.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { buildApp, type App } from '../src/server/platform/app.ts';
import { seedDemo, DEMO_PASSWORD } from '../src/server/platform/seed/seed-demo.ts';
import { fmt, rng, type BenchContext } from './harness.ts';

export const name = 'intake';
export const description = 'case reports through the whole intake path vs a bare insert, on PostgreSQL (BENCH_DATABASE_URL)';

const CONCURRENCY = 8;

/** Runs `total` calls of `fn`, `CONCURRENCY` at a time, as clients on several connections would. */
async function inParallel(total: number, fn: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < total) await fn(next++);
  }));
}

async function withDatabase(server: string, fn: (db: Db) => Promise<void>): Promise<void> {
  const name = `zhizhi_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), CONCURRENCY + 2);
  try {
    await fn(db);
  } finally {
    await db.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

export async function run(ctx: BenchContext): Promise<void> {
  const server = ctx.env.BENCH_DATABASE_URL;
  if (!server) {
    ctx.skip('intake on PostgreSQL', 'set BENCH_DATABASE_URL=postgres://user:pass@host/db (a role that may create databases)');
    return;
  }
  await withDatabase(server, async (db) => {
    await migrate(db);
    await seedDemo(db);
    const app: App = await buildApp({ db, config: { ...loadConfig({ DATA_DIR: '/tmp/zhizhi-bench' }), webDist: '/nonexistent' } });
    await app.ready();
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'gridworker', password: DEMO_PASSWORD } });
    const token = login.json().token as string;
    // points spread over the urban town's grids, so locate and routing do real work
    const grids = (await db.query<{ geometry: { coordinates: number[][][] } }>(
      `select geometry from org_units where level = 'grid' and code like '500199001%'`)).rows;
    const random = rng(7);
    const categories = ['C0101', 'E0101', 'E0401', 'E0301', 'C0201', 'E0404'];
    const point = () => {
      const ring = grids[Math.floor(random() * grids.length)]!.geometry.coordinates[0]!;
      const [a, b, c] = [ring[0]!, ring[1]!, ring[2]!];
      const u = 0.2 + random() * 0.6, v = 0.2 + random() * 0.6;
      return { lng: a[0]! + (b[0]! - a[0]!) * u + (c[0]! - b[0]!) * v * 0.5, lat: a[1]! + (c[1]! - b[1]!) * v + (b[1]! - a[1]!) * u * 0.5 };
    };
    const total = Math.max(100, Math.round(1500 * ctx.scale));
    ctx.log(`${fmt(total)} reports a round, ${CONCURRENCY} in flight, pool of ${CONCURRENCY + 2} connections; ${grids.length} grids`);

    await db.exec('create table bench_bare (id bigint generated always as identity primary key, body text not null, created_at timestamptz not null default now())');
    await ctx.measure('bare single-row insert', { ops: total, unit: 'inserts', rounds: 3 }, () =>
      inParallel(total, (i) => db.query('insert into bench_bare (body) values ($1)', [`report ${i}`])));

    let failures = 0;
    await ctx.measure('case intake (POST /api/cases)', { ops: total, unit: 'reports', rounds: 3, vs: 'bare single-row insert' }, () =>
      inParallel(total, async (i) => {
        const res = await app.inject({
          method: 'POST', url: '/api/cases', headers: { authorization: `Bearer ${token}` },
          payload: { categoryCode: categories[i % categories.length], description: `压测上报 ${i}`, location: point() },
        });
        if (res.statusCode !== 201) failures++;
      }));
    ctx.compare('intake ÷ bare insert', 'case intake (POST /api/cases)', 'bare single-row insert', { target: 0.5 });
    ctx.check('every report accepted', failures === 0, `${failures} reports were not 201`);
    await app.close();
  });
}
