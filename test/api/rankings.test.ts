import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { rankUnits } from '../../src/server/rankings/rank-units.ts';
import { demoRankings } from '../../src/server/rankings/demo/rankings-demo.ts';
import type { DemoContext } from '../../src/server/platform/capability.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
const dir = mkdtempSync(path.join(tmpdir(), 'rankings-'));
let town: { id: string; path: string };
let community: { id: string; path: string };
let grids: { id: string; name: string }[];

const as = (who: string, method: 'GET' | 'POST', url: string, payload?: unknown, key?: string) =>
  t.app.inject({ method, url, payload: payload as object, headers: { ...bearer(tokens[who]!), ...(key ? { 'idempotency-key': key } : {}) } });

function docxText(body: Buffer): string {
  const file = path.join(dir, `b${Math.random().toString(36).slice(2)}.docx`);
  writeFileSync(file, body);
  return execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' }).replace(/<[^>]+>/g, '');
}

/** roll-ups written by hand (the figures the indicators job would have counted): closed / due per grid and month */
async function rollup(unitId: string, period: string, measures: Record<string, number>) {
  for (const [measure, value] of Object.entries(measures)) {
    await t.db.query(`insert into indicator_rollups (org_unit_id, period, measure, value) values ($1, $2, $3, $4)
      on conflict (org_unit_id, period, measure) do update set value = excluded.value`, [unitId, period, measure, value]);
  }
}

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['leader', 'dispatcher', 'gridworker', 'community', 'department', 'resident', 'handler']) tokens[u] = await t.login(u);
  town = (await t.db.query<{ id: string; path: string }>(`select id, path from org_units where name = '春晖路街道'`)).rows[0]!;
  community = (await t.db.query<{ id: string; path: string }>(`select id, path from org_units where name = '春晖社区'`)).rows[0]!;
  grids = (await t.db.query<{ id: string; name: string }>(`select id, name from org_units where parent_id = $1 and level = 'grid' order by sort, name`, [community.id])).rows;
  expect(grids.length).toBeGreaterThanOrEqual(4);
  // 结案率 = 结案数 / 应结案数 × 100, target 95 (yellow within 5). October: grid 0 80%, grid 1 100%, grid 2 90%, grid 3 none.
  // November: grid 0 100%, grid 1 90%, grid 2 92%, grid 3 50%.
  const oct = [[8, 10], [10, 10], [9, 10]] as const;
  const nov = [[10, 10], [9, 10], [23, 25], [1, 2]] as const;
  for (const [i, [closed, due]] of oct.entries()) await rollup(grids[i]!.id, '2026-10', { casesClosed: closed, casesDue: due });
  for (const [i, [closed, due]] of nov.entries()) await rollup(grids[i]!.id, '2026-11', { casesClosed: closed, casesDue: due });
  await rollup(community.id, '2026-11', { casesClosed: 43, casesDue: 47 });
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/rankings', () => {
  it('ranks the grids of a community by 结案率 with the movement since October and the lights', async () => {
    const r = await as('leader', 'GET', `/api/rankings?level=grid&indicator=closeRate&period=2026-11&parentId=${community.id}`);
    expect(r.statusCode, r.body).toBe(200);
    const board = r.json();
    expect(board.indicator).toMatchObject({ code: 'closeRate', name: '结案率', unit: 'percent', direction: 'higher' });
    expect(board.previousPeriod).toBe('2026-10');
    expect(board.policies).toEqual(['generateBulletin']);
    const top = board.rows.slice(0, 4).map((x: { name: string; value: number; rank: number; previousRank: number | null; movement: number | null; light: string }) =>
      [x.name, x.value, x.rank, x.previousRank, x.movement, x.light]);
    expect(top).toEqual([
      [grids[0]!.name, 100, 1, 3, 2, 'green'],
      [grids[2]!.name, 92, 2, 2, 0, 'yellow'],
      [grids[1]!.name, 90, 3, 1, -2, 'yellow'],
      [grids[3]!.name, 50, 4, null, null, 'red'],
    ]);
    // the community's other grids had nothing due: no value, no rank, last
    expect(board.rows.slice(4).every((x: { rank: number | null; value: number | null }) => x.rank === null && x.value === null)).toBe(true);
  });

  it('defaults to the caller\'s town and lets a grid worker see the town\'s boards, not a board outside the town', async () => {
    const r = await as('gridworker', 'GET', '/api/rankings?level=community&indicator=closeRate&period=2026-11');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().parent.id).toBe(town.id);
    expect(r.json().policies).toEqual([]);
    const row = r.json().rows.find((x: { orgUnitId: string }) => x.orgUnitId === community.id);
    expect(row).toMatchObject({ rank: 1, value: 91.49 });
    const district = (await t.db.query<{ id: string }>(`select parent_id as id from org_units where id = $1`, [town.id])).rows[0]!.id;
    expect((await as('gridworker', 'GET', `/api/rankings?level=town&indicator=closeRate&period=2026-11&parentId=${district}`)).statusCode).toBe(404);
    expect((await as('leader', 'GET', `/api/rankings?level=town&indicator=closeRate&period=2026-11&parentId=${district}`)).statusCode).toBe(404);
  });

  it('refuses departments and residents, a bad period, months-only stars and an unknown indicator', async () => {
    expect((await as('department', 'GET', '/api/rankings?level=grid&indicator=closeRate&period=2026-11')).statusCode).toBe(403);
    expect((await as('resident', 'GET', '/api/rankings?level=grid&indicator=closeRate&period=2026-11')).statusCode).toBe(403);
    const bad = await as('leader', 'GET', '/api/rankings?level=grid&indicator=closeRate&period=2026-13');
    expect([bad.statusCode, bad.json().error.code]).toEqual([422, 'PERIOD_INVALID']);
    const stars = await as('leader', 'GET', '/api/rankings?level=grid&indicator=stars&period=2026Q4');
    expect([stars.statusCode, stars.json().error.code]).toEqual([422, 'PERIOD_INVALID']);
    const unknown = await as('leader', 'GET', '/api/rankings?level=grid&indicator=noSuchThing&period=2026-11');
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([422, 'INDICATOR_UNKNOWN']);
  });

  it('ranks by published stars, then score', async () => {
    await t.db.query(`insert into rating_rules (level, town_id, items, thresholds, vetoes, version, published_at, updated_at)
       values ('grid', null, '[]', '[90,80,70,60,50]', '[]', 1, now(), now()) on conflict do nothing`);
    const rule = await t.db.query<{ id: string }>(`select id from rating_rules where level = 'grid' order by town_id nulls first limit 1`);
    const put = async (i: number, period: string, stars: number, score: number, status = 'published') => t.db.query(
      `insert into ratings (level, org_unit_id, org_path, town_id, period, rule_id, rule_version, score, stars, breakdown, status, computed_at)
       select 'grid', id, path, $2, $3, $4, 1, $5, $6, '[]', $7, now() from org_units where id = $1`,
      [grids[i]!.id, town.id, period, rule.rows[0]!.id, score, stars, status]);
    await put(0, '2026-11', 4, 85); await put(1, '2026-11', 5, 93); await put(2, '2026-11', 4, 88); await put(3, '2026-11', 5, 99, 'computed');
    await put(0, '2026-10', 5, 91); await put(2, '2026-10', 3, 75);
    const rows = await rankUnits(t.db, { parentId: community.id, level: 'grid', indicator: 'stars', period: '2026-11' });
    expect(rows.slice(0, 3).map((x) => [x.name, x.stars, x.rank, x.movement])).toEqual([
      [grids[1]!.name, 5, 1, null], [grids[2]!.name, 4, 2, 0], [grids[0]!.name, 4, 3, -2],
    ]);
    expect(rows.find((x) => x.orgUnitId === grids[3]!.id)).toMatchObject({ rank: null, stars: null }); // not published
  });
});

