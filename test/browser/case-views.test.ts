// Browser journeys of the case views (issue 10 items 2, 6, 11): the leader lands on the town's case overview
// (today's figures, the queue and map, no action anywhere); the history tab finds a closed case by text and
// filters; a grid worker at a computer gets their grid's map and cases, and on the phone the grid map from the home.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, DESKTOP, PHONE, WEB_DIST } from '../support/browser.ts';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';

const ARTIFACTS = 'test-artifacts';
const OTHER_GRID = '500199001002001'; // 锦霞社区第1网格: the town's, not the grid worker's

let t: TestApp;
let browser: Browser;
let base: string;
const pageErrors: string[] = [];
const cases: Record<string, { id: string; number: string }> = {};

async function call(who: string, method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await t.app.inject({ method, url, headers: bearer(await t.login(who)), ...(payload ? { payload } : {}) });
  expect(res.statusCode, `${method} ${url} ${res.body}`).toBeLessThan(300);
  return res.json();
}

async function report(key: string, who: string, grid: string, description: string, address: string, source?: string, offset = 0) {
  const at = await gridCentre(t.db, grid);
  const location = { lng: at.lng + offset, lat: at.lat + offset / 2 };
  cases[key] = await call(who, 'POST', '/api/cases', { categoryCode: key === 'lamp' ? 'C0201' : 'C0101', description, location, address, ...(source ? { source } : {}) });
}

async function page(context: typeof DESKTOP | typeof PHONE): Promise<Page> {
  const p = await (await browser.newContext(context)).newPage();
  p.on('pageerror', (e) => pageErrors.push(e.message));
  return p;
}

async function signIn(p: Page, username: string, home: string) {
  await p.goto(`${base}/login`);
  await p.getByLabel('用户名').fill(username);
  await p.getByLabel('密码').fill('demo1234');
  await p.getByRole('button', { name: /登\s*录/ }).click();
  await p.waitForURL(`**${home}`);
}

const gridId = async (code: string) => (await t.db.query<{ id: string }>('select id from org_units where code = $1', [code])).rows[0]!.id;
const shot = (p: Page, name: string) => p.screenshot({ path: `${ARTIFACTS}/case-views-${name}.png` });

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await createTestApp({ webDist: WEB_DIST });
  t.clock.set(new Date()); // today's figures and the countdowns run on the browser's real clock
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  // 春晖社区第1网格 (the grid worker's): three open cases and one closed; 锦霞社区第1网格: one open case
  await report('cover', 'gridworker', DEMO_GRID, '春晖路12号井盖缺失，夜间有行人绊倒风险', '春晖路12号');
  await report('lamp', 'dispatcher', DEMO_GRID, '幸福巷路灯不亮，居民来电反映', '幸福巷3号', 'hotline', 0.0006);
  await report('litter', 'gridworker', DEMO_GRID, '春晖社区广场井盖松动', '春晖社区广场', undefined, -0.0006);
  await report('closed', 'gridworker', DEMO_GRID, '梧桐街井盖破损已修复', '梧桐街8号');
  await report('other', 'dispatcher', OTHER_GRID, '锦霞路井盖缺失', '锦霞路1号', 'hotline');
  const c = cases.closed!.id;
  await call('dispatcher', 'POST', `/api/cases/${c}/actions/accept_dispatch`, {});
  await call('handler', 'POST', `/api/cases/${c}/actions/start`, {});
  await call('handler', 'POST', `/api/cases/${c}/actions/report_done`, { note: '已更换井盖' });
  await call('dispatcher', 'POST', `/api/cases/${c}/actions/verify`, {});
  await call('dispatcher', 'POST', `/api/cases/${cases.cover!.id}/actions/accept`, {});
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the leader (指挥长)', () => {
  it('lands on the town\'s case overview: today\'s figures, lights, the queue and the map', async () => {
    const p = await page(DESKTOP);
    await signIn(p, 'leader', '/cases/overview');
    const figures = p.getByTestId('figures');
    await figures.waitFor();
    const figure = (key: string) => figures.getByTestId(`figure-${key}`).locator('.zz-figure-value').innerText();
    expect(await figure('reportedToday')).toBe('5');
    expect(await figure('open')).toBe('4');
    expect(await figure('closedToday')).toBe('1');
    expect(await figure('acceptedToday')).toBe('2');
    await expect.poll(() => p.getByTestId('by-category').innerText()).toContain('井盖破损缺失');
    expect(await p.getByTestId('read-only').innerText()).toBe('只读');
    // the queue by stage, with the other community's case too (the whole town)
    expect(await p.getByTestId('case-queue').getByTestId('queue-item').count()).toBe(3); // 待受理
    await p.getByTestId('tab-accepted').click();
    await p.getByTestId('case-queue').locator(`[data-number="${cases.cover!.number}"]`).waitFor();
    await expect.poll(() => p.getByTestId('case-map').getAttribute('data-map-ready'), { timeout: 20_000 }).toBe('true');
    expect(await p.getByTestId('case-map').getAttribute('data-outlined')).toBeNull(); // the town's grids, all alike
    await shot(p, 'leader-overview');
    // a case opens read-only: no action buttons
    await p.getByTestId('tab-reported').click();
    await p.getByTestId('case-queue').locator(`[data-number="${cases.other!.number}"]`).click();
    const drawer = p.getByTestId('case-drawer');
    await drawer.waitFor();
    expect(await drawer.locator('[data-testid^="action-"]').count()).toBe(0);
    await shot(p, 'leader-drawer');
    // the side menu names the overview first; there is no dispatcher page
    const menu = await p.getByTestId('side-menu').innerText();
    expect(menu).toContain('案卷总览');
    expect(menu).not.toContain('调度工作台');
    expect(pageErrors).toEqual([]);
    await p.context().close();
  });
});

