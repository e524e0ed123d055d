// The dispatcher's workbench shows who keeps the command center's watch now, from the duty roster: the leader on
// duty and the day shift of the town at the app's clock (Monday 23 November 2026, 09:00 in Chongqing).
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, launchChromium, WEB_DIST } from '../support/browser.ts';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';

const ARTIFACTS = 'test-artifacts';
let t: TestApp;
let browser: Browser;
let page: Page;
let base: string;
const names: Record<string, string> = {};

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await createTestApp({ webDist: WEB_DIST });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const rows = (await t.db.query<{ id: string; username: string; name: string }>(
    `select id, username, name from accounts where username in ('leader', 'dispatcher', 'handler', 'community')`)).rows;
  const id = Object.fromEntries(rows.map((r) => [r.username, r.id]));
  for (const r of rows) names[r.username] = r.name;
  const town = (await t.db.query<{ id: string }>(`select id from org_units where code = '500199001000'`)).rows[0]!.id;
  const saved = await t.app.inject({
    method: 'PUT', url: `/api/duty-roster?orgUnitId=${town}&week=2026-W48`, headers: bearer(await t.login('leader')),
    payload: { version: 0, slots: [
      { date: '2026-11-23', shift: 'leader', accountIds: [id.leader] },
      { date: '2026-11-23', shift: 'day', accountIds: [id.dispatcher, id.handler] },
      { date: '2026-11-23', shift: 'night', accountIds: [id.community] },
    ] },
  });
  expect(saved.statusCode, saved.body).toBe(200);
  browser = await launchChromium();
  page = await (await browser.newContext(DESKTOP)).newPage();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('on duty now, in the workbench head', () => {
  it('names the leader on duty and the day shift, not the night shift', async () => {
    await page.goto(`${base}/login`);
    await page.getByLabel('用户名').fill('dispatcher');
    await page.getByLabel('密码').fill('demo1234');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL('**/cases/workbench');
    const line = page.getByTestId('page-header').getByTestId('on-duty-now');
    await line.waitFor();
    expect(await line.getByTestId('on-duty-leader').innerText()).toBe(`带班领导 ${names.leader}`);
    expect(await line.getByTestId('on-duty-day').innerText()).toBe(`· 白班 ${names.dispatcher}、${names.handler}`);
    expect(await line.innerText()).not.toContain(names.community!);
    await page.getByTestId('page-header').screenshot({ path: `${ARTIFACTS}/workbench-on-duty.png` });
    await page.screenshot({ path: `${ARTIFACTS}/workbench-on-duty-page.png` });
  });
});
