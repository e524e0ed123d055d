// Browser journey of the phone registry look-up (issue 11) at 390×844: the demo grid worker (李明辉) opens 台账查询
// from the phone home, finds 王秀英 by her pinyin initials, opens her sheet and her household file, calls her with one
// tap (the server reveals the number, audits the read, and the page opens tel:), then opens the building view, switches
// unit and opens another flat's file. The records are made through the API first (as the grid worker, in his grid).
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectNoEnglish, launchChromium, PHONE, WEB_DIST } from '../support/browser.ts';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { idNumberCheckDigit } from '../../src/domain/registry/id-number.ts';

const ARTIFACTS = 'test-artifacts';

let t: TestApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let base: string;
let token: string;
const pageErrors: string[] = [];
const ids = { building: '', flat301: '', flat201: '', wang: '', liu: '' };

/** A valid ID number (GB 11643) of a person born on `birth` (YYYYMMDD), region 500103 (渝中区). */
function idNumber(birth: string, seq: string): string {
  const first = `500103${birth}${seq}`;
  return first + idNumberCheckDigit(first);
}

async function post<T>(url: string, payload: Record<string, unknown>): Promise<T> {
  const res = await t.app.inject({ method: 'POST', url, headers: bearer(token), payload });
  expect(res.statusCode, `POST ${url}: ${res.body}`).toBeLessThan(300);
  return res.json() as T;
}

