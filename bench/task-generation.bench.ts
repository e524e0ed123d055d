// Daily task generation for a city (issue 12: "65,000 grids, 1,000,000 tagged residents, 500,000 risk points: time and
// peak memory; target < 5 minutes on one node, memory flat in the number of residents"). The generation itself
// (generateAllTowns, as the task-generation job runs it: every town, grid batch by grid batch, records page by page)
// on PostgreSQL: Monday, the city's first run (every building's check of the month, every grid's sweep of the week),
// then Tuesday, a typical day (the visits and inspections that fall due), against a bare `insert … select` of as many
// task rows into the tasks table in the same run. Memory (RSS and V8 heap sampled every 20 ms, the live heap after a
// full collection once a second) at two registry sizes, half the residents and all of them, on the same grids: flat
// means the second is about the first.
//
// Scale knob: BENCH_TASKS_SCALE (default 1: the issue's city; 0.1 for a quick look on a small machine), times 0.1 with
// --quick. Needs BENCH_DATABASE_URL (or TEST_DATABASE_URL): a role that may create databases. On PGlite it is skipped:
// the embedded engine is one town's store, not a city's.
import { openPostgres, type Db } from '../src/server/platform/db/db.ts';
import { migrate } from '../src/server/platform/db/migrate.ts';
import { generateAllTowns } from '../src/server/tasks/generation-job.ts';
import { generateTasksForTown } from '../src/server/tasks/generate-tasks.ts';
import { listTowns } from '../src/server/tasks/generation-store.ts';
import { loadWorkingCalendar } from '../src/server/calendar/calendar-cache.ts';
import { seedPlatformTags } from '../src/server/registry/tags-store.ts';
import { POPULATION_TAGS } from '../src/domain/registry/tags.ts';
import { createScratchDatabase } from '../test/support/scratch-database.ts';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fmt, type BenchContext } from './harness.ts';

export const name = 'task-generation';
export const description = 'daily task generation over 65,000 grids, 1,000,000 tagged residents, 500,000 risk points on PostgreSQL; target < 5 min, memory flat';

const DAY = '2026-11-24'; // a Tuesday
const NOW = new Date('2026-11-24T00:05:00+08:00');
const MONDAY = new Date('2026-11-23T00:05:00+08:00');
const COMMUNITIES = 10;
const GRIDS_PER_COMMUNITY = 13; // 130 grids a town (春晖路街道: 116)
const TARGET_MS = 5 * 60_000;
const GENERATION = 'generation of a day (Tuesday)';
const BASELINE = 'baseline: one insert … select of as many task rows';

interface Sizes { towns: number; grids: number; residents: number; things: number }

export function sizes(scale: number): Sizes {
  const towns = Math.max(4, Math.round(500 * scale));
  return { towns, grids: towns * COMMUNITIES * GRIDS_PER_COMMUNITY, residents: Math.round(1_000_000 * scale), things: Math.round(500_000 * scale) };
}

const seconds = (ns: bigint) => Number(ns) / 1e9;

