// Browser journey of 指挥一览, the command screen on the leaders' phones (issue 17) at 390×844: the leader 陈志明 opens it
// from his phone home, reads 春晖路街道's counts, today's figures against targets (roll-ups written as the indicators job
// would have counted them), the standing alarm by place and kind, the feed; a second alarm raised while the page is open
// arrives without a reload; he drills down to 春晖社区 and back up. Screenshots in test-artifacts/mobile-screen-*.png.
import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoEnglish, launchChromium, PHONE, signInAs, WEB_DIST } from '../support/browser.ts';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { insertAlarms } from '../../src/server/alarms/raise-alarms.ts';

const ARTIFACTS = 'test-artifacts';
const NOW = new Date('2026-12-03T10:00:00+08:00');

let t: TestApp;
let browser: Browser;
let page: Page;
let base: string;
let grid: { id: string; path: string; townId: string; communityId: string; here: { lng: number; lat: number } };
const pageErrors: string[] = [];
const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}/mobile-screen-${name}.png`, fullPage: true });

/** a door sensor bound to a household (named after the elder) and its red alarm */
async function alarm(name: string): Promise<void> {
  const id = randomUUID();
  await t.db.query(
    `insert into devices (id, town_id, grid_id, org_path, device_type, profile_id, name, binding_kind, binding_id, lng, lat, address, token_hash, created_at, updated_at)
     values ($1, $2, $3, $4, 'doorMagnet', 'platform-door-magnet', $5, 'household', $6, $7, $8, '春晖路3栋201', 'x', $9, $9)`,
    [id, grid.townId, grid.id, grid.path, name, randomUUID(), grid.here.lng, grid.here.lat, t.clock.now]);
  await t.db.transaction((tx) => insertAlarms(tx, [{
    deviceId: id, alarmType: 'inactivity', category: 'care', ruleId: 'no-door', level: 'red', matterCode: 'S0101', raisedAt: t.clock.now, details: {},
  }]));
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await createTestApp({ webDist: WEB_DIST });
  t.clock.set(NOW);
  const g = (await t.db.query<{ id: string; path: string; parent_id: string; town_id: string }>(
    `select g.id, g.path, g.parent_id, t.id as town_id from org_units g join org_units t on t.level = 'town' and g.path like t.path || '%' where g.code = $1`,
    [DEMO_GRID])).rows[0]!;
  grid = { id: g.id, path: g.path, townId: g.town_id, communityId: g.parent_id, here: await gridCentre(t.db, DEMO_GRID) };
  // today's roll-ups of the town, as the indicators job would have counted them
  const today = '2026-12-03';
  for (const [measure, value] of Object.entries({ casesAccepted: 18, casesDue: 20, casesClosed: 19, casesClosedOnTime: 17, casesAcceptedIn5Min: 16, casesRated: 10, casesSatisfied: 9, casesOverdue: 2, alarmsRaised: 3, alarmsAckedOnTime: 3 })) {
    await t.db.query(`insert into indicator_rollups (org_unit_id, period, measure, value) values ($1, $2, $3, $4)
      on conflict (org_unit_id, period, measure) do update set value = excluded.value`, [grid.townId, today, measure, value]);
  }
  const resident = await t.login('resident');
  for (const [code, text] of [['C0101', '井盖破损'], ['E0101', '占道经营']] as const) {
    const r = await t.app.inject({ method: 'POST', url: '/api/cases', headers: bearer(resident), payload: { categoryCode: code, description: text, location: grid.here } });
    expect(r.statusCode, r.body).toBe(201);
  }
  await alarm('王阿姨家门磁');
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  const context = await browser.newContext(PHONE);
  await context.clock.setFixedTime(NOW);
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('指挥一览 on the leader\'s phone', () => {
  it('opens from the phone home with the town\'s counts, figures, alarm and feed', async () => {
    await signInAs(page, base, 'leader');
    await page.goto(`${base}/m`);
    await page.getByTestId('home-screen').click();
    await page.waitForURL(/\/m\/screen/);
    const counts = page.getByTestId('m-screen-counts');
    await expect.poll(async () => (await counts.textContent()) ?? '', { timeout: 15_000 }).toContain('在办案件');
    await expect.poll(() => page.getByTestId('m-screen-alarm').count()).toBe(1);
    const alarmRow = page.getByTestId('m-screen-alarm').first();
    expect(await alarmRow.textContent()).toContain('24 小时未开门');
    expect(await page.locator('body').textContent()).not.toContain('王阿姨');
    const figures = page.getByTestId('m-screen-figure');
    expect(await figures.count()).toBeGreaterThan(3);
    expect(await page.getByTestId('m-screen-today').textContent()).toContain('95%'); // 结案率 19/20
    expect(await page.getByTestId('m-screen-feed').textContent()).toContain('上报');
    expect(await page.getByTestId('m-screen-crumbs').textContent()).toBe('春晖路街道');
    await expectNoEnglish(page);
    await shot('town');
  });

  it('shows an alarm raised while it is open, without a reload', async () => {
    await expect.poll(async () => (await page.locator('.ms-status').textContent()) ?? '', { timeout: 15_000 }).toContain('实时');
    await alarm('李大爷家门磁');
    await expect.poll(() => page.getByTestId('m-screen-alarm').count(), { timeout: 15_000 }).toBe(2);
    await shot('alarm-arrived');
  });

  it('drills down to 春晖社区 and back up', async () => {
    await page.getByTestId('m-screen-child').filter({ hasText: '春晖社区' }).first().click();
    await expect.poll(async () => (await page.getByTestId('m-screen-crumbs').textContent()) ?? '', { timeout: 15_000 }).toContain('春晖社区');
    expect(page.url()).toContain(`unit=${grid.communityId}`);
    await expect.poll(() => page.getByTestId('m-screen-alarm').count()).toBe(2);
    await expectNoEnglish(page);
    await shot('community');
    await page.getByRole('button', { name: '返回上级' }).click();
    await expect.poll(async () => (await page.getByTestId('m-screen-crumbs').textContent()) ?? '').toBe('春晖路街道');
    expect(pageErrors).toEqual([]);
  });
});