async function shot(name: string, fullPage = false, overlay = false) {
  if (!overlay) await page.waitForFunction(() => ![...document.querySelectorAll('.adm-popup, .adm-center-popup, .adm-dialog, .adm-toast-mask')]
    .some((e) => getComputedStyle(e).display !== 'none' && !e.closest('[style*="display: none"]')));
  if (!fullPage) { await page.screenshot({ path: `${ARTIFACTS}/registry-mobile-${name}.png` }); return; }
  await page.evaluate(() => window.scrollTo(0, 0));
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: PHONE.viewport.width, height: Math.max(height, PHONE.viewport.height) });
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${ARTIFACTS}/registry-mobile-${name}.png` });
  await page.setViewportSize(PHONE.viewport);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await createTestApp({ webDist: WEB_DIST });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  token = await t.login('gridworker');

  // a building at the grid's centre (placed in the grid by its location): 2 units × 6 floors × 2 flats
  const centre = await gridCentre(t.db, DEMO_GRID);
  const { building } = await post<{ building: { id: string } }>('/api/registry/buildings', {
    name: '春晖苑 3 栋', address: '春晖路 18 号春晖苑 3 栋', location: centre, units: 2, floors: 6, roomsPerFloor: 2,
  });
  ids.building = building.id;
  const flat = async (unitNo: number, floorNo: number, roomNo: string) =>
    (await post<{ household: { id: string } }>('/api/registry/households', { buildingId: building.id, unitNo, floorNo, roomNo })).household;
  ids.flat301 = (await flat(1, 3, '301')).id;
  ids.flat201 = (await flat(2, 2, '201')).id;
  const family = (await flat(1, 5, '502')).id;

  const resident = async (body: Record<string, unknown>) => (await post<{ resident: { id: string } }>('/api/registry/residents', body)).resident;
  ids.wang = (await resident({
    name: '王秀英', idNumber: idNumber('19420315', '128'), phone: '13800001111', householdId: ids.flat301, relation: 'head',
    tags: ['elderly_alone', 'elderly_80plus'], note: '腿脚不便，每周上门一次',
  })).id;
  ids.liu = (await resident({ name: '刘桂芝', idNumber: idNumber('19510708', '246'), phone: '13800002222', householdId: ids.flat201, relation: 'head', tags: ['elderly_empty_nest'] })).id;
  await resident({ name: '刘小宇', idNumber: idNumber('20160512', '031'), householdId: ids.flat201, relation: 'grandchild', tags: ['child_left_behind'] });
  await resident({ name: '张建华', idNumber: idNumber('19800203', '215'), phone: '13800003333', householdId: family, relation: 'head', tags: ['party_member'] });
  await resident({ name: '李梅', idNumber: idNumber('19820916', '326'), householdId: family, relation: 'spouse' });
  // the facade-tile ledger: a hazard naming flat 301, and a case reported at the building
  await post('/api/registry/hazards', {
    buildingId: building.id, householdIds: [ids.flat301], foundOn: '2026-11-20', description: '3 楼外墙瓷砖空鼓，有脱落风险',
    actionTaken: '已拉警戒线，通知物业', nextCheckOn: '2026-11-27',
  });
  await post('/api/cases', { categoryCode: 'C0101', description: '春晖苑 3 栋门口井盖破损', location: centre, address: '春晖苑 3 栋' });

  browser = await launchChromium();
  context = await browser.newContext(PHONE);
  // the page opens the dialler by clicking a tel: link; record it instead of leaving the page
  await context.addInitScript(() => {
    const w = window as unknown as { __tel: string[] };
    w.__tel = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.href.startsWith('tel:')) { w.__tel.push(this.href); return; }
      click.call(this);
    };
  });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('registry look-up on the phone (grid worker)', () => {
  it('opens 台账查询 from the phone home and finds 王秀英 by her pinyin initials', async () => {
    await page.goto(`${base}/login`);
    await page.getByLabel('用户名').fill('gridworker');
    await page.getByLabel('密码').fill('demo1234');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL('**/m');
    await page.getByTestId('home-registry').waitFor();
    await shot('00-home', true);
    await page.getByTestId('home-registry').click();
    await page.waitForURL('**/m/registry');
    await page.getByTestId('resident-list').waitFor();
    expect(await page.getByTestId('resident-row').count()).toBe(5);
    await expectNoEnglish(page);
    await shot('01-search-all');

    await page.getByTestId('registry-search').locator('input').fill('wxy');
    await expect.poll(() => page.getByTestId('resident-row').count()).toBe(1);
    const row = page.getByTestId('resident-row').first();
    expect(await row.getAttribute('data-id')).toBe(ids.wang);
    const text = await row.innerText();
    expect(text).toContain('王秀英');
    expect(text).toContain('独居老人');
    expect(text).toMatch(/\d+ 岁/);
    expect(text).toContain('春晖苑 3 栋');
    // the ID number is masked in the list, never whole
    expect(await row.getByTestId('masked-id').innerText()).toMatch(/^500\*+\d{3}[\dX]$/);
    expect(text).not.toContain(idNumber('19420315', '128'));
    await expectNoEnglish(page);
    await shot('02-search-initials');
  });

  it('filters by tag and shows an empty state', async () => {
    await page.getByTestId('registry-search').locator('input').fill('');
    await page.locator('[data-testid="chip"][data-tag="child_left_behind"]').click();
    await expect.poll(() => page.getByTestId('resident-row').count()).toBe(1);
    expect(await page.getByTestId('resident-row').first().innerText()).toContain('刘小宇');
    await shot('03-tag-filter');
    await page.getByTestId('chip-all').click();
    await page.getByTestId('registry-search').locator('input').fill('查无此人');
    await page.getByTestId('registry-empty').waitFor();
    expect(await page.getByTestId('registry-empty').innerText()).toContain('没有找到');
    await expectNoEnglish(page);
    await shot('04-empty');
  });

  it('opens her sheet and her household file', async () => {
    await page.getByTestId('registry-search').locator('input').fill('wxy');
    await expect.poll(() => page.getByTestId('resident-row').count()).toBe(1);
    await page.getByTestId('resident-row').first().click();
    const sheet = page.getByTestId('resident-sheet');
    await sheet.waitFor();
    expect(await sheet.innerText()).toContain('腿脚不便');
    expect(await sheet.innerText()).toContain('138****1111');
    await page.waitForTimeout(400); // the sheet slides in
    await expectNoEnglish(page);
    await shot('05-resident-sheet', false, true);
    await sheet.getByTestId('sheet-household').click();
    await page.waitForURL(`**/m/registry/households/${ids.flat301}`);
    await page.getByTestId('household-members').waitFor();
    expect(await page.getByTestId('household-address').innerText()).toContain('春晖苑 3 栋');
    expect(await page.getByTestId('household-members').innerText()).toContain('王秀英');
    expect(await page.getByTestId('household-head').innerText()).toContain('1 单元 301 室');
    expect(await page.getByTestId('household-hazards').innerText()).toContain('外墙瓷砖空鼓');
    expect(await page.getByTestId('household-cases').innerText()).toContain('井盖破损缺失');
    // the history is folded until asked for
    expect(await page.getByTestId('change').count()).toBe(0);
    await expectNoEnglish(page);
    await shot('06-household', true);
    await page.getByTestId('household-history').getByText('变更记录').click();
    await expect.poll(() => page.getByTestId('change').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('household-history').innerText()).toContain('新增');
    await expectNoEnglish(page);
    await page.waitForTimeout(300); // the panel unfolds
    await shot('06-household-history', true);
  });

  it('calls her with one tap: the number is revealed (audited) and tel: opened', async () => {
    await page.locator(`[data-testid="household-members"] [data-testid="call"][data-resident="${ids.wang}"]`).click();
    await page.getByTestId('dialing').waitFor();
    expect(await page.evaluate(() => (window as unknown as { __tel: string[] }).__tel)).toEqual(['tel:13800001111']);
    expect(await page.getByTestId('tel-link').getAttribute('href')).toBe('tel:13800001111');
    await page.waitForTimeout(300);
    await expectNoEnglish(page);
    await shot('07-dialing', false, true);

    const res = await t.app.inject({ method: 'GET', url: `/api/audit?targetId=${ids.wang}`, headers: bearer(await t.login('auditor')) });
    expect(res.statusCode).toBe(200);
    const reads = (res.json().items as { action: string; success: boolean; actorName: string | null; detail: unknown }[])
      .filter((e) => /reveal/i.test(e.action));
    expect(reads.length).toBe(1);
    expect(reads[0]!.success).toBe(true);
    expect(reads[0]!.actorName).toBe('gridworker');
    expect(JSON.stringify(reads[0]!.detail)).not.toContain('13800001111');
    await page.getByTestId('dialing').getByRole('button', { name: '关闭' }).click();
  });

  it('opens the building view, switches unit and opens another flat', async () => {
    await page.getByTestId('open-building').click();
    await page.waitForURL(`**/m/registry/buildings/${ids.building}`);
    await page.getByTestId('floors').waitFor();
    const flat301 = page.locator(`[data-testid="room"][data-household="${ids.flat301}"]`);
    expect(await flat301.getAttribute('data-tags')).toContain('elderly_alone');
    expect(await flat301.innerText()).toContain('王秀英');
    // 6 floors, top first, 2 flats each; the flats without a household are drawn empty
    expect(await page.locator('[data-testid="floors"] .mr-floor').count()).toBe(6);
    expect(await page.locator('[data-testid="floors"] .mr-floor').first().getAttribute('data-floor')).toBe('6');
    expect(await page.locator('[data-testid="room"][data-vacant="true"]').count()).toBe(10);
    expect(await page.getByTestId('building-legend').innerText()).toContain('独居老人');
    await expectNoEnglish(page);
    await shot('08-building-unit1', true);

    await page.locator('[data-testid="unit-tab"][data-unit="2"]').click();
    await page.locator('[data-testid="floors"][data-unit="2"]').waitFor();
    const flat201 = page.locator(`[data-testid="room"][data-household="${ids.flat201}"]`);
    expect(await flat201.getAttribute('data-tags')).toContain('child_left_behind');
    await page.waitForTimeout(400); // the tab's line slides over
    await shot('09-building-unit2');
    await flat201.click();
    await page.waitForURL(`**/m/registry/households/${ids.flat201}`);
    await page.getByTestId('household-members').waitFor();
    const members = await page.getByTestId('household-members').innerText();
    expect(members).toContain('刘桂芝');
    expect(members).toContain('刘小宇');
    expect(members).toContain('孙辈');
    // no phone on record: no call button for the child
    expect(await page.locator('[data-testid="household-members"] [data-testid="call"]').count()).toBe(1);
    await expectNoEnglish(page);
    await shot('10-household-flat201', true);
    expect(pageErrors).toEqual([]);
  });

  it('reads in English', async () => {
    await page.evaluate(() => localStorage.setItem('zhizhi.lang', 'en'));
    await page.goto(`${base}/m/registry/households/${ids.flat301}`);
    await page.getByTestId('household-members').waitFor();
    expect(await page.getByTestId('household-members').innerText()).toMatch(/Members \(1\)[\s\S]*older person living alone[\s\S]*Call/);
    expect(await page.getByTestId('household-head').innerText()).toContain('Registered');
    await shot('11-household-english', true);
    await page.goto(`${base}/m/registry?q=wxy`);
    await expect.poll(() => page.getByTestId('resident-row').count()).toBe(1);
    expect(await page.getByTestId('registry-count').innerText()).toBe('Found: 1');
    await page.evaluate(() => localStorage.setItem('zhizhi.lang', 'zh-CN'));
    expect(pageErrors).toEqual([]);
  });
});
