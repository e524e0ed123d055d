import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { gridCentre } from '../support/places.ts';

/** Communities, grids and micro-grids created, renamed, retired and re-drawn by an administrator. */
let t: TestApp;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const geometryOf = async (code: string) => (await t.db.query<{ geometry: Polygon }>('select geometry from org_units where code = $1', [code])).rows[0]!.geometry;
/** the polygon shrunk towards its centroid */
const shrink = (g: Polygon, f: number): Polygon => {
  const ring = g.coordinates[0]!;
  const cx = ring.slice(0, -1).reduce((s, p) => s + p[0]!, 0) / (ring.length - 1);
  const cy = ring.slice(0, -1).reduce((s, p) => s + p[1]!, 0) / (ring.length - 1);
  return { type: 'Polygon', coordinates: [ring.map(([x, y]) => [cx + (x! - cx) * f, cy + (y! - cy) * f])] };
};

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'dispatcher', 'gridworker']) tokens[u] = await t.login(u);
  for (const r of (await t.db.query<{ id: string; code: string }>('select id, code from org_units')).rows) ids[r.code] = r.id;
});
afterAll(async () => { await t.close(); });

const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, who: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(tokens[who]!), ...(payload ? { payload } : {}) });

describe('org units, administered', () => {
  it('creates a community and a micro-grid with codes that extend their parents\', refusing wrong ones', async () => {
    const community = await call('POST', '/api/org-units', 'admin', { parentId: ids['500199001000'], level: 'community', code: '500199001011', name: '新建社区' });
    expect(community.statusCode, community.body).toBe(201);
    expect(community.json()).toMatchObject({ level: 'community', code: '500199001011', name: '新建社区', parentId: ids['500199001000'] });
    expect((await call('POST', '/api/org-units', 'admin', { parentId: ids['500199001000'], level: 'community', code: '500199001011', name: '重复' })).statusCode).toBe(409);
    const wrong = await call('POST', '/api/org-units', 'admin', { parentId: ids['500199001000'], level: 'grid', code: '500199001001050', name: 'x' });
    expect([wrong.statusCode, wrong.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(wrong.json().error.messageZh).toMatch(/层级/);
    const micro = await call('POST', '/api/org-units', 'admin', { parentId: ids['500199001001001'], level: 'microGrid', code: '50019900100100190', name: '90号微网格' });
    expect(micro.statusCode, micro.body).toBe(201);
    expect((await call('POST', '/api/org-units', 'dispatcher', { parentId: ids['500199001000'], level: 'community', code: '500199001012', name: 'x' })).statusCode).toBe(403);
    expect((await call('POST', '/api/org-units', 'admin', { parentId: 'no-such-unit', level: 'community', code: '500199001012', name: 'x' })).statusCode).toBe(404);
  });

  it('renames a unit, audited', async () => {
    const r = await call('PATCH', `/api/org-units/${ids['500199001001002']}`, 'admin', { name: '春晖社区第2网格（更名）' });
    expect([r.statusCode, r.json().name]).toEqual([200, '春晖社区第2网格（更名）']);
    const audit = await t.db.query(`select 1 from audit_log where action = 'org.rename_unit' and target_id = $1`, [ids['500199001001002']]);
    expect(audit.rowCount).toBe(1);
  });

  it('re-draws a grid with the import\'s checks and keeps the old boundary in its history', async () => {
    const code = '500199001001003';
    const before = await geometryOf(code);
    const overlapping = await call('PUT', `/api/org-units/${ids[code]}/boundary`, 'admin', { geometry: shrink(before, 1.5) });
    expect([overlapping.statusCode, overlapping.json().error.code]).toEqual([422, 'GEOMETRY_REJECTED']);
    expect(await geometryOf(code)).toEqual(before);
    const smaller = shrink(before, 0.8);
    const ok = await call('PUT', `/api/org-units/${ids[code]}/boundary`, 'admin', { geometry: smaller });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().geometry).toEqual(smaller);
    const history = (await call('GET', `/api/org-units/${ids[code]}/boundaries`, 'admin')).json().items;
    expect(history).toHaveLength(1);
    expect(history[0].geometry).toEqual(before);
    const community = await call('PUT', `/api/org-units/${ids['500199001001']}/boundary`, 'admin', { geometry: before });
    expect(community.statusCode).toBe(400);
  });

  it('retires a grid only once its cases are closed; the map, the lists and the locator forget it; its place can be re-used', async () => {
    const code = '500199001001004';
    const at = await gridCentre(t.db, code);
    const reported = await call('POST', '/api/cases', 'dispatcher', { categoryCode: 'C0101', description: '撤销前的案卷', location: at, source: 'hotline' });
    expect(reported.json().gridId).toBe(ids[code]);
    const refused = await call('POST', `/api/org-units/${ids[code]}/retire`, 'admin');
    expect([refused.statusCode, refused.json().error.code, refused.json().error.details]).toEqual([409, 'UNIT_IN_USE', { openCases: 1 }]);
    await call('POST', `/api/cases/${reported.json().id}/actions/reject`, 'dispatcher', { reason: '测试用' });
    expect((await call('POST', `/api/org-units/${ids[code]}/retire`, 'admin')).statusCode).toBe(204);
    const list = (await call('GET', `/api/org-units?parentId=${ids['500199001001']}&limit=1000`, 'admin')).json().items.map((u: { code: string }) => u.code);
    expect(list).not.toContain(code);
    const located = await call('GET', `/api/org-units/locate?lng=${at.lng}&lat=${at.lat}`, 'admin');
    expect(located.statusCode).toBe(422);
    const again = await call('POST', '/api/org-units', 'admin', { parentId: ids['500199001001'], level: 'grid', code: '500199001001054', name: '新第4网格', geometry: await geometryOf(code) });
    expect(again.statusCode, again.body).toBe(201);
    expect((await call('GET', `/api/org-units/locate?lng=${at.lng}&lat=${at.lat}`, 'admin')).json().grid.code).toBe('500199001001054');
    expect((await call('POST', `/api/org-units/${ids['500199001001']}/retire`, 'admin')).json().error.code).toBe('UNIT_IN_USE');
  });
});
