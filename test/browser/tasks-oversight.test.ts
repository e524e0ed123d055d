// Browser journey of the oversight pages (照单履职, issue 12), desktop viewport, Chinese only: the town's leader opens
// 履职进度 (per community, then the community's grids and workers, a worker's overdue task), and the map of the week's
// visits and open tasks (a far visit marked, a click on a visit says who, when and what was found); the community's
// staff assigns a "+1" task to the grid worker and sees it in 任务列表; the town's dispatcher pushes a campaign with an
// image to the grid and the community sees it with its done/total and its task; an absence is recorded and deleted;
// the household file lists its visits. Both clocks stand on Wednesday 25 November 2026, 10:00 in Chongqing.
// Screenshots in test-artifacts/tasks-oversight-*.png.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { Polygon } from 'geojson';
import { DESKTOP, launchChromium, WEB_DIST, expectNoEnglish, pickOption, signInAs } from '../support/browser.ts';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID } from '../support/places.ts';

const ARTIFACTS = 'test-artifacts';
const NOW = new Date('2026-11-25T10:00:00+08:00');
// a 1×1 PNG: the campaign's image
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let t: TestApp;
let browser: Browser;
let base: string;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
let grid: { id: string; path: string; townId: string; communityId: string };
let centre: { lng: number; lat: number };
let workerId: string;
let householdId: string;

const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}/tasks-oversight-${name}.png` });
const at = (eastM: number, northM: number) => ({ lng: centre.lng + eastM / 96_800, lat: centre.lat + northM / 111_195 });

async function insert(table: string, cols: Record<string, unknown>) {
  const keys = Object.keys(cols);
  await t.db.query(`insert into ${table} (${keys.join(', ')}) values (${keys.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(cols));
}

async function signIn(username: string) {
  await context?.close();
  context = await browser.newContext(DESKTOP);
  await context.clock.setFixedTime(NOW);
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await signInAs(page, base, username);
}

/** An open antd modal, by its title. */
const dialog = (title: string) => page.getByRole('dialog').filter({ hasText: title });

/** Picks an option of a Select without a search box: opens it, clicks the option once the list has settled. */
async function choose(select: Locator, option: RegExp) {
  await expect.poll(() => select.locator('.ant-select-disabled').count().then(async (n) => n + (await select.evaluate((el) => el.classList.contains('ant-select-disabled') ? 1 : 0)))).toBe(0);
  await select.click();
  const item = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option });
  await item.first().waitFor();
  await page.waitForTimeout(250);
  await item.first().click();
  await select.getByText(option).first().waitFor({ timeout: 5000 });
}

