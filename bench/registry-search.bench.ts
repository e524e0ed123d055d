// Registry search over 1,000,000 residents on PostgreSQL (issue 11: "search p95 over 1,000,000 residents; target < 50 ms").
// The registry's own search (listResidents + countResidents, as GET /api/registry/residents runs them: the page and its
// total side by side) by name, pinyin initials, ID number hash, phone hash and tag, each within a grid worker's grid and
// within a whole town, against a primary-key look-up of one resident in the same run. Needs BENCH_DATABASE_URL (or
// TEST_DATABASE_URL): a role that may create databases.
import { createHash } from 'node:crypto';
import { openPostgres, type Db } from '../src/server/platform/db/db.ts';
import { migrate } from '../src/server/platform/db/migrate.ts';
import { SURNAMES } from '../src/server/cases/demo/texts.ts';
import { spell } from '../src/server/registry/spelling.ts';
import { countResidents, listResidents, type ResidentFilter } from '../src/server/registry/store.ts';
import { pagingOf } from '../src/server/registry/route-helpers.ts';
import type { Reach } from '../src/server/registry/reach.ts';
import { createScratchDatabase } from '../test/support/scratch-database.ts';
import { fmt, rng, type BenchContext } from './harness.ts';

export const name = 'registry-search';
export const description = 'registry search (name, initials, ID number, phone, tag) over 1,000,000 residents on PostgreSQL; target p95 < 50 ms';

/** 10 towns × 10 communities × 10 grids: ~1,000 residents a grid, ~100,000 a town (春晖路街道: 130,000 in 116 grids). */
const TOWNS = 10;
const COMMUNITIES = 10;
const GRIDS = 10;
const PER_HOUSEHOLD = 2.6;
const TARGET_P95_MS = 50;
/** samples of each search: one per sampled resident, but a slow search stops after its budget (at least MIN_SAMPLES) */
const MIN_SAMPLES = 20;
const BUDGET_MS = 15_000;

/** The first characters of given names; a second one follows in 70 % of names (王秀英), else none (王伟). */
const GIVEN_FIRST = [...'秀桂淑玉建国志德明海晓春丽红小文永俊子浩宇梓欣思雨佳一家光正金美素凤翠兰华成世振'];
const GIVEN_SECOND = [...'英兰芬珍华明强军平伟杰涛燕梅霞娟敏静丽萍芳林波辉刚勇龙轩涵怡然宇航豪琪萱彤馨瑶睿博'];

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const idHashOf = (i: number) => sha(`id:${i}`);
const phoneHashOf = (i: number) => sha(`phone:${i}`);