describe('the history tab', () => {
  it('finds the closed case by text and narrows by filters, server-side', async () => {
    const p = await page(DESKTOP);
    await signIn(p, 'dispatcher', '/cases/workbench');
    await p.getByTestId('tab-history').click();
    const table = p.getByTestId('history-table');
    const rows = () => table.getByTestId('history-row');
    // closed and rejected by default
    await expect.poll(() => rows().count()).toBe(1);
    expect(await p.getByTestId('history-total').innerText()).toBe('共 1 件');
    expect(await rows().first().getAttribute('data-number')).toBe(cases.closed!.number);
    expect(await rows().first().getByTestId('case-status').innerText()).toBe('已办结');
    // every state, searched by address
    await p.getByTestId('history-status').locator('.ant-select-clear').click({ force: true });
    await expect.poll(() => rows().count()).toBe(5);
    await p.getByTestId('history-search').locator('input').fill('幸福巷');
    await p.getByTestId('history-search').locator('input').press('Enter');
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().getAttribute('data-number')).toBe(cases.lamp!.number);
    await shot(p, 'history-search');
    // by number part, then a channel that does not match
    await p.getByTestId('history-search').locator('input').fill(cases.other!.number.slice(-6));
    await p.getByTestId('history-search').locator('input').press('Enter');
    await expect.poll(() => rows().first().getAttribute('data-number')).toBe(cases.other!.number);
    await p.getByTestId('history-channel').click();
    await p.locator('.ant-select-dropdown:visible').getByText('网格员上报', { exact: true }).click();
    await p.keyboard.press('Escape');
    await expect.poll(() => p.getByTestId('history-total').innerText()).toBe('共 0 件');
    await shot(p, 'history-filtered');
    // a row opens the drawer
    await p.getByTestId('history-reset').click();
    await expect.poll(() => rows().count()).toBe(1);
    await rows().first().click();
    await expect.poll(() => p.getByTestId('case-drawer').getAttribute('data-status')).toBe('closed');
    expect(pageErrors).toEqual([]);
    await p.context().close();
  });
});