/** Opens a page from the side menu. */
async function menu(label: string) {
  await page.getByTestId('side-menu').getByText(label, { exact: true }).click();
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await createTestApp({ webDist: WEB_DIST });
  t.clock.set(NOW);
  const g = (await t.db.query<{ id: string; path: string; town_id: string; parent_id: string; geometry: Polygon }>(
    `select g.id, g.path, t.id as town_id, g.parent_id, g.geometry from org_units g join org_units t on t.level = 'town' and g.path like t.path || '%' where g.code = $1`,
    [DEMO_GRID])).rows[0]!;
  grid = { id: g.id, path: g.path, townId: g.town_id, communityId: g.parent_id };
  const ring = g.geometry.coordinates[0]!;
  const lngs = ring.map((p) => p[0]!), lats = ring.map((p) => p[1]!);
  centre = { lng: (Math.min(...lngs) + Math.max(...lngs)) / 2, lat: (Math.min(...lats) + Math.max(...lats)) / 2 };
  workerId = (await t.db.query<{ id: string }>(`select id from accounts where username = 'gridworker'`)).rows[0]!.id;

  // a household of the grid (through the registry's API), visited twice this week
  const community = await t.login('community');
  const res = await t.app.inject({
    method: 'POST', url: '/api/registry/households', headers: { ...bearer(community), 'idempotency-key': 'oversight-household' },
    payload: { address: '春晖路18号2单元301', location: at(0, 0), gridId: grid.id },
  });
  expect(res.statusCode, res.body).toBe(201);
  householdId = res.json().household.id;

  // the week's work of the grid worker (the commands that make them are tested with the API): two visits near the
  // household, one recorded 420 m away; an overdue visit task, an open building check, two tasks done
  const common = { town_id: grid.townId, grid_id: grid.id, org_path: grid.path };
  const visits: [string, string, number, number, number | null, boolean, string][] = [
    ['visit-1', '2026-11-23T09:30:00+08:00', 0, 0, 12, false, '楼道堆放杂物，已提醒清理'],
    ['visit-2', '2026-11-24T15:00:00+08:00', 30, -20, 35, false, ''],
    ['visit-3', '2026-11-24T16:00:00+08:00', 380, 180, 420, true, '老人身体状况良好'],
  ];
  for (const [id, when, e, n, distance, far, findings] of visits) {
    const p = at(e, n);
    await insert('visits', {
      ...common, id, subject_kind: 'household', subject_id: householdId, subject_name: '春晖路18号2单元301', household_id: householdId,
      visitor_id: workerId, visitor_name: '李明辉', at: new Date(when), lng: p.lng, lat: p.lat, target_lng: at(0, 0).lng, target_lat: at(0, 0).lat,
      distance_m: distance, far, findings, created_at: new Date(when),
    });
  }
  const tasks: [string, string, string, string, string, 'open' | 'done', number, number][] = [
    ['task-1', 'keyVisit', '走访独居老人 王秀英', '2026-11-23', '2026-11-24', 'open', -120, 90],
    ['task-2', 'buildingCheck', '春晖苑3栋月度排查', '2026-11-23', '2026-11-27', 'open', 150, -110],
    ['task-3', 'keyVisit', '走访春晖路18号2单元301', '2026-11-23', '2026-11-24', 'done', 0, 0],
    ['task-4', 'disputeSweep', '矛盾纠纷排查', '2026-11-23', '2026-11-25', 'done', -60, -60],
  ];
  for (const [id, kind, title, startsOn, dueOn, status, e, n] of tasks) {
    const p = at(e, n);
    await insert('tasks', {
      ...common, id, kind, title, assignee_id: workerId, assignee_name: '李明辉', lng: p.lng, lat: p.lat, starts_on: startsOn, due_on: dueOn,
      dedupe_key: `oversight:${id}`, status, ...(status === 'done' ? { done_at: new Date('2026-11-24T17:00:00+08:00'), done_by: workerId, done_by_name: '李明辉' } : {}),
      created_at: new Date('2026-11-23T00:05:00+08:00'), updated_at: new Date('2026-11-24T17:00:00+08:00'),
    });
  }
  await t.db.query(`update tasks set visit_id = 'visit-1' where id = 'task-3'`);

  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 120_000);

// a failing step leaves its screen behind, to look at
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await page?.screenshot({ path: `${ARTIFACTS}/tasks-oversight-failed-${ctx.task.name.slice(0, 24).replace(/[^\p{L}\p{N}]+/gu, '-')}.png` }).catch(() => undefined);
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the town watches (leader)', () => {
  it('reads 履职进度 per community, then the community\'s grids and workers with a worker\'s overdue task', async () => {
    await signIn('leader');
    await menu('履职进度');
    const communities = page.getByTestId('progress-communities');
    await communities.locator('tbody tr', { hasText: '春晖社区' }).waitFor({ timeout: 15_000 });
    const row = communities.locator('tbody tr', { hasText: '春晖社区' });
    // 4 tasks due this week, 2 done; 2 key visits due, 1 in time; 3 visits; 1 overdue
    expect(await row.innerText()).toMatch(/春晖社区[\s\S]*50%[\s\S]*50%[\s\S]*3[\s\S]*1/);
    expect(await page.getByTestId('progress-totals').innerText()).toMatch(/任务完成率[\s\S]*50%[\s\S]*重点人群关注率[\s\S]*50%/);
    await expectNoEnglish(page);
    await shot('01-town');

    await row.getByText('春晖社区').click();
    const workers = page.getByTestId('progress-workers');
    await workers.locator('tbody tr', { hasText: '李明辉' }).waitFor({ timeout: 15_000 });
    await page.getByTestId('progress-grids').locator('tbody tr').first().waitFor();
    await workers.locator('tbody tr', { hasText: '李明辉' }).locator('.ant-table-row-expand-icon').click();
    const overdue = page.getByTestId('overdue-tasks');
    await overdue.waitFor({ timeout: 10_000 });
    expect(await overdue.innerText()).toMatch(/重点人群走访[\s\S]*走访独居老人 王秀英[\s\S]*截止 2026-11-24[\s\S]*逾期 1 天/);
    await expectNoEnglish(page);
    await shot('02-community');
  });

  it('opens the map of the week\'s visits and open tasks, a far visit marked, and a visit\'s popup', async () => {
    await page.getByTestId('progress-to-map').click();
    await page.waitForURL('**/tasks/map**');
    const map = page.locator('[data-testid="task-map"][data-map-ready="true"]');
    await map.waitFor({ timeout: 30_000 });
    expect(await map.getAttribute('data-visits')).toBe('3');
    expect(await map.getAttribute('data-far')).toBe('1');
    expect(await map.getAttribute('data-tasks')).toBe('2');
    expect(await map.getAttribute('data-overdue')).toBe('1');
    expect(await page.getByTestId('task-map-legend').innerText()).toMatch(/走访 · 2[\s\S]*远距离走访 · 1[\s\S]*未完成任务 · 1[\s\S]*逾期任务 · 1/);
    await page.waitForTimeout(500);
    await expectNoEnglish(page);
    await shot('03-map');

    // the grid alone: fitted to it, its centre (the first visit) is the canvas's centre
    await page.goto(`${base}/tasks/map?unit=${grid.id}`);
    await map.waitFor({ timeout: 30_000 });
    await page.waitForTimeout(800);
    const box = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const popup = page.getByTestId('visit-popup');
    await popup.waitFor({ timeout: 5000 });
    expect(await popup.innerText()).toMatch(/住户 · 春晖路18号2单元301[\s\S]*走访人：李明辉[\s\S]*2026-11-23 09:30[\s\S]*楼道堆放杂物/);
    await expectNoEnglish(page);
    await shot('04-visit-popup');
  });
});

