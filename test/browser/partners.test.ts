// Browser journey of the partner pages (issue 13), desktop viewport, Chinese only. The town's leader adds a partner
// webhook (a local HTTP server stands for the family doctor), reads its signing secret once, sends a test that arrives
// signed, and reads the delivery log once an alarm's care order was pushed; the admin registers an alert platform with
// a type → matter map picked by name, reads its API key once, and the platform's first alert becomes a case.
// Screenshots in test-artifacts/partners-*.png.
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP, launchChromium, WEB_DIST, expectNoEnglish, pickOption, signInAs } from '../support/browser.ts';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { verifySignature } from '../../src/server/alarms/webhook-signing.ts';
import { queuePartnerNotifications } from '../../src/server/alarms/queue-partner-notifications.ts';
import { deliverDueWebhooks } from '../../src/server/alarms/deliver-webhooks.ts';

process.env.WEBHOOK_ALLOW_PRIVATE = '1';
const ARTIFACTS = 'test-artifacts';
const NOW = new Date('2026-12-02T10:00:00+08:00');
// protocol and algorithm names that stand as they are on a Chinese page
const LATIN = ['HTTP', 'http', 'https', 'HMAC-SHA', 'HMAC', 'SHA256', 'AI'];

let t: TestApp;
let browser: Browser;
let base: string;
let context: BrowserContext;
let page: Page;
let partner: Server;
let partnerUrl: string;
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
const pageErrors: string[] = [];
let secret = '';

/** the search input of an antd Select marked with a test id (the id sits on the input or on its wrapper) */
const selectInput = (scope: ReturnType<Page['getByTestId']>, id: string) => scope.locator(`[data-testid="${id}"] input, input[data-testid="${id}"]`).first();
/** picks an option of a searchable antd Select by clicking it, typing, and clicking the option */
async function pick(scope: ReturnType<Page['getByTestId']>, id: string, typed: string, option: string | RegExp) {
  const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option });
  for (let attempt = 1; ; attempt++) {
    try {
      await scope.getByTestId(id).first().click();
      await page.keyboard.type(typed);
      await options.first().waitFor({ timeout: 10_000 });
      await page.waitForTimeout(200);
      await options.first().click({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}
const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}/partners-${name}.png`, fullPage: true });

async function signIn(username: string) {
  await context?.close();
  context = await browser.newContext(DESKTOP);
  await context.clock.setFixedTime(NOW);
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await signInAs(page, base, username);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await createTestApp({ webDist: WEB_DIST });
  t.clock.set(NOW);
  partner = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => { received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }); res.end('ok'); });
  });
  await new Promise<void>((r) => partner.listen(0, '127.0.0.1', r));
  partnerUrl = `http://127.0.0.1:${(partner.address() as AddressInfo).port}/hook`;
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 120_000);

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await page?.screenshot({ path: `${ARTIFACTS}/partners-failed-${ctx.task.name.slice(0, 24).replace(/[^\p{L}\p{N}]+/gu, '-')}.png` }).catch(() => undefined);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => partner?.close(r));
  await t?.close();
});

/** An alarm of a door magnet in the demo grid with its care order, as the alarm clock's dispatch leaves them. */
async function alarmWithOrder(): Promise<{ alarmId: string; caseId: string; townId: string }> {
  const here = await gridCentre(t.db, DEMO_GRID);
  const gw = await t.login('gridworker');
  const c = await t.app.inject({ method: 'POST', url: '/api/cases', headers: bearer(gw), payload: { categoryCode: 'C0101', description: '独居老人家中门磁24小时未开', location: here, address: '春晖路66号' } });
  expect(c.statusCode, c.body).toBe(201);
  const grid = (await t.db.query<{ id: string; path: string }>('select id, path from org_units where code = $1', [DEMO_GRID])).rows[0]!;
  const townId = (await t.db.query<{ id: string }>(`select id from org_units where level = 'town' and $1 like path || '%'`, [grid.path])).rows[0]!.id;
  await t.db.query(`insert into device_profiles (id, device_type, name, rules, escalation, updated_at) values ('p-journey', 'doorMagnet', '门磁', '[]', '{"steps":[],"repeatEveryMin":5}', $1)`, [NOW]);
  await t.db.query(
    `insert into devices (id, town_id, grid_id, org_path, device_type, profile_id, name, binding_kind, binding_id, lng, lat, address, token_hash, created_at, updated_at)
     values ('d-journey', $1, $2, $3, 'doorMagnet', 'p-journey', '门磁', 'place', 'x', $4, $5, '春晖路66号', 'h', $6, $6)`,
    [townId, grid.id, grid.path, here.lng, here.lat, NOW]);
  const a = await t.db.query<{ id: string }>(
    `insert into alarms (device_id, town_id, grid_id, org_path, alarm_type, category, level, matter_code, raised_at, case_id, dispatched_at)
     values ('d-journey', $1, $2, $3, 'fall', 'care', 'red', 'S0101', $4, $5, $4) returning id`, [townId, grid.id, grid.path, NOW, c.json().id]);
  return { alarmId: a.rows[0]!.id, caseId: c.json().id as string, townId };
}

