// Case intake through the whole path — HTTP validation, auth, locate, route, number, insert case and event, publish —
// in reports per second on PostgreSQL, against a bare single-row insert into the same database in the same run.
import { createScratchDatabase } from '../test/support/scratch-database.ts';
import { openPostgres, type Db } from '../src/server/platform/db/db.ts';
import { migrate } from '../src/server/platform/db/migrate.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { buildApp, type App } from '../src/server/app.ts';
import { seedDemo, DEMO_PASSWORD } from '../src/server/platform/seed/seed-demo.ts';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { reportCase } from '../src/server/cases/report-case.ts';
import { ReportBody } from '../src/server/cases/schemas.ts';
import { fmt, rng, type BenchContext } from './harness.ts';

export const name = 'intake';
export const description = 'case reports through the whole intake path vs a bare insert, on PostgreSQL (BENCH_DATABASE_URL)';

const CONCURRENCY = 8;

/** Runs `total` calls of `fn`, `concurrency` at a time, as clients on several connections would. */
async function inParallel(total: number, fn: (i: number) => Promise<unknown>, concurrency = CONCURRENCY): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < total) await fn(next++);
  }));
}

async function withDatabase(server: string, fn: (db: Db) => Promise<void>): Promise<void> {
  const scratch = await createScratchDatabase(server, 'zhizhi_bench');
  const db = await openPostgres(scratch.url, CONCURRENCY + 2);
  try {
    await fn(db);
  } finally {
    await db.close();
    await scratch.drop();
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
    const gridworkerId = login.json().user.id as string;
    // points spread over the urban town's grids, so locate and routing do real work
    const grids = (await db.query<{ geometry: { coordinates: number[][][] } }>(
      `select geometry from org_units where level = 'grid' and code like '500199001%'`)).rows;
    const random = rng(7);
    const categories = ['C0101', 'E0101', 'E0401', 'E0301', 'C0201', 'E0404'];
    // a random convex combination of a cell's four corners: inside the cell (the seeded cells are convex)
    const point = () => {
      const ring = grids[Math.floor(random() * grids.length)]!.geometry.coordinates[0]!.slice(0, 4);
      const w = ring.map(() => 0.1 + random());
      const sum = w.reduce((a, b) => a + b, 0);
      return {
        lng: ring.reduce((acc, p, k) => acc + p[0]! * w[k]!, 0) / sum,
        lat: ring.reduce((acc, p, k) => acc + p[1]! * w[k]!, 0) / sum,
      };
    };
    const total = Math.max(100, Math.round(1500 * ctx.scale));
    ctx.log(`${fmt(total)} reports a round, ${CONCURRENCY} in flight, pool of ${CONCURRENCY + 2} connections; ${grids.length} grids`);

    await db.exec('create table bench_bare (id bigint generated always as identity primary key, body text not null, created_at timestamptz not null default now())');
    await ctx.measure('bare single-row insert', { ops: total, unit: 'inserts', rounds: 3 }, () =>
      inParallel(total, (i) => db.query('insert into bench_bare (body) values ($1)', [`report ${i}`])));

    // the use case itself — validate, locate, route, number, insert case and event, publish — without HTTP and auth
    const checkBody = TypeCompiler.Compile(ReportBody);
    let refused = 0;
    await ctx.measure('case intake command (validate → publish)', { ops: total, unit: 'reports', rounds: 3, vs: 'bare single-row insert' }, () =>
      inParallel(total, async (i) => {
        const body = { categoryCode: categories[i % categories.length]!, description: `压测上报 ${i}`, location: point() };
        if (!checkBody.Check(body)) { refused++; return; }
        await reportCase(db, app, {
          ...body, source: 'gridWorker', reporter: { kind: 'gridWorker', accountId: gridworkerId, name: '李网格', phone: null }, actorName: '李网格', idempotencyKey: null,
        }, new Date());
      }));
    ctx.compare('intake command ÷ bare insert', 'case intake command (validate → publish)', 'bare single-row insert', { target: 0.5 });
    ctx.check('every command report valid', refused === 0, `${refused} bodies refused`);

    // one report at a time: bound by the round trips and commits of one report (its latency), not by the CPU of the machine
    const alone = Math.max(50, Math.round(total / 5));
    await ctx.measure('case intake command, 1 in flight', { ops: alone, unit: 'reports', rounds: 3 }, () =>
      inParallel(alone, async (i) => {
        await reportCase(db, app, {
          categoryCode: categories[i % categories.length]!, description: `压测上报 ${i}`, location: point(), source: 'gridWorker',
          reporter: { kind: 'gridWorker', accountId: gridworkerId, name: '李网格', phone: null }, actorName: '李网格', idempotencyKey: null,
        }, new Date());
      }, 1));

    let failures = 0;
    await ctx.measure('case intake (POST /api/cases)', { ops: total, unit: 'reports', rounds: 3, vs: 'bare single-row insert' }, () =>
      inParallel(total, async (i) => {
        const res = await app.inject({
          method: 'POST', url: '/api/cases', headers: { authorization: `Bearer ${token}` },
          payload: { categoryCode: categories[i % categories.length], description: `压测上报 ${i}`, location: point() },
        });
        if (res.statusCode !== 201) failures++;
      }));
    ctx.compare('HTTP intake ÷ bare insert', 'case intake (POST /api/cases)', 'bare single-row insert');
    ctx.check('every report accepted', failures === 0, `${failures} reports were not 201`);
    await app.close();
  });
}
