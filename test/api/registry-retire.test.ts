import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { gridCentre } from '../support/places.ts';
import { insertRow } from '../support/rows.ts';

/**
 * A grid that still holds registry records (人房地物) is not retired: they would sit on a grid that no list, map or
 * locator shows. The refusal counts them by kind and tells the administrator to redraw the boundaries first (a
 * boundary change moves them to the neighbouring grid); records retired, and residents who left, do not hold it.
 */
let t: TestApp;
let admin = '';
const GRID = '500199001001005';
let grid: { id: string; path: string; town: string; community: string };
const live: Record<'building' | 'household' | 'resident' | 'place' | 'thing', string> = { building: '', household: '', resident: '', place: '', thing: '' };

const insert = (table: string, row: Record<string, unknown>) => insertRow(t.db, table, row);

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const u = (await t.db.query<{ id: string; path: string; parent_id: string }>('select id, path, parent_id from org_units where code = $1', [GRID])).rows[0]!;
  const town = (await t.db.query<{ id: string }>(`select id from org_units where level = 'town' and starts_with($1, path)`, [u.path])).rows[0]!.id;
  grid = { id: u.id, path: u.path, town, community: u.parent_id };
  const at = await gridCentre(t.db, GRID);
  const base = { town_id: town, grid_id: u.id, org_path: u.path };
  live.building = await insert('registry_buildings', { ...base, name: '撤销测试1栋', lng: at.lng, lat: at.lat, units: 1, floors: 6, rooms_per_floor: 2 });
  live.household = await insert('registry_households', { ...base, building_id: live.building, unit_no: 1, floor_no: 1, room_no: '101', address: '撤销测试1栋1单元101' });
  live.resident = await insert('registry_residents', {
    ...base, household_id: live.household, relation: 'head', name: '欧阳明华', id_number: 'sealed', id_number_hash: 'h-retire-1',
    id_number_masked: '500***********0011', gender: 'male', birth_date: '1950-01-01',
  });
  live.place = await insert('registry_places', { ...base, kind: 'shop', name: '撤销测试小卖部', lng: at.lng, lat: at.lat });
  live.thing = await insert('registry_things', { ...base, kind: 'manhole', name: '撤销测试井盖', lng: at.lng, lat: at.lat, risk_level: 'low' });
  // not counted: a resident who left, a building already retired
  await insert('registry_residents', {
    ...base, household_id: live.household, relation: 'child', name: '欧阳明', id_number: 'sealed', id_number_hash: 'h-retire-2',
    id_number_masked: '500***********0022', gender: 'male', birth_date: '1980-01-01', left_at: new Date(), left_reason: 'moveOut',
  });
  await t.db.query(`update registry_buildings set retired_at = now() where id = $1`,
    [await insert('registry_buildings', { ...base, name: '撤销测试旧楼', lng: at.lng, lat: at.lat, units: 1, floors: 2, rooms_per_floor: 2 })]);
});
afterAll(async () => { await t.close(); });

const retire = (id: string) => t.app.inject({ method: 'POST', url: `/api/org-units/${id}/retire`, headers: bearer(admin) });

describe('retiring a grid that holds registry records', () => {
  it('is refused with the records counted by kind, and the advice to redraw the boundaries first', async () => {
    const r = await retire(grid.id);
    expect([r.statusCode, r.json().error.code], r.body).toEqual([409, 'UNIT_IN_USE']);
    expect(r.json().error.details).toEqual({ registry: { building: 1, household: 1, resident: 1, place: 1, thing: 1 } });
    expect(r.json().error.messageZh).toMatch(/楼栋 1 栋.*居民 1 人.*调整边界/);
    expect(r.json().error.message).toMatch(/redraw the boundaries/);
    expect((await t.db.query('select retired_at from org_units where id = $1', [grid.id])).rows[0]).toEqual({ retired_at: null });
    expect((await t.db.query(`select 1 from audit_log where action = 'org.retire_unit' and target_id = $1`, [grid.id])).rowCount).toBe(0);
  });

  it('counts a micro-grid\'s records with its grid\'s (the micro-grids retire along)', async () => {
    const micro = await t.app.inject({ method: 'POST', url: '/api/org-units', headers: bearer(admin), payload: { parentId: grid.id, level: 'microGrid', code: `${GRID}91`, name: '91号微网格' } });
    expect(micro.statusCode, micro.body).toBe(201);
    const microPath = (await t.db.query<{ path: string }>('select path from org_units where id = $1', [micro.json().id])).rows[0]!.path;
    await t.db.query('update registry_places set grid_id = $2, org_path = $3 where id = $1', [live.place, micro.json().id, microPath]);
    expect((await retire(grid.id)).json().error.details.registry.place).toBe(1);
    expect((await retire(micro.json().id)).json().error.details).toEqual({ registry: { building: 0, household: 0, resident: 0, place: 1, thing: 0 } });
  });

  it('retires once the records are gone from it (retired, the residents left)', async () => {
    for (const table of ['registry_buildings', 'registry_households', 'registry_places', 'registry_things']) await t.db.query(`update ${table} set retired_at = now() where org_path like $1`, [`${grid.path}%`]);
    const held = await retire(grid.id);
    expect(held.json().error.details).toEqual({ registry: { building: 0, household: 0, resident: 1, place: 0, thing: 0 } });
    await t.db.query(`update registry_residents set left_at = now(), left_reason = 'moveOut' where id = $1`, [live.resident]);
    expect((await retire(grid.id)).statusCode).toBe(204);
  });
});
