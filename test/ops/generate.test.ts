import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase } from '../support/scratch-database.ts';
import { openPostgres, type Db } from '../../src/server/platform/db/db.ts';
import { loadConfig } from '../../src/server/platform/config.ts';
import { buildApp, type App } from '../../src/server/app.ts';
import { generate, parseCommandLine, UsageError, type GenerateOptions, type GenerateSummary } from '../../bench/generate/main.ts';
import { SCALES, seededRandom } from '../../bench/generate/context.ts';
import { buildUnits } from '../../bench/generate/ground/org-step.ts';
import { rectangleFor } from '../../bench/generate/ground/layout.ts';

/**
 * `npm run generate -- --scale town` into a scratch PostgreSQL database (the ground only: the history and derive steps
 * have their own tests), then the app on it: generated staff sign in, the org tree and locate answer, the registry
 * lists masked residents whose sealed data the app opens with the same key; the same seed gives the same rows.
 */

const server = process.env.TEST_DATABASE_URL;
const NOW = new Date('2026-12-01T09:00:00+08:00');
const PASSWORD = 'generated-7';
// the town scale with a lighter registry, so the whole file stays well under a minute on a loaded machine
const OVERRIDES = { residentsPerGrid: 20 };

function checksumSql(): string {
  return `select md5(string_agg(x, ',' order by x)) as sum from (
            select id as x from org_units union all select id || username || array_to_string(roles, ',') from accounts
            union all select id || a_holder_id || b_holder_id from posts union all select id || coalesce(account_id, '') from grid_team_members
            union all select id || household_id || name || id_number_hash || birth_date::text || array_to_string(tags, ',') from registry_residents
            union all select id || coalesce(head_resident_id, '') || address from registry_households
            union all select id || name || lng::text || lat::text from registry_buildings
            union all select id || name from registry_places union all select id || name from registry_things
            union all select id || binding_id || token_hash from devices union all select id from matters union all select id from departments) t`;
}

