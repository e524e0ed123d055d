// Browser journey of 预案管理 (issue 14, desktop, Chinese): the leader finds the town's plans, writes a new forest-fire
// plan in the editor (hazard, matter by name, a role on a post picked by name, a step with its due and checklist, a
// resource placed on the map, the CAP notice texts), saves it (version 1), changes a step's due and adds one (version 2
// with a note), compares the two versions' steps, and sees the server's refusal listed when a level the steps need is
// unticked; the dispatcher reads a plan without editing it and starts a drill from the list (the activate dialog: level,
// reason, drill), which opens the incident. Screenshots in test-artifacts/plans-*.png.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP, expectNoEnglish, launchChromium, pickFixedOption, pickOption, signInAs, WEB_DIST } from '../support/browser.ts';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import type { PlanBody } from '../../src/shared/plans.ts';

const ARTIFACTS = 'test-artifacts';
const NOW = new Date('2026-12-03T10:00:00+08:00');
// 预警发布（CAP）: the alert standard's name
const ALLOW = ['CAP'];

let t: TestApp;
let browser: Browser;
let base: string;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
const tokens: Record<string, string> = {};
let floodId = '';
let newPlanId = '';
let here: { lng: number; lat: number };

const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}/plans-${name}.png`, fullPage: true });
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });
const call = (method: 'GET' | 'POST', url: string, who: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(tokens[who]!), ...(payload ? { payload } : {}) });

function floodPlan(at: { lng: number; lat: number }): PlanBody {
  return {
    name: '清水河涨水应急预案', hazard: 'flood', matterCode: 'S0302', summary: '清水河水位超警戒时的巡查、预警和转移', levels: ['IV', 'III'],
    triggers: [{ kind: 'alarm', alarmType: 'waterLevelHigh', minLevel: 'orange', level: 'IV', activate: 'suggest' }],
    roles: [
      { key: 'commander', name: '现场指挥', postCode: 'PA-YJGL', backupAccountIds: [] },
      { key: 'renewal', name: '低洼片区转移', postCode: 'JJ-CSGX', backupAccountIds: [] },
    ],
    steps: [
      { key: 'patrol', title: '沿河巡查水位', roleKey: 'commander', dueOffsetMin: 30, fromLevel: 'IV', checklist: ['查看春晖桥水位尺', '拍照上报水位'] },
      { key: 'evacuate', title: '组织低洼处群众转移', roleKey: 'renewal', dueOffsetMin: 60, fromLevel: 'III', checklist: ['逐户敲门通知'] },
    ],
    resources: [
      { key: 'team', kind: 'team', name: '街道应急分队', quantity: 12, unit: '人', location: { lng: at.lng + 0.002, lat: at.lat + 0.001 }, address: '春晖路街道办事处', contactName: '李队长', contactPhone: '13800001234' },
    ],
    notice: {
      event: '河道涨水', urgency: 'Immediate', severity: null, certainty: 'Likely', headline: '清水河水位上涨，请远离河道',
      description: '清水河春晖桥水位已超过警戒水位。', instruction: '沿河居民请勿靠近河道。', areaDesc: '春晖路街道清水河沿岸', expiresAfterH: 12,
    },
  };
}

async function signIn(username: string) {
  await context?.close();
  context = await browser.newContext(DESKTOP);
  await context.clock.setFixedTime(t.clock.now);
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await signInAs(page, base, username);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await createTestApp({ webDist: WEB_DIST });
  t.clock.set(NOW);
  for (const u of ['leader', 'dispatcher']) tokens[u] = await t.login(u);
  here = await gridCentre(t.db, DEMO_GRID);
  const p = await call('POST', '/api/plans', 'leader', { body: floodPlan(here) });
  expect(p.statusCode, p.body).toBe(201);
  floodId = p.json().id;
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 120_000);

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await page?.screenshot({ path: `${ARTIFACTS}/plans-failed-${ctx.task.name.slice(0, 24).replace(/[^\p{L}\p{N}]+/gu, '-')}.png`, fullPage: true }).catch(() => undefined);
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('预案管理 on the desktop', () => {
  it('the leader finds the town\'s plans in the menu, with levels, triggers and steps', async () => {
    await signIn('leader');
    await page.getByRole('menuitem', { name: /预案管理/ }).click();
    await page.waitForURL(/\/plans$/);
    const row = page.getByTestId('plan-row').filter({ hasText: '清水河涨水应急预案' });
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain('河道涨水');
    expect(text).toContain('Ⅳ级');
    expect(text).toContain('设备告警');
    await shot('list');
    await expectNoEnglish(page, ALLOW);
  });

  it('writes a new forest-fire plan: a role on a post picked by name, a step with its checklist, a resource on the map', async () => {
    await page.getByTestId('plan-create').click();
    await page.waitForURL(/\/plans\/new$/);
    await page.getByTestId('plan-name').fill('春晖山森林火情处置预案');
    await pickFixedOption(page, page.getByTestId('plan-hazard'), '森林火情');
    const matter = page.getByTestId('plan-matter');
    await pickOption(page, matter.locator('input'), '森林', '森林火情', matter.locator('.ant-select-content, .ant-select-selection-item').filter({ hasText: '森林火情' }));
    await page.getByTestId('plan-summary').fill('春晖山林区发现火情时的报告、扑救和疏散');
    // the role the new plan starts with, on 应急管理岗
    const role = page.getByTestId('plan-role').first();
    await role.getByTestId('role-name').fill('扑救指挥');
    const post = role.getByTestId('role-post');
    await pickOption(page, post.locator('input'), '应急管理', '应急管理岗', post.getByText('应急管理岗'));
    // its first step, due in an hour, with two checks
    const st = page.getByTestId('plan-step').first();
    await st.getByTestId('step-title').fill('核实火点并报告');
    await pickFixedOption(page, st.getByTestId('step-due-unit'), '小时');
    await st.getByTestId('step-due').fill('1');
    await st.getByTestId('step-check-add').click();
    await st.getByTestId('step-check-item').nth(0).fill('确认火点位置');
    await st.getByTestId('step-check-add').click();
    await st.getByTestId('step-check-item').nth(1).fill('报告街道应急办');
    // a team placed on the map
    await page.getByTestId('resource-add').click();
    const res = page.getByTestId('plan-resource').first();
    await res.getByTestId('resource-name').fill('春晖山扑火队');
    await res.getByTestId('resource-quantity').fill('15');
    await res.getByTestId('resource-unit').fill('人');
    await res.getByTestId('resource-contact').fill('赵队长');
    await res.getByTestId('resource-phone').fill('13700002468');
    await res.getByTestId('resource-pick').click();
    const map = page.getByTestId('resource-map');
    await poll(() => map.getAttribute('data-map-ready')).toBe('true');
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2 + 30, box.y + box.height / 2 + 20);
    await poll(() => page.getByTestId('resource-point-ok').isEnabled()).toBe(true);
    await page.waitForTimeout(300);
    await shot('map-pick');
    await expectNoEnglish(page, ALLOW);
    await page.getByTestId('resource-point-ok').click();
    await poll(() => res.getByTestId('resource-pick').textContent()).toContain('已选点');
    // the CAP texts
    await page.getByTestId('notice-event').fill('森林火情');
    await page.getByTestId('notice-headline').fill('春晖山发生森林火情，请勿进山');
    await page.getByTestId('notice-area').fill('春晖山林区及周边');
    await page.getByTestId('notice-description').fill('春晖山东坡发现明火，扑救力量已赶赴现场。');
    await page.getByTestId('notice-instruction').fill('请勿进入林区，听从现场人员指挥。');
    await shot('new');
    await expectNoEnglish(page, ALLOW);
    await page.getByTestId('plan-save').click();
    await page.waitForURL(/\/plans\/(?!new)[^/]+$/);
    newPlanId = page.url().split('/').pop()!;
    await poll(() => page.getByTestId('plan-version').textContent()).toContain('第 1 版');
    const saved = await call('GET', `/api/plans/${newPlanId}`, 'leader');
    expect(saved.statusCode).toBe(200);
    const body = saved.json().body as PlanBody;
    expect(body).toMatchObject({ name: '春晖山森林火情处置预案', hazard: 'forestFire', matterCode: 'S0301', levels: ['IV', 'III', 'II', 'I'] });
    expect(body.roles).toEqual([expect.objectContaining({ name: '扑救指挥', postCode: 'PA-YJGL' })]);
    expect(body.steps).toEqual([expect.objectContaining({ title: '核实火点并报告', dueOffsetMin: 60, fromLevel: 'IV', checklist: ['确认火点位置', '报告街道应急办'] })]);
    expect(body.resources[0]).toMatchObject({ name: '春晖山扑火队', quantity: 15, unit: '人', contactName: '赵队长', contactPhone: '13700002468' });
    expect(body.resources[0]!.location).toEqual({ lng: expect.any(Number), lat: expect.any(Number) });
  });

  it('saves a second version with a note, and compares the two versions\' steps', async () => {
    const first = page.getByTestId('plan-step').first();
    await first.getByTestId('step-due').fill('0.5');
    await page.getByTestId('step-add').click();
    const second = page.getByTestId('plan-step').nth(1);
    await second.getByTestId('step-title').fill('组织扑救力量上山');
    await pickFixedOption(page, second.getByTestId('step-from-level'), 'Ⅲ级及以上');
    await page.getByTestId('plan-note').fill('按今年秋季演练调整：核实时限缩短为半小时，增加扑救步骤');
    await poll(() => page.getByTestId('plan-dirty').count()).toBe(1);
    await page.getByTestId('plan-save').click();
    await poll(() => page.getByTestId('plan-version').textContent()).toContain('第 2 版');
    const saved = (await call('GET', `/api/plans/${newPlanId}`, 'leader')).json();
    expect(saved.body.steps.map((s: { dueOffsetMin: number; fromLevel: string }) => [s.dueOffsetMin, s.fromLevel])).toEqual([[30, 'IV'], [30, 'III']]);
    await page.getByTestId('plan-versions').click();
    const drawer = page.getByTestId('plan-versions-drawer');
    await poll(() => drawer.getByTestId('plan-version').count()).toBe(2);
    expect(await drawer.getByTestId('plan-version').first().textContent()).toContain('按今年秋季演练调整');
    await drawer.getByTestId('plan-versions-compare').click();
    const rows = drawer.getByTestId('plan-diff-row');
    await poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).getAttribute('data-change')).toBe('changed');
    expect(await rows.nth(1).getAttribute('data-change')).toBe('added');
    expect(await rows.nth(0).textContent()).toContain('30 分钟');
    await page.waitForTimeout(400);
    await shot('versions');
    await expectNoEnglish(page, ALLOW);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('lists the server\'s refusal when a level the steps need is unticked, and saves nothing', async () => {
    await page.getByTestId('plan-levels').getByText('Ⅳ级（一般）').click();
    await page.getByTestId('plan-save').click();
    const problems = page.getByTestId('plan-problems');
    await problems.waitFor();
    expect((await problems.textContent())!.length).toBeGreaterThan(6);
    await page.waitForTimeout(300);
    await shot('refused');
    await expectNoEnglish(page, ALLOW);
    expect((await call('GET', `/api/plans/${newPlanId}`, 'leader')).json().currentVersion).toBe(2);
  });

  it('the dispatcher reads a plan without editing it, and starts a drill from the list', async () => {
    await signIn('dispatcher');
    await page.goto(`${base}/plans/${floodId}`);
    await page.getByTestId('plan-version').waitFor();
    expect(await page.getByTestId('plan-save').count()).toBe(0);
    expect(await page.getByTestId('plan-name').isDisabled()).toBe(true);
    await shot('read-only');
    await expectNoEnglish(page, ALLOW);
    await page.goto(`${base}/plans`);
    const row = page.getByTestId('plan-row').filter({ hasText: '清水河涨水应急预案' });
    await row.getByTestId('plan-drill').click();
    const dialog = page.getByTestId('activate-dialog');
    await dialog.getByTestId('activate-reason').waitFor();
    expect(await dialog.getByTestId('activate-drill').getAttribute('aria-checked')).toBe('true');
    // a click during the dialog's opening motion may miss: click until the level took
    await poll(async () => { await dialog.getByText('Ⅲ级（较大）').click(); return dialog.textContent(); }).toContain('该级别将派出 2 张工单');
    await dialog.getByTestId('activate-reason').fill('汛前演练：模拟清水河水位超警戒');
    // where it happens: a point on the map (else the plan's first resource's)
    await dialog.getByTestId('activate-place').click();
    const map = page.getByTestId('resource-map');
    await poll(() => map.getAttribute('data-map-ready')).toBe('true');
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2 - 20, box.y + box.height / 2 + 10);
    await poll(() => page.getByTestId('resource-point-ok').isEnabled()).toBe(true);
    await page.getByTestId('resource-point-ok').click();
    await poll(() => dialog.getByTestId('activate-place').textContent()).toContain('已选点');
    await shot('activate');
    await expectNoEnglish(page, ALLOW);
    await page.getByTestId('activate-ok').click();
    await page.waitForURL(/\/incidents\/[^/]+$/);
    const incidentId = page.url().split('/').pop()!;
    const row2 = (await t.db.query<{ drill: boolean; level: string; plan_id: string; lng: number }>('select drill, level, plan_id, lng from incidents where id = $1', [incidentId])).rows[0];
    expect(row2).toMatchObject({ drill: true, level: 'III', plan_id: floodId });
    // the point picked, not the team's place
    expect(Math.abs(row2!.lng - (here.lng + 0.002))).toBeGreaterThan(1e-6);
    expect(pageErrors).toEqual([]);
  });

  it('reads in English too', async () => {
    await page.goto(`${base}/plans/${newPlanId}`);
    await page.getByTestId('plan-version').waitFor();
    await page.getByText('English', { exact: true }).click();
    await poll(() => page.getByTestId('plan-version').textContent()).toContain('Version 2');
    const text = (await page.getByTestId('plan-editor').textContent())!;
    for (const words of ['Basics', 'Triggers', 'Roles', 'Steps', 'Resources', 'Public alert (CAP)', 'From level', 'Checklist', 'Versions']) expect(text).toContain(words);
    await shot('english');
    expect(pageErrors).toEqual([]);
  });
});
