// Browser journey of a grid team change: the security administrator has created a grid worker's account; the staff of
// 春晖社区 open its first grid from the map's tree, edit its "1+3+N" team and put the worker on it with a phone and the
// account; the worker then signs in on a phone and finds the grid as theirs, the team with them on it.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, PHONE, launchChromium, WEB_DIST, expectNoEnglish } from '../support/browser.ts';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';

const ARTIFACTS = 'test-artifacts';
const WORKER = { username: 'wu.grid', name: '吴网格', password: 'Wu-Grid-2026' };

let t: TestApp;
let browser: Browser;
let base: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await createTestApp({ webDist: WEB_DIST });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  // the worker's account, as the security administrator creates it; the worker sets their own password
  const grid = (await t.db.query<{ id: string }>(`select id from org_units where code = '500199001001001'`)).rows[0]!.id;
  const created = await t.app.inject({
    method: 'POST', url: '/api/accounts', headers: bearer(await t.login('security')),
    payload: { username: WORKER.username, name: WORKER.name, roles: ['gridWorker'], scopeOrgUnitId: grid },
  });
  expect(created.statusCode, created.body).toBe(201);
  const first = await t.login(WORKER.username, created.json().oneTimePassword);
  const set = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: bearer(first), payload: { currentPassword: created.json().oneTimePassword, newPassword: WORKER.password } });
  expect(set.statusCode, set.body).toBe(204);
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** Picks an option of an antd Select, typing to narrow it down. */
async function choose(page: Page, select: ReturnType<Page['locator']>, text: string): Promise<void> {
  await select.click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

describe('putting a staff member into a grid team', () => {
  it('the community staff add the worker, with phone and account, to 春晖社区第1网格\'s team', async () => {
    const page = await (await browser.newContext(DESKTOP)).newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signIn(page, 'community', 'demo1234');
    await page.getByTestId('side-menu').getByText('网格地图').click();
    await page.waitForURL('**/org/map');
    // the tree starts at the community and lists its grids
    await page.getByTestId('org-tree').getByText('第1网格', { exact: true }).first().click();
    const drawer = page.locator('.zz-grid-drawer');
    await drawer.getByTestId('grid-team').waitFor();
    await drawer.getByTestId('team-edit').click();

    const teamOf = async () => (await t.db.query<{ id: string; phone: string | null }>(
      `select m.id, m.phone from grid_team_members m join org_units g on g.id = m.grid_id where g.code = '500199001001001' order by m.id`)).rows;
    const before = await teamOf();
    const editor = page.getByTestId('team-editor');
    await editor.waitFor();
    // the members already on the team show their phones, which stay as they are unless retyped
    await expect.poll(() => editor.getByTestId('team-phone').first().getAttribute('placeholder')).toMatch(/^1\d{10}/);
    await editor.getByTestId('team-add').click();
    const row = editor.getByTestId('team-row').nth(before.length);
    await choose(page, row.locator('.ant-select').first(), '专职网格员');
    await row.getByTestId('team-name').fill(WORKER.name);
    await row.getByTestId('team-phone').fill('13912345678');
    await choose(page, row.getByTestId('team-account'), WORKER.name);
    await expectNoEnglish(page);
    await page.screenshot({ path: `${ARTIFACTS}/grid-team-editor.png` });
    await page.getByTestId('team-save').click();

    await page.locator('.ant-message-notice', { hasText: '已保存网格团队' }).waitFor();
    await expect.poll(() => drawer.getByTestId('grid-team').innerText()).toContain(WORKER.name);
    await expectNoEnglish(page);
    await page.screenshot({ path: `${ARTIFACTS}/grid-team-saved.png` });
    const stored = await t.db.query<{ account: string; phone: string }>(
      `select a.username as account, m.phone from grid_team_members m join accounts a on a.id = m.account_id where m.name = $1`, [WORKER.name]);
    expect(stored.rows.map((r) => r.account)).toEqual([WORKER.username]);
    expect(stored.rows[0]!.phone).toMatch(/^v1\./); // sealed, never the number itself
    // everyone who was on the team still is, with the same phone
    const after = new Map((await teamOf()).map((m) => [m.id, m.phone]));
    for (const m of before) expect(after.get(m.id), m.id).toBe(m.phone);
    await page.context().close();
  });

  it('the worker signs in on a phone and sees the grid as theirs, with themselves on its team', async () => {
    const page = await (await browser.newContext(PHONE)).newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signIn(page, WORKER.username, WORKER.password);
    await page.waitForURL('**/m');
    await page.getByText('春晖社区第1网格').first().waitFor();
    await expect.poll(() => page.locator('body').innerText()).toContain(WORKER.name);
    await expectNoEnglish(page);
    await page.screenshot({ path: `${ARTIFACTS}/grid-team-worker-phone.png` });
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
