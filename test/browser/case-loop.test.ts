// Browser journey of issue 10's loop fixes: on the phone, the grid worker sees who will handle 井盖破损缺失 (and why)
// before sending the report; on the desktop, the dispatcher sees why that post was recommended and takes 受理并派遣 in
// one step, the timeline keeping both steps; the 12345 intake shows its preview too; a trifle resolved on the spot says
// the community verifies it. Screenshots in test-artifacts/loop-*.png.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, launchChromium, PHONE, WEB_DIST } from '../support/browser.ts';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { makeJpeg } from '../support/images.ts';

const ARTIFACTS = 'test-artifacts';
let t: TestApp;
let browser: Browser;
let phone: Page;
let desk: Page;
let base: string;
let photoPath: string;
const pageErrors: string[] = [];

async function signIn(page: Page, username: string, home: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('demo1234');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL(`**${home}`);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await createTestApp({ webDist: WEB_DIST });
  t.clock.set(new Date());
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const centre = await gridCentre(t.db, DEMO_GRID);
  photoPath = path.join(mkdtempSync(path.join(tmpdir(), 'zhizhi-loop-')), 'after.jpg');
  writeFileSync(photoPath, await makeJpeg(800, 600, '#5a7d5a'));
  browser = await launchChromium();
  phone = await (await browser.newContext({ ...PHONE, geolocation: { longitude: centre.lng, latitude: centre.lat, accuracy: 12 }, permissions: ['geolocation'] })).newPage();
  desk = await (await browser.newContext(DESKTOP)).newPage();
  for (const p of [phone, desk]) p.on('pageerror', (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('who will handle it, before sending; 受理并派遣 in one step', () => {
  let number = '';

  it('shows the routing preview in the phone report before submitting', async () => {
    await signIn(phone, 'gridworker', '/m');
    await phone.goto(`${base}/m/report`);
    await phone.getByTestId('report-page').waitFor();
    expect(await phone.getByTestId('routing-preview').innerText()).toContain('选择类别并确定位置后');
    await phone.getByTestId('category-field').click();
    await phone.getByTestId('category-search').locator('input').fill('井盖');
    await phone.getByTestId('category-C0101').click();
    await phone.getByTestId('category-list').waitFor({ state: 'hidden' });
    await phone.getByTestId('description').locator('textarea:not([aria-hidden])').fill('春晖路 20 号井盖破损');
    await phone.locator('[data-testid="position-map"][data-map-ready="true"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => phone.getByTestId('routing-preview-target').innerText().catch(() => ''), { timeout: 10_000 }).toContain('城市更新岗');
    expect(await phone.getByTestId('routing-preview-target').innerText()).toContain('春晖路街道');
    expect(await phone.getByTestId('routing-preview-reason').innerText()).toBe('井盖破损缺失属镇街层级事项，按事项清单由城市更新岗办理');
    await phone.getByTestId('routing-preview').scrollIntoViewIfNeeded();
    await phone.screenshot({ path: `${ARTIFACTS}/loop-01-phone-preview.png` });

    await phone.getByTestId('report-submit').click();
    await phone.getByTestId('case-number').waitFor();
    number = (await phone.getByTestId('case-number').innerText()).trim();
    expect(number).toMatch(/^\d{9}-\d{8}-\d{4}$/);
  });

  it('the dispatcher sees why 城市更新岗 was recommended and takes 受理并派遣', async () => {
    const token = await t.login('dispatcher');
    const list = (await t.app.inject({ method: 'GET', url: '/api/cases?status=reported', headers: bearer(token) })).json().items as { id: string; number: string }[];
    const id = list.find((c) => c.number === number)!.id;
    await signIn(desk, 'dispatcher', '/cases/workbench');
    await desk.goto(`${base}/cases/workbench?case=${id}`);
    const drawer = desk.getByTestId('case-drawer');
    await drawer.waitFor();
    expect(await desk.getByTestId('case-routing-reason').innerText()).toBe('井盖破损缺失属镇街层级事项，按事项清单由城市更新岗办理');
    const both = desk.getByTestId('action-accept_dispatch');
    expect(await both.innerText()).toMatch(/受理并派遣/);
    expect(await both.getAttribute('class')).toContain('ant-btn-primary');
    expect(await desk.getByTestId('action-accept').getAttribute('class')).not.toContain('ant-btn-primary');
    expect(await desk.getByTestId('timeline-credit').first().innerText()).toContain('网格员上报');
    await desk.screenshot({ path: `${ARTIFACTS}/loop-02-drawer-recommendation.png` });

    await both.click();
    await expect.poll(() => drawer.getAttribute('data-status'), { timeout: 10_000 }).toBe('dispatched');
    const actions = await desk.getByTestId('timeline-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-action')));
    expect(actions).toEqual(['dispatch', 'accept', 'report']); // newest first
    expect(await desk.getByTestId('case-assignee').innerText()).toContain('城市更新岗');
    await desk.screenshot({ path: `${ARTIFACTS}/loop-03-accepted-and-dispatched.png` });
  });

  it('the 12345 intake shows who will handle the call before it is registered', async () => {
    await desk.goto(`${base}/cases/intake`);
    await desk.getByTestId('intake-form').waitFor();
    await desk.getByTestId('intake-category').click();
    await desk.keyboard.type('路灯');
    await desk.locator('.ant-select-item-option', { hasText: 'C0201' }).click();
    // a click in the middle of the map's grid picks the place
    await desk.locator('[data-map-ready="true"]').first().waitFor({ timeout: 30_000 });
    const canvas = desk.locator('.zz-intake .zz-map canvas').first();
    const box = (await canvas.boundingBox())!;
    await canvas.click({ position: { x: box.width / 2, y: box.height / 2 } });
    await expect.poll(() => desk.getByTestId('routing-preview-target').innerText().catch(() => ''), { timeout: 10_000 }).toContain('区城市管理局');
    expect(await desk.getByTestId('routing-preview-reason').innerText()).toContain('收回区级部门');
    await desk.screenshot({ path: `${ARTIFACTS}/loop-04-intake-preview.png` });
  });

  it('a trifle resolved on the spot says the community verifies it', async () => {
    await phone.goto(`${base}/m/report`);
    await phone.getByTestId('report-page').waitFor();
    await phone.getByTestId('category-field').click();
    await phone.getByTestId('category-search').locator('input').fill('小广告');
    await phone.getByTestId('category-E0201').click();
    await phone.getByTestId('category-list').waitFor({ state: 'hidden' });
    await phone.getByTestId('description').locator('textarea:not([aria-hidden])').fill('电线杆上贴小广告');
    await phone.locator('[data-testid="position-map"][data-map-ready="true"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => phone.getByTestId('routing-preview-reason').innerText().catch(() => ''), { timeout: 10_000 }).toContain('琐事马上办');
    await phone.getByTestId('report-submit').click();
    await phone.getByTestId('on-spot-card').waitFor({ timeout: 10_000 });
    await phone.getByTestId('after-photos').locator('input[type=file]').setInputFiles(photoPath);
    await expect.poll(() => phone.getByTestId('after-photos').locator('img[src*="/api/files/"]').count(), { timeout: 10_000 }).toBe(1);
    await phone.getByTestId('on-spot-form').locator('textarea').first().fill('已清除');
    await phone.getByTestId('on-spot-submit').click();
    await expect.poll(() => phone.getByTestId('result-verification').innerText().catch(() => ''), { timeout: 10_000 }).toContain('社区工作人员');
    expect(await phone.getByTestId('result-verification').innerText()).toContain('李明辉 不能核查自己的工作');
    await phone.locator('.adm-toast-main').waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
    await phone.screenshot({ path: `${ARTIFACTS}/loop-05-on-spot-verified-by-community.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
