// Browser journey of 一表通 (issue 17), with November's figures written as the indicators job would have counted them
// (roll-ups of 春晖路街道's communities and 春晖社区's grids): the leader 陈志明 opens /reports, reads 网格化服务管理月报 of
// the town — a row per community, the total rolled up (结案率 28/30, not the mean of the rows) — exports it as Excel
// (saved under its Chinese name, opened and read back) and sees the fill kept; switches the unit to 春晖社区 (a row per
// grid); defines the town's own form from an indicator and a measure, and reads its table. Screenshots in
// test-artifacts/reports-*.png.
import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { DESKTOP, expectNoEnglish, launchChromium, pickFixedOption, pickOption, signInAs, WEB_DIST } from '../support/browser.ts';
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
const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}/reports-${name}.png`, fullPage: true });

async function rollup(unitId: string, period: string, measures: Record<string, number>) {
  for (const [measure, value] of Object.entries(measures)) {
    await t.db.query(`insert into indicator_rollups (org_unit_id, period, measure, value) values ($1, $2, $3, $4)
      on conflict (org_unit_id, period, measure) do update set value = indicator_rollups.value + excluded.value`, [unitId, period, measure, value]);
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
  // November: 春晖社区's first two grids 18 of 20 closed, 锦霞社区 10 of 10; the town 28 of 30
  const g1 = { casesAccepted: 20, casesDue: 12, casesClosed: 10, casesClosedOnTime: 9, casesOverdue: 1 };
  const g2 = { casesAccepted: 10, casesDue: 8, casesClosed: 8, casesClosedOnTime: 8 };
  const jx = { casesAccepted: 12, casesDue: 10, casesClosed: 10, casesClosedOnTime: 7, casesOverdue: 2 };
  for (const [id, m] of [[grids[0]!.id, g1], [grids[1]!.id, g2]] as const) for (const u of [id, chunhui, town]) await rollup(u, '2026-11', m);
  for (const u of [jinxia, town]) await rollup(u, '2026-11', jx);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await t?.close();
});

describe('一表通', () => {
  it('the leader reads the town\'s monthly report, the total rolled up, and exports it as Excel', async () => {
    context = await browser.newContext({ ...DESKTOP, acceptDownloads: true });
    await context.clock.setFixedTime(t.clock.now);
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signInAs(page, base, 'leader');
    await page.goto(`${base}/reports`);
    await contains(page.getByTestId('report-title'), '春晖路街道2026年11月网格化服务管理月报');
    const table = page.getByTestId('report-table');
    await contains(table.locator('tr', { hasText: '春晖社区' }), '90%'); // 18 of 20
    await contains(table.locator('tr', { hasText: '锦霞社区' }), '100%');
    const total = page.getByTestId('report-total');
    await contains(total, '合计');
    await contains(total, '42'); // accepted 30 + 12
    await contains(total, '93.33%'); // 28 of 30, not the mean 95 %
    await expectNoEnglish(page);
    await shot('town');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-excel').click()]);
    expect(download.suggestedFilename()).toBe('春晖路街道2026年11月网格化服务管理月报.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows = ws.getSheetValues().filter(Boolean) as unknown[][];
    const totalRow = rows.find((r) => r.includes('合计'))!;
    expect(totalRow.slice(1, 4)).toEqual(['合计', 42, 93.33]);
    await contains(page.getByTestId('report-fills'), '春晖路街道');
    await contains(page.getByTestId('report-fills'), '2026年11月');
  });

  it('switches to 春晖社区: a row per grid', async () => {
    await pickFixedOption(page, page.getByTestId('report-unit'), '春晖社区');
    await contains(page.getByTestId('report-title'), '春晖社区2026年11月网格化服务管理月报');
    const table = page.getByTestId('report-table');
    await contains(table.locator('tr', { hasText: grids[0]!.name }).first(), '83.33%'); // 10 of 12
    await contains(page.getByTestId('report-total'), '90%');
    await expectNoEnglish(page);
    await shot('community');
  });

  it('defines the town\'s own form from an indicator and a measure and reads its table', async () => {
    await page.getByTestId('report-form-new').click();
    const editor = page.getByTestId('report-editor');
    await editor.getByTestId('report-editor-name').fill('社区按期结案月报');
    const columns = editor.getByTestId('report-editor-columns');
    await pickOption(page, columns.locator('input'), '按期结案率', '按期结案率', columns.locator('.ant-select-selection-item', { hasText: '按期结案率' }));
    await pickOption(page, columns.locator('input'), '按期结案数', '按期结案数', columns.locator('.ant-select-selection-item', { hasText: '按期结案数' }));
    await page.keyboard.press('Escape');
    await expectNoEnglish(page);
    await shot('editor');
    await editor.getByTestId('report-editor-save').click();
    await editor.waitFor({ state: 'hidden' });
    const own = page.getByTestId('report-form').filter({ hasText: '社区按期结案月报' });
    await contains(own, '春晖路街道自定义');
    await contains(page.getByTestId('report-title'), '社区按期结案月报');
    // 按期结案率 of the town: (9+8+7) / (10+8+10) = 85.71 %; 按期结案数 24
    await contains(page.getByTestId('report-total'), '85.71%');
    await contains(page.getByTestId('report-total'), '24');
    await shot('own-form');
    expect(pageErrors).toEqual([]);
  });
});