/** The org tree of the bench (towns, communities, grids) and `residents` residents in households, as PostgreSQL makes them. */
export async function load(ctx: Pick<BenchContext, 'log'>, db: Db, residents: number): Promise<void> {
  const now = new Date('2026-11-23T09:00:00+08:00');
  // the org tree: uuid-like ids (paths as long as the real ones), codes of the 统计用区划代码 shape
  await db.exec(`
    insert into org_units (id, parent_id, level, code, name, path)
      values (md5('city')::uuid::text, null, 'city', 'B00000000000', '压测市', '/' || md5('city')::uuid::text || '/');
    insert into org_units (id, parent_id, level, code, name, path)
      select md5('town' || t)::uuid::text, md5('city')::uuid::text, 'town', 'B' || lpad(t::text, 5, '0') || '000000', '压测街道' || t,
             '/' || md5('city')::uuid::text || '/' || md5('town' || t)::uuid::text || '/'
        from generate_series(1, ${TOWNS}) t;
    insert into org_units (id, parent_id, level, code, name, path)
      select md5('com' || t || '-' || c)::uuid::text, md5('town' || t)::uuid::text, 'community', 'B' || lpad(t::text, 5, '0') || lpad(c::text, 6, '0'),
             '社区' || t || '-' || c, u.path || md5('com' || t || '-' || c)::uuid::text || '/'
        from generate_series(1, ${TOWNS}) t cross join generate_series(1, ${COMMUNITIES}) c join org_units u on u.id = md5('town' || t)::uuid::text;
    insert into org_units (id, parent_id, level, code, name, path)
      select md5('grid' || t || '-' || c || '-' || g)::uuid::text, u.id, 'grid', u.code || lpad(g::text, 3, '0'), u.name || '第' || g || '网格',
             u.path || md5('grid' || t || '-' || c || '-' || g)::uuid::text || '/'
        from generate_series(1, ${TOWNS}) t cross join generate_series(1, ${COMMUNITIES}) c cross join generate_series(1, ${GRIDS}) g
        join org_units u on u.id = md5('com' || t || '-' || c)::uuid::text;
    create table bench_grids as
      select (row_number() over (order by g.code) - 1)::int as n, g.id, g.path, t.id as town_id, '春晖路' as street
        from org_units g join org_units t on t.level = 'town' and g.path like t.path || '%' where g.level = 'grid';
  `);
  const grids = TOWNS * COMMUNITIES * GRIDS;
  const households = Math.ceil(residents / PER_HOUSEHOLD);
  let t0 = process.hrtime.bigint();
  await db.query(
    `insert into registry_households (id, town_id, grid_id, org_path, address, residence_kind, created_at, updated_at)
     select 'h' || j, g.town_id, g.id, g.path,
            g.street || (1 + (j / $2) % 300) || '号' || (1 + (j / 7) % 20) || '栋' || (1 + j % 3) || '单元' || (100 * (1 + j % 18) + 1 + j % 4) || '室',
            'registered', $1, $1
       from generate_series(0, $3 - 1) j join bench_grids g on g.n = j % $2`,
    [now, grids, households]);
  const hhMs = Number(process.hrtime.bigint() - t0) / 1e6;

  // residents: loaded without the secondary indexes, which are then built from the migration's own definitions
  const indexes = (await db.query<{ indexname: string; indexdef: string }>(
    `select indexname, indexdef from pg_indexes where tablename = 'registry_residents' and indexname <> 'registry_residents_pkey'`)).rows;
  for (const ix of indexes) await db.exec(`drop index ${ix.indexname}`);
  const surnames = [...SURNAMES];
  const sp = surnames.map((s) => spell(s));
  const ap = GIVEN_FIRST.map((s) => spell(s));
  const bp = GIVEN_SECOND.map((s) => spell(s));
  t0 = process.hrtime.bigint();
  const chunk = 200_000;
  for (let from = 0; from < residents; from += chunk) {
    const to = Math.min(residents, from + chunk);
    await db.query(
      `insert into registry_residents (town_id, grid_id, org_path, household_id, relation, name, name_pinyin, name_initials, id_number,
         id_number_hash, id_number_masked, phone, phone_hash, phone_masked, gender, birth_date, tags, party_member, created_at, updated_at)
       select g.town_id, g.id, g.path, 'h' || x.hh, case when x.i % 3 = 0 then 'head' else 'spouse' end,
              ($4::text[])[x.s] || ($7::text[])[x.a] || coalesce(($10::text[])[x.b], ''),
              ($5::text[])[x.s] || ($8::text[])[x.a] || coalesce(($11::text[])[x.b], ''),
              ($6::text[])[x.s] || ($9::text[])[x.a] || coalesce(($12::text[])[x.b], ''),
              'v1.bench-sealed-id-number', encode(sha256(('id:' || x.i)::bytea), 'hex'), '500***********' || lpad((x.i % 10000)::text, 4, '0'),
              case when x.phone then 'v1.bench-sealed-phone' end, case when x.phone then encode(sha256(('phone:' || x.i)::bytea), 'hex') end,
              case when x.phone then '138****' || lpad((x.i % 10000)::text, 4, '0') end,
              case when x.i % 2 = 0 then 'female' else 'male' end, date '2026-11-23' - (x.age * 365.25 + x.i % 365)::int,
              array_remove(array[
                case when x.age >= 70 and x.r1 < 0.12 then 'elderly_alone' end,
                case when x.age >= 60 and x.r1 >= 0.12 and x.r1 < 0.40 then 'elderly_empty_nest' end,
                case when x.age >= 80 then 'elderly_80plus' end,
                case when x.age < 16 and x.r2 < 0.10 then 'child_left_behind' end,
                case when x.r3 < 0.02 then 'disabled' end,
                case when x.r4 < 0.03 then 'subsistence' end,
                case when x.age >= 40 and x.r5 < 0.015 then 'veteran' end
              ], null),
              x.age >= 18 and x.r5 >= 0.9, $1, $1
         from (select i, (i * 10 / 26) as hh,
                      1 + floor(${surnames.length} * power(random(), 1.6))::int as s,
                      1 + floor(${GIVEN_FIRST.length} * random())::int as a,
                      case when random() < 0.7 then 1 + floor(${GIVEN_SECOND.length} * random())::int end as b,
                      floor(95 * power(random(), 0.85))::int as age, random() < 0.9 as phone,
                      random() as r1, random() as r2, random() as r3, random() as r4, random() as r5
                 from generate_series($2::int, $3::int - 1) i) x
         join bench_grids g on g.n = x.hh % ${grids}`,
      [now, from, to, surnames, sp.map((p) => p.pinyin), sp.map((p) => p.initials), GIVEN_FIRST, ap.map((p) => p.pinyin),
        ap.map((p) => p.initials), GIVEN_SECOND, bp.map((p) => p.pinyin), bp.map((p) => p.initials)]);
    ctx.log(`… ${fmt(to)} residents`);
  }
  const rowsMs = Number(process.hrtime.bigint() - t0) / 1e6;
  t0 = process.hrtime.bigint();
  for (const ix of indexes) await db.exec(ix.indexdef);
  await db.exec('analyze registry_residents; analyze registry_households; analyze org_units');
  const indexMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const size = (await db.query<{ mb: number }>(`select pg_total_relation_size('registry_residents')::float8 / 1048576 as mb`)).rows[0]!.mb;
  ctx.log(
    `loaded ${fmt(households)} households in ${fmt(hhMs / 1000, 1)} s, ${fmt(residents)} residents in ${fmt(rowsMs / 1000, 1)} s ` +
      `(generate_series, FK checks on), their ${indexes.length} secondary indexes rebuilt + ANALYZE in ${fmt(indexMs / 1000, 1)} s; ` +
      `registry_residents ${fmt(size)} MB with indexes`,
  );
}

