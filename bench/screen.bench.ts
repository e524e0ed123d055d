// 一屏统揽 (issue 17): the command screen's first paint, GET /api/screen/summary, at scale — p95 over sequential calls
// (one screen asking at a time, as a wall and a few phones do), for the town (the leader) and the whole district (the
// admin), against the plain open-cases list (GET /api/cases) timed the same way in the same run. Target: p95 < 300 ms.
// Data: the demo district plus, set-based (INSERT … SELECT generate_series), a year of cases over its grids — most closed,
// thousands open in 春晖路街道 — and standing alarms of devices in its grids.
// Scale knob: BENCH_SCREEN_SCALE (default 1: 6,000 open cases in the town, 120,000 cases in the district), × 0.1 with
// --quick. Needs BENCH_DATABASE_URL (or TEST_DATABASE_URL): a role that may create databases.
import { createScratchDatabase } from '../test/support/scratch-database.ts';
import { openPostgres, type Db } from '../src/server/platform/db/db.ts';
import { migrate } from '../src/server/platform/db/migrate.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { buildApp, type App } from '../src/server/app.ts';
import { seedDemo, DEMO_PASSWORD } from '../src/server/platform/seed/seed-demo.ts';
import { SCREEN_WINDOWS } from '../src/shared/screen.ts';
import { fmt, type BenchContext } from './harness.ts';

export const name = 'screen';
export const description = 'command screen summary p95 at town and district scale vs the open-cases list, on PostgreSQL (BENCH_DATABASE_URL)';

const TARGET_P95_MS = 300;

async function withDatabase(server: string, fn: (db: Db) => Promise<void>): Promise<void> {
  const scratch = await createScratchDatabase(server, 'zhizhi_bench');
  const db = await openPostgres(scratch.url, 10);
  try {
    await fn(db);
  } finally {
    await db.close();
    await scratch.drop();
  }
}

/** A year of cases over the district's grids; `openInTown` of them open in 春晖路街道, the rest closed. */
export async function fillCases(db: Db, total: number, openInTown: number, now: Date): Promise<void> {
  await db.query(
    `with g as (select array_agg(u.id order by u.id) as ids, array_agg(u.path order by u.id) as paths,
                       array_agg(t.id order by u.id) as towns, array_agg(u.code order by u.id) as codes
                  from org_units u join org_units t on t.level = 'town' and u.path like t.path || '%'
                 where u.level = 'grid'),
          ug as (select array_agg(u.id order by u.id) as ids, array_agg(u.path order by u.id) as paths, min(t.id) as town
                   from org_units u join org_units t on t.level = 'town' and t.code = '500199001000' and u.path like t.path || '%'
                  where u.level = 'grid'),
          m as (select id, code, tier from matters where code = 'C0101' and current order by town_id limit 1),
          rows as (
            select i,
                   case when i <= $2 then ug.ids[1 + i % array_length(ug.ids, 1)] else g.ids[1 + i % array_length(g.ids, 1)] end as grid_id,
                   case when i <= $2 then ug.paths[1 + i % array_length(ug.ids, 1)] else g.paths[1 + i % array_length(g.ids, 1)] end as org_path,
                   case when i <= $2 then ug.town else g.towns[1 + i % array_length(g.ids, 1)] end as town_id,
                   $3::timestamptz - ((i * 7919) % (365 * 24 * 60)) * interval '1 minute' as created_at
              from generate_series(1, $1::int) i, g, ug)
     insert into cases (number, status, town_id, grid_id, org_path, matter_id, category_code, tier, description, lng, lat, address,
                        source, reporter_kind, clocks, created_at, updated_at, closed_at)
     select 'BENCH' || lpad(r.i::text, 9, '0'), case when r.i <= $2 then (array['reported','accepted','dispatched','in_progress'])[1 + r.i % 4] else 'closed' end,
            r.town_id, r.grid_id, r.org_path, m.id, m.code, m.tier, '压测案件', 106.55 + (r.i % 100) * 0.0001, 29.56 + (r.i % 97) * 0.0001, '压测路' || r.i || '号',
            'gridWorker', 'gridWorker',
            jsonb_build_object('handle', jsonb_build_object('light', (array['green','green','yellow','red'])[1 + r.i % 4],
              'startedAt', (extract(epoch from r.created_at) * 1000)::bigint, 'due', (extract(epoch from r.created_at + interval '3 days') * 1000)::bigint,
              'suspendedMs', 0, 'pausedAt', null,
              'stoppedAt', case when r.i <= $2 then null else (extract(epoch from r.created_at + interval '2 hours') * 1000)::bigint end)),
            r.created_at, r.created_at + interval '2 hours', case when r.i <= $2 then null else r.created_at + interval '2 hours' end
       from rows r, m`,
    [total, openInTown, now]);
  await db.query('analyze cases');
}

