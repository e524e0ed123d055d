// Browser journey of account administration (三员分立): the security administrator (安全管理员) creates a grid worker
// in 账号管理, sees the one-time password once, and the grid worker signs in with it, is made to set a password of
// their own, and then reaches their grid on the phone pages.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, DESKTOP, WEB_DIST, expectNoEnglish, pickOption } from '../support/browser.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { accountWorkbook } from '../support/workbooks.ts';

const ARTIFACTS = 'test-artifacts';
let t: TestApp;
let browser: Browser;
let page: Page;
let base: string;
let oneTimePassword = '';
const pageErrors: string[] = [];

const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}/accounts-${name}.png` });
const signIn = async (username: string, password: string) => {
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
};

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await createTestApp({ webDist: WEB_DIST });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  page = await (await browser.newContext(DESKTOP)).newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('a grid worker account, from 账号管理 to the grid', () => {
  it('the security administrator lands on 账号管理, the only page of its menu, and the system administrator has none', async () => {
    await signIn('security', 'demo1234');
    await page.waitForURL('**/accounts');
    await page.getByTestId('side-menu').getByText('账号管理').waitFor();
    expect(await page.getByTestId('side-menu').locator('.ant-menu-item').allInnerTexts()).toEqual(['账号管理']);
    await page.getByTestId('accounts-table').locator('tr[data-username="gridworker"]').waitFor();
  });

  it('creates the account in a drawer, with roles and a scope picked from the org tree, and shows its one-time password once', async () => {
    await page.getByTestId('accounts-create').click();
    await page.getByTestId('account-username').fill('gw.browser');
    await page.getByTestId('account-name').fill('钱网格');
    await page.getByTestId('account-phone').fill('13900007777');
    const roles = page.getByTestId('account-roles');
    const pickRole = (label: string) => pickOption(page, roles.locator('input'), label, new RegExp(`^${label}$`),
      roles.locator('.ant-select-selection-item', { hasText: label }));
    const dropRole = (label: string) => roles.locator('.ant-select-selection-item', { hasText: label }).locator('.ant-select-selection-item-remove').click();
    // 三员分立 is refused before sending
    await pickRole('审计管理员');
    await pickRole('系统管理员');
    await page.getByTestId('account-form').getByText('同一账号不能同时担任').first().waitFor();
    await dropRole('审计管理员');
    await dropRole('系统管理员');
    await pickRole('网格员');
    await page.keyboard.press('Escape');
    // the tree filters as it is typed: a click before it settles misses on a loaded machine, so pick until it shows
    const scope = page.getByTestId('account-scope');
    for (let attempt = 1; ; attempt++) {
      await scope.click();
      await page.keyboard.type('春晖社区第1网格');
      const title = page.locator('.ant-select-tree-title').filter({ hasText: /^春晖社区第1网格$/ });
      await title.waitFor();
      await page.waitForTimeout(300);
      await title.click();
      const shown = await scope.getByText('春晖社区第1网格', { exact: true }).waitFor({ timeout: 5_000 }).then(() => true, () => false);
      if (shown || attempt >= 4) break;
      await page.keyboard.press('Escape');
    }
    await page.waitForTimeout(300);
    await expectNoEnglish(page);
    await shot('01-create');
    await page.getByTestId('account-save').click();
    const value = page.getByTestId('otp-value');
    await value.waitFor();
    oneTimePassword = (await value.innerText()).trim();
    expect(oneTimePassword).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
    await page.waitForTimeout(300);
    await expectNoEnglish(page);
    await shot('02-one-time-password');
    await page.getByTestId('otp-close').click();
    const row = page.getByTestId('accounts-table').locator('tr[data-username="gw.browser"]');
    await row.getByText('待改密').waitFor();
    expect(await row.innerText()).toContain('春晖社区第1网格');
    const stored = (await t.db.query<{ roles: string[]; phone: string }>(`select roles, phone from accounts where username = 'gw.browser'`)).rows[0]!;
    expect(stored.roles).toEqual(['gridWorker']);
    expect(stored.phone).toMatch(/^v1\./);
  });

  it('imports accounts from Excel: a file with problems creates nothing and lists them by row and column', async () => {
    const file = path.join(tmpdir(), `accounts-${process.pid}.xlsx`);
    writeFileSync(file, await accountWorkbook([
      ['imp.browser', '导入网格员', '', '网格员', '500199001001001', ''],
      ['gridworker', '重名', '', '网格员', '500199001001001', ''],
    ]));
    await page.getByTestId('accounts-import').click();
    await page.locator('.ant-modal input[type=file]').setInputFiles(file);
    await page.getByTestId('import-submit').click();
    const problems = page.getByTestId('import-problems');
    await problems.getByText('用户名 gridworker 已被使用。').waitFor();
    expect(await problems.innerText()).toContain('未创建任何账号');
    await page.waitForTimeout(300);
    await expectNoEnglish(page, ['gridworker']); // the username taken, named in the refusal as the file gave it
    await shot('03-import-problems');
    expect((await t.db.query(`select 1 from accounts where username = 'imp.browser'`)).rows).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('import-problems').waitFor({ state: 'detached' });
  });

  it('signs the new grid worker in with it, makes them set their own password, then shows their grid', async () => {
    await page.getByTestId('logout').click();
    await page.waitForURL('**/login');
    await signIn('gw.browser', oneTimePassword);
    await page.getByTestId('forced-password-page').waitFor();
    await page.getByTestId('forced-current').fill(oneTimePassword);
    await page.getByTestId('forced-new').fill(oneTimePassword);
    await page.getByTestId('forced-confirm').fill(oneTimePassword);
    await page.getByTestId('forced-submit').click();
    await page.getByText('新密码不能与当前密码相同').waitFor();
    await expectNoEnglish(page);
    await shot('04-forced-change');
    await page.getByTestId('forced-new').fill('Wangge-2026');
    await page.getByTestId('forced-confirm').fill('Wangge-2026');
    await page.getByTestId('forced-submit').click();
    // at a computer a grid worker lands on their grid's page (its map and cases)
    const grid = page.getByTestId('my-grid-page');
    await grid.waitFor();
    await expect.poll(() => page.locator('body').innerText()).toContain('我的网格 · 春晖社区第1网格');
    await page.waitForTimeout(300);
    await expectNoEnglish(page);
    await shot('05-my-grid');
    const signInAgain = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'gw.browser', password: 'Wangge-2026' } });
    expect(signInAgain.json().mustChangePassword).toBe(false);
    expect(pageErrors).toEqual([]);
  });
});
