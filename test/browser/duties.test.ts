// Browser journey of the duty catalogs (issue 12): the leader opens the three-level lists (a card a level with its
// counts, hours a month and trend), a district department files an admission for a new grid duty with the burden it
// would add shown as it types, the leader admits it, and the item appears in the grid list marked as admitted. The
// standing duties page as the leader edits it. Chinese only; screenshots in test-artifacts/duties-*.png.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, DESKTOP, WEB_DIST, expectNoEnglish, signInAs, pickFixedOption } from '../support/browser.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { seedDemoCatalog } from '../../src/server/duties/demo/demo-step.ts';

const ARTIFACTS = 'test-artifacts';
const STEP = 180_000;
const NEW_DUTY = '餐饮油烟扰民排查';

let t: TestApp;
let browser: Browser;
let context: BrowserContext;
let base: string;
let page: Page;
const pageErrors: string[] = [];

const signIn = (p: Page, username: string) => signInAs(p, base, username);

async function freshPage(username: string): Promise<Page> {
  await context?.close();
  context = await browser.newContext(DESKTOP);
  const p = await context.newPage();
  p.on('pageerror', (e) => pageErrors.push(e.message));
  await signIn(p, username);
  return p;
}

const shot = (p: Page, name: string) => p.screenshot({ path: `${ARTIFACTS}/duties-${name}.png`, fullPage: true });
const settle = (p: Page) => p.waitForTimeout(400);

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await createTestApp({ webDist: WEB_DIST });
  t.clock.set(new Date('2026-12-02T09:00:00+08:00'));
  await seedDemoCatalog(t.db, t.clock.now);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await t?.close();
});

describe('三级履职清单 and 清单准入', () => {
  it('shows the leader the three lists with their counts, burden and trend', async () => {
    page = await freshPage('leader');
    await page.getByTestId('side-menu').getByText('三级履职清单').click();
    await page.waitForURL('**/duties/catalog');
    await page.getByTestId('duty-card-grid').waitFor();
    await expect.poll(() => page.getByTestId('duty-items').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(10);
    await expect(page.getByTestId('duty-burden-grid').textContent()).resolves.toMatch(/每名网格员/);
    await page.getByTestId('duty-trend-grid').waitFor();
    await settle(page);
    await expectNoEnglish(page);
    await shot(page, '01-catalog');
    await page.getByTestId('duty-card-town').click();
    await expect.poll(() => page.getByTestId('duty-items').getByText('违法建筑拆除').count()).toBeGreaterThan(0);
    await settle(page);
    await shot(page, '02-town-list');
  }, STEP);

  it('lets a district department ask for a new grid duty, with the burden it would add', async () => {
    page = await freshPage('department');
    await page.getByTestId('side-menu').getByText('清单准入').click();
    await page.waitForURL('**/duties/admissions');
    await page.getByTestId('admission-file').click();
    const form = page.getByTestId('admission-form');
    await form.waitFor();
    await form.getByTestId('admission-name').fill(NEW_DUTY);
    await pickFixedOption(page, form.getByTestId('admission-list-type'), '配合履职');
    await form.getByTestId('admission-basis').fill('《重庆市大气污染防治条例》第五十九条');
    await form.getByTestId('admission-department').fill('区城市管理局');
    await form.getByTestId('admission-burden').fill('2');
    await form.getByTestId('admission-minutes').fill('20');
    await form.getByTestId('admission-reason').fill('沿街餐饮油烟投诉集中，需网格员巡查时发现上报');
    await expect.poll(() => page.getByTestId('admission-preview').textContent()).toMatch(/增加 0\.7 小时\/月/);
    await settle(page);
    await expectNoEnglish(page);
    await shot(page, '03-admission-form');
    await page.getByRole('button', { name: /提交申请/ }).click();
    const row = page.getByTestId('admissions-table').locator('tr', { hasText: NEW_DUTY });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/待审核/);
    await expect(row.textContent()).resolves.toMatch(/区城市管理局/);
    // a department does not decide
    await expect(row.getByTestId('admission-approve').count()).resolves.toBe(0);
    await settle(page);
    await shot(page, '04-admission-filed');
  }, STEP);

  it('lets the leader admit it, and the item appears in the grid list', async () => {
    page = await freshPage('leader');
    await page.getByTestId('side-menu').getByText('清单准入').click();
    const row = page.getByTestId('admissions-table').locator('tr', { hasText: NEW_DUTY });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/→/);
    await row.getByTestId('admission-approve').click();
    await page.getByTestId('decision-note').fill('同意，发现上报即可');
    await page.locator('.ant-modal').getByRole('button', { name: /准\s*入/ }).click();
    await expect.poll(() => row.textContent()).toMatch(/已准入/);
    await expect(row.textContent()).resolves.toMatch(/W-0\d\d/);
    await settle(page);
    await expectNoEnglish(page);
    await shot(page, '05-admitted');
    await page.getByTestId('side-menu').getByText('三级履职清单').click();
    await page.getByTestId('duty-card-grid').click();
    const item = page.getByTestId('duty-items').locator('tr', { hasText: NEW_DUTY });
    await item.waitFor();
    await expect(item.textContent()).resolves.toMatch(/经准入/);
    await expect(item.textContent()).resolves.toMatch(/配合履职/);
    await item.scrollIntoViewIfNeeded();
    await settle(page);
    await expectNoEnglish(page);
    await shot(page, '06-item-in-grid-list');
  }, STEP);

  it('shows the standing duties the leader edits', async () => {
    await page.getByTestId('side-menu').getByText('常态化职责').click();
    await page.getByTestId('standing-table').waitFor();
    await page.getByTestId('standing-save').waitFor();
    await settle(page);
    await expectNoEnglish(page);
    await shot(page, '07-standing-duties');
    expect(pageErrors).toEqual([]);
  }, STEP);

  it('reads in English too, every text from the locales', async () => {
    await page.getByText('English', { exact: true }).click();
    for (const [menu, name] of [['Duty lists', '08-en-catalog'], ['Duty admissions', '09-en-admissions'], ['Standing duties', '10-en-standing']] as const) {
      await page.getByTestId('side-menu').getByText(menu).click();
      await page.getByTestId('page-header').waitFor();
      await settle(page);
      const text = await page.locator('body').innerText();
      expect(text, name).not.toMatch(/duties\.[a-zA-Z]/);
      await shot(page, name);
    }
    await expect(page.getByTestId('duty-items').count()).resolves.toBe(0);
  }, STEP);
});
