// Browser journey (勘界): the administrator redraws a grid on the map; before the save, the preview says what the new
// boundary does to the grid registry. Pulling a corner in over a registered building, the neighbours not following,
// is refused with the building named; pushing a corner shared with neighbouring grids out over a building of one of
// them moves the shared boundary (the neighbours follow) and the building with its household and resident, once a
// reason is given; the history keeps the reason.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Polygon, Position } from 'geojson';
import { DESKTOP, launchChromium, WEB_DIST, expectNoEnglish, chooseMenuItem } from '../support/browser.ts';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { insertRow } from '../support/rows.ts';

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
/** a corner of the grid that other grids share, and where the test pushes it */
let shared = 0;
/** a corner no other grid shares */
let lone = 0;
let pushedTo: Position = [0, 0];
let neighbour = { id: '', name: '', path: '', geometry: null as Polygon | null };
const ids = { inside: '', building: '', household: '', resident: '' };

const lerp = (p: Position, q: Position, f: number): Position => [p[0]! + (q[0]! - p[0]!) * f, p[1]! + (q[1]! - p[1]!) * f];
const insert = (table: string, row: Record<string, unknown>) => insertRow(t.db, table, row);

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
  const others = (await t.db.query<{ geometry: Polygon; same: boolean }>(
    `select geometry, parent_id = (select parent_id from org_units where id = $1) as same from org_units
      where level in ('grid','dedicatedGrid') and id <> $1 and geometry is not null`, [gridId])).rows;
  const sharers = (p: Position) => others.filter((o) => o.geometry.coordinates[0]!.some((q) => q[0] === p[0] && q[1] === p[1]));
  lone = ring.findIndex((p) => sharers(p).length === 0);
  // a corner inside the community: the four grids around it are all of it, so moving it keeps every grid inside
  shared = ring.findIndex((p) => sharers(p).length === 3 && sharers(p).every((o) => o.same));
  expect([lone, shared].every((i) => i >= 0), 'a corner of its own and one shared with neighbours').toBe(true);
  // a building near the grid's own corner: pulling that corner in would leave it in no grid
  const near = lerp(ring[lone]!, centre, 0.08);
  ids.inside = await insert('registry_buildings', { town_id: townId, grid_id: gridId, org_path: x.path, name: '滨江花园3栋', lng: near[0], lat: near[1], units: 2, floors: 18, rooms_per_floor: 4 });
  // the shared corner pushed out, away from the middle: the building just short of its new place is a neighbour's now
  const v = ring[shared]!;
  pushedTo = [v[0]! + (v[0]! - centre[0]!) * 0.12, v[1]! + (v[1]! - centre[1]!) * 0.12];
  const at = lerp(v, pushedTo, 0.6);
  const admin = await t.login('admin');
  const located = await t.app.inject({ method: 'GET', url: `/api/org-units/locate?lng=${at[0]}&lat=${at[1]}`, headers: bearer(admin) });
  const grid = located.json().grid as { id: string };
  expect(grid.id).not.toBe(gridId);
  neighbour = (await t.db.query<{ id: string; path: string; name: string; geometry: Polygon }>('select id, path, name, geometry from org_units where id = $1', [grid.id])).rows[0]!;
  const row = { town_id: townId, grid_id: neighbour.id, org_path: neighbour.path };
  ids.building = await insert('registry_buildings', { ...row, name: '江岸小区1栋', lng: at[0], lat: at[1], units: 1, floors: 6, rooms_per_floor: 2 });
  ids.household = await insert('registry_households', { ...row, building_id: ids.building, unit_no: 1, floor_no: 1, room_no: '101', address: '江岸小区1栋1单元101' });
  ids.resident = await insert('registry_residents', {
    ...row, household_id: ids.household, relation: 'head', name: '陈桂英', id_number: 'sealed', id_number_hash: 'h-browser-boundary',
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
  await chooseMenuItem(page, page.getByTestId('unit-admin-menu'), page.getByTestId('unit-admin-boundary'), page.getByTestId('boundary-editor'));
  await page.locator('[data-testid="boundary-editor"][data-map-ready="true"]').waitFor({ timeout: 60_000 });
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
  it('pulling a corner in over a registered building, the neighbours not following: the preview names it and the save stays closed', async () => {
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
    await page.getByRole('checkbox', { name: '相邻网格边界同步调整' }).uncheck();
    await drag(at(ring[lone]!), at(lerp(ring[lone]!, centre, 0.3)));
    await page.getByTestId('boundary-save').click();
    await page.getByTestId('boundary-refused').waitFor();
    await expect.poll(() => page.getByTestId('boundary-refused').innerText()).toContain('滨江花园3栋');
    expect(await page.getByTestId('boundary-confirm').isDisabled()).toBe(true);
    await expectNoEnglish(page);
    await page.screenshot({ path: `${ARTIFACTS}/registry-boundary-01-refused.png` });
    await page.getByRole('button', { name: /取\s*消/ }).last().click();
    await page.getByTestId('boundary-preview').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /取\s*消/ }).click();
    await page.getByTestId('grid-map').waitFor();
  }, 120_000);

  it('pushing a shared corner out over a neighbour\'s building: the neighbours follow, counts, the moves, a reason, then saved with the history', async () => {
    const at = await openEditor();
    expect(await page.getByRole('checkbox', { name: '相邻网格边界同步调整' }).isChecked()).toBe(true);
    await drag(at(ring[shared]!), at(pushedTo));
    await page.screenshot({ path: `${ARTIFACTS}/registry-boundary-02-dragged.png` });
    await expect.poll(() => page.getByTestId('boundary-editor').innerText(), { timeout: 5000 }).toMatch(/将同时调整 \d+ 个相邻网格的边界/);
    await page.getByTestId('boundary-save').click();
    await page.getByTestId('boundary-preview').waitFor();
    await expect.poll(() => page.getByTestId('boundary-counts').innerText()).toMatch(/楼栋\s*1/);
    const counts = await page.getByTestId('boundary-counts').innerText();
    expect(counts).toMatch(/住户\s*1/);
    expect(counts).toMatch(/人口\s*1/);
    expect(await page.getByTestId('boundary-together').innerText()).toContain(neighbour.name);
    const table = await page.getByTestId('boundary-moves').innerText();
    expect(table).toContain('江岸小区1栋');
    expect(table).toContain('陈*英');
    expect(table).not.toContain('陈桂英');
    expect(table).toContain(neighbour.name);
    expect(await page.getByTestId('boundary-confirm').isDisabled()).toBe(true);
    await page.getByTestId('boundary-reason').fill('2026年勘界：江岸小区划入春晖社区第1网格');
    await expect.poll(() => page.getByTestId('boundary-confirm').isEnabled()).toBe(true);
    await page.waitForTimeout(400); // the button's colour eases in
    await expectNoEnglish(page);
    await page.screenshot({ path: `${ARTIFACTS}/registry-boundary-03-preview.png` });
    await page.getByTestId('boundary-confirm').click();
    await page.getByTestId('grid-map').waitFor();
    await expect.poll(async () => (await t.db.query<{ grid_id: string }>('select grid_id from registry_residents where id = $1', [ids.resident])).rows[0]!.grid_id).toBe(gridId);
    for (const [table2, id] of [['registry_buildings', ids.building], ['registry_households', ids.household]] as const) {
      expect((await t.db.query<{ grid_id: string }>(`select grid_id from ${table2} where id = $1`, [id])).rows[0]!.grid_id).toBe(gridId);
    }
    const history = await t.db.query<{ reason: string }>(`select reason from registry_changes where action = 'boundary' and entity_id = $1`, [ids.building]);
    expect(history.rows).toEqual([{ reason: '2026年勘界：江岸小区划入春晖社区第1网格' }]);
    // the neighbour's shared corner went along
    const after = (await t.db.query<{ geometry: Polygon }>('select geometry from org_units where id = $1', [neighbour.id])).rows[0]!.geometry;
    expect(after.coordinates[0]).not.toEqual(neighbour.geometry!.coordinates[0]);
    await page.screenshot({ path: `${ARTIFACTS}/registry-boundary-04-saved.png` });
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('the household file\'s history reads the boundary change and a grid import\'s move in words', async () => {
    // a later GeoJSON import moved the household again: its history row carries the import's reason code
    await t.db.query(
      `insert into registry_changes (entity_kind, entity_id, household_id, org_path, at, actor_id, actor_name, action, reason, before, after)
       select 'household', id, id, org_path, now(), null, '黄志刚', 'boundary', 'sys:registry.gridImport',
              jsonb_build_object('gridId', grid_id, 'gridName', '第2网格'), jsonb_build_object('gridId', grid_id, 'gridName', '第1网格')
         from registry_households where id = $1`, [ids.household]);
    await page.goto(`${base}/registry/households/${ids.household}`);
    const history = page.getByTestId('household-history');
    await history.getByText('勘界调整').first().waitFor();
    const text = await history.innerText();
    expect(text).toContain('2026年勘界：江岸小区划入春晖社区第1网格');
    expect(text).toMatch(/网格边界经导入.*划入新网格/);
    expect(text).not.toContain('sys:');
    expect(text).not.toContain('已变更'); // the grids by name, not "changed"
    await expectNoEnglish(page);
    await history.screenshot({ path: `${ARTIFACTS}/registry-boundary-05-history.png` });
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
