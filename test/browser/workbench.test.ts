// Browser journey of the desktop case loop: a grid worker's report (through the API) reaches the
// dispatcher's workbench with a live countdown; the dispatcher accepts it and dispatches it to the routed
// 城市更新岗; a second report arrives live over SSE; the post holder starts it and reports it done with a
// note and a photo from 我的待办; the dispatcher verifies it and it is closed.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, DESKTOP, WEB_DIST, pickOption } from '../support/browser.ts';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { makeJpeg } from '../support/images.ts';

const ARTIFACTS = 'test-artifacts';

let t: TestApp;
let browser: Browser;
let desk: Page;
let handler: Page;
let base: string;
let photoPath: string;
let first: { id: string; number: string };
const pageErrors: string[] = [];
const consoleProblems: string[] = [];

/** a grid worker's report with a photo at the centre of 春晖社区第1网格 */
async function report(description: string, offset = 0): Promise<{ id: string; number: string }> {
  const token = await t.login('gridworker');
  const upload = await t.app.inject({ method: 'POST', url: '/api/files', headers: { ...bearer(token), 'content-type': 'image/jpeg' }, payload: await makeJpeg(800, 600, '#59636e') });
  expect(upload.statusCode, upload.body).toBe(201);
  const at = await gridCentre(t.db, DEMO_GRID);
  const res = await t.app.inject({
    method: 'POST', url: '/api/cases', headers: { ...bearer(token), 'idempotency-key': `wb-${description}` },
    payload: { categoryCode: 'C0101', description, location: { lng: at.lng + offset, lat: at.lat }, address: '春晖路 12 号', photos: [upload.json().hash] },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: string };
}

async function signIn(page: Page, username: string, home: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('demo1234');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL(`**${home}`);
}

const drawerOf = (page: Page) => page.getByTestId('case-drawer');
async function expectStatus(page: Page, status: string) {
  await expect.poll(() => drawerOf(page).getAttribute('data-status'), { timeout: 10_000 }).toBe(status);
}

const shot = (page: Page, name: string) => page.screenshot({ path: `${ARTIFACTS}/workbench-${name}.png` });

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await createTestApp({ webDist: WEB_DIST });
  t.clock.set(new Date()); // countdowns in the browser run on its real clock
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  photoPath = path.join(mkdtempSync(path.join(tmpdir(), 'zhizhi-done-')), 'after.jpg');
  writeFileSync(photoPath, await makeJpeg(1024, 768, '#3f8f5a'));
  browser = await launchChromium();
  desk = await (await browser.newContext(DESKTOP)).newPage();
  handler = await (await browser.newContext(DESKTOP)).newPage();
  for (const p of [desk, handler]) {
    p.on('pageerror', (e) => pageErrors.push(e.message));
    p.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') consoleProblems.push(m.text().slice(0, 300)); });
  }
  first = await report('春晖路 12 号门口井盖缺失，夜间有行人绊倒风险');
});

afterAll(async () => {
  if (consoleProblems.length) console.warn(`browser console:\n${[...new Set(consoleProblems)].join('\n')}`);
  await browser?.close();
  await t?.close();
});

