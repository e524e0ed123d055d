// Browser journey of the mobile case loop on a phone: the grid worker reports 井盖破损缺失 with a photo at
// his grid's centre, the desk handles it (through the API), he verifies it from 待核查; the resident
// reports 暴露垃圾, it is closed (through the API), and she rates it 非常满意. Also 随手拍 without a login
// and tracking by number + phone. Needs the routes of src/web/features/cases/mobile-routes.tsx mounted.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, PHONE, WEB_DIST } from '../support/browser.ts';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { makeJpeg } from '../support/images.ts';

const ARTIFACTS = 'test-artifacts';

let t: TestApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let base: string;
let photoPath: string;
const pageErrors: string[] = [];

/** one lifecycle step through the API, as the desk would do it */
async function act(username: string, caseId: string, action: string, body: Record<string, unknown> = {}) {
  const token = await t.login(username);
  const res = await t.app.inject({ method: 'POST', url: `/api/cases/${caseId}/actions/${action}`, headers: bearer(token), payload: body });
  expect(res.statusCode, `${username} ${action}: ${res.body}`).toBe(200);
  return res.json() as { status: string; version: number };
}

async function caseIdOf(username: string, number: string): Promise<string> {
  const res = await t.app.inject({ method: 'GET', url: '/api/cases?mine=reported', headers: bearer(await t.login(username)) });
  const found = (res.json().items as { id: string; number: string }[]).find((c) => c.number === number);
  expect(found, `case ${number} in ${username}'s reports`).toBeTruthy();
  return found!.id;
}

async function signIn(username: string) {
  await page.goto(`${base}/login`);
  await page.evaluate(() => localStorage.removeItem('zhizhi.token'));
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('demo1234');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL('**/m');
}

async function chooseCategory(search: string, code: string) {
  await page.getByTestId('category-field').click();
  await page.getByTestId('category-search').locator('input').fill(search);
  await page.getByTestId(`category-${code}`).click();
  await page.getByTestId('category-list').waitFor({ state: 'hidden' });
  await expect.poll(() => page.getByTestId('category-value').innerText()).not.toBe('');
}