interface Scope { label: string; reach: Reach }

const reachOf = (scopePath: string, gridIds: string[] | null): Reach => ({
  accountId: 'bench', username: 'bench', name: 'bench', scopePath, gridIds, editor: true, carer: true, idReader: false,
});

/** What one search costs as the route runs it: the page (51 rows for 50) and its total, side by side on the pool. */
async function search(db: Db, reach: Reach, f: ResidentFilter): Promise<number> {
  const paging = pagingOf({});
  const [rows] = await Promise.all([listResidents(db, reach, f, paging), countResidents(db, reach, f)]);
  return rows.length;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export async function run(ctx: BenchContext): Promise<void> {
  const server = ctx.env.BENCH_DATABASE_URL ?? ctx.env.TEST_DATABASE_URL;
  if (!server) {
    ctx.skip('registry search (PostgreSQL)', 'set BENCH_DATABASE_URL=postgres://user:pass@host/db (a role that may create databases)');
    return;
  }
  const residents = Math.max(50_000, Math.round(1_000_000 * ctx.scale));
  const scratch = await createScratchDatabase(server, 'zhizhi_bench');
  const db = await openPostgres(scratch.url, 4);
  try {
    await migrate(db);
    const version = (await db.query<{ v: string }>(`select split_part(version(), ' ', 2) as v`)).rows[0]!.v;
    ctx.log(`PostgreSQL ${version}; ${TOWNS} towns × ${COMMUNITIES} communities × ${GRIDS} grids`);
    await load(ctx, db, residents);

    // the people searched for: residents drawn at random, each looked up in their own grid and their own town
    const random = rng(0x5ea7c4);
    const samples = Math.max(40, Math.round(200 * Math.min(1, ctx.scale * 4)));
    const picks = Array.from({ length: samples }, () => Math.floor(random() * residents));
    const targets = (await db.query<{ i: number; id: string; name: string; name_initials: string; grid_id: string; grid_path: string; town_path: string; phone_hash: string | null }>(
      `select x.i, r.id, r.name, r.name_initials, r.grid_id, r.org_path as grid_path, t.path as town_path, r.phone_hash
         from unnest($1::int[]) with ordinality as x(i, k)
         join registry_residents r on r.id_number_hash = encode(sha256(('id:' || x.i)::bytea), 'hex')
         join org_units t on t.id = r.town_id order by x.k`, [picks])).rows;
    ctx.check('every sampled resident found by its ID number hash', targets.length === picks.length, `${targets.length} of ${picks.length}`);

    const pk: number[] = [];
    for (const x of targets) pk.push(await timed(() => db.query('select * from registry_residents where id = $1', [x.id])));
    ctx.latency('primary-key look-up', pk);

    const scopes = (x: (typeof targets)[number]): Scope[] => [
      { label: 'grid', reach: reachOf(x.grid_path, [x.grid_id]) },
      { label: 'town', reach: reachOf(x.town_path, null) },
    ];
    const queries: { label: string; filter: (x: (typeof targets)[number], k: number) => ResidentFilter }[] = [
      { label: 'name (surname + first given character)', filter: (x) => ({ q: x.name.slice(0, 2) }) },
      { label: 'pinyin initials', filter: (x) => ({ q: x.name_initials }) },
      { label: 'ID number (keyed hash)', filter: (x) => ({ idNumberHash: idHashOf(x.i) }) },
      { label: 'phone (keyed hash)', filter: (x) => ({ phoneHash: x.phone_hash ?? phoneHashOf(x.i) }) },
      { label: 'tag 独居老人', filter: () => ({ tags: ['elderly_alone'] }) },
    ];
    const found = new Map<string, { hits: number; n: number }>();
    for (const scope of ['grid', 'town'] as const) {
      for (const q of queries) {
        const label = `${q.label}, ${scope}`;
        const ms: number[] = [];
        let hits = 0;
        // one untimed round for the plans and the cache, then one timed search per sampled resident
        for (const x of targets.slice(0, 5)) await search(db, scopes(x).find((s) => s.label === scope)!.reach, q.filter(x, 0));
        // a slow search gets fewer samples: at least MIN_SAMPLES, then until its time budget is spent
        const budget = performance.now() + BUDGET_MS;
        for (const [k, x] of targets.entries()) {
          if (k >= MIN_SAMPLES && performance.now() > budget) break;
          const reach = scopes(x).find((s) => s.label === scope)!.reach;
          ms.push(await timed(async () => { hits += (await search(db, reach, q.filter(x, k))) > 0 ? 1 : 0; }));
        }
        found.set(label, { hits, n: ms.length });
        ctx.latency(label, ms, { vs: 'primary-key look-up', targetP95Ms: TARGET_P95_MS });
      }
    }
    const exact = ['ID number (keyed hash)', 'name (surname + first given character)', 'pinyin initials'].flatMap((q) => ['grid', 'town'].map((s) => `${q}, ${s}`));
    const missing = exact.filter((l) => found.get(l)!.hits !== found.get(l)!.n);
    ctx.check('name, initials and ID number searches find each sampled resident\'s match', missing.length === 0,
      missing.length === 0 ? `${exact.length} searches, each for every sampled resident` : missing.map((l) => `${l}: ${found.get(l)!.hits}/${found.get(l)!.n}`).join('; '));

    // why a slow one is slow: the plans of the town-wide searches, for the record
    const x = targets[0]!;
    for (const q of queries) {
      const plan = await explain(db, scopes(x)[1]!.reach, q.filter(x, 0));
      ctx.log(`plan, ${q.label}, town: ${plan}`);
    }
  } finally {
    await db.close();
    await scratch.drop();
  }
}

/** The plan of the page query of a search, on one line: its nodes and the time each took. */
async function explain(db: Db, reach: Reach, f: ResidentFilter): Promise<string> {
  const captured: { sql: string; params: unknown[] }[] = [];
  const spy = { query: async (sql: string, params: unknown[]) => { captured.push({ sql, params }); return { rows: [], rowCount: 0 }; } } as unknown as Db;
  await listResidents(spy, reach, f, pagingOf({}));
  const { sql, params } = captured[0]!;
  const r = await db.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers off, timing on) ${sql}`, params);
  return r.rows.map((row) => row['QUERY PLAN'].trim()).filter((l) => /Scan|Join|Sort|Limit|Execution/.test(l))
    .map((l) => l.replace(/\(cost=[^)]*\)\s*/, '').replace(/->\s*/, '')).join(' | ');
}
