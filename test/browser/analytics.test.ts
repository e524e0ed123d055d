// Browser journey of 高频诉求 and the 15-minute service circle (issue 17, desktop and phone, Chinese): 赵秀兰 (春晖社区)
// opens 高频诉求 from the side menu, sees the hot cells of the last 30 days on the map and in the list with their trend,
// makes a project (立项) of the hottest one — its cases linked — opens one linked case in the case drawer, starts the
// project and finishes it with the result; on her phone, /m/projects shows it done with its cases. Screenshots in
// test-artifacts/analytics-*.png.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { DESKTOP, PHONE, expectNoEnglish, launchChromium, signInAs, WEB_DIST } from '../support/browser.ts';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';

const ARTIFACTS = 'test-artifacts';
const DAY = 86_400_000;

let t: TestApp;
let browser: Browser;
let base: string;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
/** a case of the community outside the hot cell, linked by its number */
let farNumber = '';

const contains = (el: Locator, text: string) => expect.poll(async () => (await el.textContent()) ?? '', { timeout: 15_000 }).toContain(text);
const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}/analytics-${name}.png`, fullPage: true });

async function open(username: string, device: typeof DESKTOP | typeof PHONE = DESKTOP) {
  await context?.close();
  context = await browser.newContext({ ...device });
  await context.clock.setFixedTime(t.clock.now);
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await signInAs(page, base, username);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await createTestApp({ webDist: WEB_DIST });
  const now = t.clock.now;
  const gw = await t.login('gridworker');
  const here = await gridCentre(t.db, DEMO_GRID);
  const report = async (daysAgo: number, categoryCode: string, at: { lng: number; lat: number }) => {
    t.clock.set(new Date(now.getTime() - daysAgo * DAY));
    const r = await t.app.inject({ method: 'POST', url: '/api/cases', headers: bearer(gw), payload: { categoryCode, description: '浏览器测试', location: at } });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().number as string;
  };
  for (const d of [40, 35]) await report(d, 'E0101', here);
  for (const d of [20, 12, 8, 5, 2]) await report(d, 'E0101', here);
  for (const d of [9, 3]) await report(d, 'E0201', { lng: here.lng + 0.0025, lat: here.lat });
  farNumber = await report(4, 'E0101', { lng: here.lng + 0.005, lat: here.lat });
  t.clock.set(now);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await t?.close();
});

describe('高频诉求 and the 15-minute circle', () => {
  it('the hot spots on the map and in the list, 立项 from the hottest, the project run to done (desktop)', async () => {
    await open('community');
    const menu = page.getByTestId('side-menu');
    const item = menu.locator('.ant-menu-item').filter({ hasText: /^高频诉求$/ });
    if (!(await item.isVisible())) await menu.getByText('一屏统揽', { exact: true }).click();
    await item.click();
    await page.getByTestId('hotspots-page').waitFor();
    await page.locator('[data-testid="hotspot-map"][data-map-ready="true"]').waitFor({ timeout: 30_000 });
    const cells = page.getByTestId('cell-table');
    await contains(cells, '春晖社区第1网格附近');
    await contains(page.getByTestId('figure-cases'), '8');
    await expect.poll(async () => (await cells.locator('tbody tr').first().textContent()) ?? '').toContain('5');
    await page.waitForTimeout(500);
    await expectNoEnglish(page);
    await shot('hotspots');

    await cells.locator('tbody tr').first().getByTestId('cell-project').click();
    await page.getByRole('dialog').filter({ hasText: '立项：15分钟服务圈项目' }).waitFor();
    await page.getByTestId('project-name').fill('春晖社区第1网格垃圾分类点改造');
    await page.getByTestId('project-description').fill('增设两处分类投放点，调整清运时间');
    await expectNoEnglish(page);
    await shot('new-project');
    await page.getByTestId('project-save').click();
    await page.waitForURL(/\/analytics\/projects\?open=/);
    const drawer = page.getByTestId('project-drawer');
    await contains(drawer, '春晖社区第1网格垃圾分类点改造');
    await expect.poll(() => drawer.getByTestId('linked-case').count()).toBe(5);
    await expectNoEnglish(page);
    await shot('project-planned');

    await drawer.getByTestId('linked-case').first().click();
    const caseDrawer = page.getByTestId('case-drawer');
    await caseDrawer.waitFor();
    await contains(caseDrawer, '浏览器测试');
    await shot('linked-case');
    await page.keyboard.press('Escape');
    await caseDrawer.waitFor({ state: 'hidden' });

    await drawer.getByTestId('project-link').click();
    await page.getByTestId('link-numbers').fill(farNumber);
    await page.getByRole('dialog').filter({ hasText: '事件编号' }).getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => drawer.getByTestId('linked-case').count()).toBe(6);
    await drawer.getByTestId('project-start').click();
    await contains(drawer.getByTestId('project-status'), '推进中');
    await drawer.getByTestId('project-finish').click();
    await page.getByTestId('note-input').fill('两处分类点已投用，同类诉求明显下降');
    await page.getByTestId('note-ok').click();
    await contains(drawer.getByTestId('project-status'), '已完成');
    await contains(drawer.getByTestId('project-result'), '两处分类点已投用');
    await expect.poll(() => drawer.getByTestId('project-event').count()).toBe(4);
    await expectNoEnglish(page);
    await shot('project-done');
    await page.keyboard.press('Escape');
    await contains(page.getByTestId('project-table'), '0/6 已办结');
    await shot('projects');
  }, 240_000);

  it('the community staff open the projects from their phone home and see the project done', async () => {
    await open('community', PHONE);
    await page.goto(`${base}/m`);
    await page.getByTestId('home-projects').click();
    await page.waitForURL('**/m/projects');
    const row = page.getByTestId('m-project').filter({ hasText: '春晖社区第1网格垃圾分类点改造' });
    await row.waitFor();
    await contains(row, '已完成');
    await expectNoEnglish(page);
    await shot('phone-list');
    await row.click();
    await page.getByTestId('m-project-detail').waitFor();
    await expect.poll(() => page.getByTestId('m-linked-case').count()).toBe(6);
    await contains(page.getByTestId('m-project-result'), '两处分类点已投用');
    await expectNoEnglish(page);
    await shot('phone-detail');
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