/** The org tree, two grid workers (accounts) and a leader slot per grid, 1 % of the workers away today, two buildings a grid. */
export async function loadCity(ctx: Pick<BenchContext, 'log'>, db: Db, s: Sizes): Promise<void> {
  const t0 = process.hrtime.bigint();
  await db.exec(`
    alter table grid_team_members disable trigger user;
    alter table accounts disable trigger user;
    insert into org_units (id, parent_id, level, code, name, path)
      values (md5('city')::uuid::text, null, 'city', 'T0', '压测市', '/' || md5('city')::uuid::text || '/');
    insert into org_units (id, parent_id, level, code, name, path)
      select md5('town' || t)::uuid::text, md5('city')::uuid::text, 'town', 'T' || t, '压测街道' || t, '/' || md5('city')::uuid::text || '/' || md5('town' || t)::uuid::text || '/'
        from generate_series(1, ${s.towns}) t;
    insert into org_units (id, parent_id, level, code, name, path)
      select md5('com' || t || '-' || c)::uuid::text, u.id, 'community', 'T' || t || '-' || c, '社区' || t || '-' || c, u.path || md5('com' || t || '-' || c)::uuid::text || '/'
        from generate_series(1, ${s.towns}) t cross join generate_series(1, ${COMMUNITIES}) c join org_units u on u.id = md5('town' || t)::uuid::text;
    insert into org_units (id, parent_id, level, code, name, path)
      select md5('grid' || t || '-' || c || '-' || g)::uuid::text, u.id, 'grid', u.code || '-' || g, u.name || '第' || g || '网格', u.path || md5('grid' || t || '-' || c || '-' || g)::uuid::text || '/'
        from generate_series(1, ${s.towns}) t cross join generate_series(1, ${COMMUNITIES}) c cross join generate_series(1, ${GRIDS_PER_COMMUNITY}) g
        join org_units u on u.id = md5('com' || t || '-' || c)::uuid::text;
    create table bench_grids as
      select (row_number() over (order by g.code) - 1)::int as n, g.id, g.path, t.id as town_id
        from org_units g join org_units t on t.level = 'town' and g.path like t.path || '%' where g.level = 'grid';
    create unique index on bench_grids (n);
    insert into accounts (id, username, name, kind, roles, scope_org_unit_id, password_hash)
      select md5('acct' || k)::uuid::text, 'bench' || k, '网格员' || k, 'staff', '{gridWorker}', g.id, 'x'
        from generate_series(0, ${s.grids * 2 - 1}) k join bench_grids g on g.n = k / 2;
    insert into grid_team_members (grid_id, account_id, team_role, name, sort)
      select g.id, md5('acct' || k)::uuid::text, 'fullTime', '网格员' || k, k % 2
        from generate_series(0, ${s.grids * 2 - 1}) k join bench_grids g on g.n = k / 2;
    insert into grid_team_members (grid_id, account_id, team_role, name, sort) select id, null, 'gridLeader', '网格长', 9 from bench_grids;
    insert into staff_absences (account_id, from_on, to_on, reason, created_by, created_at)
      select md5('acct' || k)::uuid::text, date '${DAY}' - 1, date '${DAY}' + 3, '年休假', md5('acct' || k)::uuid::text, now()
        from generate_series(0, ${s.grids * 2 - 1}, 100) k;
    insert into registry_buildings (id, town_id, grid_id, org_path, name, lng, lat, units, floors, rooms_per_floor, created_at, updated_at)
      select 'b' || k, g.town_id, g.id, g.path, k || '栋', 106.5 + (k % 1000) * 0.0001, 29.5 + (k / 1000 % 1000) * 0.0001, 2, 6, 4, now(), now()
        from generate_series(0, ${s.grids * 2 - 1}) k join bench_grids g on g.n = k / 2;
    alter table grid_team_members enable trigger user;
    alter table accounts enable trigger user;
  `);
  ctx.log(`org tree: ${fmt(s.towns)} towns × ${COMMUNITIES} communities × ${GRIDS_PER_COMMUNITY} grids = ${fmt(s.grids)} grids, ${fmt(s.grids * 2)} grid workers (1 % away today), ${fmt(s.grids * 2)} buildings in ${seconds(process.hrtime.bigint() - t0).toFixed(1)} s`);
}

/** Risk points with an interval of 7, 30 or 90 days, each last inspected on a day of its last interval (so ~1/interval fall due a day). */
export async function loadThings(ctx: Pick<BenchContext, 'log'>, db: Db, s: Sizes): Promise<void> {
  const t0 = process.hrtime.bigint();
  await db.query(
    `insert into registry_things (town_id, grid_id, org_path, kind, name, lng, lat, risk_level, inspection_every_days, last_inspected_on, created_at, updated_at)
     select g.town_id, g.id, g.path, 'hydrant', '消防栓' || x.k, 106.5 + (x.k % 997) * 0.0001, 29.5 + (x.k % 991) * 0.0001, 'medium', x.f,
            $2::date - 1 - floor(random() * x.f)::int, '2025-01-01T00:00:00+08:00', now()
       from (select k, (array[7, 30, 90])[1 + k % 3] as f from generate_series(0, $1::int - 1) k) x join bench_grids g on g.n = x.k % $3`,
    [s.things, DAY, s.grids]);
  await db.exec('analyze registry_things');
  ctx.log(`${fmt(s.things)} risk points in ${seconds(process.hrtime.bigint() - t0).toFixed(1)} s`);
}

