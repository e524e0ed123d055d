// Browser journey of the map layers (风险点落图, issue 11): the demo grid worker opens the grid map, sees its grid's
// buildings, places and risk points (coloured by risk level, with the legend), turns layers off and on, clicks a risk
// point and follows the popup's link to the thing's page; the page is Chinese only, then English. A dispatcher takes a
// 12345 call at a manhole: 在部件处上报 suggests it, and the case drawer names it with a link to its page; the grid worker
// reports from the phone at a manhole the same way. Screenshots in
// test-artifacts/registry-map-*.png.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Polygon } from 'geojson';
import { DESKTOP, PHONE, launchChromium, WEB_DIST, expectNoEnglish } from '../support/browser.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID } from '../support/places.ts';

const ARTIFACTS = 'test-artifacts';

let t: TestApp;
let browser: Browser;
let base: string;
let page: Page;
const pageErrors: string[] = [];
/** the grid's bounding box centre: where the map, fitted to the grid, puts the centre of its padded frame */
let centre: { lng: number; lat: number };
let majorId: string;

const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}/registry-map-${name}.png` });

async function insert(table: string, cols: Record<string, unknown>) {
  const keys = Object.keys(cols);
  await t.db.query(`insert into ${table} (${keys.join(', ')}) values (${keys.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(cols));
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await createTestApp({ webDist: WEB_DIST });
  // the grid's records, placed around its centre (the registry's own commands are tested elsewhere)
  const g = (await t.db.query<{ id: string; path: string; town_id: string; geometry: Polygon }>(
    `select g.id, g.path, t.id as town_id, g.geometry from org_units g join org_units t on t.level = 'town' and g.path like t.path || '%' where g.code = $1`,
    [DEMO_GRID])).rows[0]!;
  const ring = g.geometry.coordinates[0]!;
  const lngs = ring.map((p) => p[0]!), lats = ring.map((p) => p[1]!);
  centre = { lng: (Math.min(...lngs) + Math.max(...lngs)) / 2, lat: (Math.min(...lats) + Math.max(...lats)) / 2 };
  const at = (eastM: number, northM: number) => ({ lng: centre.lng + eastM / 96_800, lat: centre.lat + northM / 111_195 });
  const common = { town_id: g.town_id, grid_id: g.id, org_path: g.path, created_at: new Date(), updated_at: new Date() };
  const things: [string, string, string, number, number][] = [
    ['后山边坡', 'slope', 'major', 0, 0],
    ['春晖路12号外立面', 'facade', 'high', 90, 120],
    ['3号堡坎', 'retainingWall', 'medium', -80, -140],
    ['小区消防栓', 'hydrant', 'low', 60, -200],
    ['人行道井盖', 'manhole', 'low', -100, 180],
  ];
  for (const [i, [name, kind, risk, e, n]] of things.entries()) {
    const id = `map-thing-${i}`;
    if (risk === 'major') majorId = id;
    await insert('registry_things', { ...common, id, name, kind, risk_level: risk, ...at(e, n) });
  }
  for (const [i, [e, n]] of [[-60, 60], [40, -60], [-40, -240], [100, 220]].entries()) {
    await insert('registry_buildings', { ...common, id: `map-building-${i}`, name: `春晖苑${i + 1}栋`, units: 2, floors: 18, rooms_per_floor: 4, ...at(e!, n!) });
  }
  for (const [i, [name, kind, e, n]] of ([['春晖路小学', 'school', 120, 40], ['惠民超市', 'shop', -120, -40]] as const).entries()) {
    await insert('registry_places', { ...common, id: `map-place-${i}`, name, kind, ...at(e, n) });
  }
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  page = await (await browser.newContext(DESKTOP)).newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const shown = async () => Number(await page.getByTestId('registry-layers').getAttribute('data-shown'));

describe('map layers on the grid map (grid worker)', () => {
  it('draws the grid\'s buildings, places and risk points with the layer toggles and the risk legend', async () => {
    await page.goto(`${base}/login`);
    await page.getByLabel('用户名').fill('gridworker');
    await page.getByLabel('密码').fill('demo1234');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${base}/org/map`);
    await page.locator('[data-testid="grid-map"][data-map-ready="true"]').waitFor({ timeout: 30_000 });
    const panel = page.getByTestId('registry-layers');
    await panel.waitFor();
    await expect.poll(shown, { timeout: 15_000 }).toBe(11);
    expect(await panel.innerText()).toMatch(/图层[\s\S]*楼栋[\s\S]*场所[\s\S]*风险点[\s\S]*低[\s\S]*中[\s\S]*高[\s\S]*重大/);
    await page.waitForTimeout(500);
    await expectNoEnglish(page);
    await shot('01-layers');
  });

  it('turns layers off and on', async () => {
    await page.getByTestId('layer-toggle-buildings').click();
    await expect.poll(shown).toBe(7);
    await page.getByTestId('layer-toggle-places').click();
    await expect.poll(shown).toBe(5);
    await page.waitForTimeout(400);
    await shot('02-risk-points-only');
    await page.getByTestId('layer-toggle-buildings').click();
    await page.getByTestId('layer-toggle-places').click();
    await expect.poll(shown).toBe(11);
  });

  it('opens a risk point\'s popup on a click and follows its link to the thing\'s page', async () => {
    // the map is fitted to the grid inside its padding (legend room on the left): the grid's centre is the padded frame's
    const box = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
    const x = box.x + (210 + box.width - 60) / 2;
    const y = box.y + box.height / 2;
    await page.mouse.click(x, y);
    const popup = page.getByTestId('registry-popup');
    await popup.waitFor({ timeout: 5000 });
    expect(await popup.innerText()).toMatch(/后山边坡[\s\S]*边坡 · 风险等级 重大[\s\S]*打开档案/);
    // the click opened the point, not the grid's drawer
    expect(await page.locator('.zz-grid-drawer').isVisible()).toBe(false);
    await expectNoEnglish(page);
    await shot('03-popup');
    await page.getByTestId('registry-popup-open').click();
    await page.waitForURL(`**/registry/things/${majorId}`);
  });

  it('speaks English when switched', async () => {
    await page.goto(`${base}/org/map`);
    await page.locator('[data-testid="grid-map"][data-map-ready="true"]').waitFor({ timeout: 30_000 });
    await page.evaluate(() => localStorage.setItem('zhizhi.lang', 'en'));
    await page.reload();
    await page.locator('[data-testid="grid-map"][data-map-ready="true"]').waitFor({ timeout: 30_000 });
    const panel = page.getByTestId('registry-layers');
    await expect.poll(shown, { timeout: 15_000 }).toBe(11);
    expect(await panel.innerText()).toMatch(/Layers[\s\S]*Buildings[\s\S]*Places[\s\S]*Risk points[\s\S]*Low[\s\S]*Major/);
    await shot('04-english');
    await page.evaluate(() => localStorage.setItem('zhizhi.lang', 'zh-CN'));
  });
});

describe('在部件处上报 (dispatcher, 12345 intake)', () => {
  it('suggests the manhole at the pin, reports at it, and the drawer names it with a link to its page', async () => {
    const desk = await (await browser.newContext(DESKTOP)).newPage();
    desk.on('pageerror', (e) => pageErrors.push(e.message));
    await desk.goto(`${base}/login`);
    await desk.getByLabel('用户名').fill('dispatcher');
    await desk.getByLabel('密码').fill('demo1234');
    await desk.getByRole('button', { name: /登\s*录/ }).click();
    await desk.waitForURL((u) => !u.pathname.startsWith('/login'));
    await desk.goto(`${base}/cases/intake`);
    await desk.locator('[data-testid="location-picker"][data-map-ready="true"]').waitFor({ timeout: 30_000 });
    // first the streetlight category: no thing of its kind to suggest
    await desk.getByTestId('intake-category').click();
    await desk.keyboard.type('路灯');
    await desk.locator('.ant-select-item-option').filter({ hasText: 'C0201' }).click();
    await desk.getByTestId('intake-description').fill('市民来电：人行道井盖松动');
    const box = (await desk.locator('[data-testid="location-picker"] canvas').boundingBox())!;
    await desk.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => desk.getByTestId('locate-feedback').innerText()).toMatch(/位于 .*网格/);
    const [lng, lat] = (await desk.getByTestId('locate-feedback').innerText()).match(/\d+\.\d+/g)!.map(Number);
    // a manhole 2 m from the pin, in the grid the pin fell in
    const grid = (await t.db.query<{ id: string; path: string; town_id: string }>(
      `select g.id, g.path, t.id as town_id from org_units g join org_units t on t.level = 'town' and g.path like t.path || '%'
        where g.level = 'grid' and g.name = $1`, [(await desk.getByTestId('intake-location').innerText()).trim()])).rows[0]!;
    await insert('registry_things', { id: 'intake-manhole', town_id: grid.town_id, grid_id: grid.id, org_path: grid.path, name: '来电处井盖', kind: 'manhole',
      risk_level: 'high', lng: lng!, lat: lat! + 2 / 111_195, created_at: new Date(), updated_at: new Date() });
    // the right category: the manhole at the pin is found and suggested
    await desk.getByTestId('intake-category').click();
    await desk.keyboard.type('井盖');
    await desk.locator('.ant-select-item-option').filter({ hasText: 'C0101' }).click();
    const picker = desk.getByTestId('thing-picker');
    await expect.poll(() => picker.innerText(), { timeout: 10_000 }).toContain('来电处井盖');
    expect(await picker.innerText()).toMatch(/来电处井盖\s*窨井盖 · \d+ 米\s*建议/);
    // the category shows with its code (井盖破损缺失（C0101）)
    await expectNoEnglish(desk, ['C']);
    await desk.screenshot({ path: `${ARTIFACTS}/registry-map-05-intake-thing.png` });
    await desk.getByTestId('intake-submit').click();
    await desk.getByTestId('intake-result').waitFor();
    const id = (await t.db.query<{ id: string }>(`select id from cases where thing_id = 'intake-manhole'`)).rows[0]?.id;
    expect(id).toBeTruthy();
    await desk.getByTestId('intake-result').getByRole('button', { name: /查看|打开/ }).first().click();
    const thing = desk.getByTestId('case-thing');
    await thing.waitFor();
    expect(await thing.innerText()).toMatch(/来电处井盖\s*窨井盖\s*风险等级 高/);
    await expectNoEnglish(desk, ['C']);
    await desk.screenshot({ path: `${ARTIFACTS}/registry-map-06-drawer-thing.png` });
    await thing.getByRole('link', { name: '来电处井盖' }).click();
    await desk.waitForURL('**/registry/things/intake-manhole');
    expect(pageErrors).toEqual([]);
  });
});

describe('在部件处上报 (grid worker, phone)', () => {
  it('lists the things near the GPS position, the manhole suggested for 井盖破损缺失, and reports at it', async () => {
    const g = (await t.db.query<{ id: string; path: string; town_id: string }>(
      `select g.id, g.path, t.id as town_id from org_units g join org_units t on t.level = 'town' and g.path like t.path || '%' where g.code = $1`, [DEMO_GRID])).rows[0]!;
    await insert('registry_things', { id: 'phone-manhole', town_id: g.town_id, grid_id: g.id, org_path: g.path, name: '春晖路18号井盖', kind: 'manhole',
      risk_level: 'medium', lng: centre.lng, lat: centre.lat + 3 / 111_195, created_at: new Date(), updated_at: new Date() });
    const phone = await (await browser.newContext({ ...PHONE, geolocation: { longitude: centre.lng, latitude: centre.lat, accuracy: 10 }, permissions: ['geolocation'] })).newPage();
    phone.on('pageerror', (e) => pageErrors.push(e.message));
    await phone.goto(`${base}/login`);
    await phone.getByLabel('用户名').fill('gridworker');
    await phone.getByLabel('密码').fill('demo1234');
    await phone.getByRole('button', { name: /登\s*录/ }).click();
    await phone.waitForURL('**/m');
    await phone.goto(`${base}/m/report`);
    await phone.getByTestId('report-page').waitFor();
    await phone.getByTestId('category-field').click();
    await phone.getByTestId('category-search').locator('input').fill('井盖');
    await phone.getByTestId('category-C0101').click();
    await phone.getByTestId('category-list').waitFor({ state: 'hidden' });
    await phone.getByTestId('description').locator('textarea:not([aria-hidden])').fill('春晖路 18 号井盖松动');
    await phone.locator('[data-testid="position-map"][data-map-ready="true"]').waitFor({ timeout: 30_000 });
    const picker = phone.getByTestId('thing-picker');
    await expect.poll(() => picker.innerText().catch(() => ''), { timeout: 15_000 }).toContain('春晖路18号井盖');
    expect(await picker.innerText()).toMatch(/后山边坡\s*边坡 · 0 米[\s\S]*春晖路18号井盖\s*窨井盖 · 3 米 · 建议/);
    await picker.scrollIntoViewIfNeeded();
    await phone.waitForTimeout(300);
    await expectNoEnglish(phone, ['C']); // the category's code under its name
    await phone.screenshot({ path: `${ARTIFACTS}/registry-map-07-phone-picker.png` });
    await phone.getByTestId('report-submit').click();
    await phone.getByTestId('case-number').waitFor();
    const number = (await phone.getByTestId('case-number').innerText()).trim();
    expect((await t.db.query<{ thing_id: string }>('select thing_id from cases where number = $1', [number])).rows[0]!.thing_id).toBe('phone-manhole');
    // the case's detail names the thing
    await phone.getByTestId('view-case').click();
    await expect.poll(() => phone.getByTestId('detail-thing').innerText().catch(() => ''), { timeout: 10_000 }).toBe('春晖路18号井盖 · 窨井盖 · 风险等级 中');
    await phone.screenshot({ path: `${ARTIFACTS}/registry-map-08-phone-detail.png` });
    expect(pageErrors).toEqual([]);
  });
});