/** A screenshot once overlays have finished closing; a full page is shot with a viewport as tall as the page, so the fixed footer sits at its end. */
async function shot(name: string, fullPage = false, overlay = false) {
  if (!overlay) await page.waitForFunction(() => ![...document.querySelectorAll('.adm-popup, .adm-center-popup, .adm-dialog, .adm-toast-mask')]
    .some((e) => getComputedStyle(e).display !== 'none' && !e.closest('[style*="display: none"]')));
  if (!fullPage) { await page.screenshot({ path: `${ARTIFACTS}/mobile-${name}.png` }); return; }
  await page.evaluate(() => window.scrollTo(0, 0));
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: PHONE.viewport.width, height: Math.max(height, PHONE.viewport.height) });
  await page.waitForTimeout(300); // the map resizes
  await page.screenshot({ path: `${ARTIFACTS}/mobile-${name}.png` });
  await page.setViewportSize(PHONE.viewport);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await createTestApp({ webDist: WEB_DIST });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const centre = await gridCentre(t.db, DEMO_GRID);
  photoPath = path.join(mkdtempSync(path.join(tmpdir(), 'zhizhi-photo-')), 'manhole.jpg');
  writeFileSync(photoPath, await makeJpeg(1200, 900, '#6b7b8c'));
  browser = await launchChromium();
  context = await browser.newContext({ ...PHONE, geolocation: { longitude: centre.lng, latitude: centre.lat, accuracy: 12 }, permissions: ['geolocation'] });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('mobile case loop (grid worker)', () => {
  let number = '';
  let caseId = '';

  it('reports 井盖破损缺失 with a photo at the GPS position and gets a case number', async () => {
    await signIn('gridworker');
    await page.goto(`${base}/m/report`);
    await page.getByTestId('report-page').waitFor();
    await chooseCategory('井盖', 'C0101');
    expect(await page.getByTestId('category-value').innerText()).toBe('井盖破损缺失');
    await page.getByTestId('description').locator('textarea:not([aria-hidden])').fill('春晖路 18 号门口井盖破损，有行人绊倒风险');
    await page.getByTestId('photos').locator('input[type=file]').setInputFiles(photoPath);
    await page.locator('[data-testid="position-map"][data-map-ready="true"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('grid-name').innerText(), { timeout: 10_000 }).toContain('春晖社区第1网格');
    await page.getByTestId('address').locator('input').fill('春晖路 18 号');
    // the photo was compressed and uploaded: its thumbnail comes from the server
    await expect.poll(() => page.getByTestId('photos').locator('img[src*="/api/files/"]').count(), { timeout: 10_000 }).toBe(1);
    // the map fills its frame whichever stylesheet (ours or MapLibre's, in chunks of their own) loads last
    expect(await page.getByTestId('position-map').locator('.zz-map-canvas').evaluate((e) => e.getBoundingClientRect().height)).toBeGreaterThan(150);
    await shot('01-report-form', true);

    await page.getByTestId('report-submit').click();
    await page.getByTestId('case-number').waitFor();
    number = (await page.getByTestId('case-number').innerText()).trim();
    expect(number).toMatch(/^\d{9}-\d{8}-\d{4}$/);
    expect(await page.getByTestId('report-result').innerText()).toContain('待受理');
    expect(await page.getByTestId('accept-due').innerText()).toMatch(/\d{2}:\d{2}/);
    // 井盖 is not an on-spot matter: no 现场处置 offered
    expect(await page.getByTestId('on-spot-card').count()).toBe(0);
    await shot('02-report-result');
    caseId = await caseIdOf('gridworker', number);
  });

  it('shows the case in 我的上报 with its photo and timeline', async () => {
    await page.goto(`${base}/m/cases`);
    await page.locator(`[data-testid="case-item"][data-number="${number}"]`).waitFor();
    await shot('03-my-reports');
    await page.locator(`[data-testid="case-item"][data-number="${number}"]`).click();
    await page.getByTestId('detail-number').waitFor();
    expect(await page.getByTestId('detail-number').innerText()).toBe(number);
    expect(await page.getByTestId('detail-photos').locator('[data-testid="case-photo"][data-phase="before"]').count()).toBe(1);
    expect(await page.getByTestId('timeline').innerText()).toContain('李明辉');
  });

  it('verifies the handled case from 待核查', async () => {
    await act('dispatcher', caseId, 'accept');
    await act('dispatcher', caseId, 'dispatch');
    await act('handler', caseId, 'start');
    const done = await act('handler', caseId, 'report_done', { note: '已更换井盖' });
    expect(done.status).toBe('handled');

    await page.goto(`${base}/m/cases`);
    await page.getByTestId('tab-verify').click();
    await page.locator(`[data-testid="case-list-verify"] [data-testid="case-item"][data-number="${number}"]`).waitFor();
    await shot('04-to-verify');
    await page.locator(`[data-testid="case-item"][data-number="${number}"]`).click();
    await page.getByTestId('action-verify').waitFor();
    expect(await page.getByTestId('action-reopen').isVisible()).toBe(true);
    expect(await page.getByTestId('timeline').innerText()).toContain('已更换井盖');
    await shot('05-detail-handled', true);
    await page.getByTestId('action-verify').click();
    await page.locator('.adm-dialog-button', { hasText: '确定' }).click();
    await expect.poll(() => page.getByTestId('status-tag').first().getAttribute('data-status')).toBe('closed');
    expect(await page.getByTestId('action-verify').count()).toBe(0);
    await shot('06-verified');
  });
});

describe('mobile case loop (resident)', () => {
  let number = '';

  it('reports 暴露垃圾 from 随手拍', async () => {
    await signIn('resident');
    await page.goto(`${base}/m/report`);
    await chooseCategory('垃圾', 'E0101');
    await page.getByTestId('description').locator('textarea:not([aria-hidden])').fill('小区东门垃圾桶满溢，垃圾堆在路边');
    await page.locator('[data-testid="position-map"][data-map-ready="true"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('grid-name').innerText(), { timeout: 10_000 }).toContain('春晖社区第1网格');
    await expect.poll(() => page.locator('.zz-label-grid').count(), { timeout: 15_000 }).toBeGreaterThan(3); // the grids around, from the public map
    await page.locator('[data-testid="position-map"][data-map-ready="true"]').waitFor();
    await shot('07-resident-report', true);
    await page.getByTestId('report-submit').click();
    await page.getByTestId('case-number').waitFor();
    number = (await page.getByTestId('case-number').innerText()).trim();
    expect(number).toMatch(/^\d{9}-\d{8}-\d{4}$/);
    expect(await page.getByTestId('on-spot-card').count()).toBe(0); // residents do not resolve on the spot
  });

  it('rates the closed case 非常满意', async () => {
    const id = await caseIdOf('resident', number);
    await act('dispatcher', id, 'accept');
    await act('dispatcher', id, 'dispatch');
    await act('gridworker', id, 'report_done', { note: '已清运' });
    expect((await act('dispatcher', id, 'verify')).status).toBe('closed');

    await page.goto(`${base}/m/cases`);
    const item = page.locator(`[data-testid="case-item"][data-number="${number}"]`);
    await item.waitFor();
    expect(await item.getByTestId('status-tag').innerText()).toBe('已办结');
    await item.click();
    await page.getByTestId('action-rate').click();
    await page.getByTestId('rate-sheet').waitFor();
    await page.getByTestId('rate-5').click();
    await page.getByTestId('rate-comment').locator('textarea:not([aria-hidden])').fill('处理很及时，谢谢');
    await page.waitForTimeout(400); // the sheet slides in
    await shot('08-rate-sheet', false, true);
    await page.getByTestId('rate-submit').click();
    await expect.poll(() => page.getByTestId('detail-satisfaction').innerText()).toContain('非常满意');
    expect(await page.getByTestId('action-rate').count()).toBe(0);
    await shot('09-rated', true);
  });
});

describe('随手拍 without an account', () => {
  it('reports with a phone number and a photo, and tracks the case by number + phone', async () => {
    await page.evaluate(() => localStorage.removeItem('zhizhi.token'));
    await page.goto(`${base}/m/public/report`);
    await page.getByTestId('public-report-page').waitFor();
    await chooseCategory('小广告', 'E0201');
    await page.getByTestId('description').locator('textarea:not([aria-hidden])').fill('单元门口贴满小广告');
    await page.locator('[data-testid="position-map"][data-map-ready="true"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('.zz-label-grid').count(), { timeout: 15_000 }).toBeGreaterThan(3); // the community's grids, without an account
    await page.locator('[data-testid="position-map"][data-map-ready="true"]').waitFor();
    await page.getByTestId('photos').locator('input[type=file]').setInputFiles(photoPath);
    await page.getByTestId('phone').locator('input').fill('13800138000');
    await expect.poll(() => page.getByTestId('photos').locator('img[src*="/api/files/"]').count(), { timeout: 10_000 }).toBe(1);
    await shot('10-public-report', true);
    await page.getByTestId('public-submit').click();
    await page.getByTestId('case-number').waitFor();
    const number = (await page.getByTestId('case-number').innerText()).trim();
    expect(number).toMatch(/^\d{9}-\d{8}-\d{4}$/);
    const photos = await t.db.query<{ n: number }>('select count(*)::int as n from case_photos p join cases c on c.id = p.case_id where c.number = $1', [number]);
    expect(photos.rows[0]!.n).toBe(1); // the photo went in with the report
    await page.getByRole('button', { name: '查询进度' }).click();
    await page.getByTestId('track-result').waitFor();
    expect(await page.getByTestId('track-result').innerText()).toContain('非法小广告');
    expect(await page.getByTestId('timeline').innerText()).toContain('上报');
    await shot('11-track', true);

    // a wrong phone finds nothing
    await page.getByTestId('track-phone').locator('input').fill('13900139000');
    await page.getByTestId('track-submit').click();
    await expect.poll(() => page.getByTestId('track-error').innerText()).toContain('未找到');
    expect(pageErrors).toEqual([]);
  });
});