/** `n` devices over the town's grids, each with one standing alarm. */
export async function fillAlarms(db: Db, n: number, now: Date): Promise<void> {
  await db.query(
    `with ug as (select array_agg(u.id order by u.id) as ids, array_agg(u.path order by u.id) as paths, min(t.id) as town
                   from org_units u join org_units t on t.level = 'town' and t.code = '500199001000' and u.path like t.path || '%'
                  where u.level = 'grid')
     insert into devices (id, town_id, grid_id, org_path, device_type, profile_id, name, binding_kind, binding_id, lng, lat, token_hash, created_at, updated_at)
     select 'bench-dev-' || i, ug.town, ug.ids[1 + i % array_length(ug.ids, 1)], ug.paths[1 + i % array_length(ug.ids, 1)], 'doorMagnet',
            'platform-door-magnet', '压测门磁' || i, 'place', 'bench-place-' || i, 106.55, 29.56, 'x', $2, $2
       from generate_series(1, $1::int) i, ug`,
    [n, now]);
  await db.query(
    `insert into alarms (device_id, town_id, grid_id, org_path, alarm_type, category, rule_id, level, matter_code, raised_at, dispatched_at)
     select d.id, d.town_id, d.grid_id, d.org_path, 'inactivity', 'care', 'no-door', 'red', 'S0101', $1::timestamptz - (row_number() over (order by d.id)) * interval '1 minute', $1
       from devices d where d.id like 'bench-dev-%'`,
    [now]);
  await db.query('analyze alarms');
  await db.query('analyze devices');
}

async function timeCalls(app: App, url: string, token: string, n: number, warmup = 5): Promise<{ samples: number[]; failures: number; bytes: number }> {
  let failures = 0;
  let bytes = 0;
  const samples: number[] = [];
  for (let i = -warmup; i < n; i++) {
    const t0 = process.hrtime.bigint();
    const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (i < 0) continue;
    if (res.statusCode !== 200) failures++;
    bytes = res.body.length;
    samples.push(ms);
  }
  return { samples, failures, bytes };
}

export async function run(ctx: BenchContext): Promise<void> {
  const server = ctx.env.BENCH_DATABASE_URL ?? ctx.env.TEST_DATABASE_URL;
  if (!server) {
    ctx.skip('screen summary on PostgreSQL', 'set BENCH_DATABASE_URL=postgres://user:pass@host/db (a role that may create databases)');
    return;
  }
  const scale = Number(ctx.env.BENCH_SCREEN_SCALE ?? 1) * ctx.scale;
  const total = Math.max(2_000, Math.round(120_000 * scale));
  const openInTown = Math.max(600, Math.round(6_000 * scale));
  const alarms = Math.max(50, Math.round(400 * scale));
  const calls = Math.max(30, Math.round(120 * Math.min(1, scale * 2)));
  await withDatabase(server, async (db) => {
    await migrate(db);
    await seedDemo(db);
    const now = new Date();
    // the app first: it puts the platform's device profiles in
    const app: App = await buildApp({ db, config: { ...loadConfig({ DATA_DIR: '/tmp/zhizhi-bench' }), webDist: '/nonexistent' }, clock: () => now });
    await app.ready();
    const t0 = Date.now();
    await fillCases(db, total, openInTown, now);
    await fillAlarms(db, alarms, now);
    const grids = (await db.query<{ n: number }>(`select count(*)::int as n from org_units where level = 'grid'`)).rows[0]!.n;
    ctx.log(`${fmt(total)} cases over ${grids} grids (${fmt(openInTown)} open in 春晖路街道), ${fmt(alarms)} standing alarms; filled in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${calls} calls each, one at a time`);

    const login = async (username: string) =>
      (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } })).json().token as string;
    const leader = await login('leader');
    const admin = await login('admin');
    const district = (await db.query<{ id: string }>(`select id from org_units where code = '500199000000'`)).rows[0]!.id;

    const base = await timeCalls(app, '/api/cases?limit=50&status=reported&status=accepted&status=dispatched&status=in_progress', leader, calls);
    ctx.latency('open-cases list, 50 (GET /api/cases), town', base.samples);
    const town = await timeCalls(app, '/api/screen/summary', leader, calls);
    ctx.latency('screen summary, town (leader)', town.samples, { vs: 'open-cases list, 50 (GET /api/cases), town', targetP95Ms: TARGET_P95_MS });
    const wide = await timeCalls(app, `/api/screen/summary?orgUnitId=${district}`, admin, calls);
    ctx.latency('screen summary, district (admin)', wide.samples, { vs: 'open-cases list, 50 (GET /api/cases), town', targetP95Ms: TARGET_P95_MS });
    const tiles = await timeCalls(app, `/api/screen/children?orgUnitId=${district}`, admin, calls);
    ctx.latency('screen drill-down tiles, district (admin)', tiles.samples, { targetP95Ms: TARGET_P95_MS });
    ctx.log(`answer sizes: town summary ${fmt(town.bytes / 1024, 1)} KiB, district summary ${fmt(wide.bytes / 1024, 1)} KiB`);

    const s = (await app.inject({ method: 'GET', url: '/api/screen/summary', headers: { authorization: `Bearer ${leader}` } })).json();
    ctx.check('every call answered 200', base.failures + town.failures + wide.failures + tiles.failures === 0,
      `${base.failures + town.failures + wide.failures + tiles.failures} failures`);
    ctx.check('the windows hold', s.liveCases.length === Math.min(SCREEN_WINDOWS.liveCases, openInTown) && s.alarms.length === Math.min(SCREEN_WINDOWS.alarms, alarms),
      `${s.liveCases.length} live cases, ${s.alarms.length} alarms`);
    const openCounted = s.children.reduce((n: number, k: { openCases: number }) => n + k.openCases, 0);
    ctx.check('children count every open case of the town', openCounted >= openInTown, `${fmt(openCounted)} counted, ${fmt(openInTown)} made`);
    await app.close();
  });
}
