// Browser journey (勘界): the administrator redraws a grid on the map; before the save, the preview says what the new
// boundary does to the grid registry. Pulling a corner in over a registered building is refused with the building
// named; pushing a corner out over a building registered in another grid (the ground lay in none) moves it (with its household and
// resident) once a reason is given, and the history keeps the reason.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Polygon, Position } from 'geojson';
import { DESKTOP, launchChromium, WEB_DIST, expectNoEnglish } from '../support/browser.ts';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';

const ARTIFACTS = 'test-artifacts';
const CODE = '500199001001001';

let t: TestApp;
let browser: Browser;
let page: Page;
let base: string;
const pageErrors: string[] = [];
let gridId = '';
let ring: Position[] = [];
let centre: Position = [0, 0];
let neighbour = { id: '', path: '', name: '' };
const ids = { inside: '', gapBuilding: '', gapHousehold: '', gapResident: '' };

const lerp = (p: Position, q: Position, f: number): Position => [p[0]! + (q[0]! - p[0]!) * f, p[1]! + (q[1]! - p[1]!) * f];
async function insert(table: string, row: Record<string, unknown>): Promise<string> {
  const keys = Object.keys(row);
  const r = await t.db.query<{ id: string }>(
    `insert into ${table} (${keys.join(', ')}, created_at, updated_at) values (${keys.map((_, i) => `$${i + 1}`).join(', ')}, now(), now()) returning id`,
    Object.values(row));
  return r.rows[0]!.id;
}

/** Where a position shows once the editor has fitted the grid (as in org-admin.test.ts: Web Mercator, the editor's padding). */
function screenOf(box: { x: number; y: number; width: number; height: number }, r: Position[]) {
  const merc = ([lng, lat]: Position) => [(lng! + 180) / 360, (1 - Math.log(Math.tan(Math.PI / 4 + (lat! * Math.PI) / 360)) / Math.PI) / 2] as const;
  const pts = r.map(merc);
  const [x0, x1] = [Math.min(...pts.map((p) => p[0])), Math.max(...pts.map((p) => p[0]))];
  const [y0, y1] = [Math.min(...pts.map((p) => p[1])), Math.max(...pts.map((p) => p[1]))];
  const k = Math.min((box.width - 440) / (x1 - x0), (box.height - 120) / (y1 - y0), 512 * 2 ** 17);
  const cx = box.x + 380 + (box.width - 440) / 2, cy = box.y + 60 + (box.height - 120) / 2;
  return (p: Position) => { const [x, y] = merc(p); return { x: cx + (x - (x0 + x1) / 2) * k, y: cy + (y - (y0 + y1) / 2) * k }; };
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await createTestApp({ webDist: WEB_DIST });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const x = (await t.db.query<{ id: string; path: string; geometry: Polygon }>('select id, path, geometry from org_units where code = $1', [CODE])).rows[0]!;
  gridId = x.id;
  ring = x.geometry.coordinates[0]!.slice(0, -1);
  centre = ring.reduce<Position>(([a, b], p) => [a! + p[0]! / ring.length, b! + p[1]! / ring.length], [0, 0]);
  const townId = (await t.db.query<{ id: string }>(`select id from org_units where level = 'town' and starts_with($1, path)`, [x.path])).rows[0]!.id;
  // another grid of the community: the building in the corner the test frees is registered there
  neighbour = (await t.db.query<{ id: string; path: string; name: string }>('select id, path, name from org_units where code = $1', ['500199001001002'])).rows[0]!;
  // a building near the third corner, inside the grid: pulling that corner in would leave it in no grid
  const near = lerp(ring[2]!, centre, 0.08);
  ids.inside = await insert('registry_buildings', { town_id: townId, grid_id: gridId, org_path: x.path, name: '滨江花园3栋', lng: near[0], lat: near[1], units: 2, floors: 18, rooms_per_floor: 4 });
  // the first corner pulled in (through the API, nothing registered there yet): the ground it frees lies in no grid …
  const admin = await t.login('admin');
  const shrunk: Polygon = { type: 'Polygon', coordinates: [[lerp(ring[0]!, centre, 0.25), ...ring.slice(1), lerp(ring[0]!, centre, 0.25)]] };
  const r = await t.app.inject({ method: 'PUT', url: `/api/org-units/${gridId}/boundary`, headers: bearer(admin), payload: { geometry: shrunk } });
  expect(r.statusCode, r.body).toBe(200);
  // … and holds a building that the neighbouring grid registered, with a household and its resident
  const gap = lerp(ring[0]!, centre, 0.08);
  const base2 = { town_id: townId, grid_id: neighbour.id, org_path: neighbour.path };
  ids.gapBuilding = await insert('registry_buildings', { ...base2, name: '江岸小区1栋', lng: gap[0], lat: gap[1], units: 1, floors: 6, rooms_per_floor: 2 });
  ids.gapHousehold = await insert('registry_households', { ...base2, building_id: ids.gapBuilding, unit_no: 1, floor_no: 1, room_no: '101', address: '江岸小区1栋1单元101' });
  ids.gapResident = await insert('registry_residents', {
    ...base2, household_id: ids.gapHousehold, relation: 'head', name: '陈桂英', id_number: 'sealed', id_number_hash: 'h-browser-boundary',
    id_number_masked: '500***********0022', gender: 'female', birth_date: '1941-03-02', tags: ['livingAlone'],
  });
  browser = await launchChromium();
  page = await browser.newPage(DESKTOP);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text().slice(0, 600)); });
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function openEditor(): Promise<(p: Position) => { x: number; y: number }> {
  await page.getByTestId('unit-admin-menu').click();
  await page.getByTestId('unit-admin-boundary').click();
  await page.locator('[data-testid="boundary-editor"][data-map-ready="true"]').waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1500);
  const current = (await t.db.query<{ geometry: Polygon }>('select geometry from org_units where id = $1', [gridId])).rows[0]!.geometry.coordinates[0]!.slice(0, -1);
  return screenOf((await page.locator('[data-testid="boundary-editor"] canvas').boundingBox())!, current);
}

