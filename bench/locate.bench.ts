// Point-in-grid lookups: which grid cell holds a point, over a city-sized set of grid polygons.
// The in-memory locator (src/domain/org/locator.ts: Flatbush R-tree + exact point-in-polygon) against a brute-force
// scan, and against PostGIS ST_Contains with a GiST index when BENCH_POSTGIS_URL names a PostGIS database.
import type { Polygon } from 'geojson';
import type pg from 'pg';
import { buildLocator, type LocatableArea } from '../src/domain/org/locator.ts';
import { makeLattice } from '../src/server/platform/seed/lattice.ts';
import { openPostgres } from '../src/server/platform/db/db.ts';
import { consume, fmt, rng, type BenchContext } from './harness.ts';

export const name = 'locate';
export const description = 'point-in-grid lookups on a 260×250 jittered lattice of ~300 m cells (Chongqing)';

const COLS = 260;
const ROWS = 250;
// ~300 m at 29.5°N: 1° of latitude ≈ 110.6 km, 1° of longitude ≈ 96.9 km
const CELL_LAT = 0.3 / 110.6;
const CELL_LNG = 0.3 / 96.9;
const ORIGIN_LNG = 106.5 - (COLS / 2) * CELL_LNG;
const ORIGIN_LAT = 29.5 - (ROWS / 2) * CELL_LAT;

/** Even-odd ray casting, written here so the check does not trust the library it checks. */
function ringContains(ring: readonly (readonly number[])[], x: number, y: number): boolean {
  let inside = false;
  for (let a = 0, b = ring.length - 1; a < ring.length; b = a++) {
    const xa = ring[a]![0]!, ya = ring[a]![1]!, xb = ring[b]![0]!, yb = ring[b]![1]!;
    if (ya > y !== yb > y && x < ((xb - xa) * (y - ya)) / (yb - ya) + xa) inside = !inside;
  }
  return inside;
}

export async function run(ctx: BenchContext): Promise<void> {
  const lattice = makeLattice({
    originLng: ORIGIN_LNG, originLat: ORIGIN_LAT, cols: COLS, rows: ROWS, cellLng: CELL_LNG, cellLat: CELL_LAT, seed: 2024,
  });
  const areas: LocatableArea[] = [];
  for (let j = 0; j < ROWS; j++) for (let i = 0; i < COLS; i++) areas.push({ id: String(areas.length), geometry: lattice.cell(i, j) });
  const rings = areas.map((a) => (a.geometry as Polygon).coordinates[0]!);
  ctx.log(`${fmt(areas.length)} grid polygons (${COLS}×${ROWS} cells of ~300 m around 106.5E 29.5N, ${fmt(COLS * 0.3)}×${fmt(ROWS * 0.3)} km)`);

  // points uniform over the lattice's nominal rectangle; a few fall outside its jittered outer edge and find nothing
  const n = Math.max(10_000, Math.round(1_000_000 * ctx.scale));
  const xs = new Float64Array(n), ys = new Float64Array(n);
  const random = rng(0x5eed);
  for (let k = 0; k < n; k++) {
    xs[k] = ORIGIN_LNG + random() * COLS * CELL_LNG;
    ys[k] = ORIGIN_LAT + random() * ROWS * CELL_LAT;
  }

  await ctx.measure('build locator', { ops: areas.length, unit: 'polygons', rounds: 3 }, () => consume(buildLocator(areas)));
  const locator = buildLocator(areas);

  // brute force over every polygon: the baseline, and the oracle for the correctness check
  const sample = Math.max(100, Math.round(1_000 * ctx.scale));
  const bruteRounds = 4;
  const oracle: number[][] = new Array(sample);
  await ctx.measure('brute-force scan', { ops: sample / bruteRounds, unit: 'lookups', rounds: bruteRounds, warmup: 0 }, (round) => {
    for (let k = (round * sample) / bruteRounds; k < ((round + 1) * sample) / bruteRounds; k++) {
      const hits: number[] = [];
      for (let p = 0; p < rings.length; p++) if (ringContains(rings[p]!, xs[k]!, ys[k]!)) hits.push(p);
      oracle[k] = hits;
    }
  });

  let found = 0;
  await ctx.measure(
    'locator (R-tree + PIP), 1 core',
    { ops: n, unit: 'lookups', rounds: 5, vs: 'brute-force scan', target: 300_000 },
    () => {
      found = 0;
      for (let k = 0; k < n; k++) if (locator.locate(xs[k]!, ys[k]!) !== null) found++;
    },
  );
  ctx.log(`${fmt(n)} deterministic random points, ${fmt((found / n) * 100, 2)}% inside a grid`);

  let wrong = 0, overlaps = 0;
  const misses: string[] = [];
  for (let k = 0; k < sample; k++) {
    const got = locator.locate(xs[k]!, ys[k]!);
    const want = oracle[k]!;
    if (want.length > 1) overlaps++;
    const ok = got === null ? want.length === 0 : want.includes(Number(got));
    if (!ok) {
      wrong++;
      if (misses.length < 3) misses.push(`(${xs[k]}, ${ys[k]}) → ${got}, scan says [${want.join(', ')}]`);
    }
  }
  ctx.check(
    'locator vs brute-force scan',
    wrong === 0 && overlaps === 0,
    `${fmt(sample)} points, ${wrong} wrong, ${overlaps} in more than one polygon${misses.length ? `: ${misses.join('; ')}` : ''}`,
  );

  const url = ctx.env.BENCH_POSTGIS_URL;
  if (!url) {
    ctx.skip('PostGIS ST_Contains', 'set BENCH_POSTGIS_URL=postgres://… (a database with the postgis extension) to compare');
    return;
  }
  await postgis(ctx, url, areas, xs, ys, locator);
}

