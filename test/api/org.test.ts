import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'dispatcher', 'gridworker', 'resident', 'community']) tokens[u] = await t.login(u);
});
afterAll(async () => { await t.close(); });

const get = (url: string, who: string) => t.app.inject({ url, headers: bearer(tokens[who]!) });
const unitByCode = async (code: string) =>
  (await t.db.query<{ id: string; geometry: Polygon }>('select id, geometry from org_units where code = $1', [code])).rows[0]!;

describe('org tree', () => {
  it('seeds a district with an urban sub-district of 10 communities and a rural town', async () => {
    const count = async (level: string) => (await get(`/api/org-units?level=${level}&limit=1000`, 'admin')).json().items.length;
    expect(await count('town')).toBe(2);
    expect(await count('community')).toBe(16);
    expect(await count('grid')).toBeGreaterThan(140);
    expect(await count('dedicatedGrid')).toBe(7);
    expect(await count('microGrid')).toBeGreaterThan(700);
  });

  it('limits lists to the caller\'s scope, in the query', async () => {
    const towns = (await get('/api/org-units?level=town', 'dispatcher')).json().items;
    expect(towns.map((x: { name: string }) => x.name)).toEqual(['春晖路街道']);
    const grids = (await get('/api/org-units?level=grid&limit=1000', 'gridworker')).json().items;
    expect(grids).toHaveLength(1);
    expect((await get('/api/org-units?level=community', 'resident')).statusCode).toBe(403);
  });

  it('pages with a cursor', async () => {
    const first = (await get('/api/org-units?level=grid&limit=50', 'dispatcher')).json();
    expect(first.items).toHaveLength(50);
    const second = (await get(`/api/org-units?level=grid&limit=50&cursor=${first.nextCursor}`, 'dispatcher')).json();
    expect(second.items[0].code > first.items[49].code).toBe(true);
    const rest = (await get(`/api/org-units?level=grid&limit=1000&cursor=${second.nextCursor}`, 'dispatcher')).json();
    expect(rest.nextCursor).toBeNull();
    expect(first.items.length + second.items.length + rest.items.length).toBe(113);
  });

  it('reads one unit with geometry and ancestors, and hides a unit outside the scope as 404', async () => {
    const grid = await unitByCode('500199001001001');
    const r = (await get(`/api/org-units/${grid.id}`, 'dispatcher')).json();
    expect(r.geometry.type).toBe('Polygon');
    expect(r.ancestors.map((a: { level: string }) => a.level)).toEqual(['city', 'district', 'town', 'community']);
    const rural = await unitByCode('500199101201');
    const outside = await get(`/api/org-units/${rural.id}`, 'dispatcher');
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe('NOT_FOUND');
  });

  it('serves a town\'s boundaries as GeoJSON for the map', async () => {
    const town = await unitByCode('500199001000');
    const fc = (await get(`/api/org-units/features?rootId=${town.id}`, 'dispatcher')).json();
    expect(fc.type).toBe('FeatureCollection');
    const levels = new Set(fc.features.map((f: { properties: { level: string } }) => f.properties.level));
    expect(levels).toEqual(new Set(['community', 'grid', 'dedicatedGrid']));
    expect(fc.features).toHaveLength(10 + 113 + 7);
  });

  it('shows a grid\'s 1+3+N team and a town\'s command center, boards and A/B posts', async () => {
    const grid = await unitByCode('500199001001001');
    const team = (await get(`/api/org-units/${grid.id}/team`, 'community')).json();
    expect(team.members.map((m: { teamRole: string }) => m.teamRole)).toEqual(
      ['gridLeader', 'fullTime', 'partTime', 'instructor', 'volunteer', 'volunteer']);
    expect(team.members.find((m: { teamRole: string }) => m.teamRole === 'fullTime').name).toBe('李明辉');
    const town = await unitByCode('500199001000');
    const boards = (await get(`/api/org-units/${town.id}/boards`, 'dispatcher')).json().items;
    expect(boards.map((b: { name: string }) => b.name)).toEqual(['基层治理指挥中心', '党的建设', '经济发展', '民生服务', '平安法治']);
    const csgx = boards[2].posts.find((p: { code: string }) => p.code === 'JJ-CSGX');
    expect(csgx.holderA.name).toBe('王建国');
    expect(csgx.holderB).not.toBeNull();
  });
});

describe('locate', () => {
  it('finds the grid holding a point with its ancestors, for any signed-in account', async () => {
    const grid = await unitByCode('500199001003005');
    const ring = grid.geometry.coordinates[0]!;
    const lng = ring.slice(0, 4).reduce((s, p) => s + p[0]!, 0) / 4;
    const lat = ring.slice(0, 4).reduce((s, p) => s + p[1]!, 0) / 4;
    const r = await get(`/api/org-units/locate?lng=${lng}&lat=${lat}`, 'resident');
    expect(r.statusCode).toBe(200);
    expect(r.json().grid.code).toBe('500199001003005');
    expect(r.json().ancestors.map((a: { name: string }) => a.name)).toEqual(['重庆市', '示范区', '春晖路街道', '翠湖社区']);
  });

  it('answers 422 for a point in no grid and 400 for a bad coordinate', async () => {
    const none = await get('/api/org-units/locate?lng=100&lat=20', 'dispatcher');
    expect(none.statusCode).toBe(422);
    expect(none.json().error.code).toBe('LOCATION_OUTSIDE_GRIDS');
    expect((await get('/api/org-units/locate?lng=500&lat=20', 'dispatcher')).statusCode).toBe(400);
    expect((await get('/api/org-units/locate?lng=abc', 'dispatcher')).statusCode).toBe(400);
  });
});