describe('合作方通知 (leader)', () => {
  it('adds a partner, shows the secret once, and a test arrives signed', async () => {
    await signIn('leader');
    await page.getByTestId('side-menu').getByText('合作方通知', { exact: true }).click();
    await page.getByTestId('webhooks-page').waitFor();
    await page.getByTestId('webhook-add').click();
    const form = page.getByTestId('webhook-form');
    await form.getByTestId('webhook-name').fill('春晖社区卫生服务中心（家庭医生）');
    await form.getByTestId('webhook-url').fill(partnerUrl);
    await pickOption(page, selectInput(form, 'webhook-types'), '跌倒', '跌倒', form.locator('.ant-select-selection-item', { hasText: '跌倒' }));
    await page.keyboard.press('Escape');
    await shot('webhook-form');
    await form.getByTestId('webhook-save').click();
    const value = page.getByTestId('webhook-secret-value');
    await value.waitFor();
    secret = await value.inputValue();
    expect(secret).toMatch(/^whsec_/);
    await page.waitForTimeout(500); // the drawer's and the modal's motion
    await expectNoEnglish(page, LATIN);
    await shot('webhook-secret');
    await page.getByTestId('webhook-secret-done').click();

    const row = page.getByTestId('webhook-table').locator('tr', { hasText: '家庭医生' });
    await row.waitFor();
    await row.getByTestId('webhook-test').click();
    await page.getByText(/测试推送成功/).waitFor();
    expect(received).toHaveLength(1);
    expect(verifySignature(String(received[0]!.headers['x-zhizhi-signature']), secret, received[0]!.body, t.clock.now)).toBeNull();
  }, 120_000);

  it('an alarm pushed to the partner is in the delivery log with its care order', async () => {
    const a = await alarmWithOrder();
    expect(await t.db.transaction((tx) => queuePartnerNotifications(tx, { ...a, alarmType: 'fall' }, t.clock.now))).toBe(1);
    expect(await deliverDueWebhooks(t.db, t.app.pii, t.clock.now)).toMatchObject({ delivered: 1 });
    const number = (await t.db.query<{ number: string }>('select number from cases where id = $1', [a.caseId])).rows[0]!.number;
    await page.reload();
    const row = page.getByTestId('webhook-table').locator('tr', { hasText: '家庭医生' });
    await row.getByText('已送达').waitFor();
    await row.getByTestId('webhook-log').click();
    const log = page.getByTestId('delivery-log');
    await log.getByText(number).waitFor();
    await expect(log.locator('tr', { hasText: number }).getByText('已送达').count()).resolves.toBe(1);
    await expect(log.locator('tr', { hasText: '测试' }).count()).resolves.toBeGreaterThan(0);
    await expectNoEnglish(page, LATIN);
    await shot('delivery-log');
  });
});

describe('平台接入 (admin)', () => {
  it('registers a platform with a type → matter map, shows its key once, and its alert becomes a case', async () => {
    await signIn('admin');
    await page.getByTestId('side-menu').getByText('平台接入', { exact: true }).click();
    await page.getByTestId('platforms-page').waitFor();
    await page.getByTestId('platform-add').click();
    const form = page.getByTestId('platform-form');
    await form.getByTestId('platform-id').waitFor();
    await shot('platform-open');
    await form.getByTestId('platform-id').fill('fire-ai');
    await form.getByTestId('platform-name').fill('消防物联网AI平台');
    await pick(form, 'platform-ground', '春晖路', '春晖路街道');
    await form.getByTestId('mapping-type').first().fill('fire.smoke');
    await pick(form, 'mapping-matter', '烟感', /烟感告警/);
    await shot('platform-form');
    await form.getByTestId('platform-save').click();
    const value = page.getByTestId('platform-key-value');
    await value.waitFor();
    const apiKey = await value.inputValue();
    expect(apiKey).toMatch(/^zk_/);
    await expectNoEnglish(page, LATIN);
    await shot('platform-key');
    await page.getByTestId('platform-key-done').click();

    const here = await gridCentre(t.db, DEMO_GRID);
    const res = await fetch(`${base}/api/alerts`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify({ platform: 'fire-ai', type: 'fire.smoke', level: 'red', location: here, text: '春晖路66号楼道识别到烟雾', externalId: 'FA-1' }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    await page.reload();
    const row = page.getByTestId('platform-table').locator('tr', { hasText: '消防物联网AI平台' });
    await row.waitFor();
    await expect(row.locator('td').nth(5).textContent()).resolves.toMatch(/^1/);
    await row.getByText('烟感告警').waitFor();
    await expectNoEnglish(page, LATIN);
    await shot('platforms');
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