describe('the community assigns and follows (community staff, dispatcher)', () => {
  it('assigns a "+1" task to the grid worker and sees it in the list', async () => {
    await signIn('community');
    await menu('任务列表');
    await page.getByTestId('task-table').locator('tbody tr', { hasText: '春晖苑3栋月度排查' }).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('task-table').locator('tbody tr', { hasText: '走访独居老人 王秀英' }).innerText()).toMatch(/已逾期/);
    await page.getByTestId('assign-task').click();
    const modal = dialog('交办临时任务');
    await modal.waitFor();
    await pickOption(page, modal.getByTestId('assign-grid').locator('input'), '第1网格', /第1网格/, modal.getByTestId('assign-grid').getByText(/第1网格/));
    await choose(modal.getByTestId('assign-worker'), /李明辉/);
    await modal.getByTestId('assign-title').fill('核实春晖路18号群租情况');
    await modal.getByTestId('assign-detail').fill('物业反映夜间人员进出频繁，请上门核实并登记');
    const due = modal.getByLabel('截止日期');
    await due.click();
    await due.fill('2026-11-27');
    await due.press('Enter');
    await expectNoEnglish(page);
    await shot('05-assign');
    await modal.locator('.ant-modal-footer').getByRole('button', { name: /保\s*存/ }).click();
    await modal.waitFor({ state: 'hidden', timeout: 10_000 });
    const row = page.getByTestId('task-table').locator('tbody tr', { hasText: '核实春晖路18号群租情况' });
    await row.waitFor({ timeout: 10_000 });
    expect(await row.innerText()).toMatch(/临时交办[\s\S]*李明辉[\s\S]*2026-11-27/);
    await row.locator('.ant-table-row-expand-icon').click();
    expect(await page.getByTestId('task-detail').innerText()).toMatch(/任务说明[\s\S]*物业反映夜间人员进出频繁[\s\S]*交办人[\s\S]*赵秀兰/);
    await expectNoEnglish(page);
    await shot('06-list');
  });

  it('the town pushes a campaign with an image to the grid; the community sees its done/total and its task', async () => {
    await signIn('dispatcher');
    await menu('宣传任务');
    await page.getByTestId('campaign-push').click();
    const modal = dialog('推送宣传任务');
    await modal.waitFor();
    await modal.getByTestId('campaign-title').fill('冬季防火安全宣传');
    await modal.getByLabel('宣传内容').fill('入户讲解电动车不进楼、不私拉电线，发放防火宣传单。');
    await modal.locator('input[type=file]').setInputFiles({ name: 'poster.png', mimeType: 'image/png', buffer: PNG });
    await modal.locator('.ant-upload-list-item-done, .ant-upload-list-item:not(.ant-upload-list-item-uploading)').first().waitFor({ timeout: 10_000 });
    const grids = modal.getByTestId('campaign-grids');
    await grids.click();
    await page.keyboard.type('春晖社区第1网格');
    const node = page.locator('.ant-select-tree-treenode', { hasText: /^春晖社区第1网格$/ });
    await node.first().waitFor();
    await page.waitForTimeout(250);
    await node.first().locator('.ant-select-tree-checkbox').click();
    await grids.getByText('春晖社区第1网格').first().waitFor();
    await page.keyboard.press('Escape');
    await expectNoEnglish(page);
    await shot('07-campaign-form');
    await modal.locator('.ant-modal-footer').getByRole('button', { name: /推送宣传任务/ }).click();
    await modal.waitFor({ state: 'hidden', timeout: 10_000 });

    await signIn('community');
    await menu('宣传任务');
    const row = page.getByTestId('campaign-table').locator('tbody tr', { hasText: '冬季防火安全宣传' });
    await row.waitFor({ timeout: 10_000 });
    expect(await row.innerText()).toMatch(/2026-11-25[\s\S]*1 个网格[\s\S]*0 \/ 1/);
    await row.locator('.ant-table-row-expand-icon').click();
    await page.getByTestId('campaign-body').locator('img').first().waitFor();
    await expectNoEnglish(page);
    await shot('08-campaigns');
    await menu('任务列表');
    const task = page.getByTestId('task-table').locator('tbody tr', { hasText: '冬季防火安全宣传' });
    await task.waitFor({ timeout: 10_000 });
    expect(await task.innerText()).toMatch(/宣传任务/);
  });

  it('records the grid worker\'s absence and deletes it', async () => {
    await menu('人员请假');
    await page.getByTestId('absence-add').click();
    const modal = dialog('登记网格员请假');
    await modal.waitFor();
    await pickOption(page, modal.getByTestId('absence-grid').locator('input'), '第1网格', /第1网格/, modal.getByTestId('absence-grid').getByText(/第1网格/));
    await choose(modal.getByTestId('absence-worker'), /李明辉/);
    const inputs = modal.locator('.ant-picker-range input');
    await inputs.first().click();
    await inputs.first().fill('2026-11-30');
    await inputs.first().press('Enter');
    await inputs.nth(1).fill('2026-12-02');
    await inputs.nth(1).press('Enter');
    await modal.getByTestId('absence-reason').fill('年休假');
    await modal.locator('.ant-modal-footer').getByRole('button', { name: /保\s*存/ }).click();
    await modal.waitFor({ state: 'hidden', timeout: 10_000 });
    const row = page.getByTestId('absence-table').locator('tbody tr', { hasText: '李明辉' });
    await row.waitFor({ timeout: 10_000 });
    expect(await row.innerText()).toMatch(/2026-11-30 至 2026-12-02[\s\S]*待开始[\s\S]*年休假/);
    await expectNoEnglish(page);
    await shot('09-absences');
    await row.getByTestId('absence-delete').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /删\s*除/ }).click();
    await row.waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('the household file lists its visits, the far one flagged', async () => {
    await page.goto(`${base}/registry/households/${householdId}`);
    const list = page.getByTestId('visit-list');
    await list.waitFor({ timeout: 15_000 });
    expect(await list.getByTestId('visit-item').count()).toBe(3);
    expect(await list.innerText()).toMatch(/2026-11-24 16:00[\s\S]*李明辉[\s\S]*远距离[\s\S]*老人身体状况良好/);
    await page.getByTestId('household-visits').scrollIntoViewIfNeeded();
    await expectNoEnglish(page);
    await shot('10-household-visits');
  });

  it('speaks English when switched', async () => {
    await page.evaluate(() => localStorage.setItem('zhizhi.lang', 'en'));
    await page.goto(`${base}/tasks/progress`);
    await page.getByTestId('progress-grids').locator('tbody tr', { hasText: '春晖社区第1网格' }).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('page-header').innerText()).toMatch(/Duty progress[\s\S]*This week/);
    expect(await page.getByTestId('progress-totals').innerText()).toMatch(/Completion[\s\S]*Attention rate[\s\S]*Activity[\s\S]*Overdue/);
    expect(await page.getByTestId('side-menu').innerText()).toMatch(/Duty progress[\s\S]*Visits map[\s\S]*Tasks[\s\S]*Campaigns[\s\S]*Absences/);
    await shot('11-english');
    await page.evaluate(() => localStorage.setItem('zhizhi.lang', 'zh-CN'));
    expect(pageErrors).toEqual([]);
  });
});