describe('线上通报', () => {
  let id: string;
  it('generates a bulletin of the community\'s grids, kept with its snapshot and audited; a retry answers the same one', async () => {
    const r = await as('leader', 'POST', '/api/rankings/bulletins', { level: 'grid', period: '2026-11', parentId: community.id }, 'b-1');
    expect(r.statusCode, r.body).toBe(200);
    const b = r.json();
    id = b.id;
    expect(b.title).toBe('春晖社区2026年11月网格赛马比拼通报');
    const close = b.snapshot.boards.find((x: { indicator: { code: string } }) => x.indicator.code === 'closeRate');
    expect(close.top.map((x: { name: string }) => x.name)).toEqual([grids[0]!.name, grids[2]!.name, grids[1]!.name]);
    expect(close.bottom.map((x: { name: string }) => x.name)).toEqual([grids[3]!.name]);
    expect(close.risers.map((x: { name: string }) => x.name)).toEqual([grids[0]!.name]);
    expect(close.fallers.map((x: { name: string }) => x.name)).toEqual([grids[1]!.name]);
    expect(b.snapshot.reds).toContainEqual(expect.objectContaining({ unitName: grids[3]!.name, indicatorCode: 'closeRate', value: 50 }));
    const again = await as('leader', 'POST', '/api/rankings/bulletins', { level: 'grid', period: '2026-11', parentId: community.id }, 'b-1');
    expect(again.json().id).toBe(id);
    const audit = await t.db.query(`select actor_name from audit_log where action = 'rankings.bulletin.generate' and target_id = $1`, [id]);
    expect(audit.rows).toHaveLength(1);
  });

  it('keeps what it said when the figures are recounted', async () => {
    await rollup(grids[3]!.id, '2026-11', { casesClosed: 2 });
    const r = await as('gridworker', 'GET', `/api/rankings/bulletins/${id}`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().snapshot.reds).toContainEqual(expect.objectContaining({ unitName: grids[3]!.name, value: 50 }));
  });

  it('lists bulletins to the town\'s staff and hands the Word file with the Chinese title', async () => {
    const list = await as('community', 'GET', '/api/rankings/bulletins');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(id);
    expect(list.json().policies).toEqual([]);
    expect((await as('dispatcher', 'GET', '/api/rankings/bulletins')).json().policies).toEqual(['generate']);
    const doc = await as('leader', 'GET', `/api/rankings/bulletins/${id}/document`);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toContain('wordprocessingml');
    expect(doc.headers['content-disposition']).toContain(encodeURIComponent('春晖社区2026年11月网格赛马比拼通报.docx'));
    const text = docxText(doc.rawPayload);
    expect(text).toContain('春晖社区2026年11月网格赛马比拼通报');
    expect(text).toContain('结案率');
    expect(text).toContain('亮红灯指标');
    expect(text).toContain(grids[3]!.name);
  });

  it('refuses generating to those who only read, outside the scope, and a bad period; departments read none', async () => {
    expect((await as('gridworker', 'POST', '/api/rankings/bulletins', { level: 'grid', period: '2026-11' })).statusCode).toBe(403);
    expect((await as('community', 'POST', '/api/rankings/bulletins', { level: 'grid', period: '2026-11' })).statusCode).toBe(403);
    const bad = await as('leader', 'POST', '/api/rankings/bulletins', { level: 'grid', period: 'last month' });
    expect([bad.statusCode, bad.json().error.code]).toEqual([422, 'PERIOD_INVALID']);
    expect((await as('department', 'GET', '/api/rankings/bulletins')).statusCode).toBe(403);
    expect((await as('department', 'GET', `/api/rankings/bulletins/${id}`)).statusCode).toBe(403);
    const other = (await t.db.query<{ id: string }>(`select id from org_units where level = 'town' and id <> $1 limit 1`, [town.id])).rows[0]!.id;
    expect((await as('leader', 'POST', '/api/rankings/bulletins', { level: 'grid', period: '2026-11', parentId: other })).statusCode).toBe(404);
  });
});

describe('the demo', () => {
  it('issues last month\'s bulletin of the demo town\'s grids, dated on the 2nd, once', async () => {
    const ctx = { db: t.db, config: t.config, now: t.clock.now, seed: 1 } as unknown as DemoContext;
    expect(await demoRankings(ctx)).toMatch(/^rankings: 春晖路街道2026年10月网格赛马比拼通报/);
    expect(await demoRankings(ctx)).toBeNull();
    const b = await t.db.query<{ generated_at: Date; generated_by_name: string }>(`select generated_at, generated_by_name from ranking_bulletins where period = '2026-10'`);
    expect(b.rows.map((r) => [new Date(r.generated_at).toISOString(), r.generated_by_name])).toEqual([['2026-11-02T01:30:00.000Z', '陈志明']]);
  });
});
