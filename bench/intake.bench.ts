// Case intake on PostgreSQL (BENCH_DATABASE_URL), each figure a ratio to a baseline of the same run (issue 18):
// - the intake command (validate, locate, route, number, write case + event, publish) against the same rows (case,
//   event) written by plain SQL in one transaction, 8 in flight: target ≥ ×0.5;
// - 8 reports in flight against 1 for ONE town: target ≥ ×3 (numbering must not serialise a town);
// - the numbering patterns alone in plain SQL: the day's counter taken inside the case's transaction (the old way: the
//   row stays locked through the commit's WAL flush) and taken first in a short transaction of its own (the way intake
//   takes it now, docs/operations.md "Case numbering");
// - POST /api/cases over HTTP to real server processes (node src/server/main.ts, JOBS=off, SERVICES=off), 2 API nodes
//   against 1, the same client load (keep-alive connections).
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createScratchDatabase } from '../test/support/scratch-database.ts';
import { ROOT, freePort, spawnNode, type Child } from '../test/faults/harness.ts';
import { openPostgres, type Db } from '../src/server/platform/db/db.ts';
import { migrate } from '../src/server/platform/db/migrate.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { buildApp, type App } from '../src/server/app.ts';
import { seedDemo, DEMO_PASSWORD } from '../src/server/platform/seed/seed-demo.ts';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { reportCase } from '../src/server/cases/report-case.ts';
import { ReportBody } from '../src/server/cases/schemas.ts';
import { caseNumberDay } from '../src/domain/cases/case-number.ts';
import { fmt, rng, type BenchContext } from './harness.ts';

export const name = 'intake';
export const description = 'case reports: the intake command vs plain SQL, 8 vs 1 in flight for one town, 2 API nodes vs 1, on PostgreSQL (BENCH_DATABASE_URL)';

const CONCURRENCY = 8;
/** HTTP clients in flight against the nodes (the same for 1 and 2 nodes) */
const HTTP_CONCURRENCY = 16;

/** Runs `total` calls of `fn`, `concurrency` at a time, as clients on several connections would. */
async function inParallel(total: number, fn: (i: number) => Promise<unknown>, concurrency = CONCURRENCY): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < total) await fn(next++);
  }));
}

async function withDatabase(server: string, fn: (db: Db, url: string) => Promise<void>): Promise<void> {
  const scratch = await createScratchDatabase(server, 'zhizhi_bench');
  const db = await openPostgres(scratch.url, CONCURRENCY + 2);
  try {
    await fn(db, scratch.url);
  } finally {
    await db.close();
    await scratch.drop();
  }
}

