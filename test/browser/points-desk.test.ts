// Browser journey of 微积分 for the community's staff (issue 16, desktop, Chinese): 赵秀兰 (春晖社区) opens 积分与志愿 →
// 积分细则 and writes the community's rules — 院落清扫 (加分项, capped per month), 志愿服务 (awarded on volunteer hours),
// 违章搭建 (一票否决 for six months) — saves and publishes them; in 积分账户 she finds 周淑芬's household by name, awards
// 院落清扫 for three rounds and 楼道清理 once, reverses the latter with a reason and reads the ledger and the balance on an
// earlier day; in 积分超市 she shelves rice, 周淑芬 reserves a bag from her phone (API), and the pickup desk hands it over by
// its code; the month's statement downloads as Excel; 红黑榜 derives last month; 对账 shows the night's run consistent.
// Screenshots in test-artifacts/points-desk-*.png.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { DESKTOP, expectNoEnglish, launchChromium, pickFixedOption, pickOption, signInAs, WEB_DIST } from '../support/browser.ts';
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

/** waits until the element's text holds `text` */
const contains = (el: Locator, text: string) => expect.poll(async () => (await el.textContent()) ?? '', { timeout: 15_000 }).toContain(text);
const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}/points-desk-${name}.png`, fullPage: true });

async function open(username: string) {
  await context?.close();
  context = await browser.newContext({ ...DESKTOP, acceptDownloads: true });
  await context.clock.setFixedTime(t.clock.now);
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await signInAs(page, base, username);
}

/** opens a page of the 积分与志愿 menu group by its name */
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
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('积分与志愿 for the community staff (desktop)', () => {
  it('writes the community rules and publishes them', async () => {
    await open('community');
    await menu('积分细则');
    await page.getByTestId('point-rules-page').waitFor();
    await page.getByText('本社区还没有积分细则').waitFor();

    const addRule = async (r: { code: string; name: string; kind?: string; points: number; veto?: number; auto?: string; cap?: number }) => {
      await page.getByTestId('rule-add').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('rule-code').fill(r.code);
      await dialog.getByTestId('rule-name-input').fill(r.name);
      if (r.kind) await pickFixedOption(page, dialog.getByTestId('rule-kind'), r.kind);
      await dialog.getByTestId('rule-points').fill(String(r.points));
      if (r.veto) await dialog.getByTestId('rule-veto').fill(String(r.veto));
      if (r.cap) {
        await dialog.getByTestId('rule-cap').fill(String(r.cap));
        await pickFixedOption(page, dialog.getByTestId('rule-cap-period'), '每月');
      }
      if (r.auto) await pickFixedOption(page, dialog.getByTestId('rule-auto'), r.auto);
      await dialog.getByTestId('rule-ok').click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByTestId('rule-name').filter({ hasText: r.name }).waitFor();
    };
    await addRule({ code: 'cleanCourtyard', name: '院落清扫', points: 10, cap: 30 });
    await addRule({ code: 'stairwell', name: '楼道清理', points: 10 });
    await addRule({ code: 'volunteer', name: '志愿服务（每小时）', points: 2, auto: '志愿服务时长' });
    await addRule({ code: 'illegalBuilding', name: '违章搭建', kind: '一票否决', points: 50, veto: 6 });
    await page.getByTestId('rules-save').click();
    await page.getByText('细则已保存').waitFor();
    await page.getByTestId('rules-publish').click();
    await page.getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => page.getByTestId('rules-published').textContent(), { timeout: 15_000 }).toContain('已发布第');
    await contains(page.getByTestId('rules-table'), '一票否决');
    await contains(page.getByTestId('rules-table'), '每月最多 30 分');
    await contains(page.getByTestId('rules-table'), '6 个月');
    await expectNoEnglish(page);
    await shot('rules');
  });

  it('awards by rule, reverses an entry with a reason and reads the ledger', async () => {
    await menu('积分账户');
    await page.getByTestId('point-accounts-page').waitFor();
    await page.getByTestId('account-search').locator('input').fill('周淑芬');
    await page.getByTestId('account-search').locator('input').press('Enter');
    const row = page.getByTestId('accounts-table').locator('tr', { hasText: '周淑芬' });
    await row.waitFor();

    const awardOnce = async (rule: string, event: string, units?: number) => {
      await row.getByTestId('account-award').click();
      const dialog = page.getByRole('dialog');
      await pickOption(page, dialog.getByTestId('award-rule').locator('input'), rule, new RegExp(rule), dialog.getByTestId('award-rule').getByText(rule));
      if (units) await dialog.locator('.ant-input-number input').first().fill(String(units));
      await dialog.getByTestId('award-event').fill(event);
      await dialog.getByTestId('award-ok').click();
      await dialog.waitFor({ state: 'hidden' });
    };
    await awardOnce('院落清扫', '2026-12 院落清扫', 3);
    await expect.poll(() => row.getByTestId('account-balance').textContent(), { timeout: 15_000 }).toBe('30');
    await awardOnce('楼道清理', '2026-12-03 楼道清理');
    await expect.poll(() => row.getByTestId('account-balance').textContent(), { timeout: 15_000 }).toBe('40');
    await expectNoEnglish(page);
    await shot('accounts');

    await row.getByTestId('account-link').click();
    await page.getByTestId('point-account-page').waitFor();
    await contains(page.getByTestId('ledger-table'), '院落清扫');
    const stair = page.getByTestId('ledger-table').locator('tr', { hasText: '楼道清理' });
    await stair.getByTestId('entry-reverse').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('reverse-reason').fill('重复录入，楼道清理已计入院落清扫');
    await dialog.getByTestId('reverse-ok').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('account-detail-balance').textContent(), { timeout: 15_000 }).toContain('30');
    await contains(page.getByTestId('ledger-table'), '冲正');
    await contains(page.getByTestId('ledger-table'), '已冲正');
    // the balance before any of it: yesterday
    await page.getByTestId('account-asof').click();
    await page.getByTestId('account-asof').fill('2026-12-02');
    await page.getByTestId('account-asof').press('Enter');
    await expect.poll(() => page.getByTestId('account-balance-asof').textContent(), { timeout: 15_000 }).toContain('截至 2026-12-02 的余额：0');
    await expectNoEnglish(page);
    await shot('ledger');
  });

  it('shelves goods; the pickup desk hands a resident reservation over by its code; the statement downloads', async () => {
    await menu('积分超市');
    await page.getByTestId('supermarket-page').waitFor();
    await page.getByTestId('goods-add').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('goods-name-input').fill('东北大米 5 斤');
    await dialog.getByTestId('goods-price').fill('20');
    await dialog.getByTestId('goods-stock-input').fill('10');
    await dialog.getByTestId('goods-ok').click();
    await dialog.waitFor({ state: 'hidden' });
    const goods = page.getByTestId('goods-table').locator('tr', { hasText: '东北大米' });
    await goods.waitFor();
    await expectNoEnglish(page);
    await shot('goods');

    // 周淑芬 reserves a bag on her phone
    const resident = await t.login('resident');
    const list = await t.app.inject({ method: 'GET', url: '/api/points/goods', headers: bearer(resident) });
    expect(list.statusCode, list.body).toBe(200);
    const rice = (list.json().items as { id: string; name: string }[]).find((g) => g.name.startsWith('东北大米'))!;
    const r = await t.app.inject({ method: 'POST', url: '/api/points/redemptions', headers: { ...bearer(resident), 'idempotency-key': 'h8-rice-1' }, payload: { goodsId: rice.id, qty: 1 } });
    expect(r.statusCode, r.body).toBe(201);
    const code = r.json().pickupCode as string;

    await page.getByTestId('tab-desk').click();
    await page.getByTestId('waiting-table').locator('tr', { hasText: code }).waitFor();
    await page.getByTestId('pickup-code').fill(code);
    await page.getByTestId('pickup-go').click();
    await contains(page.getByTestId('pickup-result'), '已交付：东北大米 5 斤 × 1');
    await expectNoEnglish(page);
    await shot('desk');

    await page.getByTestId('tab-statement').click();
    await page.getByTestId('statement-table').locator('tr', { hasText: '东北大米' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('statement-download').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    await expectNoEnglish(page);
    await shot('statement');
  });

  it('derives the red and black lists and reads the reconciliation', async () => {
    await menu('红黑榜');
    await page.getByTestId('civility-page').waitFor();
    await page.getByTestId('civility-derive').click();
    await page.getByText(/已评出 2026-11/).waitFor();
    await expectNoEnglish(page);
    await shot('civility');

    // the night's run (the admin may also start one from the page)
    const admin = await t.login('admin');
    const run = await t.app.inject({ method: 'POST', url: '/api/points/reconciliations', headers: bearer(admin), payload: {} });
    expect(run.statusCode, run.body).toBeLessThan(300);
    await menu('对账');
    await page.getByTestId('reconciliations-page').waitFor();
    await contains(page.getByTestId('reconciliation-latest'), '全部一致');
    await expectNoEnglish(page);
    await shot('reconciliations');
  });

  it('the town\'s leader picks the community and reads its accounts without awarding', async () => {
    await open('leader');
    await page.goto(`${base}/points/accounts`);
    await page.getByTestId('point-accounts-page').waitFor();
    await pickFixedOption(page, page.getByTestId('community-picker'), '春晖社区');
    const row = page.getByTestId('accounts-table').locator('tr', { hasText: '周淑芬' });
    await row.waitFor();
    await expect.poll(() => row.getByTestId('account-balance').textContent(), { timeout: 15_000 }).toBe('10');
    expect(await row.getByTestId('account-award').count()).toBe(0);
    expect(await page.getByTestId('award-open').count()).toBe(0);
    await expectNoEnglish(page);
    await shot('leader');
    expect(pageErrors).toEqual([]);
  });
});
