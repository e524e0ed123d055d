// Browser journeys of 体征指标 and 赛马比拼 (issue 17), with the month's figures written as the indicators job would have
// counted them (roll-ups of 春晖路街道, its communities and 春晖社区's grids): the leader 陈志明 opens /indicators, reads
// 结案率 with its light and trend, opens its drawer (definition, formula, the communities' values) and drills into
// 春晖社区; defines the town's own indicator from the measures and sets a town target; opens /rankings, reads the board
// of the grids with the movement since October, generates November's 线上通报, reads it and downloads the Word file; then
// reads the compact board on his phone (/m/rankings). Screenshots in test-artifacts/rankings-*.png.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { DESKTOP, expectNoEnglish, launchChromium, pickOption, PHONE, signInAs, WEB_DIST } from '../support/browser.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const ARTIFACTS = 'test-artifacts';
const NOW = new Date('2026-12-03T10:00:00+08:00');

let t: TestApp;
let browser: Browser;
let base: string;
let context: BrowserContext;
let page: Page;
let grids: { id: string; name: string }[];
const pageErrors: string[] = [];

const contains = (el: Locator, text: string) => expect.poll(async () => (await el.textContent()) ?? '', { timeout: 15_000 }).toContain(text);
/** an antd InputNumber's input, whether the test id sits on the input or on its wrapper */
const numberInput = (within: Locator, id: string) => within.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();
const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}/rankings-${name}.png`, fullPage: true });

async function open(username: string, device: typeof DESKTOP | typeof PHONE = DESKTOP) {
  await context?.close();
  context = await browser.newContext({ ...device, acceptDownloads: true });
  await context.clock.setFixedTime(t.clock.now);
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await signInAs(page, base, username);
}

async function rollup(unitId: string, period: string, measures: Record<string, number>) {
  for (const [measure, value] of Object.entries(measures)) {
    await t.db.query(`insert into indicator_rollups (org_unit_id, period, measure, value) values ($1, $2, $3, $4)
      on conflict (org_unit_id, period, measure) do update set value = excluded.value`, [unitId, period, measure, value]);
  }
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await createTestApp({ webDist: WEB_DIST });
  t.clock.set(NOW);
  const unit = async (name: string) => (await t.db.query<{ id: string }>(`select id from org_units where name = $1`, [name])).rows[0]!.id;
  const town = await unit('春晖路街道');
  const chunhui = await unit('春晖社区');
  const jinxia = await unit('锦霞社区');
  grids = (await t.db.query<{ id: string; name: string }>(`select id, name from org_units where parent_id = $1 and level = 'grid' order by sort, name`, [chunhui])).rows;
  // the town's months: 结案率 climbing to 97.5% in December, 满意率 and 按期结案率
  const months = ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'];
  for (const [i, m] of months.entries()) {
    await rollup(town, m, { casesDue: 200, casesClosed: 170 + i * 5, casesClosedOnTime: 150 + i * 5, casesRated: 80, casesSatisfied: 70 + i, casesAccepted: 210 + i * 3 });
  }
  for (const m of ['2026-11', '2026-12']) {
    await rollup(chunhui, m, { casesDue: 60, casesClosed: 58, casesClosedOnTime: 55, casesRated: 20, casesSatisfied: 19 });
    await rollup(jinxia, m, { casesDue: 50, casesClosed: 40, casesClosedOnTime: 30, casesRated: 20, casesSatisfied: 15 });
  }
  const oct = [[8, 10], [10, 10], [9, 10], [7, 10]];
  const nov = [[10, 10], [9, 10], [23, 25], [1, 2]];
  for (const [i, [closed, due]] of oct.entries()) if (grids[i]) await rollup(grids[i]!.id, '2026-10', { casesClosed: closed!, casesDue: due! });
  for (const [i, [closed, due]] of nov.entries()) if (grids[i]) await rollup(grids[i]!.id, '2026-11', { casesClosed: closed!, casesDue: due! });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('体征指标', () => {
  it('the leader reads the town\'s indicators by board, opens 结案率 and drills into 春晖社区', async () => {
    await open('leader');
    await page.goto(`${base}/indicators`);
    const board = page.getByTestId('indicator-board-center');
    const close = board.locator('tr.ant-table-row', { hasText: '结案率' }).filter({ hasNotText: '按期' }).first();
    await contains(close, '97.5%');
    await contains(page.getByTestId('indicator-unit'), '春晖路街道');
    await expect.poll(() => close.locator('[data-light]').first().getAttribute('data-light')).toBe('green');
    await page.waitForTimeout(500); // the sparklines draw
    await expectNoEnglish(page);
    await shot('indicators');
    await close.getByTestId('indicator-name').click();
    const drawer = page.getByTestId('indicator-drawer');
    await contains(drawer.getByTestId('indicator-formula'), '结案数');
    const children = drawer.getByTestId('indicator-children');
    await contains(children, '春晖社区');
    await contains(children, '96.7%');
    await contains(children, '锦霞社区');
    await page.waitForTimeout(500);
    await expectNoEnglish(page);
    await shot('indicator-drawer');
    await children.locator('tr', { hasText: '春晖社区' }).getByRole('button', { name: '查看' }).click();
    await contains(page.getByTestId('indicator-unit'), '春晖社区');
    await contains(page.getByTestId('indicator-board-center').locator('tr.ant-table-row', { hasText: '结案率' }).filter({ hasNotText: '按期' }).first(), '96.7%');
  });

  it('defines the town\'s own indicator from the measures and sets a town target', async () => {
    await page.getByText('返回上级').click();
    await contains(page.getByTestId('indicator-unit'), '春晖路街道');
    await page.getByTestId('indicator-create').click();
    const form = page.getByTestId('indicator-form');
    await form.getByTestId('indicator-form-code').fill('chunhuiRatedShare');
    await form.getByTestId('indicator-form-name').fill('评价覆盖率');
    await pickOption(page, form.getByTestId('indicator-form-numerator').locator('input'), '评价数', '评价数', form.locator('.ant-select-selection-item', { hasText: '评价数' }));
    await pickOption(page, form.getByTestId('indicator-form-denominator').locator('input'), '结案数', /^结案数$/, form.locator('.ant-select-selection-item', { hasText: '结案数' }));
    await numberInput(form, 'indicator-form-target').fill('50');
    await expectNoEnglish(page, ['chunhuiRatedShare', 'greenRepairRate']); // the indicator's code, and the code field's example
    await shot('indicator-form');
    await page.locator('.ant-modal-footer').getByRole('button', { name: /保\s*存/ }).click();
    await form.waitFor({ state: 'hidden' });
    const own = page.getByTestId('indicator-board-center').locator('tr.ant-table-row', { hasText: '评价覆盖率' });
    await contains(own, '本街道自定义');
    await contains(own, '41%'); // 80 rated of 195 closed in December
    const close = page.getByTestId('indicator-board-center').locator('tr.ant-table-row', { hasText: '结案率' }).filter({ hasNotText: '按期' }).first();
    await close.getByTestId('indicator-set-target').click();
    const target = page.getByTestId('indicator-target-form');
    await numberInput(target, 'indicator-target-input').fill('99');
    await target.getByRole('button', { name: /保\s*存/ }).click();
    await target.waitFor({ state: 'hidden' });
    await expect.poll(() => close.locator('[data-light]').first().getAttribute('data-light')).toBe('yellow'); // 97.5 within 5 of 99
    await contains(close, '99%');
    await shot('indicators-target');
  });
});

describe('赛马比拼', () => {
  it('the leader reads the grids\' board with movement, generates November\'s bulletin and downloads it', async () => {
    await page.goto(`${base}/rankings`);
    const board = page.getByTestId('ranking-board');
    const first = board.locator('tbody tr').first();
    await contains(first, grids[0]!.name);
    await contains(first, '100%');
    await expect.poll(() => first.locator('[data-movement="up"]').count()).toBe(1);
    await contains(board.locator('tbody tr').nth(2), grids[1]!.name);
    await expect.poll(() => board.locator('tbody tr').nth(2).locator('[data-movement="down"]').count()).toBe(1);
    await page.waitForTimeout(500);
    await expectNoEnglish(page);
    await shot('board');
    await page.getByTestId('bulletin-generate').click();
    const drawer = page.getByTestId('bulletin-drawer');
    await contains(drawer, '春晖路街道2026年11月网格赛马比拼通报');
    await contains(drawer.getByTestId('bulletin-reds'), grids[3]!.name);
    await expectNoEnglish(page);
    await shot('bulletin');
    const download = page.waitForEvent('download');
    await drawer.getByRole('button', { name: /下\s*载/ }).click();
    expect((await download).suggestedFilename()).toBe('春晖路街道2026年11月网格赛马比拼通报.docx');
    await page.keyboard.press('Escape');
    await contains(page.getByTestId('bulletin-list'), '春晖路街道2026年11月网格赛马比拼通报');
    await shot('bulletins');
  });

  it('the leader reads the compact board on the phone', async () => {
    await open('leader', PHONE);
    await page.goto(`${base}/m/rankings`);
    const rows = page.getByTestId('m-ranking-row');
    await contains(rows.first(), grids[0]!.name);
    await contains(rows.first(), '100%');
    await expectNoEnglish(page);
    await shot('phone');
    expect(pageErrors).toEqual([]);
  });
});