async function postgis(
  ctx: BenchContext, url: string, areas: LocatableArea[], xs: Float64Array, ys: Float64Array, locator: ReturnType<typeof buildLocator>,
): Promise<void> {
  const db = await openPostgres(url, 1);
  if (!('pool' in db.raw)) throw new Error('expected a PostgreSQL pool');
  // one session for everything: the table is temporary, and the single-point query is a named prepared statement
  const client: pg.PoolClient = await db.raw.pool.connect();
  try {
    const version = await client.query<{ v: string }>(`select postgis_lib_version() || ' on ' || split_part(version(), ' ', 2) as v`).catch(() => {
      throw new Error('BENCH_POSTGIS_URL has no postgis extension (create extension postgis)');
    });
    // JIT compilation costs tens of ms per batched query and pays off only on far bigger scans: keep it out
    await client.query('set jit = off');
    ctx.log(`PostGIS ${version.rows[0]!.v} (jit off for this session)`);
    await client.query('drop table if exists bench_grids');
    await client.query('create temp table bench_grids (id int not null, geom geometry(Polygon, 4326) not null)');
    let t0 = process.hrtime.bigint();
    const chunk = 5_000;
    for (let s = 0; s < areas.length; s += chunk) {
      const rows = areas.slice(s, s + chunk).map((a) => ({ i: Number(a.id), g: a.geometry }));
      await client.query(
        `insert into bench_grids (id, geom)
         select (e->>'i')::int, ST_SetSRID(ST_GeomFromGeoJSON(e->'g'), 4326) from jsonb_array_elements($1::jsonb) e`,
        [JSON.stringify(rows)],
      );
    }
    const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
    t0 = process.hrtime.bigint();
    await client.query('create index on bench_grids using gist (geom)');
    await client.query('analyze bench_grids');
    const indexMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const count = (await client.query<{ n: number }>('select count(*)::int as n from bench_grids')).rows[0]!.n;
    ctx.log(`loaded ${fmt(count)} polygons in ${fmt(loadMs)} ms (jsonb chunks of ${fmt(chunk)}), GiST index + ANALYZE in ${fmt(indexMs)} ms`);

    const single = 'select id from bench_grids where ST_Contains(geom, ST_SetSRID(ST_MakePoint($1, $2), 4326)) limit 1';
    const batch = `select p.i::int as i, g.id from unnest($1::float8[], $2::float8[]) with ordinality as p(x, y, i)
      cross join lateral (select id from bench_grids where ST_Contains(geom, ST_SetSRID(ST_MakePoint(p.x, p.y), 4326)) limit 1) g`;
    const plan = await client.query(`explain (format json) ${single.replace('$1', String(xs[0])).replace('$2', String(ys[0]))}`);
    const planText = JSON.stringify(plan.rows);
    ctx.log(`single-point plan uses the GiST index: ${/Index (Only )?Scan|Bitmap Index Scan/.test(planText) ? 'yes' : `NO (${planText.slice(0, 200)})`}`);

    const n = Math.min(xs.length, Math.max(2_000, Math.round(20_000 * ctx.scale)));
    const viaSingle = new Array<number | null>(n);
    const viaBatch = new Array<number | null>(n).fill(null);

    const one = await ctx.measure('PostGIS prepared, 1 point per query', { ops: n, unit: 'lookups', rounds: 3 }, async (round) => {
      for (let k = 0; k < (round < 0 ? n / 10 : n); k++) {
        const r = await client.query<{ id: number }>({ name: 'bench_locate', text: single, values: [xs[k], ys[k]] });
        viaSingle[k] = r.rows[0]?.id ?? null;
      }
    });
    const size = 1_000;
    const many = await ctx.measure(`PostGIS batched, ${fmt(size)} points per query`, { ops: n, unit: 'lookups', rounds: 3 }, async (round) => {
      for (let s = 0; s < (round < 0 ? n / 10 : n); s += size) {
        const e = Math.min(n, s + size);
        const r = await client.query<{ i: number; id: number }>({
          name: 'bench_locate_batch', text: batch, values: [Array.from(xs.subarray(s, e)), Array.from(ys.subarray(s, e))],
        });
        for (const row of r.rows) viaBatch[s + row.i - 1] = row.id;
      }
    });

    let disagree = 0;
    for (let k = 0; k < n; k++) {
      const mine = locator.locate(xs[k]!, ys[k]!);
      const want = mine === null ? null : Number(mine);
      if (viaSingle[k] !== want || viaBatch[k] !== want) disagree++;
    }
    ctx.check('PostGIS vs locator', disagree === 0, `${fmt(n)} points, ${disagree} answered differently`);

    const best = one.perSecond >= many.perSecond ? one : many;
    ctx.compare('locator / PostGIS (best form)', 'locator (R-tree + PIP), 1 core', best.label, { target: 10 });
  } finally {
    await client.query('drop table if exists bench_grids').catch(() => undefined);
    client.release();
    await db.close();
  }
}
