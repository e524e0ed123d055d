// Browser journey: a dispatcher signs in, sees the grid map of 春晖路街道, opens a grid's team,
// looks at the boards of the town, and switches the UI to English.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, WEB_DIST, expectNoEnglish } from '../support/browser.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const ARTIFACTS = 'test-artifacts';

let t: TestApp;
let browser: Browser;
let page: Page;
let base: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await createTestApp({ webDist: WEB_DIST });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('org map (dispatcher)', () => {
  it('refuses a wrong password with the API message in Chinese', async () => {
    await page.goto(`${base}/`);
    await page.waitForURL('**/login');
    await expect.poll(() => page.getByTestId('demo-accounts').isVisible()).toBe(true);
    // each demo account says whom you sign in as: the person's name and role names, the username small beside it
    const dispatcher = page.getByTestId('demo-accounts').locator('button[data-username="dispatcher"]');
    expect(await dispatcher.innerText()).toMatch(/^刘晓燕 · 调度员\s+dispatcher$/);
    await expectNoEnglish(page);
    await page.screenshot({ path: `${ARTIFACTS}/00-login.png` });
    await dispatcher.click(); // fills the form
    expect(await page.getByLabel('用户名').inputValue()).toBe('dispatcher');
    expect(await page.getByLabel('密码').inputValue()).toBe('demo1234');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('login-error').waitFor();
    expect(await page.getByTestId('login-error').innerText()).toMatch(/[\u4e00-\u9fff]/);
    await expectNoEnglish(page);
    await page.screenshot({ path: `${ARTIFACTS}/01-login-error.png` });
  });

  it('signs in and shows the scope tree and the grid map', async () => {
    await page.getByLabel('密码').fill('demo1234');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    // a dispatcher lands on the workbench; the grid map is one click away in the side menu
    await page.waitForURL('**/cases/workbench');
    await page.getByTestId('side-menu').getByText('网格地图').click();
    await page.waitForURL('**/org/map');
    await expect.poll(() => page.getByTestId('user-name').innerText()).toBe('刘晓燕');
    expect(await page.getByTestId('scope-tag').innerText()).toContain('春晖路街道');
    // the tree starts at the town and lists its communities
    await page.getByTestId('org-tree').getByText('春晖社区', { exact: true }).waitFor();
    // the map canvas rendered and finished loading its boundaries
    await page.locator('[data-testid="grid-map"][data-map-ready="true"]').waitFor({ timeout: 30_000 });
    const canvas = await page.locator('canvas.maplibregl-canvas').boundingBox();
    expect(canvas!.width).toBeGreaterThan(400);
    expect(canvas!.height).toBeGreaterThan(300);
    expect(await page.getByTestId('map-legend').innerText()).toContain('春晖社区');
    await expectNoEnglish(page);
    await page.screenshot({ path: `${ARTIFACTS}/02-org-map.png` });
  });

  it('opens a grid and its 1+3+N team from the tree', async () => {
    const tree = page.getByTestId('org-tree');
    await tree.locator('.ant-tree-treenode').filter({ has: page.getByText('春晖社区', { exact: true }) }).locator('.ant-tree-switcher').click();
    await tree.getByText('第1网格', { exact: true }).first().click();
    const drawer = page.locator('.zz-grid-drawer');
    await drawer.getByTestId('grid-team').waitFor();
    const text = await drawer.innerText();
    expect(text).toContain('春晖社区第1网格');
    expect(text).toContain('500199001001001');
    expect(text).toContain('网格长');
    expect(text).toContain('李明辉');
    await page.waitForTimeout(800); // the map flies to the grid
    await expectNoEnglish(page);
    await page.screenshot({ path: `${ARTIFACTS}/03-grid-drawer.png` });
    await drawer.locator('.ant-drawer-close').click();
  });

  it('opens a grid by clicking it on the map', async () => {
    await page.getByRole('button', { name: '全览' }).click();
    await page.waitForTimeout(800);
    const box = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const drawer = page.locator('.zz-grid-drawer');
    await drawer.getByText('网格力量（1+3+N）').waitFor();
    expect(await drawer.locator('.ant-drawer-title').innerText()).toMatch(/网格$/);
    await expectNoEnglish(page);
    await page.screenshot({ path: `${ARTIFACTS}/04-map-click.png` });
    await drawer.locator('.ant-drawer-close').click();
  });

  it('shows the command center and the four boards with A/B holders', async () => {
    await page.getByTestId('side-menu').getByText('指挥中心与四板块').click();
    await page.waitForURL('**/org/boards');
    await page.getByTestId('boards-view').waitFor();
    const text = await page.getByTestId('boards-view').innerText();
    for (const name of ['基层治理指挥中心', '党的建设', '经济发展', '民生服务', '平安法治', '流转调度岗']) expect(text).toContain(name);
    expect(text).toContain('刘晓燕');
    await expectNoEnglish(page);
    await page.screenshot({ path: `${ARTIFACTS}/05-boards.png`, fullPage: true });
  });

  it('switches the interface to English', async () => {
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByTestId('side-menu').getByText('Grid map').waitFor();
    expect(await page.getByTestId('logout').innerText()).toContain('Sign out');
    expect(await page.getByTestId('boards-view').innerText()).toContain('A holder');
    await page.screenshot({ path: `${ARTIFACTS}/06-english.png` });
    await page.getByTestId('language-switch').getByText('中文').click();
    await page.getByTestId('side-menu').getByText('网格地图').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