describe('grid boundary import', () => {
  const post = (who: string, features: unknown[]) => t.app.inject({
    method: 'POST', url: '/api/org-units/grids/import', headers: bearer(tokens[who]!), payload: { type: 'FeatureCollection', features },
  });
  const feature = (code: string, geometry: unknown, communityCode = '500199101201') => ({
    type: 'Feature', geometry, properties: { code, name: `网格${code.slice(-3)}`, communityCode },
  });

  it('is for admins only', async () => {
    expect((await post('dispatcher', [feature('500199101201001', null)])).statusCode).toBe(403);
  });

  it('refuses a file with bad grids, lists each, and imports nothing', async () => {
    const village = await unitByCode('500199101201');
    const existing = await unitByCode('500199101201001');
    const before = (await t.db.query('select code, geometry from org_units where parent_id = $1 order by code', [village.id])).rows;
    const r = await post('admin', [
      feature('500199101201001', existing.geometry),
      feature('500199101201002', { type: 'Polygon', coordinates: [[[106.5, 29.4], [106.6, 29.4]]] }),
      feature('500199101201003', { type: 'Polygon', coordinates: [[[106.0, 29.0], [106.01, 29.0], [106.01, 29.01], [106.0, 29.01], [106.0, 29.0]]] }),
      feature('500199101201010', existing.geometry),
    ]);
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('GEOMETRY_REJECTED');
    const problems = r.json().error.details.map((d: { code: string; problem: string }) => `${d.code}:${d.problem}`);
    expect(problems).toEqual(expect.arrayContaining([
      '500199101201002:INVALID_GEOMETRY', '500199101201003:OUTSIDE_COMMUNITY', '500199101201010:OVERLAPS_GRID',
    ]));
    const after = (await t.db.query('select code, geometry from org_units where parent_id = $1 order by code', [village.id])).rows;
    expect(after).toEqual(before);
  });

  it('replaces boundaries and the locator follows at once', async () => {
    const a = await unitByCode('500199101201001');
    const b = await unitByCode('500199101201002');
    // swap the two grids' shapes: a valid tiling still, so the import goes through
    const r = await post('admin', [feature('500199101201001', b.geometry), feature('500199101201002', a.geometry)]);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ imported: 2, created: 0, updated: 2 });
    const ring = a.geometry.coordinates[0]!;
    const lng = ring.slice(0, 4).reduce((s, p) => s + p[0]!, 0) / 4;
    const lat = ring.slice(0, 4).reduce((s, p) => s + p[1]!, 0) / 4;
    const located = (await get(`/api/org-units/locate?lng=${lng}&lat=${lat}`, 'admin')).json();
    expect(located.grid.code).toBe('500199101201002');
  });

  it('imports nothing when the import\'s audit entry cannot be written, and records the failure', async () => {
    const a = await unitByCode('500199101201001');
    const b = await unitByCode('500199101201002');
    const village = await unitByCode('500199101201');
    const rows = () => t.db.query('select code, geometry from org_units where parent_id = $1 order by code', [village.id]).then((r) => r.rows);
    const before = await rows();
    await t.db.exec(`
      create function test_refuse_import_audit() returns trigger language plpgsql as $$ begin
        if new.action = 'org.import_grids' and new.success then raise exception 'audit append refused by the test'; end if;
        return new;
      end $$;
      create trigger test_refuse_import_audit before insert on audit_log for each row execute function test_refuse_import_audit();`);
    try {
      const r = await post('admin', [feature('500199101201001', b.geometry), feature('500199101201002', a.geometry)]);
      expect(r.statusCode).toBe(500);
    } finally {
      await t.db.exec('drop trigger test_refuse_import_audit on audit_log; drop function test_refuse_import_audit();');
    }
    expect(await rows()).toEqual(before);
    const last = await t.db.query<{ success: boolean; detail: { features: number } }>(
      `select success, detail from audit_log where action = 'org.import_grids' order by id desc limit 1`);
    expect(last.rows[0]).toMatchObject({ success: false, detail: { features: 2 } });
  });

  it('validates the file shape with 400', async () => {
    const r = await post('admin', [{ type: 'Feature', geometry: null, properties: { code: 'x', name: 'x', communityCode: '1' } }]);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('public grid map', () => {
  it('gives anyone the community around a point with its grids: outlines and names, no figures', async () => {
    const grid = await unitByCode('500199001001001');
    const ring = grid.geometry.coordinates[0]!;
    const at = { lng: ring.reduce((s, p) => s + p[0]!, 0) / ring.length, lat: ring.reduce((s, p) => s + p[1]!, 0) / ring.length };
    const res = await t.app.inject({ url: `/api/public/grid-map?lng=${at.lng}&lat=${at.lat}`, remoteAddress: '10.7.0.1' });
    expect(res.statusCode, res.body).toBe(200);
    const features = res.json().features as { properties: Record<string, unknown> }[];
    const levels = new Set(features.map((f) => f.properties.level));
    expect([...levels].sort()).toEqual(expect.arrayContaining(['community', 'grid']));
    expect(features.filter((f) => f.properties.level === 'community').map((f) => f.properties.name)).toEqual(['春晖社区']);
    expect(features.some((f) => f.properties.code === '500199001001001')).toBe(true);
    expect(features.every((f) => f.properties.population === null && f.properties.households === null)).toBe(true);
    expect(features.length).toBeLessThan(20); // one community, not the town
  });

  it('says so for a point in no grid, and refuses a bad point', async () => {
    const outside = await t.app.inject({ url: '/api/public/grid-map?lng=100&lat=20', remoteAddress: '10.7.0.2' });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.code).toBe('LOCATION_OUTSIDE_GRIDS');
    expect((await t.app.inject({ url: '/api/public/grid-map?lng=east&lat=20', remoteAddress: '10.7.0.2' })).statusCode).toBe(400);
  });
});