describe('dispatcher workbench and handler inbox', () => {
  it('shows the new report in 待受理 with a live acceptance countdown', async () => {
    await signIn(desk, 'dispatcher', '/cases/workbench');
    const item = desk.locator(`[data-testid="queue-item"][data-number="${first.number}"]`);
    await item.waitFor();
    const countdown = item.getByTestId('countdown');
    expect(await countdown.getAttribute('data-light')).toBe('green');
    const before = await countdown.locator('.zz-countdown-time').innerText();
    expect(before).toMatch(/^0[0-5]:\d\d$/);
    await expect.poll(() => countdown.locator('.zz-countdown-time').innerText(), { timeout: 5000 }).not.toBe(before);
    expect(await desk.getByTestId('tab-reported').innerText()).toContain('待受理');
    await desk.locator('[data-testid="case-map"][data-map-ready="true"]').waitFor({ timeout: 30_000 });
    await shot(desk, '01-queue');
  });

  it('opens the drawer and accepts the case', async () => {
    await desk.locator(`[data-testid="queue-item"][data-number="${first.number}"]`).click();
    await drawerOf(desk).waitFor();
    expect(await desk.getByTestId('case-number').innerText()).toContain(first.number);
    expect(await desk.getByTestId('case-reporter').innerText()).toContain('李明辉');
    await desk.getByTestId('photos-before').locator('img').first().waitFor();
    expect(await desk.getByTestId('case-timeline').innerText()).toContain('上报');
    await shot(desk, '02-drawer');
    await desk.getByTestId('action-accept').click();
    await expectStatus(desk, 'accepted');
  });

  it('dispatches it to the routed 城市更新岗', async () => {
    await desk.getByTestId('action-dispatch').click();
    const modal = desk.locator('.zz-action-modal');
    await modal.getByText('城市更新岗').first().waitFor();
    expect(await modal.innerText()).toContain('推荐');
    expect(await modal.getByTestId('override-warning').count()).toBe(0);
    await shot(desk, '03-dispatch');
    await modal.getByRole('button', { name: /确\s*定/ }).click();
    await expectStatus(desk, 'dispatched');
    expect(await desk.getByTestId('case-assignee').innerText()).toContain('城市更新岗');
  });

  it('shows a new report live, without a reload', async () => {
    await desk.getByTestId('tab-reported').click();
    t.clock.set(new Date());
    const second = await report('春晖路 30 号井盖松动，车辆经过响声很大', 0.0004);
    const item = desk.locator(`[data-testid="queue-item"][data-number="${second.number}"]`);
    await item.waitFor({ timeout: 10_000 });
    expect(await item.getAttribute('class')).toContain('is-new');
    await desk.getByText(`新上报：${second.number}`).waitFor();
    await shot(desk, '04-live');
  });

  it('lets the post holder start it and report it done from 我的待办', async () => {
    await signIn(handler, 'handler', '/cases/inbox');
    const row = handler.locator(`[data-testid="inbox-row"][data-number="${first.number}"]`);
    await row.waitFor();
    await shot(handler, '05-inbox');
    await row.click();
    await drawerOf(handler).waitFor();
    await handler.getByTestId('action-start').click();
    await expectStatus(handler, 'in_progress');
    await handler.getByTestId('action-report_done').click();
    const modal = handler.locator('.zz-action-modal');
    await modal.getByTestId('field-note').fill('已更换新井盖并设置警示标志，现场恢复通行。');
    await modal.locator('input[type="file"]').setInputFiles(photoPath);
    await modal.locator('.ant-upload-list-item-done, .ant-upload-list-item:not(.ant-upload-list-item-uploading)').first().waitFor();
    await expect.poll(() => modal.locator('.ant-upload-list-item-uploading').count()).toBe(0);
    await shot(handler, '06-report-done');
    await modal.getByRole('button', { name: /确\s*定/ }).click();
    await expectStatus(handler, 'handled');
    await handler.getByTestId('photos-after').locator('img').first().waitFor();
  });

  it('lets the dispatcher verify it: 已办结', async () => {
    // the drawer follows the case live
    await expectStatus(desk, 'handled');
    expect(await desk.getByTestId('case-timeline').innerText()).toContain('已更换新井盖');
    await desk.getByTestId('action-verify').click();
    await expectStatus(desk, 'closed');
    expect(await desk.locator('.zz-case-drawer').getByTestId('case-status').first().innerText()).toBe('已办结');
    await shot(desk, '07-closed');
  });

  it('takes a 12345 call: category, caller, place on the map; shows nearby duplicates', async () => {
    await desk.locator('.zz-case-drawer .ant-drawer-close').click();
    await desk.getByTestId('side-menu').getByText('电话受理').click();
    await desk.waitForURL('**/cases/intake');
    await desk.locator('[data-testid="location-picker"][data-map-ready="true"]').waitFor({ timeout: 30_000 });
    await desk.getByTestId('intake-category').click();
    await desk.keyboard.type('井盖');
    await desk.locator('.ant-select-item-option').filter({ hasText: 'C0101' }).click();
    await desk.getByTestId('intake-description').fill('市民来电：春晖社区路口井盖破损，请尽快处理');
    await desk.getByTestId('intake-caller').fill('张先生');
    await desk.getByTestId('intake-phone').fill('13800138000');
    const box = (await desk.locator('[data-testid="location-picker"] canvas').boundingBox())!;
    await desk.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => desk.getByTestId('locate-feedback').innerText()).toMatch(/位于 .*网格|该位置不在任何网格内/);
    const [lng, lat] = (await desk.getByTestId('locate-feedback').innerText()).match(/\d+\.\d+/g)!.map(Number);
    // an open report of the same category a few metres away
    const token = await t.login('gridworker');
    const near = await t.app.inject({ method: 'POST', url: '/api/cases', headers: { ...bearer(token), 'idempotency-key': 'wb-near' }, payload: { categoryCode: 'C0101', description: '路口井盖破损', location: { lng: lng! + 0.0001, lat: lat! } } });
    expect(near.statusCode, near.body).toBe(201);
    await shot(desk, '08-intake');
    await desk.getByTestId('intake-submit').click();
    await desk.getByTestId('intake-result').waitFor();
    expect(await desk.getByTestId('intake-result').innerText()).toMatch(/已登记案卷 \d{9}-\d{8}-\d{4}/);
    await desk.getByTestId('intake-duplicates').waitFor();
    await shot(desk, '09-intake-duplicates');
    await desk.getByTestId('intake-duplicates').getByText('查看案卷').first().click();
    await drawerOf(desk).waitFor();
    expect(await desk.getByTestId('case-description').innerText()).toBe('路口井盖破损');
    await desk.locator('.zz-case-drawer .ant-drawer-close').click();
  });

  it('shows the duty catalog by list, with version history', async () => {
    await desk.getByTestId('side-menu').getByText('事项清单', { exact: true }).click();
    await desk.waitForURL('**/matters');
    await desk.getByTestId('matters-table').getByText('井盖破损缺失').waitFor();
    // posts by name alone in the list, the code (JJ-…) only on hover
    expect(await desk.getByTestId('matters-table').locator('.zz-namecode[data-code]').count()).toBeGreaterThan(0);
    expect(await desk.getByTestId('matters-table').locator('.zz-namecode-code').count()).toBe(0);
    await shot(desk, '10-matters-all');
    await desk.getByTestId('matter-lists').getByText(/收回事项/).click();
    await desk.getByTestId('matters-table').getByText('路灯损坏').waitFor();
    expect(await desk.getByTestId('matters-table').getByText('井盖破损缺失').count()).toBe(0);
    await shot(desk, '10-matters');
    expect(await desk.getByTestId('matter-create').count()).toBe(0); // read-only for a dispatcher
  });

  it('lets a leader add a matter, with the field problems of the API on the form', async () => {
    await handler.getByTestId('logout').click(); // the drawer leaves the header free
    await handler.waitForURL('**/login');
    await signIn(handler, 'leader', '/cases/overview'); // the leader's landing: the town's case overview
    await handler.goto(`${base}/matters`);
    await handler.getByTestId('matter-create').click();
    const form = handler.getByTestId('matter-form');
    await form.getByLabel('编码').fill('C0199');
    await form.getByLabel('事项名称').fill('窨井异味');
    await form.getByLabel('大类').fill('部件/公用设施');
    await form.getByLabel('责任部门').fill('不存在的部门');
    await handler.getByRole('button', { name: /保\s*存/ }).click();
    await form.locator('.ant-form-item-has-error').filter({ hasText: '责任部门' }).locator('.ant-form-item-explain-error').waitFor();
    await handler.waitForTimeout(400); // the message slides in
    await shot(handler, '11-matter-error');
    expect(await form.innerText()).toContain('不存在：请检查岗位编码或部门名称');
    await form.getByLabel('责任部门').fill('');
    await form.locator('.ant-form-item-has-error').filter({ hasText: '责任部门' }).waitFor({ state: 'detached' }); // the API's word goes with the edit
    await pickOption(handler, form.getByLabel('承办岗位'), '城市更新', 'JJ-CSGX',
      form.locator('.ant-form-item').filter({ hasText: '承办岗位' }).getByText(/JJ-CSGX/).filter({ visible: true }));
    await handler.getByRole('button', { name: /保\s*存/ }).click();
    await form.waitFor({ state: 'detached', timeout: 15_000 }).catch(async () => {
      throw new Error(`the matter form stayed open after 保存:\n${await form.innerText()}`);
    });
    await handler.getByPlaceholder('搜索名称、编码或大类').fill('窨井');
    await handler.getByTestId('matters-table').getByText('窨井异味').waitFor();
    await handler.getByTestId('matters-table').locator('tr', { hasText: '窨井异味' }).getByRole('button', { name: /版本/ }).click();
    await handler.getByTestId('matter-versions').getByText('v1 · 窨井异味').waitFor();
    await handler.waitForTimeout(400); // the drawer slides in
    await shot(handler, '12-matter-versions');
    expect(pageErrors).toEqual([]);
  });
});
