// Browser journey of the administrators' back office: 审计日志 shows the admin's own sign-in, filters by
// action and verifies the hash chain; the security administrator (三员分立: accounts are its alone) sees in 账号管理 an
// account locked by failed sign-ins and unlocks it, disables the resident (whose token stops at once), and changes
// its own password in the header.
// Then the auditor (审计管理员) signs in: lands on 审计日志, the only page in the menu, where the admin's reads are on record.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, DESKTOP, WEB_DIST, expectNoEnglish } from '../support/browser.ts';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';

const ARTIFACTS = 'test-artifacts';
const NEW_PASSWORD = 'Zhizhi-2026';

let t: TestApp;
let browser: Browser;
let page: Page;
let base: string;
const pageErrors: string[] = [];
const consoleProblems: string[] = [];

const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}/admin-${name}.png` });
const rowOf = (username: string) => page.locator(`[data-testid="accounts-table"] tr[data-username="${username}"]`);

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await createTestApp({ webDist: WEB_DIST });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  page = await (await browser.newContext(DESKTOP)).newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') consoleProblems.push(m.text().slice(0, 300)); });
  // a sign-out in the log, so that filtering by 登录 has something to leave out
  const token = await t.login('dispatcher');
  expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(token) })).statusCode).toBeLessThan(300);
});

afterAll(async () => {
  if (consoleProblems.length) console.warn(`browser console:\n${[...new Set(consoleProblems)].join('\n')}`);
  await browser?.close();
  await t?.close();
});

describe('administrator back office', () => {
  it('shows the admin\'s own sign-in in 审计日志 and filters by 登录', async () => {
    await page.goto(`${base}/login`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('demo1234');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByTestId('side-menu').getByText('审计日志').click();
    await page.waitForURL('**/audit');
    const table = page.getByTestId('audit-table');
    await table.locator('tr[data-action="login"]', { hasText: 'admin' }).first().waitFor();
    await table.locator('tr[data-action="logout"]').first().waitFor();
    expect(await page.getByTestId('audit-retention').innerText()).toContain('6 个月');

    await page.getByTestId('audit-action').click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^登录$/ }).click();
    await expect.poll(() => table.locator('tr[data-action="logout"]').count()).toBe(0);
    const actions = await table.locator('tr[data-action]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((a) => a!.startsWith('login'))).toBe(true);

    await table.locator('tr[data-action="login"]', { hasText: 'admin' }).first().click();
    const hash = await page.getByTestId('audit-hash').first().innerText();
    expect(hash).toMatch(/[0-9a-f]{64}/);
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await page.waitForTimeout(300);
    await expectNoEnglish(page);
    await shot('01-audit');
  });

  it('verifies the integrity of the log chain', async () => {
    await page.getByTestId('audit-verify').click();
    const result = page.getByTestId('audit-verify-result');
    await result.waitFor();
    expect(await result.getAttribute('data-ok')).toBe('true');
    expect(await result.innerText()).toMatch(/日志链完整（已校验 \d+ 条）/);
    await expectNoEnglish(page);
    await shot('02-verify');
  });

  it('shows an account locked by failed sign-ins in 账号管理 and unlocks it', async () => {
    expect(await page.getByTestId('side-menu').getByText('账号管理').count()).toBe(0); // the system administrator's menu
    await page.getByTestId('logout').click();
    await page.waitForURL('**/login');
    await page.getByLabel('用户名').fill('security');
    await page.getByLabel('密码').fill('demo1234');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL('**/accounts');
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'handler', password: `wrong-${i}` } });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
    }
    await page.reload();
    const row = rowOf('handler');
    await row.getByText('已锁定').waitFor();
    expect(await rowOf('admin').innerText()).toContain('系统管理员');
    expect(await rowOf('security').innerText()).toContain('安全管理员');
    await page.waitForTimeout(400); // the table fades in
    await expectNoEnglish(page);
    await shot('03-locked');
    await row.getByTestId('account-unlock').click();
    await page.getByText(/已解锁/).first().waitFor();
    await expect.poll(() => row.getByText('已锁定').count()).toBe(0);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'handler', password: 'demo1234' } })).statusCode).toBe(200);
  });

  it('disables the resident, whose token stops working at once', async () => {
    const token = await t.login('resident');
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })).statusCode).toBe(200);
    await page.getByPlaceholder('搜索用户名或姓名').fill('resident');
    await page.getByPlaceholder('搜索用户名或姓名').press('Enter');
    await expect.poll(() => page.locator('[data-testid="accounts-table"] tr[data-username]').count()).toBe(1);
    const row = rowOf('resident');
    await row.getByTestId('account-disable').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定/ }).click();
    await row.getByText('已停用').waitFor();
    expect(await row.getByTestId('account-enable').count()).toBe(1);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })).statusCode).toBe(401);
    await page.waitForTimeout(300);
    await expectNoEnglish(page);
    await shot('04-disabled');
  });

  it('changes the security administrator\'s own password from the header', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: /修改密码/ }).click();
    const form = page.getByTestId('password-form');
    await form.waitFor();
    // the policy is checked before sending
    await page.getByTestId('password-current').fill('demo1234');
    await page.getByTestId('password-new').fill('abcdefgh');
    await page.getByTestId('password-confirm').fill('abcdefgh');
    await page.getByTestId('password-submit').click();
    await form.getByText('新密码须包含字母、数字、符号中的至少两种').waitFor();
    // a wrong current password is the server's answer, shown on the field; the admin stays signed in
    await page.getByTestId('password-current').fill('not-my-password1');
    await page.getByTestId('password-new').fill(NEW_PASSWORD);
    await page.getByTestId('password-confirm').fill(NEW_PASSWORD);
    await page.getByTestId('password-submit').click();
    await form.getByText('当前密码不正确。').waitFor();
    await page.waitForTimeout(300);
    await expectNoEnglish(page);
    await shot('05-password-error');
    expect(page.url()).toContain('/accounts');
    await page.getByTestId('password-current').fill('demo1234');
    await page.getByTestId('password-submit').click();
    await page.getByText('密码已修改').waitFor();
    await expect.poll(() => form.count()).toBe(0);
    await expectNoEnglish(page);
    await shot('06-password-done');
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'security', password: NEW_PASSWORD } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'security', password: 'demo1234' } })).statusCode).toBe(401);
    // still signed in: this session was kept
    await page.reload();
    await page.getByTestId('accounts-page').waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('signs the auditor in straight onto 审计日志, the only page of the auditor\'s menu', async () => {
    await page.getByTestId('logout').click();
    await page.waitForURL('**/login');
    await page.getByLabel('用户名').fill('auditor');
    await page.getByLabel('密码').fill('demo1234');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL('**/audit');
    await page.getByTestId('audit-page').waitFor();
    expect(await page.getByTestId('side-menu').locator('.ant-menu-item').allInnerTexts()).toEqual(['审计日志']);
    expect(await page.getByTestId('user-menu').innerText()).toContain('审计管理员');
    // the admin's searches and checks of the log are on record for the auditor
    await page.getByTestId('audit-table').locator('tr[data-action="audit.verify"]', { hasText: 'admin' }).first().waitFor();
    // people and things by name: the actor's name with the username beside it, the disabled account by its name; its id when opened
    const resident = (await t.db.query<{ id: string; name: string }>(`select id, name from accounts where username = 'resident'`)).rows[0]!;
    const disabled = page.getByTestId('audit-table').locator('tr[data-action="account.disable"]').first();
    expect(await disabled.getByTestId('audit-actor-name').innerText()).toMatch(/^\S+ security$/);
    expect(await disabled.getByTestId('audit-target').innerText()).toBe(`账号 · ${resident.name}`);
    await disabled.click();
    expect(await page.getByTestId('audit-target-id').first().innerText()).toBe(resident.id);
    await page.mouse.move(0, 0);
    await page.waitForTimeout(300);
    await expectNoEnglish(page);
    await shot('07-auditor');
    expect(pageErrors).toEqual([]);
  });
});