describe('the grid worker', () => {
  it('at a computer gets their grid: its open cases on the map and in the queue, nothing of other grids', async () => {
    const p = await page(DESKTOP);
    await signIn(p, 'gridworker', '/cases/grid');
    const view = p.getByTestId('my-grid-page');
    await view.waitFor();
    await expect.poll(() => p.getByTestId('case-map').getAttribute('data-map-ready'), { timeout: 20_000 }).toBe('true');
    expect(await p.getByTestId('case-map').getAttribute('data-case-count')).toBe('2'); // 待受理: cover is accepted
    // the grid is outlined as the worker's own (a solid border in the theme's colour), not drawn like a town's many grids
    expect(await p.getByTestId('case-map').getAttribute('data-outlined')).toBe(await gridId(DEMO_GRID));
    const queued = await p.getByTestId('case-queue').getByTestId('queue-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-number')));
    expect(queued.sort()).toEqual([cases.lamp!.number, cases.litter!.number].sort());
    expect(await p.locator(`[data-number="${cases.other!.number}"]`).count()).toBe(0);
    await shot(p, 'gridworker-desktop');
    // no way back to the phone page: the menu has the grid view
    expect(await p.getByTestId('side-menu').innerText()).toContain('我的网格');
    expect(pageErrors).toEqual([]);
    await p.context().close();
  });

  it('on the phone opens the grid map from the home: its open cases as dots and rows', async () => {
    const p = await page(PHONE);
    await signIn(p, 'gridworker', '/m');
    await p.getByTestId('home-map').click();
    await p.waitForURL('**/m/map');
    await expect.poll(() => p.getByTestId('case-map').getAttribute('data-map-ready'), { timeout: 20_000 }).toBe('true');
    expect(await p.getByTestId('case-map').getAttribute('data-case-count')).toBe('3');
    expect(await p.getByTestId('case-map').getAttribute('data-outlined')).toBe(await gridId(DEMO_GRID));
    const rows = p.getByTestId('grid-map-cases').getByTestId('case-item');
    expect(await rows.count()).toBe(3);
    expect(await p.locator(`[data-number="${cases.other!.number}"]`).count()).toBe(0);
    expect(await p.getByTestId('grid-map-cases').innerText()).toContain('已受理');
    await shot(p, 'gridworker-phone-map');
    await rows.first().click();
    await p.waitForURL('**/m/cases/*');
    await p.goto(`${base}/m`);
    await p.getByTestId('desktop-hint').waitFor();
    // the tile counts the grid's open cases; the shot waits for the counts and the grid card
    await expect.poll(() => p.getByTestId('home-map').locator('.adm-badge').innerText(), { timeout: 10_000 }).toBe('3');
    await p.getByTestId('my-grid').waitFor();
    await expect.poll(() => p.getByTestId('home-counts').innerText()).not.toContain('–');
    await shot(p, 'gridworker-phone-home');
    expect(pageErrors).toEqual([]);
    await p.context().close();
  });
});

describe('an empty 待受理', () => {
  it('opens the overview on the first tab that holds cases, and never moves the user afterwards', async () => {
    for (const key of ['lamp', 'litter', 'other']) await call('dispatcher', 'POST', `/api/cases/${cases[key]!.id}/actions/accept`, {});
    const p = await page(DESKTOP);
    await signIn(p, 'leader', '/cases/overview');
    const active = p.locator('.zz-wb-tabs .ant-tabs-tab-active [data-testid^="tab-"]');
    await expect.poll(() => active.getAttribute('data-testid')).toBe('tab-accepted');
    await expect.poll(() => p.getByTestId('case-queue').getByTestId('queue-item').count()).toBe(4);
    await expect.poll(() => p.getByTestId('case-map').getAttribute('data-map-ready'), { timeout: 20_000 }).toBe('true');
    await shot(p, 'leader-first-nonempty-tab');
    // the user picks the empty tab: a live change elsewhere does not move them
    await p.getByTestId('tab-reported').click();
    await call('dispatcher', 'POST', `/api/cases/${cases.lamp!.id}/actions/dispatch`, {});
    await expect.poll(() => p.getByTestId('tab-working').locator('.ant-badge').innerText(), { timeout: 10_000 }).toBe('1');
    expect(await active.getAttribute('data-testid')).toBe('tab-reported');
    expect(pageErrors).toEqual([]);
    await p.context().close();
  });
});
