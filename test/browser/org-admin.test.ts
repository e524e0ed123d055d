// Browser journey: the system administrator renames a grid from the org map, drags one of its vertices inward on
// the map (Terra Draw), saves the boundary, and finds the old one in the grid's boundary history.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, launchChromium, WEB_DIST, expectNoEnglish, chooseMenuItem } from '../support/browser.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const ARTIFACTS = 'test-artifacts';
const CODE = '500199001001001';

let t: TestApp;
let browser: Browser;
let page: Page;
let base: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await createTestApp({ webDist: WEB_DIST });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  page = await browser.newPage(DESKTOP);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text().slice(0, 600)); });
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/**
 * Where a position shows once the editor has fitted the grid (MapLibre's fitBounds: Web Mercator, 512-px tiles, the
 * editor's padding of 60 px and 380 px on the left for its panel, zoom at most 17).
 */
function screenOf(box: { x: number; y: number; width: number; height: number }, ring: number[][]) {
  const merc = ([lng, lat]: number[]) => [(lng! + 180) / 360, (1 - Math.log(Math.tan(Math.PI / 4 + (lat! * Math.PI) / 360)) / Math.PI) / 2] as const;
  const pts = ring.map(merc);
  const [x0, x1] = [Math.min(...pts.map((p) => p[0])), Math.max(...pts.map((p) => p[0]))];
  const [y0, y1] = [Math.min(...pts.map((p) => p[1])), Math.max(...pts.map((p) => p[1]))];
  const k = Math.min((box.width - 440) / (x1 - x0), (box.height - 120) / (y1 - y0), 512 * 2 ** 17);
  const cx = box.x + 380 + (box.width - 440) / 2, cy = box.y + 60 + (box.height - 120) / 2;
  return (p: number[]) => { const [x, y] = merc(p); return { x: cx + (x - (x0 + x1) / 2) * k, y: cy + (y - (y0 + y1) / 2) * k }; };
}