/** `n` API nodes (the real server) on free loopback ports, on one database, background jobs and services elsewhere. */
async function startNodes(databaseUrl: string, n: number): Promise<{ bases: string[]; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zhizhi-bench-nodes-'));
  const children: Child[] = [];
  const bases: string[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const port = await freePort();
      const child = spawnNode(path.join(ROOT, 'src/server/main.ts'), {
        DATABASE_URL: databaseUrl, DATA_DIR: path.join(dataDir, `node${i}`), FILES_DIR: path.join(dataDir, 'files'), PORT: String(port),
        HOST: '127.0.0.1', JOBS: 'off', SERVICES: 'off', DEMO_HISTORY: 'off', DEMO_LIVE: 'off', WEB_DIST: '/nonexistent',
        DATABASE_POOL_SIZE: String(CONCURRENCY + 2),
      });
      children.push(child);
      await child.waitFor('is running at', 180_000);
      bases.push(`http://127.0.0.1:${port}`);
    }
  } catch (err) {
    await Promise.all(children.map((c) => c.kill()));
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    bases,
    async stop() {
      await Promise.all(children.map((c) => c.stop(10_000)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function run(ctx: BenchContext): Promise<void> {
  const server = ctx.env.BENCH_DATABASE_URL;
  if (!server) {
    ctx.skip('intake on PostgreSQL', 'set BENCH_DATABASE_URL=postgres://user:pass@host/db (a role that may create databases)');
    return;
  }
  await withDatabase(server, async (db, databaseUrl) => {
    await migrate(db);
    await seedDemo(db);
    const app: App = await buildApp({ db, config: { ...loadConfig({ DATA_DIR: '/tmp/zhizhi-bench' }), webDist: '/nonexistent' } });
    await app.ready();
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'gridworker', password: DEMO_PASSWORD } });
    const token = login.json().token as string;
    const gridworkerId = login.json().user.id as string;
    // points spread over ONE town's grids (the urban town), so locate and routing do real work and every report takes
    // a number from the same counter
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
    ctx.log(`${fmt(total)} reports a round, ${CONCURRENCY} in flight, pool of ${CONCURRENCY + 2} connections; ${grids.length} grids of one town`);
    const command = (i: number) => reportCase(db, app, {
      categoryCode: categories[i % categories.length]!, description: `压测上报 ${i}`, location: point(), source: 'gridWorker',
      reporter: { kind: 'gridWorker', accountId: gridworkerId, name: '李网格', phone: null }, actorName: '李网格', idempotencyKey: null,
    }, new Date());

    // the rows one report writes, from a real one: plain SQL writes the same columns with a new id and number
    const template = (await db.query<Record<string, unknown>>('select * from cases where id = $1', [(await command(0)).caseId])).rows[0]!;
    const event = (await db.query<Record<string, unknown>>('select * from case_events where case_id = $1', [template.id])).rows[0]!;
    const caseColumns = ['id', 'number', 'status', 'town_id', 'grid_id', 'org_path', 'matter_id', 'category_code', 'tier', 'description', 'lng', 'lat',
      'address', 'source', 'reporter_kind', 'reporter_account_id', 'reporter_name', 'reporter_phone', 'reporter_phone_hash', 'assignee', 'routed_assignee',
      'clocks', 'next_check_at', 'duplicate_of', 'idempotency_key', 'created_at', 'updated_at', 'thing_id'];
    const eventColumns = ['case_id', 'at', 'action', 'actor_id', 'actor_name', 'from_status', 'to_status', 'reason', 'data', 'case_created_at'];
    const insertCase = `insert into cases (${caseColumns.join(', ')}) values (${caseColumns.map((_, k) => `$${k + 1}`).join(', ')})`;
    const insertEvent = `insert into case_events (${eventColumns.join(', ')}) values (${eventColumns.map((_, k) => `$${k + 1}`).join(', ')})`;
    const json = new Set(['assignee', 'routed_assignee', 'clocks', 'data']);
    const value = (row: Record<string, unknown>, c: string) => (json.has(c) && row[c] !== null ? JSON.stringify(row[c]) : row[c]);
    let plainSeq = 0;
    const plainRows = (tag: string, seq?: number) => {
      const id = `bench-${tag}-${++plainSeq}`;
      const now = new Date();
      const c = { ...template, id, number: `${tag}-${seq ?? plainSeq}`, description: `压测上报 ${plainSeq}`, created_at: now, updated_at: now };
      const e = { ...event, case_id: id, at: now, case_created_at: now };
      return { c: caseColumns.map((k) => value(c, k)), e: eventColumns.map((k) => value(e, k)) };
    };
    const day = caseNumberDay(new Date());

    const plain = await ctx.measure('plain SQL: case + event in one transaction', { ops: total, unit: 'reports', rounds: 3 }, () =>
      inParallel(total, async () => {
        const r = plainRows('plain');
        await db.transaction(async (tx) => {
          await tx.query(insertCase, r.c);
          await tx.query(insertEvent, r.e);
        });
      }));
    // intake's locking pattern alone, in plain SQL, before and after issue 18 (docs/operations.md "Case numbering"):
    // before, the town's counter row taken inside the case's transaction, and NOTIFY in it, both locked until the
    // commit's WAL flush is done (NOTIFY's lock is one for the whole database)
    const counter = `insert into case_number_counters (town_id, day, seq) values ($1, $2, 1)
             on conflict (town_id, day) do update set seq = case_number_counters.seq + 1 returning seq`;
    const notify = `select pg_notify('bench_intake', $1)`;
    await ctx.measure('plain SQL + counter + NOTIFY in one transaction (intake before)', { ops: total, unit: 'reports', rounds: 3, vs: plain.label }, () =>
      inParallel(total, async () => {
        await db.transaction(async (tx) => {
          const seq = (await tx.query<{ seq: number }>(counter, ['bench-old', day])).rows[0]!.seq;
          const r = plainRows('old', seq);
          await tx.query(insertCase, r.c);
          await tx.query(insertEvent, r.e);
          await tx.query(notify, [String(r.c[0])]);
        });
      }));
    // after: the counter first in a short transaction of its own, then case + event + NOTIFY, both committed without
    // waiting for the flush, then one synchronous commit of a WAL message that flushes both (group commit, no lock held)
    await ctx.measure('plain SQL, counter first, async commits + flush (intake after)', { ops: total, unit: 'reports', rounds: 3, vs: plain.label }, () =>
      inParallel(total, async () => {
        const seq = (await db.query<{ seq: number }>(`with s as (${counter}) select seq, set_config('synchronous_commit', 'off', true) from s`,
          ['bench-new', day])).rows[0]!.seq;
        const r = plainRows('new', seq);
        await db.transaction(async (tx) => {
          await tx.query(`select set_config('synchronous_commit', 'off', true)`);
          await tx.query(insertCase, r.c);
          await tx.query(insertEvent, r.e);
          await tx.query(notify, [String(r.c[0])]);
        });
        await db.query(`select pg_logical_emit_message(true, 'zhizhi.durable', '')`);
      }));

    await db.exec('create table bench_bare (id bigint generated always as identity primary key, body text not null, created_at timestamptz not null default now())');
    await ctx.measure('bare single-row insert', { ops: total, unit: 'inserts', rounds: 3 }, () =>
      inParallel(total, (i) => db.query('insert into bench_bare (body) values ($1)', [`report ${i}`])));

    // the use case itself — validate, locate, route, number, insert case and event, publish — without HTTP and auth
    const checkBody = TypeCompiler.Compile(ReportBody);
    let refused = 0;
    const eight = await ctx.measure('case intake command, 8 in flight (one town)', { ops: total, unit: 'reports', rounds: 3, vs: plain.label }, () =>
      inParallel(total, async (i) => {
        const body = { categoryCode: categories[i % categories.length]!, description: `压测上报 ${i}`, location: point() };
        if (!checkBody.Check(body)) { refused++; return; }
        await command(i);
      }));
    ctx.compare('intake command ÷ plain SQL (case + event), 8 in flight', eight.label, plain.label, { target: 0.5 });
    ctx.check('every command report valid', refused === 0, `${refused} bodies refused`);

    // one report at a time: bound by the round trips and commits of one report (its latency), not by the CPU
    const alone = Math.max(50, Math.round(total / 5));
    const one = await ctx.measure('case intake command, 1 in flight (one town)', { ops: alone, unit: 'reports', rounds: 3 }, () =>
      inParallel(alone, command, 1));
    ctx.compare('8 in flight ÷ 1 in flight, one town', eight.label, one.label, { target: 3 });

    let failures = 0;
    await ctx.measure('case intake (POST /api/cases, in process)', { ops: total, unit: 'reports', rounds: 3, vs: plain.label }, () =>
      inParallel(total, async (i) => {
        const res = await app.inject({
          method: 'POST', url: '/api/cases', headers: { authorization: `Bearer ${token}` },
          payload: { categoryCode: categories[i % categories.length], description: `压测上报 ${i}`, location: point() },
        });
        if (res.statusCode !== 201) failures++;
      }));
    ctx.check('every report accepted', failures === 0, `${failures} reports were not 201`);
    await app.close();

    // the day's numbers of the town: one each, none given twice, none skipped (nothing was refused)
    const numbers = (await db.query<{ n: number; distinct_n: number; top: number }>(
      `select count(*)::int as n, count(distinct number)::int as distinct_n,
              (select max(seq) from case_number_counters k join org_units t on t.id = k.town_id where t.code = '500199001000' and k.day = $1)::int as top
         from cases where town_id = (select id from org_units where code = '500199001000') and number like '%-' || $1 || '-%'`, [day])).rows[0]!;
    ctx.check('the town\'s numbers of the day unique and without gaps', numbers.n === numbers.distinct_n && numbers.n === numbers.top,
      `${fmt(numbers.n)} cases, ${fmt(numbers.distinct_n)} distinct numbers, counter at ${fmt(numbers.top)}`);

    await httpNodes(ctx, databaseUrl, token, total, categories, point);
  });
}

/** POST /api/cases over HTTP (keep-alive, an Idempotency-Key each, as the apps send) to 1 node, then to 2 nodes. */
async function httpNodes(
  ctx: BenchContext, databaseUrl: string, token: string, total: number, categories: string[], point: () => { lng: number; lat: number },
): Promise<void> {
  let failures = 0;
  let key = 0;
  const post = (base: string, i: number) => fetch(`${base}/api/cases`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `bench-http-${process.pid}-${++key}` },
    body: JSON.stringify({ categoryCode: categories[i % categories.length], description: `压测上报 ${i}`, location: point() }),
  }).then(async (res) => {
    await res.arrayBuffer();
    if (res.status !== 201) failures++;
  });
  const labels: string[] = [];
  for (const n of [1, 2]) {
    const nodes = await startNodes(databaseUrl, n);
    try {
      const label = `POST /api/cases over HTTP, ${n} API node${n > 1 ? 's' : ''}, ${HTTP_CONCURRENCY} in flight`;
      await ctx.measure(label, { ops: total, unit: 'reports', rounds: 3, vs: labels[0] }, () =>
        inParallel(total, (i) => post(nodes.bases[i % n]!, i), HTTP_CONCURRENCY));
      labels.push(label);
    } finally {
      await nodes.stop();
    }
  }
  ctx.compare('2 API nodes ÷ 1 (HTTP, one PostgreSQL)', labels[1]!, labels[0]!);
  ctx.check('every HTTP report accepted', failures === 0, `${failures} reports were not 201`);
}
