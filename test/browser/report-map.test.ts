// Placing a report without GPS (issue 10, items 3 and 4): a resident who refused the location permission opens the
// report page; the map opens on her home grid with the pin in its middle, she drags the pin, taps outside every grid
// and is offered the nearest one, searches a place by pinyin initials, picks it and submits. The anonymous page opens
// on the default town; the 12345 intake finds a community by search; a configured basemap's tiles are drawn under the
// outlines. Screenshots in test-artifacts/map-*.png.
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, launchChromium, PHONE, WEB_DIST } from '../support/browser.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const ARTIFACTS = 'test-artifacts';
let t: TestApp;
let browser: Browser;
let base: string;
const pageErrors: string[] = [];

async function listen(a: TestApp): Promise<string> {
  await a.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(a.app.server.address() as AddressInfo).port}`;
}

async function signIn(page: Page, at: string, username: string, landing: string) {
  await page.goto(`${at}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('demo1234');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL(`**${landing}`);
}

const gridName = (page: Page) => page.getByTestId('grid-name').innerText().catch(() => '');

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await createTestApp({ webDist: WEB_DIST });
  base = await listen(t);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('a resident without GPS places a report', () => {
  let page: Page;
  beforeAll(async () => {
    // no geolocation permission: the browser refuses the position
    const context = await browser.newContext({ ...PHONE });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signIn(page, base, 'resident', '/m');
    await page.goto(`${base}/m/report`);
    await page.getByTestId('report-page').waitFor();
  });

  it('opens on her home grid with the pin in its middle, and says so', async () => {
    await page.locator('[data-testid="position-map"][data-map-ready="true"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('map-pin').waitFor();
    await expect.poll(() => gridName(page), { timeout: 10_000 }).toContain('春晖社区第1网格');
    expect(await page.getByTestId('pin-hint').innerText()).toBe('标记在春晖社区第1网格中央：拖动标记或点击地图，放到事发位置');
    expect(await page.getByTestId('gps-failed').isVisible()).toBe(true);
    // the pin stands in the middle of the map
    const map = (await page.getByTestId('position-map').boundingBox())!;
    const pin = (await page.getByTestId('map-pin').boundingBox())!;
    expect(Math.abs(pin.x + pin.width / 2 - (map.x + map.width / 2))).toBeLessThan(30);
    // the community's outlines and name are drawn (no grey box): the community label is on the map
    expect(await page.locator('.zz-label-community').first().innerText()).toBe('春晖社区');
    expect(await page.getByTestId('position-map').getAttribute('data-basemap')).toBe('none');
    await page.getByTestId('position-field').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/map-01-resident-home-grid.png` });
  });

  it('drags the pin, and the hint and the grid follow', async () => {
    const pin = (await page.getByTestId('map-pin').boundingBox())!;
    const x = pin.x + pin.width / 2, y = pin.y + pin.height - 4;
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(x + i * 6, y - i * 4);
    await page.mouse.up();
    await expect.poll(() => page.getByTestId('pin-hint').innerText(), { timeout: 5_000 }).toBe('已选定位置，可继续拖动标记调整');
    await expect.poll(() => gridName(page), { timeout: 10_000 }).toMatch(/春晖社区/);
    await page.screenshot({ path: `${ARTIFACTS}/map-02-pin-dragged.png` });
  });

  it('taps outside every grid and is offered the nearest one', async () => {
    // the home grid is the town's south-west corner: the map's left edge lies west of every grid
    const map = (await page.getByTestId('position-map').boundingBox())!;
    await page.mouse.click(map.x + 6, map.y + map.height / 2);
    await page.getByTestId('grid-outside').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('grid-outside').innerText()).toBe('该位置不在任何网格内');
    const snap = page.getByTestId('snap-to-grid');
    expect(await snap.innerText()).toMatch(/^移到最近的网格：春晖社区第\d+网格（约 \d+ 米）$/);
    await page.screenshot({ path: `${ARTIFACTS}/map-03-outside-offer-nearest.png` });
    await snap.click();
    await expect.poll(() => gridName(page), { timeout: 10_000 }).toMatch(/春晖社区第\d+网格/);
    expect(await page.getByTestId('grid-outside').count()).toBe(0);
  });

  it('searches a place by pinyin initials, picks it and the pin moves there', async () => {
    await page.getByTestId('place-search').locator('input').fill('chsqd5');
    await page.getByTestId('place-result').first().waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('place-result').first().innerText()).toContain('春晖社区第5网格');
    await page.screenshot({ path: `${ARTIFACTS}/map-04-search-results.png` });
    await page.getByTestId('place-result').first().click();
    await expect.poll(() => gridName(page), { timeout: 10_000 }).toContain('春晖社区第5网格');
    expect(await page.getByTestId('pin-hint').innerText()).toBe('已移到“春晖社区第5网格”，可拖动标记微调');
    await page.screenshot({ path: `${ARTIFACTS}/map-05-place-picked.png` });
  });

  it('submits the report at that place', async () => {
    await page.getByTestId('category-field').click();
    await page.getByTestId('category-search').locator('input').fill('垃圾');
    await page.getByTestId('category-E0101').click();
    await page.getByTestId('category-list').waitFor({ state: 'hidden' });
    await page.getByTestId('description').locator('textarea:not([aria-hidden])').fill('第5网格路口有暴露垃圾');
    await page.getByTestId('report-submit').click();
    await page.getByTestId('case-number').waitFor({ timeout: 15_000 });
    const number = (await page.getByTestId('case-number').innerText()).trim();
    const row = (await t.db.query<{ name: string }>(
      `select g.name from cases c join org_units g on g.id = c.grid_id where c.number = $1`, [number])).rows[0];
    expect(row?.name).toBe('春晖社区第5网格');
    await page.screenshot({ path: `${ARTIFACTS}/map-06-submitted.png` });
  });
});

describe('the other report maps', () => {
  it('the anonymous page opens on the default town with the pin in its middle', async () => {
    const page = await (await browser.newContext({ ...PHONE })).newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${base}/m/public/report`);
    await page.locator('[data-testid="position-map"][data-map-ready="true"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('map-pin').waitFor();
    expect(await page.getByTestId('pin-hint').innerText()).toBe('拖动标记或点击地图，放到事发位置');
    expect(await page.locator('.zz-label-community').count()).toBe(10);
    await page.getByTestId('position-field').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/map-07-anonymous-town.png` });
  });

  it('the 12345 intake finds a community by its initials', async () => {
    const page = await (await browser.newContext({ ...DESKTOP })).newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signIn(page, base, 'dispatcher', '/cases/workbench');
    await page.goto(`${base}/cases/intake`);
    await page.locator('[data-testid="location-picker"][data-map-ready="true"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('place-search').locator('input').fill('cuihu');
    await page.getByTestId('place-result').first().waitFor({ timeout: 10_000 });
    await page.getByTestId('place-result').first().click();
    await expect.poll(() => page.getByTestId('locate-feedback').innerText(), { timeout: 10_000 }).toMatch(/翠湖社区 · 位于 翠湖/);
    // the pick closes the list and leaves the place's name in the box
    await expect.poll(() => page.locator('[data-testid="place-result"]:visible').count()).toBe(0);
    expect(await page.getByTestId('place-search').locator('input').inputValue()).toBe('翠湖社区');
    await page.screenshot({ path: `${ARTIFACTS}/map-08-intake-search.png` });
  });
});

describe('a configured basemap', () => {
  let tiles: Server;
  let asked = 0;
  let other: TestApp;
  let otherBase = '';
  beforeAll(async () => {
    // a tile server on this machine: a light green tile with a darker cross, so the screenshot shows tiles
    const png = await sharp({ create: { width: 256, height: 256, channels: 3, background: '#d9ead3' } })
      .composite([{ input: Buffer.from('<svg width="256" height="256"><path d="M128 0V256M0 128H256" stroke="#93b886" stroke-width="6"/></svg>') }]).png().toBuffer();
    tiles = createServer((req, res) => {
      if (/^\/tiles\/\d+\/\d+\/\d+\.png$/.test(req.url ?? '')) { asked++; res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' }); res.end(png); return; }
      res.writeHead(404); res.end();
    });
    await new Promise<void>((ok) => tiles.listen(0, '127.0.0.1', ok));
    const port = (tiles.address() as AddressInfo).port;
    other = await createTestApp({ webDist: WEB_DIST, env: { MAP_TILES_URL: `http://127.0.0.1:${port}/tiles/{z}/{x}/{y}.png`, MAP_TILES_ATTRIBUTION: '测试底图' } });
    otherBase = await listen(other);
  });
  afterAll(async () => { await other?.close(); tiles?.closeAllConnections(); await new Promise((ok) => tiles?.close(ok)); });

  it('draws its tiles under the outlines, with its attribution', async () => {
    const page = await (await browser.newContext({ ...PHONE })).newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${otherBase}/m/public/report`);
    await page.locator('[data-testid="position-map"][data-map-ready="true"]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('position-map').getAttribute('data-basemap')).toBe('configured');
    expect(asked).toBeGreaterThan(0);
    expect(await page.locator('.maplibregl-ctrl-attrib').innerText()).toContain('测试底图');
    await page.getByTestId('position-field').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/map-09-configured-basemap.png` });
  });
});

describe('the pages', () => {
  it('threw no script errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
