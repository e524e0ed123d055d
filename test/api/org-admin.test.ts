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
  for (const u of ['admin', 'dispatcher', 'gridworker', 'community']) tokens[u] = await t.login(u);
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

describe('what the reader may do to a unit (policies)', () => {
  it('gives the admin the actions each level takes, staff none, in lists, details and the team view alike', async () => {
    const grid = ids['500199001001006']!;
    expect((await call('GET', `/api/org-units/${grid}`, 'admin')).json().policies).toEqual(['createChild', 'rename', 'move', 'retire', 'editBoundary']);
    expect((await call('GET', `/api/org-units/${ids['500199001001']}`, 'admin')).json().policies).toEqual(['createChild', 'rename', 'retire']);
    expect((await call('GET', `/api/org-units/${ids['500199001000']}`, 'admin')).json().policies).toEqual(['createChild']);
    expect((await call('GET', `/api/org-units/${grid}`, 'dispatcher')).json().policies).toEqual([]);
    expect((await call('GET', `/api/org-units/${grid}`, 'gridworker')).statusCode).toBe(404);
    const listed = (await call('GET', `/api/org-units?parentId=${grid}`, 'admin')).json().items as { level: string; policies: string[] }[];
    expect(listed.length).toBeGreaterThan(0);
    for (const m of listed) expect(m.policies).toEqual(['rename', 'move', 'retire']);
    expect((await call('GET', `/api/org-units/${grid}/team`, 'admin')).json().grid.policies).toContain('editBoundary');
  });
});