async function drag(from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 10, from.y + ((to.y - from.y) * i) / 10);
  await page.mouse.up();
}

describe('boundary change previewed on the map (勘界)', () => {
  it('pulling a corner in over a registered building: the preview names it and the save stays closed', async () => {
    await page.goto(`${base}/login`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('demo1234');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((u) => !u.pathname.endsWith('/login'));
    await page.goto(`${base}/org/map`);
    await page.getByTestId('org-tree').waitFor();
    await page.getByPlaceholder(/搜索/).fill('春晖社区第1网格');
    await page.locator('.ant-list-item').filter({ hasText: CODE }).first().click();
    await page.locator('.zz-grid-drawer').getByText(CODE).waitFor();
    const at = await openEditor();
    await drag(at(ring[2]!), at(lerp(ring[2]!, centre, 0.3)));
    await page.getByTestId('boundary-save').click();
    await page.getByTestId('boundary-refused').waitFor();
    await expect.poll(() => page.getByTestId('boundary-refused').innerText()).toContain('滨江花园3栋');
    expect(await page.getByTestId('boundary-confirm').isDisabled()).toBe(true);
    await expectNoEnglish(page);
    await page.screenshot({ path: `${ARTIFACTS}/registry-boundary-01-refused.png` });
    await page.getByRole('button', { name: /取\s*消/ }).last().click();
    await page.getByTestId('boundary-preview').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /还\s*原/ }).click();
    await page.getByRole('button', { name: /取\s*消/ }).click();
    await page.getByTestId('grid-map').waitFor();
  });

  it('pushing the corner back out over another grid\'s building: counts, the moves, a reason, then saved with the history', async () => {
    const at = await openEditor();
    await drag(at(lerp(ring[0]!, centre, 0.25)), at(ring[0]!));
    await page.getByTestId('boundary-save').click();
    await page.getByTestId('boundary-preview').waitFor();
    await expect.poll(() => page.getByTestId('boundary-counts').innerText()).toMatch(/楼栋\s*1/);
    const counts = await page.getByTestId('boundary-counts').innerText();
    expect(counts).toMatch(/住户\s*1/);
    expect(counts).toMatch(/人口\s*1/);
    const table = await page.getByTestId('boundary-moves').innerText();
    expect(table).toContain('江岸小区1栋');
    expect(table).toContain('陈*英');
    expect(table).not.toContain('陈桂英');
    expect(table).toContain(neighbour.name);
    expect(await page.getByTestId('boundary-confirm').isDisabled()).toBe(true);
    await page.getByTestId('boundary-reason').fill('2026年勘界：江岸小区划入春晖社区第1网格');
    await expect.poll(() => page.getByTestId('boundary-confirm').isEnabled()).toBe(true);
    await expectNoEnglish(page);
    await page.screenshot({ path: `${ARTIFACTS}/registry-boundary-02-preview.png` });
    await page.getByTestId('boundary-confirm').click();
    await page.getByTestId('grid-map').waitFor();
    await expect.poll(async () => (await t.db.query<{ grid_id: string }>('select grid_id from registry_residents where id = $1', [ids.gapResident])).rows[0]!.grid_id).toBe(gridId);
    for (const [table2, id] of [['registry_buildings', ids.gapBuilding], ['registry_households', ids.gapHousehold]] as const) {
      expect((await t.db.query<{ grid_id: string }>(`select grid_id from ${table2} where id = $1`, [id])).rows[0]!.grid_id).toBe(gridId);
    }
    const history = await t.db.query<{ reason: string }>(`select reason from registry_changes where action = 'boundary' and entity_id = $1`, [ids.gapBuilding]);
    expect(history.rows).toEqual([{ reason: '2026年勘界：江岸小区划入春晖社区第1网格' }]);
    await page.screenshot({ path: `${ARTIFACTS}/registry-boundary-03-saved.png` });
    expect(pageErrors).toEqual([]);
  });
});
