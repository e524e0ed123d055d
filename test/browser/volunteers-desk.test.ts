// Browser journey of 志愿服务 for the community's staff (issue 16, desktop, Chinese): 赵秀兰 (春晖社区) forms 民聚红 and
// adds 周淑芬 from the registry; publishes 春晖苑楼道清理 for this morning with 民聚红, signs 周淑芬 up, checks her in and,
// at noon, out — an hour and a half, with the points of the community's volunteer-hour rule — and shows the sign-in QR
// code; in 党员亮身份 she adds a 微阵地, writes party member 钱建国's commitments for the year at it and rates last year's
// stars. Screenshots in test-artifacts/volunteers-desk-*.png.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { DESKTOP, expectNoEnglish, launchChromium, pickOption, signInAs, WEB_DIST } from '../support/browser.ts';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { idNumberOf, registerDemoResident, type RegisteredHousehold } from '../support/participation.ts';

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
const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}/volunteers-desk-${name}.png`, fullPage: true });

async function open(username: string) {
  await context?.close();
  context = await browser.newContext({ ...DESKTOP });
  await context.clock.setFixedTime(t.clock.now);
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await signInAs(page, base, username);
}

async function menu(name: string) {
  const group = page.getByTestId('side-menu').getByText('积分与志愿', { exact: true });
  const item = page.getByTestId('side-menu').locator('.ant-menu-item').filter({ hasText: new RegExp(`^${name}$`) });
  if (!(await item.isVisible())) await group.click();
  await item.click();
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await createTestApp({ webDist: WEB_DIST });
  t.clock.set(NOW);
  home = await registerDemoResident(t);
  // a party member of the same household
  const gw = await t.login('gridworker');
  const pm = await t.app.inject({
    method: 'POST', url: '/api/registry/residents', headers: bearer(gw),
    payload: { name: '钱建国', idNumber: idNumberOf('19620315', '517'), phone: null, householdId: home.householdId, relation: 'spouse', partyMember: true },
  });
  expect(pm.statusCode, pm.body).toBeLessThan(300);
  // the community's volunteer-hour rule, published
  const staff = await t.login('community');
  const rules = await t.app.inject({ method: 'GET', url: '/api/points/rules', headers: bearer(staff) });
  expect(rules.statusCode, rules.body).toBe(200);
  const orgUnitId = rules.json().orgUnitId as string;
  const put = await t.app.inject({
    method: 'PUT', url: `/api/points/rules?orgUnitId=${orgUnitId}`, headers: bearer(staff),
    payload: { version: rules.json().version, rules: [{ code: 'volunteer', name: '志愿服务（每小时）', kind: 'bonus', points: 2, subjectKind: 'household', autoEvent: 'volunteerHour' }] },
  });
  expect(put.statusCode, put.body).toBe(200);
  const pub = await t.app.inject({ method: 'POST', url: `/api/points/rules/publish?orgUnitId=${orgUnitId}`, headers: bearer(staff), payload: {} });
  expect(pub.statusCode, pub.body).toBeLessThan(300);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('志愿服务 for the community staff (desktop)', () => {
  it('forms 民聚红 and adds a member from the registry', async () => {
    await open('community');
    await menu('志愿队伍');
    await page.getByTestId('teams-page').waitFor();
    await page.getByText('本社区还没有志愿队伍').waitFor();
    await page.getByTestId('team-create').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('team-colour').getByText('民聚红').waitFor();
    await dialog.getByTestId('team-ok').click();
    await dialog.waitFor({ state: 'hidden' });
    const card = page.getByTestId('team-card').filter({ hasText: '民聚红' });
    await card.click();
    const drawer = page.getByTestId('team-drawer');
    await pickOption(page, drawer.getByTestId('member-picker').locator('input'), '周淑芬', /周淑芬/, drawer.getByTestId('member-picker').getByText('周淑芬'));
    await drawer.getByTestId('member-add').click();
    await contains(drawer.getByTestId('member-table'), '周淑芬');
    await expectNoEnglish(page);
    await shot('team');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await contains(card, '1 名队员');
    await shot('teams');
  });

  it('publishes an activity, signs a resident up, checks her in and out with her hours and points', async () => {
    await menu('志愿活动');
    await page.getByTestId('activities-page').waitFor();
    await page.getByTestId('activity-create').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('activity-title').fill('春晖苑楼道清理');
    await dialog.getByTestId('activity-place').fill('春晖苑 1 栋');
    const inputs = dialog.locator('.ant-picker-range input');
    await inputs.first().click();
    await inputs.first().fill('2026-12-03 10:30');
    await inputs.first().press('Enter');
    await inputs.nth(1).fill('2026-12-03 12:30');
    await inputs.nth(1).press('Enter');
    await dialog.locator('.ant-modal-title').click(); // the time picker closes
    await dialog.getByTestId('activity-capacity').fill('20');
    await dialog.getByTestId('activity-ok').click();
    await page.getByTestId('activity-page').waitFor();
    await contains(page.getByTestId('page-header'), '春晖苑楼道清理');

    await pickOption(page, page.getByTestId('signup-picker').locator('input'), '周淑芬', /周淑芬/, page.getByTestId('signup-picker').getByText('周淑芬'));
    await page.getByTestId('signup-add').click();
    const row = page.getByTestId('signup-table').locator('tr', { hasText: '周淑芬' });
    await row.getByTestId('signup-checkin').click();
    await row.getByTestId('signup-checkout').waitFor();
    t.clock.set(new Date('2026-12-03T12:00:00+08:00'));
    await row.getByTestId('signup-checkout').click();
    await expect.poll(() => row.getByTestId('signup-hours').textContent(), { timeout: 15_000 }).toBe('1.5');
    await contains(page.getByTestId('activity-totals'), '报名 1 人，签到 1 人');
    await expectNoEnglish(page);
    await shot('activity');

    await page.getByTestId('activity-qr').click();
    await page.getByTestId('activity-qr-code').waitFor();
    await shot('activity-qr');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: '返回活动列表' }).click();
    await page.getByTestId('activities-table').locator('tr', { hasText: '春晖苑楼道清理' }).waitFor();
    await expectNoEnglish(page);
    await shot('activities');
  });

  it('adds a 微阵地, writes a party member\'s commitments and rates the stars', async () => {
    await menu('党员亮身份');
    await page.getByTestId('party-page').waitFor();
    const row = page.getByTestId('party-table').locator('tr', { hasText: '钱建国' });
    await row.waitFor();
    await page.getByTestId('post-add').click();
    let dialog = page.getByRole('dialog');
    await dialog.getByPlaceholder('例如：春晖苑党员先锋岗').fill('春晖苑党员先锋岗');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await contains(page.getByTestId('post-table'), '春晖苑党员先锋岗');

    await row.getByTestId('party-commit').click();
    dialog = page.getByRole('dialog');
    await dialog.getByTestId('commit-input').first().fill('每月走访独居老人两次');
    // opened from the keyboard: the toasts of the frozen clock stay over the top of the page
    await dialog.locator('.ant-select input').focus();
    await page.keyboard.press('ArrowDown');
    await page.locator('.ant-select-dropdown .ant-select-item-option', { hasText: '春晖苑党员先锋岗' }).click();
    await dialog.getByTestId('commit-ok').click();
    await dialog.waitFor({ state: 'hidden' });
    await contains(row, '每月走访独居老人两次');
    await contains(row, '春晖苑党员先锋岗');

    await row.getByTestId('party-rate').click();
    dialog = page.getByRole('dialog');
    await dialog.locator('.ant-rate-star').nth(4).click();
    await dialog.getByTestId('rate-note').fill('承诺全部兑现，群众评价好');
    await dialog.getByTestId('rate-ok').click();
    await dialog.waitFor({ state: 'hidden' });
    await contains(row, '承诺全部兑现');
    await expectNoEnglish(page);
    await shot('party');
    expect(pageErrors).toEqual([]);
  });
});