describe('moving a unit to another parent', () => {
  const caseOf = (who: string, id: string) => call('GET', `/api/cases/${id}`, who);
  const unitRow = async (id: string) => (await t.db.query<{ code: string; path: string; parent_id: string }>('select code, path, parent_id from org_units where id = $1', [id])).rows[0]!;

  it('moves a grid to another community with its micro-grids and cases: codes and paths follow, scope follows, audited', async () => {
    const grid = ids['500199001001001']!;
    const gridGeometry = await geometryOf('500199001001001');
    const target = await call('POST', '/api/org-units', 'admin', { parentId: ids['500199001000'], level: 'community', code: '500199001021', name: '迁入社区', geometry: shrink(gridGeometry, 1.5) });
    expect(target.statusCode, target.body).toBe(201);
    const communityId = target.json().id as string;
    const reported = await call('POST', '/api/cases', 'dispatcher', { categoryCode: 'C0101', description: '移动前的案卷', location: await gridCentre(t.db, '500199001001001'), source: 'hotline' });
    expect(reported.json().gridId).toBe(grid);
    const caseId = reported.json().id as string;
    expect((await caseOf('community', caseId)).statusCode).toBe(200);

    const offered = (await call('GET', `/api/org-units/${grid}/move-targets`, 'admin')).json().items as { id: string; fits: boolean }[];
    const targets = offered.map((u) => u.id);
    expect(targets).toContain(communityId);
    expect(targets).toContain(ids['500199001002']);
    // the new community holds the grid's boundary, 锦霞社区 does not
    expect(offered.filter((u) => [communityId, ids['500199001002']].includes(u.id)).map((u) => [u.id, u.fits]))
      .toEqual(expect.arrayContaining([[communityId, true], [ids['500199001002'], false]]));
    expect(targets).not.toContain(ids['500199001001']);
    expect(targets).not.toContain(ids['500199101201']);

    const moved = await call('POST', `/api/org-units/${grid}/move`, 'admin', { parentId: communityId });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ id: grid, parentId: communityId, code: '500199001021001', name: '春晖社区第1网格' });
    expect(moved.json().ancestors.map((a: { id: string }) => a.id).slice(-1)).toEqual([communityId]);
    const micro = (await t.db.query<{ code: string; path: string }>('select code, path from org_units where parent_id = $1 order by code', [grid])).rows;
    expect(micro.length).toBeGreaterThan(0);
    for (const m of micro) {
      expect(m.code.startsWith('500199001021001')).toBe(true);
      expect(m.path.startsWith(`${target.json().ancestorIds.map((x: string) => `/${x}`).join('')}/${communityId}/${grid}/`)).toBe(true);
    }
    expect(micro.map((m) => m.code)).toContain('50019900102100190');
    const kase = (await t.db.query<{ org_path: string }>('select org_path from cases where id = $1', [caseId])).rows[0]!;
    expect(kase.org_path).toBe((await unitRow(grid)).path);

    // the grid's worker (scoped to the grid) and the town's dispatcher keep it; the old community's staff no longer see it
    expect((await caseOf('gridworker', caseId)).statusCode).toBe(200);
    expect((await caseOf('dispatcher', caseId)).statusCode).toBe(200);
    expect((await caseOf('community', caseId)).statusCode).toBe(404);
    const inNew = (await call('GET', `/api/cases?orgUnitId=${communityId}&limit=50`, 'dispatcher')).json().items.map((c: { id: string }) => c.id);
    expect(inNew).toContain(caseId);
    const inOld = (await call('GET', `/api/cases?orgUnitId=${ids['500199001001']}&limit=200`, 'dispatcher')).json().items.map((c: { id: string }) => c.id);
    expect(inOld).not.toContain(caseId);
    expect((await call('GET', `/api/org-units/${grid}`, 'gridworker')).statusCode).toBe(200);
    const at = await gridCentre(t.db, '500199001021001');
    expect((await call('GET', `/api/org-units/locate?lng=${at.lng}&lat=${at.lat}`, 'admin')).json().ancestors.map((a: { id: string }) => a.id)).toContain(communityId);

    const audit = await t.db.query<{ detail: Record<string, unknown> }>(`select detail from audit_log where action = 'org.move_unit' and target_id = $1`, [grid]);
    expect(audit.rows[0]?.detail).toMatchObject({ fromCode: '500199001001001', toCode: '500199001021001', toParentId: communityId });
  });

  it('moves a micro-grid to a grid of another community, taking the first free number where its own is taken', async () => {
    const micro = (await t.db.query<{ id: string }>(`select id from org_units where code = '50019900100100203'`)).rows[0]!.id;
    const r = await call('POST', `/api/org-units/${micro}/move`, 'admin', { parentId: ids['500199001002001'] });
    expect([r.statusCode, r.json().code, r.json().parentId]).toEqual([200, '50019900100200107', ids['500199001002001']]);
  });

  it('refuses moves the rules or the boundary forbid, and changes nothing', async () => {
    const grid = ids['500199001001005']!;
    const before = await unitRow(grid);
    const refused = async (who: string, parentId: string) => {
      const r = await call('POST', `/api/org-units/${grid}/move`, who, { parentId });
      return [r.statusCode, r.json().error?.code, r.json().error?.details?.problems ?? r.json().error?.details?.[0]?.problem];
    };
    expect(await refused('admin', ids['500199001002']!)).toEqual([422, 'GEOMETRY_REJECTED', 'OUTSIDE_COMMUNITY']);
    expect(await refused('admin', ids['500199001001006']!)).toEqual([422, 'UNIT_MOVE_REFUSED', ['LEVEL_NOT_UNDER_PARENT']]);
    expect(await refused('admin', ids['500199101201']!)).toEqual([422, 'UNIT_MOVE_REFUSED', ['OTHER_TOWN']]);
    expect(await refused('admin', ids['500199001001']!)).toEqual([422, 'UNIT_MOVE_REFUSED', ['SAME_PARENT']]);
    expect(await refused('admin', ids['50019900100100501']!)).toEqual([422, 'UNIT_MOVE_REFUSED', ['INTO_ITSELF']]);
    expect(await refused('admin', 'no-such-unit')).toEqual([404, 'NOT_FOUND', undefined]);
    expect((await call('POST', `/api/org-units/${grid}/move`, 'dispatcher', { parentId: ids['500199001002'] })).statusCode).toBe(403);
    // a community's worker on the grid's team would lose sight of it
    const community = (await t.db.query<{ id: string }>(`select id from accounts where username = 'community'`)).rows[0]!.id;
    await t.db.query(`insert into grid_team_members (grid_id, account_id, team_role, name, sort) values ($1, $2, 'partTime', '赵秀兰', 9)`, [grid, community]);
    const wide = await call('POST', '/api/org-units', 'admin', { parentId: ids['500199001000'], level: 'community', code: '500199001022', name: '无边界社区' });
    const stranded = await call('POST', `/api/org-units/${grid}/move`, 'admin', { parentId: wide.json().id });
    expect([stranded.statusCode, stranded.json().error.code, stranded.json().error.details.members.map((m: { name: string }) => m.name)])
      .toEqual([422, 'UNIT_MOVE_REFUSED', ['赵秀兰']]);
    expect(stranded.json().error.messageZh).toMatch(/赵秀兰/);
    expect(await unitRow(grid)).toEqual(before);
    expect((await call('GET', `/api/org-units/${ids['500199001000']}/move-targets`, 'admin')).json().items).toEqual([]);
  });
});
