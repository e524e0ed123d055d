import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Polygon, Position } from 'geojson';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { insertRow } from '../support/rows.ts';

/**
 * Boundary changes (勘界) and the registry: a strip of one grid handed to its neighbour moves the buildings there and
 * their households and residents (previewed first, applied with a reason, with a history row each); a change that
 * would leave records in no grid is refused with the list; a unit moved in the tree takes its registry rows' paths along.
 */
let t: TestApp;
const tokens: Record<string, string> = {};
const X_CODE = '500199001001001';
let X: { id: string; path: string; ring: Position[] };
let Y: { id: string; path: string; ring: Position[]; name: string; quad: Position[] };
let townId = '';
let xNew: Polygon, yNew: Polygon, yShrunk: Polygon;
const rec = { moving: '', staying: '', household: '', stayingHousehold: '', resident: '', thing: '', hazard: '' };
let openCaseId = '';

const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(tokens[who]!), ...(payload ? { payload } : {}) });
const lerp = (p: Position, q: Position, f: number): Position => [p[0]! + (q[0]! - p[0]!) * f, p[1]! + (q[1]! - p[1]!) * f];
const mid = (p: Position, q: Position) => ({ lng: (p[0]! + q[0]!) / 2, lat: (p[1]! + q[1]!) / 2 });
const same = (p: Position, q: Position) => p[0] === q[0] && p[1] === q[1];
const closed = (ring: Position[]): Polygon => ({ type: 'Polygon', coordinates: [[...ring, ring[0]!]] });
const gridOf = async (table: string, id: string) =>
  (await t.db.query<{ grid_id: string; org_path: string }>(`select grid_id, org_path from ${table} where id = $1`, [id])).rows[0]!;

const insert = (table: string, row: Record<string, unknown>) => insertRow(t.db, table, row);

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'dispatcher', 'community', 'gridworker', 'leader']) tokens[u] = await t.login(u);
  const grids = (await t.db.query<{ id: string; code: string; name: string; path: string; parent_id: string; geometry: Polygon }>(
    `select id, code, name, path, parent_id, geometry from org_units where level = 'grid' and parent_id = (select parent_id from org_units where code = $1)`, [X_CODE])).rows;
  const x = grids.find((g) => g.code === X_CODE)!;
  const xRing = x.geometry.coordinates[0]!.slice(0, -1);
  townId = (await t.db.query<{ id: string }>(`select id from org_units where level = 'town' and starts_with($1, path)`, [x.path])).rows[0]!.id;
  // a neighbour of the same community sharing an edge a→b of X (b→a in its own ring, the rings turning the same way)
  for (let k = 0; k < xRing.length && !Y; k++) {
    const a = xRing[k]!, b = xRing[(k + 1) % xRing.length]!;
    for (const g of grids.filter((g) => g.id !== x.id)) {
      const ring = g.geometry.coordinates[0]!.slice(0, -1);
      const ib = ring.findIndex((p) => same(p, b));
      if (ib < 0 || ring.length !== 4 || !same(ring[(ib + 1) % 4]!, a)) continue;
      const c = ring[(ib + 2) % 4]!, d = ring[(ib + 3) % 4]!;
      X = { id: x.id, path: x.path, ring: xRing };
      Y = { id: g.id, path: g.path, ring, name: g.name, quad: [b, a, c, d] };
      const a2 = lerp(a, c, 0.3), b2 = lerp(b, d, 0.3);
      xNew = closed(xRing.flatMap((p) => (same(p, a) ? [a, a2, b2] : [p])));
      yNew = closed([b2, a2, c, d]);
      yShrunk = yNew;
      // the strip (a, a2, b2, b) goes from Y to X; Y keeps the rest
      const inStrip = mid(lerp(a, c, 0.15), lerp(b, d, 0.15));
      const inRest = mid(lerp(a, c, 0.7), lerp(b, d, 0.7));
      const base = { town_id: townId, grid_id: g.id, org_path: g.path };
      rec.moving = await insert('registry_buildings', { ...base, name: '勘界测试1栋', lng: inStrip.lng, lat: inStrip.lat, units: 1, floors: 6, rooms_per_floor: 2 });
      rec.staying = await insert('registry_buildings', { ...base, name: '勘界测试2栋', lng: inRest.lng, lat: inRest.lat, units: 1, floors: 6, rooms_per_floor: 2 });
      rec.household = await insert('registry_households', { ...base, building_id: rec.moving, unit_no: 1, floor_no: 1, room_no: '101', address: '勘界测试1栋1单元101' });
      rec.stayingHousehold = await insert('registry_households', { ...base, building_id: rec.staying, unit_no: 1, floor_no: 1, room_no: '101', address: '勘界测试2栋1单元101' });
      rec.resident = await insert('registry_residents', {
        ...base, household_id: rec.household, relation: 'head', name: '欧阳明华', id_number: 'sealed', id_number_hash: 'h-boundary-1',
        id_number_masked: '500***********0011', gender: 'male', birth_date: '1950-01-01',
      });
      rec.thing = await insert('registry_things', { ...base, kind: 'manhole', name: '勘界测试井盖', lng: inStrip.lng + 1e-6, lat: inStrip.lat, risk_level: 'high' });
      rec.hazard = (await t.db.query<{ id: string }>(
        `insert into registry_hazards (town_id, grid_id, org_path, thing_id, found_on, description, status, created_at, updated_at)
         values ($1, $2, $3, $4, '2026-11-01', '井盖松动', 'open', now(), now()) returning id`, [townId, g.id, g.path, rec.thing])).rows[0]!.id;
      const reported = await call('POST', '/api/cases', 'dispatcher', { categoryCode: 'C0101', description: '勘界地带的案卷', location: { lng: inStrip.lng, lat: inStrip.lat + 1e-6 }, source: 'hotline' });
      expect(reported.json().gridId, reported.body).toBe(g.id);
      openCaseId = reported.json().id;
      break;
    }
  }
  expect(Y, 'a neighbouring grid of the same community').toBeDefined();
});
afterAll(async () => { await t.close(); });

