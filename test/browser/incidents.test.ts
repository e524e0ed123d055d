// Browser journey of the issue (14): a flood plan started from a water-level alarm and its steps ticked. Through the
// API: the leader writes a flood plan (waterLevelHigh orange → suggest level IV), the community registers a water-level
// gauge at a river place, the gauge sends readings over HTTP that raise the orange alarm (the alarm clock ticked by
// hand), and the plans' trigger service matches it. In the browser, as the dispatcher (desktop, Chinese): 告警中心 shows
// the alarm with the plan suggested, 启动 at level IV opens the incident's command page; the first step's checklist is
// ticked through (its work order handed in), the map shows resources and the affected grid, the workbench carries the
// incident strip; 调整级别 to III adds the evacuation step, which its holder (王建国) ticks on the phone (/m/incidents);
// 解除响应 lists the step still open and records the reason; the review shows planned against actual, the step left.
// The fake clock of the test app and the browser's stand at the same instant. Screenshots in test-artifacts/incidents-*.png.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP, PHONE, expectNoEnglish, launchChromium, signInAs, WEB_DIST } from '../support/browser.ts';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { alarmClockService, type AlarmClock } from '../../src/server/alarms/alarm-clock.ts';
import { runTriggerTick } from '../../src/server/plans/trigger-service.ts';
import type { PlanBody } from '../../src/shared/plans.ts';

const ARTIFACTS = 'test-artifacts';
const NOW = new Date('2026-12-03T09:00:00+08:00');
// the activation's message (the plans pages') names the incident number, YA + town code + date + sequence, for a few seconds
const LATIN = ['YA'];

let t: TestApp;
let clock: AlarmClock;
let browser: Browser;
let base: string;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
const tokens: Record<string, string> = {};
let here: { lng: number; lat: number };
let gauge: { id: string; token: string };
let planId = '';
let incidentId = '';

