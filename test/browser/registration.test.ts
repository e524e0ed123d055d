// Browser journey of resident self-registration on a phone: from the sign-in page's 居民注册 link, a code to the phone
// (read from the server log: no SMS gateway here), name and password, the home found by the address search and put on
// the community's map; then the resident is signed in and sees their grid, signs out, and signs in with the phone.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, PHONE, WEB_DIST } from '../support/browser.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID } from '../support/places.ts';

const ARTIFACTS = 'test-artifacts';
const MOBILE_NUMBER = '13712345678';

let t: TestApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let base: string;
const logLines: string[] = [];
const pageErrors: string[] = [];

async function shot(name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: PHONE.viewport.width, height: Math.max(height, PHONE.viewport.height) });
  await page.waitForTimeout(300); // the map resizes
  await page.screenshot({ path: `${ARTIFACTS}/register-${name}.png` });
  await page.setViewportSize(PHONE.viewport);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await createTestApp({ webDist: WEB_DIST, logLines });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  // no GPS: the home is found by the address search and the pin
  context = await browser.newContext({ ...PHONE });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('resident self-registration on a phone', () => {
  it('registers with a code, a grid found by name and a pin, and lands signed in on their grid', async () => {
    await page.goto(`${base}/login`);
    await page.getByTestId('register-link').click();
    await page.getByTestId('register-page').waitFor();

    await page.getByTestId('register-phone').locator('input').fill(MOBILE_NUMBER);
    await page.getByTestId('register-send-code').click();
    await page.getByTestId('register-code-sent').waitFor();
    expect(await page.getByTestId('register-code-sent').innerText()).toContain('137****5678');
    await expect.poll(() => page.getByTestId('register-send-code').innerText()).toMatch(/\d+ 秒后重发/);
    const line = logLines.filter((l) => l.includes(`to ${MOBILE_NUMBER}:`)).at(-1)!;
    const code = /验证码是 (\d{6})/.exec(line)![1]!;
    await page.getByTestId('register-code').locator('input').fill(code);

    await page.getByTestId('register-name').locator('input').fill('吴新居');
    await page.getByTestId('register-password').locator('input').fill('home2026!');
    await page.getByTestId('register-confirm').locator('input').fill('home2026!');

    await page.getByTestId('register-search').locator('input').fill('春晖 第1网格');
    await page.getByTestId('register-match').first().waitFor();
    await shot('01-search');
    const gridName = (await t.db.query<{ name: string }>('select name from org_units where code = $1', [DEMO_GRID])).rows[0]!.name;
    await page.getByTestId('register-match').filter({ hasText: gridName.replace(/^.*社区/, '') }).first().click();
    await page.locator('[data-testid="position-map"][data-map-ready="true"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('register-grid').innerText(), { timeout: 10_000 }).toContain(gridName);
    await page.getByTestId('register-address').locator('input').fill('春晖路 8 号 3 栋 2 单元 501');
    await shot('02-form');

    await page.getByTestId('register-submit').click();
    await page.waitForURL('**/m');
    await page.getByTestId('mobile-home').waitFor();
    await expect.poll(() => page.getByTestId('mobile-home').innerText()).toContain(gridName);
    expect(await page.getByTestId('mobile-home').innerText()).toContain('吴新居');
    await shot('03-signed-in');

    const account = (await t.db.query<{ home: string }>(`select u.name as home from accounts a join org_units u on u.id = a.home_org_unit_id where a.phone_hash = $1`,
      [t.app.pii.lookupHash(MOBILE_NUMBER)])).rows[0]!;
    expect(account.home).toBe(gridName);
  });

  it('signs out and signs in again with the mobile number', async () => {
    await page.getByTestId('mobile-home').getByRole('button', { name: /退出/ }).click();
    await page.waitForURL('**/login');
    await page.getByLabel('用户名').fill(MOBILE_NUMBER);
    await page.getByLabel('密码').fill('home2026!');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL('**/m');
    await expect.poll(() => page.getByTestId('mobile-home').innerText()).toContain('吴新居');
    expect(pageErrors).toEqual([]);
  });
});