/**
 * Residents `from` … `to` - 1, every one tagged (独居老人 7 days 30 %, 空巢老人 14 days 40 %, 低保 30 days 25 %, 退役军人
 * 90 days 5 %), each last visited on a day of their last interval (2 % never), in households of the grids' buildings.
 */
export async function loadResidents(ctx: Pick<BenchContext, 'log'>, db: Db, s: Sizes, from: number, to: number): Promise<void> {
  const t0 = process.hrtime.bigint();
  const perHousehold = 2.6;
  const hhFrom = Math.floor(from / perHousehold), hhTo = Math.ceil(to / perHousehold);
  await db.query(
    `insert into registry_households (id, town_id, grid_id, org_path, building_id, address, created_at, updated_at)
     select 'h' || j, g.town_id, g.id, g.path, 'b' || (g.n * 2 + (j / $3) % 2), '压测路' || j || '号', now(), now()
       from generate_series($1::int, $2::int - 1) j join bench_grids g on g.n = j % $3
      on conflict (id) do nothing`,
    [hhFrom, hhTo, s.grids]);
  const chunk = 200_000;
  for (let a = from; a < to; a += chunk) {
    const b = Math.min(to, a + chunk);
    await db.query(
      `insert into registry_residents (town_id, grid_id, org_path, household_id, name, id_number, id_number_hash, id_number_masked, gender,
         birth_date, tags, last_visited_on, created_at, updated_at)
       select g.town_id, g.id, g.path, 'h' || x.hh, '居民' || x.i, 'v1.bench', 'id' || x.i, '500***', 'female', date '1940-01-01',
              array[x.tag], case when x.r2 < 0.02 then null else $3::date - 1 - floor(x.r2 * x.f)::int end, '2025-01-01T00:00:00+08:00', now()
         from (select i, floor(i / ${perHousehold})::int as hh, random() as r2,
                      case when r < 0.30 then 'elderly_alone' when r < 0.70 then 'elderly_empty_nest' when r < 0.95 then 'subsistence' else 'veteran' end as tag,
                      case when r < 0.30 then 7 when r < 0.70 then 14 when r < 0.95 then 30 else 90 end as f
                 from (select i, random() as r from generate_series($1::int, $2::int - 1) i) y) x
         join bench_grids g on g.n = x.hh % $4`,
      [a, b, DAY, s.grids]);
  }
  await db.exec('analyze registry_residents; analyze registry_households');
  ctx.log(`residents ${fmt(from)}–${fmt(to)} (${fmt(to - from)}) in ${seconds(process.hrtime.bigint() - t0).toFixed(1)} s`);
}

/** A full garbage collection, so two runs start from the same heap (V8's gc, exposed for this process). */
function collect(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/**
 * Memory while `fn` runs, from a collected heap: peak RSS and V8 heap sampled every 20 ms, and the peak live heap (what
 * a full collection leaves, forced once a second; a raw peak also counts garbage V8 has not collected yet, which
 * grows with the length of the run, not with what the run holds).
 */
async function peakMemory<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; rssMb: number; heapMb: number; liveMb: number }> {
  collect();
  let rss = 0, heap = 0, live = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  sample();
  const sampler = setInterval(sample, 20);
  const collector = setInterval(() => {
    collect();
    live = Math.max(live, process.memoryUsage().heapUsed);
  }, 1000);
  const t0 = process.hrtime.bigint();
  try {
    const value = await fn();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    sample();
    return { value, ms, rssMb: rss / 1048576, heapMb: heap / 1048576, liveMb: live / 1048576 };
  } finally {
    clearInterval(sampler);
    clearInterval(collector);
  }
}

