// Browser journeys of 三级五星评价 and 反向评价 (issue 17), on the ratings demo over October's and November's roll-ups of
// 春晖社区第1网格: the leader 陈志明 opens /ratings, reads November's grid ratings with stars, opens 第1网格's breakdown
// (indicators with value, target, weight and points, the vetoes, the grid worker's open appeal) and upholds the appeal
// with a reason; reviews the departments the town sent cases to (/ratings/departments); the department reads its
// reviews without their authors; the grid worker sees 本月星级 on the phone home and the breakdown at /m/ratings.
// Screenshots in test-artifacts/ratings-*.png.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { DESKTOP, expectNoEnglish, launchChromium, PHONE, signInAs, WEB_DIST } from '../support/browser.ts';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { demoRatings } from '../../src/server/ratings/demo/ratings-demo.ts';

const ARTIFACTS = 'test-artifacts';
const NOW = new Date('2026-12-03T10:00:00+08:00');

let t: TestApp;
let browser: Browser;
let base: string;
let context: BrowserContext;
let page: Page;
let gridName: string;
const pageErrors: string[] = [];

const contains = (el: Locator, text: string) => expect.poll(async () => (await el.textContent()) ?? '', { timeout: 15_000 }).toContain(text);
const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}/ratings-${name}.png`, fullPage: true });

async function open(username: string, device: typeof DESKTOP | typeof PHONE = DESKTOP) {
  await context?.close();
  context = await browser.newContext({ ...device });
  await context.clock.setFixedTime(t.clock.now);
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await signInAs(page, base, username);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await createTestApp({ webDist: WEB_DIST });
  const g = (await t.db.query<{ id: string; name: string }>('select id, name from org_units where code = $1', [DEMO_GRID])).rows[0]!;
  gridName = g.name;
  for (const [period, closed] of [['2026-10', 16], ['2026-11', 19]] as const) {
    for (const [m, v] of Object.entries({ casesDue: 20, casesClosed: closed, casesClosedOnTime: closed - 1, casesRated: 10, casesSatisfied: 9, tasksDue: 30, tasksDone: 28, gridWorkerDays: 30, gridWorkerActiveDays: 27 })) {
      await t.db.query('insert into indicator_rollups (org_unit_id, period, measure, value) values ($1, $2, $3, $4)', [g.id, period, m, v]);
    }
  }
  const gw = await t.login('gridworker');
  const c = await t.app.inject({ method: 'POST', url: '/api/cases', headers: bearer(gw), payload: { categoryCode: 'E0101', description: '井盖破损', location: await gridCentre(t.db, DEMO_GRID) } });
  expect(c.statusCode, c.body).toBe(201);
  const dep = (await t.db.query<{ department_id: string }>(`select m.department_id from department_members m join accounts a on a.id = m.account_id where a.username = 'department'`)).rows[0]!.department_id;
  await t.db.query(`update cases set department_ids = array[$2]::text[], created_at = '2026-11-12T10:00:00+08:00' where id = $1`, [c.json().id, dep]);
  t.clock.set(NOW);
  await demoRatings({ db: t.db, config: t.config, now: NOW, seed: 1 });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('三级五星评价', () => {
  it('the leader reads November\'s grid ratings, opens the breakdown and upholds the open appeal', async () => {
    await open('leader');
    await page.goto(`${base}/ratings`);
    const table = page.getByTestId('ratings-table');
    const row = table.locator('tr', { hasText: gridName });
    await contains(row, '待答复');
    await contains(page.getByTestId('rating-rule'), '全市默认细则');
    await expectNoEnglish(page);
    await shot('list');
    await row.getByTestId('rating-open').click();
    const drawer = page.getByTestId('rating-drawer');
    await contains(drawer.getByTestId('rating-breakdown'), '结案率');
    await contains(drawer.getByTestId('rating-breakdown'), '95%');
    await contains(drawer.getByTestId('rating-appeal'), '网格员活跃度');
    await expectNoEnglish(page);
    await shot('drawer');
    await page.getByTestId('rating-answer-open').click();
    await page.getByTestId('answer-text').fill('经核实，培训两天为区里统一安排，同意调整。');
    await page.locator('.ant-modal-footer').getByRole('button', { name: /确\s*定/ }).click();
    await contains(drawer.getByTestId('rating-appeal'), '申诉成立');
    await contains(drawer.getByTestId('rating-appeal'), '经核实，培训两天');
    await shot('answered');
  });

  it('the town reviews its departments; the department reads its reviews without their authors', async () => {
    await page.goto(`${base}/ratings/departments`);
    const table = page.getByTestId('departments-table');
    await contains(table, '区城市管理局');
    await contains(table, '陈志明');
    await expectNoEnglish(page);
    await shot('departments');
    await open('department');
    await page.goto(`${base}/ratings/departments`);
    await contains(page.getByTestId('departments-table'), '春晖路街道');
    await contains(page.getByTestId('page-header'), '收到的评价');
    expect((await page.getByTestId('departments-table').textContent()) ?? '').not.toContain('陈志明');
    await expectNoEnglish(page);
    await shot('departments-mine');
  });

  it('the grid worker sees 本月星级 on the phone home and the breakdown at /m/ratings', async () => {
    await open('gridworker', PHONE);
    await page.goto(`${base}/m`);
    const tile = page.getByTestId('home-ratings');
    await contains(tile, '本月星级');
    await contains(tile, '★');
    await shot('phone-home');
    await tile.click();
    await contains(page.getByTestId('m-rating-latest'), '2026年11月');
    await contains(page.getByTestId('m-rating-breakdown'), '按期结案率');
    await expectNoEnglish(page);
    await shot('phone');
    expect(pageErrors).toEqual([]);
  });
});
