// Browser journey of the command center's wall (/screen, issue 17) at 1920×1080 on the demo town: the leader opens the
// wall and sees the map, today's figures and the panels; an SOS from a wristband raises an alarm that arrives flashing
// without a reload; the trends' 「数据表」 shows the numbers; a click on a community's tile and then on a grid's drills
// down with the same layout, the breadcrumb goes back up; a smaller window scales the same stage; and with the live
// stream and the server gone quiet, the stale banner shows after two minutes and 立即重连 brings the data back.
// Screenshots in test-artifacts/screen-*.png.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { expectNoEnglish, launchChromium, signInAs, WEB_DIST } from '../support/browser.ts';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { seedDemoRegistry } from '../../src/server/registry/demo/demo-step.ts';
import { seedDemoDevices } from '../../src/server/devices/demo/seed-devices.ts';
import { dispatchAlarms } from '../../src/server/alarms/dispatch-alarms.ts';
import { intakeServicesOf } from '../../src/server/alarms/alarm-clock.ts';

const ARTIFACTS = 'test-artifacts';
const NOW = new Date('2026-11-23T09:00:00+08:00');
const SEED = 20_261_123;
const WALL = { viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', reducedMotion: 'reduce' as const };

let t: TestApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let base: string;
const pageErrors: string[] = [];

/** A reading from a demo device, its care order opened as the alarm clock would at once. */
async function raise(deviceId: string, token: string, reading: Record<string, unknown>): Promise<void> {
  const res = await t.app.inject({ method: 'POST', url: `/api/devices/${deviceId}/readings`, headers: bearer(token), payload: { ts: t.clock.now.toISOString(), ...reading } });
  expect(res.statusCode, res.body).toBe(200);
  await dispatchAlarms(t.db, intakeServicesOf({ db: t.db, config: t.config }), t.clock.now);
}

const shot = (p: Page, name: string) => p.screenshot({ path: `${ARTIFACTS}/screen-${name}.png` });
const wall = (p: Page) => p.getByTestId('wall');

async function mapReady(p: Page): Promise<void> {
  await expect.poll(() => p.getByTestId('wall-map').getAttribute('data-map-ready'), { timeout: 30_000 }).toBe('true');
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await createTestApp({ webDist: WEB_DIST });
  await seedDemoRegistry(t.db, { now: NOW, seed: SEED, pii: t.app.pii });
  await seedDemoDevices(t.db, { now: NOW, seed: SEED, pii: t.app.pii });
  t.clock.set(new Date(NOW.getTime() + 60_000));
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  context = await browser.newContext(WALL);
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the command screen', () => {
  it('opens as the leader with the map, figures and panels, in Chinese', async () => {
    await signInAs(page, base, 'leader');
    await page.goto(`${base}/screen`);
    await wall(page).waitFor({ timeout: 30_000 });
    await mapReady(page);
    expect(await wall(page).getAttribute('data-unit-level')).toBe('town');
    await expect.poll(() => page.getByTestId('wall-live').textContent()).toBe('实时');
    expect(await page.locator('h1').textContent()).toContain('春晖路街道指挥大屏');
    await expect.poll(() => page.getByTestId('wall-child').count()).toBeGreaterThan(0);
    await page.waitForTimeout(500); // the charts draw on the next frame
    await shot(page, 'town');
    expect(await expectNoEnglish(page)).toBeDefined();
    // WCAG A/AA: nothing serious or critical (the map's canvas is described by its region's label)
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).exclude('.maplibregl-canvas-container').analyze();
    const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('shows an alarm raised by a device, flashing, without a reload', async () => {
    const before = await page.getByTestId('wall-alarm').count();
    const navigations: string[] = [];
    page.on('framenavigated', (f) => { if (f === page.mainFrame()) navigations.push(f.url()); });
    await page.getByTestId('wall-sound').click(); // 开启声音: the beep plays from now on
    expect(await page.getByTestId('wall-sound').getAttribute('aria-pressed')).toBe('true');

    await raise('demo-band-1', 'demo-band-token-not-secret', { key: 'sos', value: 1 });
    await expect.poll(() => page.getByTestId('wall-alarm').count(), { timeout: 20_000 }).toBe(before + 1);
    const fresh = page.locator('[data-testid="wall-alarm"].zz-wall-alarm-row-fresh');
    await expect.poll(() => fresh.count()).toBe(1);
    expect(await fresh.textContent()).toContain('一键呼救');
    expect(await fresh.getAttribute('data-status')).toBe('active');
    await expect.poll(() => page.getByTestId('wall-new-alarm').textContent()).toContain('新告警：一键呼救');
    // the alarm's row flashes (a CSS animation runs on it), and nobody's name is on the wall
    expect(await fresh.evaluate((el) => getComputedStyle(el).animationName)).toBe('zz-wall-blink');
    expect(navigations).toEqual([]);
    // the alarm's care order is an open case on the map, as a dot by its light
    await expect.poll(async () => Number(await page.getByTestId('wall-map').getAttribute('data-case-count'))).toBeGreaterThan(0);
    await shot(page, 'alarm');
  });

  it('shows the trends as a data table on 「数据表」', async () => {
    const trends = page.getByTestId('wall-trends');
    await trends.getByRole('button', { name: '数据表' }).click();
    const table = trends.locator('table');
    await table.waitFor();
    expect(await table.locator('caption').textContent()).toMatch(/^近\d+日各指标走势$/);
    expect(await table.locator('thead th').first().textContent()).toBe('日期');
    await shot(page, 'trends-table');
    await trends.getByRole('button', { name: '图表' }).click();
    await expect.poll(() => trends.locator('.zz-chart-table-wrap').count()).toBe(0);
  });

  it('drills down town → community → grid with the same layout, and back up by the breadcrumb', async () => {
    await page.locator('[data-testid="wall-child"]', { hasText: '春晖社区' }).first().click();
    await expect.poll(() => wall(page).getAttribute('data-unit-level')).toBe('community');
    await mapReady(page);
    expect(await page.locator('h1').textContent()).toContain('春晖社区');
    expect(await page.getByTestId('wall-breadcrumb').textContent()).toContain('春晖路街道');
    await page.waitForTimeout(300);
    await shot(page, 'community');

    await page.getByTestId('wall-child').first().click();
    await expect.poll(() => wall(page).getAttribute('data-unit-level')).toBe('grid');
    await mapReady(page);
    expect(await page.locator('h1').textContent()).toMatch(/网格指挥大屏/);
    expect(new URL(page.url()).searchParams.get('unit')).toBeTruthy();
    await page.waitForTimeout(300);
    await shot(page, 'grid');
    expect(await expectNoEnglish(page)).toBeDefined();

    await page.getByTestId('wall-breadcrumb').getByRole('button', { name: '春晖路街道' }).click();
    await expect.poll(() => wall(page).getAttribute('data-unit-level')).toBe('town');
    expect(new URL(page.url()).searchParams.get('unit')).toBeNull();
  });

  it('scales the same stage to a smaller window', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await expect.poll(() => wall(page).evaluate((el) => el.getBoundingClientRect().width)).toBeCloseTo(1280, 0);
    await mapReady(page);
    await page.waitForTimeout(300);
    await shot(page, 'scaled-1280');
    await page.setViewportSize(WALL.viewport);
    expect(pageErrors).toEqual([]);
  });

  it('shows the stale banner when nothing arrives for two minutes, and 立即重连 brings the data back', async () => {
    const p = await context.newPage();
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    await p.clock.install();
    // the live stream never answers (a proxy that swallows it)
    let cut = true;
    await p.route('**/api/events', async (route) => { if (!cut) await route.continue(); });
    await p.goto(`${base}/screen`);
    await wall(p).waitFor({ timeout: 30_000 });
    await mapReady(p);
    // …and then the server stops answering too
    await p.route('**/api/screen/summary**', async (route) => { if (cut) await route.fulfill({ status: 503, body: '' }); else await route.continue(); });
    expect(await wall(p).getAttribute('data-stale')).toBe('false');
    await p.clock.fastForward('03:00');
    await expect.poll(() => wall(p).getAttribute('data-stale')).toBe('true');
    expect(await p.getByTestId('wall-stale').textContent()).toMatch(/数据已 \d+ 分钟未更新/);
    await shot(p, 'stale');

    cut = false;
    await p.getByTestId('wall-stale').getByRole('button', { name: '立即重连' }).click();
    await expect.poll(() => wall(p).getAttribute('data-stale')).toBe('false');
    await expect.poll(() => p.getByTestId('wall-live').textContent()).toBe('实时');
    expect(errors).toEqual([]);
    await p.close();
  });
});
