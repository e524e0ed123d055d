// Browser journey of 户自查 → 组互评 → 村评定 (issue 16): 周淑芬's household reports November's items (庭院整洁, 楼道清理)
// from her phone (API); the grid worker 李明辉 opens 组互评 on his phone (390×844), agrees with 庭院整洁 and not with
// 楼道清理, and submits; the community's 赵秀兰 opens 积分评定 on the desktop, sees the group's verdicts, approves, and the
// household is awarded 庭院整洁's points only. Screenshots in test-artifacts/points-assessments-*.png.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { DESKTOP, expectNoEnglish, launchChromium, PHONE, signInAs, WEB_DIST } from '../support/browser.ts';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { registerDemoResident, type RegisteredHousehold } from '../support/participation.ts';

const ARTIFACTS = 'test-artifacts';
const NOW = new Date('2026-12-03T10:00:00+08:00');

let t: TestApp;
let browser: Browser;
let base: string;
let context: BrowserContext;
let page: Page;
let home: RegisteredHousehold;
const pageErrors: string[] = [];

const contains = (el: Locator, text: string) => expect.poll(async () => (await el.textContent()) ?? '', { timeout: 15_000 }).toContain(text);
const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}/points-assessments-${name}.png`, fullPage: true });

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
  t.clock.set(NOW);
  home = await registerDemoResident(t);
  const staff = await t.login('community');
  const rules = await t.app.inject({ method: 'GET', url: '/api/points/rules', headers: bearer(staff) });
  expect(rules.statusCode, rules.body).toBe(200);
  const orgUnitId = rules.json().orgUnitId as string;
  const put = await t.app.inject({
    method: 'PUT', url: `/api/points/rules?orgUnitId=${orgUnitId}`, headers: bearer(staff),
    payload: {
      version: rules.json().version, rules: [
        { code: 'tidyHome', name: '庭院整洁', kind: 'base', points: 10, subjectKind: 'household' },
        { code: 'stairwell', name: '楼道清理', kind: 'bonus', points: 5, subjectKind: 'household' },
      ],
    },
  });
  expect(put.statusCode, put.body).toBe(200);
  const pub = await t.app.inject({ method: 'POST', url: `/api/points/rules/publish?orgUnitId=${orgUnitId}`, headers: bearer(staff), payload: {} });
  expect(pub.statusCode, pub.body).toBeLessThan(300);
  // 户自查 from the resident's phone
  const resident = await t.login('resident');
  const self = await t.app.inject({
    method: 'POST', url: '/api/points/assessments', headers: { ...bearer(resident), 'idempotency-key': 'h8-self-1' },
    payload: { period: '2026-11', items: [{ ruleCode: 'tidyHome', claimed: true, note: '每天打扫院子' }, { ruleCode: 'stairwell', claimed: true }] },
  });
  expect(self.statusCode, self.body).toBeLessThan(300);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('户自查 → 组互评 → 村评定', () => {
  it('the grid worker reviews the household\'s self-report item by item on the phone', async () => {
    await open('gridworker', PHONE);
    await page.goto(`${base}/m/points/peer-review`);
    await page.getByTestId('m-peer-review-page').waitFor();
    const row = page.getByTestId('m-peer-row').filter({ hasText: '周淑芬' });
    await row.waitFor();
    await expectNoEnglish(page);
    await shot('phone-list');
    await row.click();
    const popup = page.getByTestId('m-peer-popup');
    await popup.waitFor();
    const stair = popup.getByTestId('m-peer-item').filter({ hasText: '楼道清理' });
    await stair.getByText('不符合').click();
    await expectNoEnglish(page);
    await shot('phone-review');
    await popup.getByTestId('m-peer-submit').click();
    await page.getByText('本网格没有待互评的自查').waitFor();
  });

  it('the community approves on the desktop and the household gets the agreed item\'s points', async () => {
    await open('community');
    await page.goto(`${base}/points/assessments`);
    await page.getByTestId('point-assessments-page').waitFor();
    const row = page.getByTestId('assessments-table').locator('tr', { hasText: '周淑芬' });
    await contains(row, '待村评定');
    await row.getByTestId('assessment-open').click();
    const drawer = page.getByTestId('assessment-drawer');
    await contains(drawer.getByTestId('assessment-items'), '不符合');
    await expectNoEnglish(page);
    await shot('drawer');
    await drawer.getByTestId('assessment-note').fill('按组互评意见评定');
    await drawer.getByTestId('assessment-approve').click();
    await drawer.waitFor({ state: 'hidden' });
    await contains(row, '已评定');
    await contains(row, '+10');
    await expectNoEnglish(page);
    await shot('approved');

    const staff = await t.login('community');
    const acc = await t.app.inject({ method: 'GET', url: `/api/points/accounts/household:${home.householdId}`, headers: bearer(staff) });
    expect(acc.statusCode, acc.body).toBe(200);
    expect(acc.json().balance).toBe(10);
    expect(pageErrors).toEqual([]);
  });
});