describe.skipIf(!server)('npm run generate (PostgreSQL)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zhizhi-generate-'));
  let scratch: { url: string; drop: () => Promise<void> };
  let summary: GenerateSummary;
  let db: Db;
  let app: App;
  const lines: string[] = [];
  const options = (): GenerateOptions => ({
    scale: 'town', overrides: OVERRIDES, seed: 7, now: NOW, databaseUrl: scratch.url, password: PASSWORD, dataDir, laterSteps: [],
    log: (l) => lines.push(l),
  });

  beforeAll(async () => {
    scratch = await createScratchDatabase(server!, 'zhizhi_generate');
    summary = await generate(options());
    db = await openPostgres(scratch.url, 4);
    app = await buildApp({ db, config: { ...loadConfig({ DATA_DIR: dataDir }), webDist: '/nonexistent' }, clock: () => NOW, log: { stream: { write: () => undefined } } });
    await app.ready();
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await db?.close();
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const login = async (username: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
    expect(res.statusCode, `${username}: ${res.body}`).toBe(200);
    return { authorization: `Bearer ${res.json().token as string}` };
  };
  const count = async (sql: string) => (await db.query<{ n: number }>(sql)).rows[0]!.n;

  it('prints each step with its rows and rate, and ends with the time and the database size', () => {
    expect(summary.steps.map((s) => s.name)).toEqual(['org tree and catalogs', 'staff, posts and grid teams', 'registry (people, households, buildings, places, risk points)', 'care devices']);
    expect(lines.some((l) => /^registry .*: [\d,]+ rows in [\d.]+ s \([\d,]+ rows\/s\)/.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/^generated scale town \(seed 7, now 2026-12-01T01:00:00.000Z\) in [\d.]+ s; database size [\d.]+ MB$/);
    expect(summary.databaseBytes).toBeGreaterThan(1_000_000);
  });

  it('has the counts of the town scale: 11 communities of 6 grids, ~1.55 workers a grid, the registry at its density', async () => {
    const spec = { ...SCALES.town, ...OVERRIDES };
    const levels = Object.fromEntries((await db.query<{ level: string; n: number }>('select level, count(*)::int as n from org_units group by level')).rows.map((r) => [r.level, r.n]));
    const cells = spec.communitiesPerTown * spec.gridsPerCommunity;
    expect(levels).toEqual({ city: 1, district: 1, town: 1, community: 11, grid: cells - 4, dedicatedGrid: 4 });
    expect(await count(`select count(*)::int as n from accounts where 'gridWorker' = any(roles)`)).toBe(Math.floor(cells * spec.gridWorkersPerGrid));
    expect(await count(`select count(*)::int as n from posts`)).toBe(24);
    expect(await count(`select count(*)::int as n from boards`)).toBe(5);
    expect(await count(`select count(*)::int as n from matters where current`)).toBeGreaterThan(20);
    const residents = await count('select count(*)::int as n from registry_residents');
    expect(residents).toBeGreaterThan((cells - 4) * spec.residentsPerGrid * 0.8);
    expect(residents).toBeLessThan((cells - 4) * spec.residentsPerGrid * 1.2);
    expect(await count('select count(*)::int as n from registry_places')).toBe((cells - 4) * spec.placesPerGrid);
    expect(await count('select count(*)::int as n from registry_things')).toBe((cells - 4) * spec.riskPointsPerGrid);
    expect(await count('select count(*)::int as n from registry_households where head_resident_id is null')).toBe(0);
    const devices = await count(`select count(distinct binding_id)::int as n from devices`);
    expect(devices).toBe(Math.round(residents * spec.devicesPer100Residents / 100));
    expect((await db.query<{ year: number }>('select year from working_calendar_years order by year')).rows.map((r) => r.year)).toEqual([2024, 2025, 2026]);
    expect(await count('select count(*)::int as n from registry_tags')).toBeGreaterThan(10);
    // one scrypt hash for all
    expect(await count('select count(distinct password_hash)::int as n from accounts')).toBe(1);
  });

  it('lays the grids edge to edge: every grid shares its vertices with its neighbours, and the town is their union', async () => {
    const grids = (await db.query<{ geometry: { coordinates: number[][][] } }>(`select geometry from org_units where level in ('grid', 'dedicatedGrid')`)).rows;
    const seen = new Map<string, number>();
    for (const g of grids) for (const p of g.geometry.coordinates[0]!.slice(0, -1)) seen.set(p.join(), (seen.get(p.join()) ?? 0) + 1);
    // a 11 × 6 lattice of cells: interior vertices are shared by 4 cells, edge ones by 2, the 4 corners by 1
    const counts = [...seen.values()];
    expect(counts.filter((n) => n === 4)).toHaveLength(10 * 5);
    expect(counts.filter((n) => n === 1)).toHaveLength(4);
  });

  it('signs in a generated dispatcher and grid worker, shows the org tree, and locates a point in a grid', async () => {
    const dispatcher = await login('t0101-dispatcher');
    const grid = (await db.query<{ id: string; code: string; geometry: { coordinates: number[][][] } }>(`select id, code, geometry from org_units where level = 'grid' order by code limit 1`)).rows[0]!;
    const worker = await login(`g${grid.code}-worker1`);
    const me = (await app.inject({ method: 'GET', url: '/api/me', headers: worker })).json();
    expect(me.username).toBe(`g${grid.code}-worker1`);

    const communities = await app.inject({ method: 'GET', url: '/api/org-units?level=community', headers: dispatcher });
    expect(communities.statusCode).toBe(200);
    expect(communities.json().items).toHaveLength(11);
    expect(communities.json().items[0].code).toMatch(/^500101001\d{3}$/);

    const ring = grid.geometry.coordinates[0]!.slice(0, -1);
    const lng = ring.reduce((s, p) => s + p[0]!, 0) / ring.length, lat = ring.reduce((s, p) => s + p[1]!, 0) / ring.length;
    const located = await app.inject({ method: 'GET', url: `/api/org-units/locate?lng=${lng}&lat=${lat}`, headers: worker });
    expect(located.statusCode, located.body).toBe(200);
    expect(located.json().grid).toMatchObject({ id: grid.id, code: grid.code });
    expect(located.json().ancestors.map((a: { level: string }) => a.level)).toEqual(['city', 'district', 'town', 'community']);
  });

  it('lists residents with masked personal data, and the app opens what was sealed', async () => {
    const community = (await db.query<{ code: string }>(`select code from org_units where level = 'community' order by code limit 1`)).rows[0]!;
    const staff = await login(`c${community.code}-staff`);
    const list = await app.inject({ method: 'GET', url: '/api/registry/residents', headers: staff });
    expect(list.statusCode, list.body).toBe(200);
    const first = list.json().items[0];
    expect(first.idNumber).toMatch(/^\d{3}\*+[\dX]{4}$/);
    const stored = (await db.query<{ id_number: string; phone: string | null }>('select id_number, phone from registry_residents where id = $1', [first.id])).rows[0]!;
    expect(stored.id_number.startsWith('v1.')).toBe(true);
    const revealed = await app.inject({ method: 'POST', url: `/api/registry/residents/${first.id}/reveal`, headers: staff, payload: { field: 'idNumber' } });
    expect(revealed.statusCode, revealed.body).toBe(200);
    expect(revealed.json().value).toMatch(/^\d{17}[\dX]$/);
    expect(revealed.json().value.slice(-4)).toBe(first.idNumber.slice(-4));
  });

  it('gives the same rows for the same seed', async () => {
    const before = (await db.query<{ sum: string }>(checksumSql())).rows[0]!.sum;
    await app.close();
    await db.close();
    await generate({ ...options(), fresh: true });
    db = await openPostgres(scratch.url, 4);
    expect((await db.query<{ sum: string }>(checksumSql())).rows[0]!.sum).toBe(before);
    app = await buildApp({ db, config: { ...loadConfig({ DATA_DIR: dataDir }), webDist: '/nonexistent' }, clock: () => NOW, log: { stream: { write: () => undefined } } });
  }, 120_000);

  it('refuses a database that holds an org tree without --fresh', async () => {
    await expect(generate(options())).rejects.toThrow(/already holds \d+ org units/);
  });
});

describe('npm run generate: the layout', () => {
  it('gives the district scale 27 towns of 11 communities of 6 grids, codes unique, seeds changing only the figures', () => {
    const district = buildUnits({ scale: SCALES.district, random: (l) => seededRandom(7, l) });
    const by = (level: string) => district.filter((u) => u.level === level);
    expect([by('district').length, by('town').length, by('community').length, by('grid').length + by('dedicatedGrid').length]).toEqual([1, 27, 297, 1782]);
    expect(new Set(district.map((u) => u.code)).size).toBe(district.length);
    expect(by('grid').every((g) => /^500101\d{9}$/.test(g.code) && g.path.endsWith(`/${g.id}/`) && g.path.startsWith(district[0]!.path))).toBe(true);
    const other = buildUnits({ scale: SCALES.district, random: (l) => seededRandom(8, l) });
    expect(other.map((u) => u.id)).toEqual(district.map((u) => u.id));
    expect(other.map((u) => u.population)).not.toEqual(district.map((u) => u.population));
  });

  it('makes rectangles of exactly n cells when a square enough one exists, else a near-square one', () => {
    expect(rectangleFor(66)).toEqual({ cols: 6, rows: 11 });
    expect(rectangleFor(27, { cols: 6, rows: 11 })).toEqual({ cols: 9, rows: 3 });
    expect(rectangleFor(38, { cols: 54, rows: 33 })).toEqual({ cols: 5, rows: 8 });
  });
});

describe('npm run generate: the command line', () => {
  it('reads the scale, seed, now, database, fresh, password and any figure of the scale', () => {
    const o = parseCommandLine(['--scale', 'district', '--seed', '3', '--now', '2026-12-01T09:00:00+08:00', '--fresh', '--password', 'p', '--residentsPerGrid', '10'], { DATABASE_URL: 'postgres://x/y' });
    expect(o).toMatchObject({ scale: 'district', seed: 3, fresh: true, password: 'p', databaseUrl: 'postgres://x/y', overrides: { residentsPerGrid: 10 } });
    expect(o.now?.toISOString()).toBe('2026-12-01T01:00:00.000Z');
  });

  it('refuses a missing scale, no database, and anything but PostgreSQL', () => {
    expect(() => parseCommandLine(['--database-url', 'postgres://x/y'], {})).toThrow(UsageError);
    expect(() => parseCommandLine(['--scale', 'town'], {})).toThrow(/--database-url/);
    expect(() => parseCommandLine(['--scale', 'town'], { DATABASE_URL: './data/pglite' })).toThrow(/PostgreSQL only/);
  });
});