describe('org units administered on the map (admin)', () => {
  it('renames a grid from the tree\'s menu', async () => {
    await page.goto(`${base}/login`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('demo1234');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((u) => !u.pathname.endsWith('/login'));
    await page.goto(`${base}/org/map`);
    await page.getByTestId('org-tree').waitFor();
    // find the grid through the tree's search
    await page.getByPlaceholder(/搜索/).fill('春晖社区第1网格');
    await page.locator('.ant-list-item').filter({ hasText: CODE }).first().click();
    await page.locator('.zz-grid-drawer').getByText(CODE).waitFor();
    await chooseMenuItem(page, page.getByTestId('unit-admin-menu'), page.getByTestId('unit-admin-rename'), page.getByTestId('rename-input'));
    await page.getByTestId('rename-input').fill('春晖社区第1网格（滨江）');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(async () => (await t.db.query('select name from org_units where code = $1', [CODE])).rows[0]!.name).toBe('春晖社区第1网格（滨江）');
    await expectNoEnglish(page);
    await page.screenshot({ path: `${ARTIFACTS}/org-admin-01-renamed.png` });
  });

  it('drags one vertex inward and saves the boundary; the old one is in the history', async () => {
    const before = (await t.db.query<{ geometry: { coordinates: number[][][] } }>('select geometry from org_units where code = $1', [CODE])).rows[0]!.geometry;
    await chooseMenuItem(page, page.getByTestId('unit-admin-menu'), page.getByTestId('unit-admin-boundary'), page.getByTestId('boundary-editor'));
    await page.locator('[data-testid="boundary-editor"][data-map-ready="true"]').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1500);
    await expectNoEnglish(page);
    await page.screenshot({ path: `${ARTIFACTS}/org-admin-02-editing.png` });
    // the first vertex on screen, and the ring's centroid: drag the vertex a quarter of the way towards it
    const ring = before.coordinates[0]!.slice(0, -1);
    const centre = ring.reduce<[number, number]>(([x, y], p) => [x + p[0]! / ring.length, y + p[1]! / ring.length], [0, 0]);
    const box = (await page.locator('[data-testid="boundary-editor"] canvas').boundingBox())!;
    const onScreen = screenOf(box, ring);
    const v = onScreen(ring[0]!), c = onScreen(centre);
    const from = v;
    const to = { x: v.x + (c.x - v.x) / 4, y: v.y + (c.y - v.y) / 4 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 10, from.y + ((to.y - from.y) * i) / 10);
    await page.mouse.up();
    await expectNoEnglish(page);
    await page.screenshot({ path: `${ARTIFACTS}/org-admin-03-dragged.png` });
    await page.getByTestId('boundary-save').click();
    await page.getByTestId('grid-map').waitFor();
    const after = (await t.db.query<{ geometry: { coordinates: number[][][] } }>('select geometry from org_units where code = $1', [CODE])).rows[0]!.geometry;
    expect(after.coordinates[0]).not.toEqual(before.coordinates[0]);
    await chooseMenuItem(page, page.getByTestId('unit-admin-menu'), page.getByTestId('unit-admin-history'), page.getByTestId('boundary-history'));
    await page.getByTestId('boundary-history').waitFor();
    expect(await page.getByTestId('boundary-history').locator('.ant-list-item').count()).toBe(1);
    await expectNoEnglish(page);
    await page.screenshot({ path: `${ARTIFACTS}/org-admin-04-history.png` });
    expect(pageErrors).toEqual([]);
  });

  it('moves a micro-grid to a grid of another community through 移动到…, its targets grouped by community', async () => {
    // close the history dialog by its button (Escape misses while focus has not yet moved into it) and wait until gone
    await page.locator('.ant-modal-wrap:visible .ant-modal-close').first().click();
    await page.getByTestId('boundary-history').waitFor({ state: 'hidden' });
    const micro = `${CODE}02`;
    const microId = (await t.db.query<{ id: string }>('select id from org_units where code = $1', [micro])).rows[0]!.id;
    await page.getByPlaceholder(/搜索/).fill(micro);
    await page.locator('.ant-list-item').filter({ hasText: micro }).first().click();
    await chooseMenuItem(page, page.getByTestId('unit-admin-menu'), page.getByTestId('unit-admin-move'), page.getByTestId('move-target'));
    await page.getByTestId('move-target').click();
    await page.locator('.ant-select-tree-title').first().waitFor();
    await expectNoEnglish(page);
    await page.screenshot({ path: `${ARTIFACTS}/org-admin-05-move-targets.png` });
    await page.getByTestId('move-target').locator('input').fill('锦霞社区第1网格');
    await page.locator('.ant-select-tree-title').filter({ hasText: '锦霞社区第1网格' }).first().click();
    await page.getByTestId('move-submit').click();
    const target = (await t.db.query<{ id: string }>(`select id from org_units where code = '500199001002001'`)).rows[0]!.id;
    await expect.poll(async () => (await t.db.query<{ parent_id: string }>('select parent_id from org_units where id = $1', [microId])).rows[0]?.parent_id).toBe(target);
    await page.getByText(/已移至/).waitFor();
    await expectNoEnglish(page);
    await page.screenshot({ path: `${ARTIFACTS}/org-admin-06-moved.png` });
    expect(pageErrors).toEqual([]);
  });

  it('offers a grid only the communities its boundary fits in; the others are shown disabled with why', async () => {
    await page.getByPlaceholder(/搜索/).fill(CODE);
    await page.locator('.ant-list-item').filter({ hasText: CODE }).first().click();
    await chooseMenuItem(page, page.getByTestId('unit-admin-menu'), page.getByTestId('unit-admin-move'), page.getByTestId('move-target'));
    await page.getByTestId('move-target').click();
    const jinxia = page.locator('.ant-select-tree-treenode').filter({ hasText: '锦霞社区' }).first();
    await jinxia.waitFor();
    expect(await jinxia.getAttribute('class')).toContain('ant-select-tree-treenode-disabled');
    expect(await jinxia.innerText()).toContain('边界不在其范围内');
    await page.screenshot({ path: `${ARTIFACTS}/org-admin-07-grid-targets.png` });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /取\s*消/ }).click();
    expect(pageErrors).toEqual([]);
  });

  it('refuses to retire a grid that still holds registry records, naming them and what to do first', async () => {
    const code = '500199001001007';
    const g = (await t.db.query<{ id: string; name: string; path: string; town: string }>(
      `select u.id, u.name, u.path, (select t.id from org_units t where t.level = 'town' and starts_with(u.path, t.path)) as town from org_units u where u.code = $1`, [code])).rows[0]!;
    const ring = (await t.db.query<{ geometry: { coordinates: number[][][] } }>('select geometry from org_units where id = $1', [g.id])).rows[0]!.geometry.coordinates[0]!;
    const [lng, lat] = [ring.slice(0, -1).reduce((s, p) => s + p[0]!, 0) / (ring.length - 1), ring.slice(0, -1).reduce((s, p) => s + p[1]!, 0) / (ring.length - 1)];
    await t.db.query(`insert into registry_buildings (town_id, grid_id, org_path, name, lng, lat, units, floors, rooms_per_floor, created_at, updated_at)
      values ($1, $2, $3, '撤销测试楼', $4, $5, 1, 6, 2, now(), now())`, [g.town, g.id, g.path, lng, lat]);
    await page.getByPlaceholder(/搜索/).fill(code);
    await page.locator('.ant-list-item').filter({ hasText: code }).first().click();
    await page.locator('.zz-grid-drawer').getByText(code).waitFor();
    await chooseMenuItem(page, page.getByTestId('unit-admin-menu'), page.getByTestId('unit-admin-retire'), page.locator('.ant-modal-confirm'));
    // the grid chosen, not the one before it (the menu once offered the earlier grid's actions while the new one loaded)
    const confirm = page.locator('.ant-modal-confirm').filter({ visible: true });
    await confirm.locator('.ant-modal-confirm-title').getByText(g.name).waitFor();
    await confirm.getByRole('button', { name: /撤\s*销/ }).click();
    const refusal = page.getByTestId('retire-refusal');
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/楼栋 1 栋.*请先调整边界/);
    await page.locator('.ant-modal-confirm-confirm').waitFor({ state: 'hidden' });
    await page.waitForTimeout(400); // the refusal's opening animation
    await expectNoEnglish(page);
    await page.screenshot({ path: `${ARTIFACTS}/org-admin-08-retire-refused.png` });
    expect((await t.db.query('select retired_at from org_units where id = $1', [g.id])).rows[0]).toEqual({ retired_at: null });
    // the browser logs the refusal's 409 itself
    expect(pageErrors.filter((e) => !/status of 409/.test(e))).toEqual([]);
  });
});