const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}/incidents-${name}.png`, fullPage: true });
/** Polls until the page agrees, on two busy cores (a lazily loaded page, a debounced live reload) */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });
const call = (method: 'GET' | 'POST', url: string, who: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(tokens[who]!), ...(payload ? { payload } : {}) });
const read = (value: number) => t.app.inject({
  method: 'POST', url: `/api/devices/${gauge.id}/readings`, headers: bearer(gauge.token), payload: { ts: t.clock.now.toISOString(), key: 'waterLevel', value },
});

function floodPlan(at: { lng: number; lat: number }): PlanBody {
  return {
    name: '清水河涨水应急预案', hazard: 'flood', matterCode: 'S0302', summary: '清水河水位超警戒时的巡查、预警和转移', levels: ['IV', 'III'],
    triggers: [{ kind: 'alarm', alarmType: 'waterLevelHigh', minLevel: 'orange', level: 'IV', activate: 'suggest' }, { kind: 'manual' }],
    roles: [
      { key: 'commander', name: '现场指挥', postCode: 'PA-YJGL', backupAccountIds: [] },
      { key: 'renewal', name: '低洼片区转移', postCode: 'JJ-CSGX', backupAccountIds: [] },
    ],
    steps: [
      { key: 'patrol', title: '沿河巡查水位', roleKey: 'commander', dueOffsetMin: 30, fromLevel: 'IV', checklist: ['查看春晖桥水位尺', '拍照上报水位'] },
      { key: 'warn', title: '沿岸广播预警', roleKey: 'commander', dueOffsetMin: 45, fromLevel: 'IV', checklist: ['沿河步道广播', '关闭亲水平台'] },
      { key: 'evacuate', title: '组织低洼处群众转移', roleKey: 'renewal', dueOffsetMin: 60, fromLevel: 'III', checklist: ['逐户敲门通知', '清点转移人数'] },
    ],
    resources: [
      { key: 'team', kind: 'team', name: '街道应急分队', quantity: 12, unit: '人', location: { lng: at.lng + 0.002, lat: at.lat + 0.001 }, address: '春晖路街道办事处', contactName: '李队长', contactPhone: '13800001234' },
      { key: 'boat', kind: 'vehicle', name: '冲锋舟', quantity: 2, unit: '艘', location: { lng: at.lng - 0.002, lat: at.lat + 0.0015 }, address: '清水河码头', contactName: null, contactPhone: null },
      { key: 'shelter', kind: 'shelter', name: '春晖小学避难点', quantity: 300, unit: '人', location: { lng: at.lng + 0.001, lat: at.lat - 0.002 }, address: '春晖小学操场', contactName: '周校长', contactPhone: '13900005678' },
    ],
    notice: {
      event: '河道涨水', urgency: 'Immediate', severity: null, certainty: 'Likely', headline: '清水河水位上涨，请远离河道',
      description: '清水河春晖桥水位已超过警戒水位。', instruction: '沿河居民请勿靠近河道，低洼处居民听从安排转移。', areaDesc: '春晖路街道清水河沿岸', expiresAfterH: 12,
    },
  };
}

async function signIn(username: string, device = DESKTOP) {
  await context?.close();
  context = await browser.newContext(device);
  await context.clock.setFixedTime(t.clock.now);
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await signInAs(page, base, username);
}

const orderStatus = async (stepKey: string) => (await t.db.query<{ status: string }>(
  `select c.status from incident_steps s join cases c on c.id = s.case_id where s.incident_id = $1 and s.step_key = $2`, [incidentId, stepKey])).rows[0]!.status;
const step = (key: string) => page.locator(`[data-testid="incident-step"][data-step-key="${key}"]`);

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await createTestApp({ webDist: WEB_DIST });
  t.clock.set(NOW);
  for (const u of ['leader', 'community', 'dispatcher']) tokens[u] = await t.login(u);
  here = await gridCentre(t.db, DEMO_GRID);
  clock = alarmClockService({ db: t.db, config: t.config, clock: () => t.clock.now }, { intake: t.app, log: () => undefined }).clock;
  const p = await call('POST', '/api/plans', 'leader', { body: floodPlan(here) });
  expect(p.statusCode, p.body).toBe(201);
  planId = p.json().id;
  // the river's gauge, at a place on the river
  const place = await call('POST', '/api/registry/places', 'community', { kind: 'other', name: '清水河春晖桥水位站', location: here });
  expect(place.statusCode, place.body).toBe(201);
  const d = await call('POST', '/api/devices', 'community', { type: 'waterLevelGauge', binding: { kind: 'place', id: place.json().place.id }, name: '清水河春晖桥水位计', serialNo: 'WLG-0101' });
  expect(d.statusCode, d.body).toBe(201);
  gauge = { id: d.json().device.id, token: d.json().token };
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 120_000);

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await page?.screenshot({ path: `${ARTIFACTS}/incidents-failed-${ctx.task.name.slice(0, 24).replace(/[^\p{L}\p{N}]+/gu, '-')}.png` }).catch(() => undefined);
});

afterAll(async () => {
  await clock?.stop();
  await browser?.close();
  await t?.close();
});

describe('a flood plan started from a water-level alarm', () => {
  it('the gauge\'s readings raise the orange alarm and the trigger service suggests the flood plan at level IV', async () => {
    expect((await read(2.6)).statusCode).toBeLessThan(300);
    t.clock.advance(10_000);
    expect((await read(3.2)).statusCode).toBeLessThan(300);
    t.clock.advance(61_000);
    expect((await read(3.3)).statusCode).toBeLessThan(300);
    await clock.tick();
    const r = await runTriggerTick(t.db, t.app, t.clock.now);
    expect(r.errors).toEqual([]);
    expect(r.matched).toBe(1);
    const s = await call('GET', '/api/plan-suggestions?status=open', 'dispatcher');
    expect(s.json().items).toEqual([expect.objectContaining({ level: 'IV', mode: 'suggest', status: 'open' })]);
  });

  it('the dispatcher sees the suggestion on the alarm and starts the plan at level IV', async () => {
    await signIn('dispatcher');
    await page.goto(`${base}/alarms`);
    const row = page.getByTestId('alarm-row').filter({ hasText: '水位' });
    await row.first().waitFor();
    await row.first().click();
    const suggestion = page.getByTestId('plan-suggestion').filter({ hasText: '清水河涨水应急预案' });
    await suggestion.waitFor();
    await shot('suggestion');
    await expectNoEnglish(page, LATIN);
    await suggestion.getByTestId('suggestion-start').click();
    const dialog = page.getByTestId('activate-dialog');
    await dialog.getByTestId('activate-reason').waitFor();
    await dialog.getByTestId('activate-reason').fill('春晖桥水位计超警戒水位，启动Ⅳ级响应');
    await shot('activate');
    await expectNoEnglish(page, LATIN);
    await page.getByTestId('activate-ok').click();
    await page.waitForURL(/\/incidents\/[^/]+$/);
    incidentId = page.url().split('/').pop()!;
    const head = page.getByTestId('incident-page');
    await head.waitFor();
    expect(await head.getAttribute('data-level')).toBe('IV');
    await poll(() => page.getByTestId('incident-step').count()).toBe(2);
    const row2 = (await t.db.query<{ trigger_kind: string; trigger_key: string; drill: boolean }>(`select trigger_kind, trigger_key, drill from incidents where id = $1`, [incidentId])).rows[0];
    expect(row2).toMatchObject({ trigger_kind: 'alarm', drill: false });
    expect(row2!.trigger_key).toMatch(/^alarm:/);
    // each step is a dispatched work order in the loop
    await poll(() => step('patrol').getByTestId('step-order').textContent()).toMatch(/\d/);
    await shot('incident');
    await expectNoEnglish(page, LATIN);
  });

  it('ticks the first step\'s checklist through: the step is done, its work order left to its post', async () => {
    const checks = step('patrol').getByTestId('step-check');
    await checks.nth(0).click();
    await poll(() => checks.nth(0).getAttribute('data-checked')).toBe('true');
    t.clock.advance(12 * 60_000);
    await checks.nth(1).click();
    await poll(() => step('patrol').getAttribute('data-state')).toBe('done');
    const progress = page.getByTestId('incident-progress');
    await poll(() => progress.getAttribute('data-done')).toBe('1');
    // the dispatcher commands but does not hold the step's work order: it stays with its post to hand in
    expect(await orderStatus('patrol')).toBe('dispatched');
    await shot('ticked');
    await expectNoEnglish(page, LATIN);
  });

  it('shows the resources and the affected grid on the map, the roles, the log and the CAP alert', async () => {
    await page.getByTestId('incident-tab-map').click();
    const map = page.getByTestId('incident-map');
    await poll(() => map.getAttribute('data-map-ready')).toBe('true');
    await poll(() => page.getByTestId('map-resource').count()).toBe(3);
    expect(await page.getByTestId('map-incident').count()).toBe(1);
    await expect.poll(() => page.getByTestId('incident-resources').textContent()).toContain('冲锋舟');
    await page.waitForTimeout(500);
    await shot('map');
    await expectNoEnglish(page, LATIN);
    await page.getByTestId('incident-tab-roles').click();
    // the roles the level's steps need, with their post's holders (应急管理岗)
    await poll(() => page.getByTestId('incident-roles').textContent()).toContain('冯海燕');
    await page.getByTestId('incident-tab-log').click();
    await poll(() => page.getByTestId('log-entry').filter({ hasText: '步骤完成' }).count()).toBe(1);
    await expectNoEnglish(page, LATIN);
    await page.getByTestId('incident-tab-cap').click();
    await poll(() => page.getByTestId('cap-alert').count()).toBe(1);
    const download = page.waitForEvent('download');
    await page.getByTestId('cap-download').click();
    expect((await download).suggestedFilename()).toMatch(/-1\.xml$/);
    await shot('cap');
    await expectNoEnglish(page, LATIN);
    await page.getByTestId('incident-tab-steps').click();
  });

  it('the workbench carries the strip of active incidents, a link to the incident', async () => {
    await page.goto(`${base}/cases/workbench`);
    const strip = page.getByTestId('incident-strip');
    await strip.waitFor();
    expect(await strip.textContent()).toContain('清水河涨水应急预案');
    await shot('workbench');
    await strip.getByTestId('incident-strip-item').first().click();
    await page.waitForURL(new RegExp(`/incidents/${incidentId}$`));
    await page.getByTestId('incident-page').waitFor();
  });

  it('raises the level to III with a reason: the evacuation step is added as a work order', async () => {
    t.clock.advance(20 * 60_000);
    await context.clock.setFixedTime(t.clock.now);
    await page.getByTestId('incident-level-change').click();
    const modal = page.locator('.ant-modal').filter({ hasText: '调整响应级别' });
    await modal.waitFor();
    await modal.getByTestId('level-select').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: 'Ⅲ级' }).click();
    await modal.getByTestId('level-reason').fill('水位持续上涨，已超警戒线 0.5 米');
    await shot('level');
    await expectNoEnglish(page, LATIN);
    await page.getByTestId('level-submit').click();
    await poll(() => page.getByTestId('incident-page').getAttribute('data-level')).toBe('III');
    await poll(() => page.getByTestId('incident-step').count()).toBe(3);
    await poll(() => page.getByTestId('level-history').textContent()).toContain('Ⅳ级 → Ⅲ级');
    await shot('level-raised');
    await expectNoEnglish(page, LATIN);
  });

  it('the evacuation step\'s holder ticks it on the phone: the step is done and its work order handed in', async () => {
    await signIn('handler', PHONE);
    await page.goto(`${base}/m/incidents`);
    const mine = page.getByTestId('my-step').filter({ hasText: '组织低洼处群众转移' });
    await mine.waitFor();
    // 王建国 holds only the renewal role: the commander's steps are not his
    expect(await page.getByTestId('my-step').count()).toBe(1);
    await shot('phone');
    await expectNoEnglish(page, LATIN);
    const checks = mine.getByTestId('my-step-check');
    await checks.nth(0).click();
    await poll(() => mine.locator('.adm-checkbox-checked').count()).toBe(1);
    t.clock.advance(25 * 60_000);
    await checks.nth(1).click();
    await poll(() => mine.getByTestId('my-step-state').getAttribute('data-state')).toBe('done');
    // its holder's last tick handed the work order in
    expect(await orderStatus('evacuate')).toBe('handled');
    await shot('phone-done');
    await expectNoEnglish(page, LATIN);
    // its work order opens in the phone's case page
    await mine.getByTestId('my-step-order').click();
    await page.waitForURL(/\/m\/cases\//);
  });

  it('stands down with a reason, listing the step still open; it is recorded as left', async () => {
    await signIn('dispatcher');
    await page.goto(`${base}/incidents/${incidentId}`);
    await page.getByTestId('incident-page').waitFor();
    await poll(() => step('evacuate').getAttribute('data-state')).toBe('done');
    await page.getByTestId('incident-stand-down').click();
    const modal = page.locator('.ant-modal').filter({ hasText: '解除响应' });
    const open = modal.getByTestId('stand-down-open-steps');
    await open.waitFor();
    expect(await open.textContent()).toContain('沿岸广播预警');
    expect(await open.textContent()).not.toContain('沿河巡查水位');
    // a reason is required
    await page.getByTestId('stand-down-submit').click();
    await modal.getByText('请写明解除原因').waitFor();
    await modal.getByTestId('stand-down-reason').fill('水位已回落至警戒线以下，险情解除');
    await shot('stand-down');
    await expectNoEnglish(page, LATIN);
    await page.getByTestId('stand-down-submit').click();
    await poll(() => page.getByTestId('incident-page').getAttribute('data-status')).toBe('closed');
    await poll(() => step('warn').getAttribute('data-state')).toBe('left');
    expect(await page.getByTestId('stand-down-reason-shown').textContent()).toBe('水位已回落至警戒线以下，险情解除');
    expect(await page.getByTestId('incident-level-change').count()).toBe(0);
    await shot('closed');
    await expectNoEnglish(page, LATIN);
  });

  it('opens the review: planned against actual, the step left, the report as PDF and Excel', async () => {
    await page.getByTestId('incident-review').click();
    await page.waitForURL(/\/review$/);
    const steps = page.getByTestId('review-step');
    await poll(() => steps.count()).toBe(3);
    await poll(() => page.locator('[data-testid="review-step"][data-state="left"]').count()).toBe(1);
    expect(await page.getByTestId('review-totals').textContent()).toContain('未完成');
    await shot('review');
    await expectNoEnglish(page, LATIN);
    const pdf = page.waitForEvent('download');
    await page.getByTestId('review-pdf').click();
    expect((await pdf).suggestedFilename()).toMatch(/\.pdf$/);
    const xlsx = page.waitForEvent('download');
    await page.getByTestId('review-excel').click();
    expect((await xlsx).suggestedFilename()).toMatch(/\.xlsx$/);
  });

  it('the incident list has it under 已解除', async () => {
    await page.goto(`${base}/incidents`);
    await page.getByTestId('incident-tab-closed').click();
    await poll(() => page.getByTestId('incident-row').count()).toBe(1);
    await poll(() => page.locator('.ant-spin-blur').count()).toBe(0);
    await shot('list');
    await expectNoEnglish(page, LATIN);
  });

  it('reads in English when the user switches language', async () => {
    await page.getByText('English', { exact: true }).click();
    await page.goto(`${base}/incidents/${incidentId}`);
    await page.getByTestId('incident-page').waitFor();
    await poll(() => page.getByTestId('incident-status').textContent()).toBe('Stood down');
    expect(await page.getByTestId('incident-steps').textContent()).toContain('Left');
    await page.getByTestId('incident-tab-log').click();
    await poll(() => page.getByTestId('log-entry').filter({ hasText: 'Level changed' }).count()).toBe(1);
    await shot('english');
    expect(pageErrors).toEqual([]);
  });
});