const both = () => ({ units: [{ id: X.id, geometry: xNew }, { id: Y.id, geometry: yNew }] });

describe('boundary preview (勘界预览)', () => {
  it('lists exactly the records that cross, from which grid to which, and the open cases there; changes nothing', async () => {
    const r = await call('POST', `/api/org-units/${X.id}/boundary-preview`, 'admin', both());
    expect(r.statusCode, r.body).toBe(200);
    const p = r.json();
    const ids = (k: string) => p.moves[k].items.map((i: { id: string }) => i.id);
    expect([p.moves.buildings.count, ids('buildings')]).toEqual([1, [rec.moving]]);
    expect([p.moves.households.count, ids('households')]).toEqual([1, [rec.household]]);
    expect(ids('residents')).toEqual([rec.resident]);
    expect(ids('things')).toEqual([rec.thing]);
    expect(ids('hazards')).toEqual([rec.hazard]);
    expect(p.moves.places.count).toBe(0);
    expect(p.total).toBe(5);
    expect(p.moves.residents.items[0]).toMatchObject({ name: '欧**华', from: { id: Y.id, name: Y.name }, to: { id: X.id } });
    expect(p.moves.buildings.items[0]).toMatchObject({ name: '勘界测试1栋', from: { id: Y.id }, to: { id: X.id } });
    expect(p.openCases).toEqual([expect.objectContaining({ id: openCaseId, from: expect.objectContaining({ id: Y.id }), to: expect.objectContaining({ id: X.id }) })]);
    expect([p.reasonRequired, p.refused]).toEqual([true, null]);
    expect((await gridOf('registry_buildings', rec.moving)).grid_id).toBe(Y.id);
    // the single form previews this grid alone; the path's unit must be among those named
    const alone = await call('POST', `/api/org-units/${X.id}/boundary-preview`, 'admin', { geometry: closed(X.ring) });
    expect([alone.statusCode, alone.json().total, alone.json().refused]).toEqual([200, 0, null]);
    const notNamed = await call('POST', `/api/org-units/${X.id}/boundary-preview`, 'admin', { units: [{ id: Y.id, geometry: yNew }] });
    expect([notNamed.statusCode, notNamed.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('refuses a growth over a neighbour like the save would (overlap), and answers 404 outside the scope, 403 to non-editors', async () => {
    const overlap = await call('POST', `/api/org-units/${X.id}/boundary-preview`, 'admin', { geometry: xNew });
    expect([overlap.statusCode, overlap.json().error.code]).toEqual([422, 'GEOMETRY_REJECTED']);
    expect((await call('POST', '/api/org-units/no-such-unit/boundary-preview', 'admin', { geometry: xNew })).statusCode).toBe(404);
    for (const who of ['dispatcher', 'community', 'gridworker', 'leader']) {
      expect((await call('POST', `/api/org-units/${X.id}/boundary-preview`, who, both())).statusCode, who).toBe(403);
    }
  });

  it('lists the records a shrunk grid would leave in no grid, and the save is refused with them', async () => {
    const r = await call('POST', `/api/org-units/${Y.id}/boundary-preview`, 'admin', { geometry: yShrunk });
    expect(r.statusCode, r.body).toBe(200);
    const refused = r.json().refused;
    expect(refused.items.map((i: { id: string }) => i.id).sort()).toEqual([rec.moving, rec.household, rec.resident, rec.thing, rec.hazard].sort());
    expect(refused.items.find((i: { kind: string }) => i.kind === 'resident').name).toBe('欧**华');
    const save = await call('PUT', `/api/org-units/${Y.id}/boundary`, 'admin', { geometry: yShrunk, reason: '只缩不补' });
    expect([save.statusCode, save.json().error.code]).toEqual([422, 'BOUNDARY_STRANDS_RECORDS']);
    expect(save.json().error.details.outside.map((o: { id: string }) => o.id)).toContain(rec.moving);
    const geometry = (await t.db.query<{ geometry: Polygon }>('select geometry from org_units where id = $1', [Y.id])).rows[0]!.geometry;
    expect(geometry.coordinates[0]!.slice(0, -1)).toEqual(Y.ring);
    const failed = await t.db.query<{ detail: { code: string } }>(`select detail from audit_log where action = 'org.set_boundary' and not success order by id desc limit 1`);
    expect(failed.rows[0]!.detail.code).toBe('BOUNDARY_STRANDS_RECORDS');
  });
});

describe('boundary save (勘界) with the registry', () => {
  it('needs a reason when records move, then moves them in the one transaction with a history row each and one audit entry', async () => {
    const noReason = await call('PUT', `/api/org-units/${X.id}/boundary`, 'admin', both());
    expect([noReason.statusCode, noReason.json().error.code]).toEqual([422, 'BOUNDARY_REASON_REQUIRED']);
    expect((await gridOf('registry_buildings', rec.moving)).grid_id).toBe(Y.id);
    const auditBefore = (await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'org.set_boundary' and success`)).rows[0]!.n;

    const ok = await call('PUT', `/api/org-units/${X.id}/boundary`, 'admin', { ...both(), reason: '2026年勘界：春晖路以东划入第1网格' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().geometry).toEqual(xNew);
    for (const [table, id] of [['registry_buildings', rec.moving], ['registry_households', rec.household], ['registry_residents', rec.resident], ['registry_things', rec.thing], ['registry_hazards', rec.hazard]] as const) {
      expect(await gridOf(table, id), table).toEqual({ grid_id: X.id, org_path: X.path });
    }
    expect(await gridOf('registry_buildings', rec.staying)).toEqual({ grid_id: Y.id, org_path: Y.path });
    expect(await gridOf('registry_households', rec.stayingHousehold)).toEqual({ grid_id: Y.id, org_path: Y.path });
    const history = (await t.db.query<{ entity_kind: string; entity_id: string; household_id: string | null; reason: string; before: { gridId: string }; after: { gridId: string }; org_path: string }>(
      `select entity_kind, entity_id, household_id, reason, before, after, org_path from registry_changes where action = 'boundary' order by entity_kind`)).rows;
    expect(history.map((h) => h.entity_id).sort()).toEqual([rec.moving, rec.household, rec.resident, rec.thing, rec.hazard].sort());
    expect(history.every((h) => h.reason === '2026年勘界：春晖路以东划入第1网格' && h.before.gridId === Y.id && h.after.gridId === X.id && h.org_path === X.path)).toBe(true);
    expect(history.find((h) => h.entity_kind === 'resident')!.household_id).toBe(rec.household);
    const who = await t.db.query<{ actor_name: string }>(`select distinct actor_name from registry_changes where action = 'boundary'`);
    expect(who.rows).toEqual([{ actor_name: '黄志刚' }]);
    const audits = (await t.db.query<{ detail: { moved: Record<string, number>; reason: string; openCasesLeft: string[] } }>(
      `select detail from audit_log where action = 'org.set_boundary' and success order by id`)).rows;
    expect(audits.length).toBe(auditBefore + 1);
    expect(audits.at(-1)!.detail).toMatchObject({ reason: '2026年勘界：春晖路以东划入第1网格', moved: { building: 1, household: 1, resident: 1, thing: 1, hazard: 1, place: 0 } });
    expect(audits.at(-1)!.detail.openCasesLeft).toHaveLength(1);
    // the open case stays in the grid it was routed in
    expect((await t.db.query<{ grid_id: string }>('select grid_id from cases where id = $1', [openCaseId])).rows[0]!.grid_id).toBe(Y.id);
    // the locator follows the new boundary
    const building = (await t.db.query<{ lng: number; lat: number }>('select lng, lat from registry_buildings where id = $1', [rec.moving])).rows[0]!;
    expect((await call('GET', `/api/org-units/locate?lng=${building.lng}&lat=${building.lat}`, 'admin')).json().grid.id).toBe(X.id);
    // saved again as it is, nothing moves and no reason is asked
    expect((await call('PUT', `/api/org-units/${X.id}/boundary`, 'admin', both())).statusCode).toBe(200);
  });

  it('a grid moved to another community takes its registry rows\' paths along (their grid stays)', async () => {
    // the new community: X's boundary grown by half around its middle
    const cx = X.ring.reduce((sum, p) => sum + p[0]!, 0) / X.ring.length, cy = X.ring.reduce((sum, p) => sum + p[1]!, 0) / X.ring.length;
    const community = await call('POST', '/api/org-units', 'admin', {
      parentId: townId, level: 'community', code: '500199001031', name: '勘界迁入社区',
      geometry: { type: 'Polygon', coordinates: [xNew.coordinates[0]!.map(([x, y]) => [cx + (x! - cx) * 1.5, cy + (y! - cy) * 1.5])] },
    });
    expect(community.statusCode, community.body).toBe(201);
    const moved = await call('POST', `/api/org-units/${X.id}/move`, 'admin', { parentId: community.json().id });
    expect(moved.statusCode, moved.body).toBe(200);
    const newPath = (await t.db.query<{ path: string }>('select path from org_units where id = $1', [X.id])).rows[0]!.path;
    expect(newPath).not.toBe(X.path);
    for (const [table, id] of [['registry_buildings', rec.moving], ['registry_residents', rec.resident], ['registry_hazards', rec.hazard]] as const) {
      expect(await gridOf(table, id), table).toEqual({ grid_id: X.id, org_path: newPath });
    }
    const history = (await t.db.query<{ org_path: string }>(`select distinct org_path from registry_changes where entity_id = $1`, [rec.moving])).rows;
    expect(history).toEqual([{ org_path: newPath }]);
    expect(await gridOf('registry_buildings', rec.staying)).toEqual({ grid_id: Y.id, org_path: Y.path });
    const audit = (await t.db.query<{ detail: { registry: number } }>(`select detail from audit_log where action = 'org.move_unit' order by id desc limit 1`)).rows[0]!;
    expect(audit.detail.registry).toBe(5);
  });
});

describe('a GeoJSON import of grids moves the registry too', () => {
  const feature = async (id: string, geometry: Polygon) => {
    const u = (await t.db.query<{ code: string; name: string; community: string }>(
      'select u.code, u.name, p.code as community from org_units u join org_units p on p.id = u.parent_id where u.id = $1', [id])).rows[0]!;
    return { type: 'Feature', geometry, properties: { code: u.code, name: u.name, communityCode: u.community } };
  };
  const importGrids = async (features: object[]) =>
    call('POST', '/api/org-units/grids/import', 'admin', { type: 'FeatureCollection', features });

  it('refuses an import that leaves records in no grid (Y shrunk to a sliver on its far side), and moves them back with the import\'s reason code', async () => {
    const refused = await importGrids([await feature(Y.id, closed([Y.quad[2]!, Y.quad[3]!, lerp(Y.quad[3]!, Y.quad[0]!, 0.05), lerp(Y.quad[2]!, Y.quad[1]!, 0.05)]))]);
    expect([refused.statusCode, refused.json().error.code], refused.body).toEqual([422, 'BOUNDARY_STRANDS_RECORDS']);
    expect(refused.json().error.details.outside.length).toBeGreaterThan(0);
    // the strip handed back: X and Y as they were drawn first
    const back = await importGrids([await feature(X.id, closed(X.ring)), await feature(Y.id, closed(Y.ring))]);
    expect(back.statusCode, back.body).toBe(200);
    expect((await gridOf('registry_buildings', rec.moving)).grid_id).toBe(Y.id);
    expect((await gridOf('registry_residents', rec.resident))).toEqual({ grid_id: Y.id, org_path: Y.path });
    const last = (await t.db.query<{ reason: string; after: { gridId: string } }>(
      `select reason, after from registry_changes where entity_id = $1 order by id desc limit 1`, [rec.moving])).rows[0]!;
    expect(last).toEqual({ reason: 'sys:registry.gridImport', after: expect.objectContaining({ gridId: Y.id }) });
    const audit = (await t.db.query<{ detail: { registry: Record<string, number> } }>(`select detail from audit_log where action = 'org.import_grids' and success order by id desc limit 1`)).rows[0]!;
    expect(audit.detail.registry).toMatchObject({ building: 1, household: 1, resident: 1, thing: 1, hazard: 1 });
  });
});