async function taskCount(db: Db): Promise<number> {
  return (await db.query<{ n: number }>('select count(*)::int as n from tasks')).rows[0]!.n;
}

export async function run(ctx: BenchContext): Promise<void> {
  const server = ctx.env.BENCH_DATABASE_URL ?? ctx.env.TEST_DATABASE_URL;
  if (!server) {
    ctx.skip('daily task generation (PostgreSQL)', 'set BENCH_DATABASE_URL=postgres://user:pass@host/db (a role that may create databases); PGlite is one town\'s store, not a city\'s');
    return;
  }
  const knob = Number(ctx.env.BENCH_TASKS_SCALE ?? '1');
  const s = sizes((Number.isFinite(knob) && knob > 0 ? knob : 1) * ctx.scale);
  const half = Math.floor(s.residents / 2);
  const scratch = await createScratchDatabase(server, 'zhizhi_bench');
  const db = await openPostgres(scratch.url, 4);
  try {
    await migrate(db);
    await db.transaction((tx) => seedPlatformTags(tx, POPULATION_TAGS)); // as the registry capability does at start
    const version = (await db.query<{ v: string }>(`select split_part(version(), ' ', 2) as v`)).rows[0]!.v;
    ctx.log(`PostgreSQL ${version}; BENCH_TASKS_SCALE=${ctx.env.BENCH_TASKS_SCALE ?? '1'}${ctx.scale !== 1 ? ` × ${ctx.scale} (--quick)` : ''}; day ${DAY}`);
    await loadCity(ctx, db, s);
    await loadThings(ctx, db, s);
    // residents without their secondary indexes but the one the generation reads (by grid path), rebuilt after the first half
    const indexes = (await db.query<{ indexname: string }>(
      `select indexname from pg_indexes where tablename = 'registry_residents' and indexname <> 'registry_residents_pkey'`)).rows;
    const pathIndex = (await db.query<{ indexdef: string }>(`select indexdef from pg_indexes where indexname = 'registry_residents_path'`)).rows[0]!.indexdef;
    for (const ix of indexes) await db.exec(`drop index ${ix.indexname}`);
    await loadResidents(ctx, db, s, 0, half);
    await db.exec(pathIndex);

    // Monday is the city's first run: every grid's sweep of the week and every building's check of the month, the
    // never-visited residents; Tuesday is a typical day: the visits and inspections that fall due. The same grids with
    // half the residents, then with all of them: time and memory.
    const small = await peakMemory(() => generateAllTowns(db, MONDAY));
    ctx.log(`${fmt(half)} residents, Monday (first run): ${fmt(small.value.created)} tasks in ${fmt(small.ms / 1000, 1)} s; live heap ${fmt(small.liveMb)} MB`);
    const smallDay = await peakMemory(() => generateAllTowns(db, NOW));
    ctx.log(`${fmt(half)} residents, Tuesday: ${fmt(smallDay.value.created)} tasks in ${fmt(smallDay.ms / 1000, 1)} s; peak RSS ${fmt(smallDay.rssMb)} MB, heap ${fmt(smallDay.heapMb)} MB, live heap ${fmt(smallDay.liveMb)} MB`);
    await db.exec('truncate tasks, task_generation_runs cascade');
    await loadResidents(ctx, db, s, half, s.residents);

    const first = await peakMemory(() => generateAllTowns(db, MONDAY));
    ctx.log(`${fmt(s.residents)} residents, Monday (first run): ${fmt(first.value.created)} tasks in ${fmt(first.ms / 1000, 1)} s; peak RSS ${fmt(first.rssMb)} MB, heap ${fmt(first.heapMb)} MB, live heap ${fmt(first.liveMb)} MB`);
    ctx.latency(`the city's first run (every building's check of the month, every grid's sweep of the week)`, [first.ms], { targetP95Ms: TARGET_MS });
    const before = await taskCount(db);
    let full!: Awaited<ReturnType<typeof peakMemory<{ towns: number; created: number }>>>;
    await ctx.measure(GENERATION, { ops: 1, unit: 'day', rounds: 1, warmup: 0 }, async () => {
      full = await peakMemory(() => generateAllTowns(db, NOW));
    });
    const created = full.value.created;
    ctx.log(`${fmt(s.residents)} residents, Tuesday: ${fmt(created)} tasks (${fmt(full.value.towns)} towns) in ${fmt(full.ms / 1000, 1)} s; peak RSS ${fmt(full.rssMb)} MB, heap ${fmt(full.heapMb)} MB, live heap ${fmt(full.liveMb)} MB`);
    const mix = (await db.query<{ kind: string; n: number; unassigned: number }>(
      `select kind, count(*)::int as n, count(*) filter (where assignee_id is null)::int as unassigned from tasks where created_at = $1 group by kind order by kind`, [NOW])).rows;
    ctx.log(`Tuesday's tasks by kind: ${mix.map((m) => `${m.kind} ${fmt(m.n)}${m.unassigned ? ` (${fmt(m.unassigned)} unassigned)` : ''}`).join(', ')}`);
    ctx.check('the tasks table holds what the runs say they made', (await taskCount(db)) === before + created && before === first.value.created, `${fmt(first.value.created)} + ${fmt(created)} made`);
    ctx.latency(`a day's generation, ${fmt(s.grids)} grids, ${fmt(s.residents)} residents, ${fmt(s.things)} risk points`, [full.ms], { targetP95Ms: TARGET_MS });
    ctx.check('memory flat in the number of residents (Tuesday\'s peak live heap at all residents ≤ 1.25 × at half)', full.liveMb <= 1.25 * smallDay.liveMb,
      `live heap ${fmt(smallDay.liveMb)} MB at ${fmt(half)} residents, ${fmt(full.liveMb)} MB at ${fmt(s.residents)}; raw peak heap ${fmt(smallDay.heapMb)} → ${fmt(full.heapMb)} MB, RSS ${fmt(smallDay.rssMb)} → ${fmt(full.rssMb)} MB`);

    // the same day again (a node starting mid-day, a second job tick): every town walked, nothing made
    const calendar = await loadWorkingCalendar(db);
    const towns = await listTowns(db);
    const again = await peakMemory(async () => {
      let n = 0;
      for (const town of towns) n += (await generateTasksForTown(db, town.id, DAY, NOW, { calendar })).created;
      return n;
    });
    ctx.check('a second run of the day makes nothing', again.value === 0 && (await taskCount(db)) === before + created, `${fmt(again.value)} made in ${fmt(again.ms / 1000, 1)} s`);

    // the baseline: as many task rows by one bare insert … select into the tasks table itself (its indexes and foreign
    // keys, no rules, no reads), taken out again afterwards
    await ctx.measure(BASELINE, { ops: 1, unit: 'day', rounds: 1, warmup: 0 }, async () => {
      await db.query(
        `insert into tasks (town_id, grid_id, org_path, kind, duty_code, subject_kind, subject_id, title, detail, assignee_id, assignee_name,
           lng, lat, starts_on, due_on, dedupe_key, created_at, updated_at)
         select g.town_id, g.id, g.path, 'keyVisit', 'D2', 'resident', 'r' || k, '走访 居民' || k, '每7天走访一次；上次走访：2026-11-17',
                md5('acct' || (g.n * 2))::uuid::text, '网格员', 106.5, 29.5, $2::date, $2::date + 2, 'baseline:' || k, $3, $3
           from generate_series(0, $1::int - 1) k join bench_grids g on g.n = k % $4`,
        [created, DAY, NOW, s.grids]);
    });
    await db.query(`delete from tasks where dedupe_key like 'baseline:%'`);
    ctx.compare('generation time ÷ baseline time (same number of task rows)', BASELINE, GENERATION);
  } finally {
    await db.close();
    await scratch.drop();
  }
}
