// Browser journey of the grid worker's phone app (issue 12) at 390×844: 李明辉 opens 今日任务 from the phone home (the
// service worker installs), goes offline, ticks two tasks and files a report with a photo — the phone says 3 wait to be
// sent — comes back online, and the server holds all three exactly once. Then a tick refused by the server (the task
// was reassigned meanwhile) is shown with the reason until he dismisses it. The tasks are made through the API by the
// community's staff.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectNoEnglish, launchChromium, PHONE, signInAs, WEB_DIST } from '../support/browser.ts';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { makeJpeg } from '../support/images.ts';
import { idNumberCheckDigit } from '../../src/domain/registry/id-number.ts';

const ARTIFACTS = 'test-artifacts';

let t: TestApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let base: string;
let photoPath: string;
let gridId: string;
let gwId: string;
let communityToken: string;
const pageErrors: string[] = [];

/** The day `n` days after today, in Asia/Shanghai (YYYY-MM-DD). */
const inDays = (n: number) => new Date(Date.now() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);
const tasks: { id: string; name: string; householdId: string }[] = [];

/** A valid ID number (GB 11643) of a person born on `birth` (YYYYMMDD), region 500103 (渝中区). */
function idNumber(birth: string, seq: string): string {
  const first = `500103${birth}${seq}`;
  return first + idNumberCheckDigit(first);
}

async function call<T>(token: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown): Promise<{ status: number; body: T }> {
  const res = await t.app.inject({ method, url, headers: bearer(token), ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: res.statusCode, body: res.json() as T };
}

async function post<T>(token: string, url: string, payload: Record<string, unknown>): Promise<T> {
  const res = await call<T>(token, 'POST', url, payload);
  expect(res.status, `POST ${url}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body;
}

async function shot(name: string) {
  await page.waitForFunction(() => ![...document.querySelectorAll('.adm-popup, .adm-center-popup, .adm-dialog, .adm-toast-mask')]
    .some((e) => getComputedStyle(e).display !== 'none' && !e.closest('[style*="display: none"]')));
  await page.screenshot({ path: `${ARTIFACTS}/tasks-offline-${name}.png` });
}

const waitingCount = async () => {
  const bar = page.getByTestId('outbox-waiting').first();
  return (await bar.count()) ? Number(await bar.getAttribute('data-count')) : 0;
};

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await createTestApp({ webDist: WEB_DIST });
  // the browser reads the real clock (a visit says when it took place): the server's follows it here
  t.clock.set(new Date());
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const gwToken = await t.login('gridworker');
  gwId = (await call<{ id: string }>(gwToken, 'GET', '/api/me')).body.id;
  communityToken = await t.login('community');
  gridId = (await t.db.query<{ id: string }>('select id from org_units where code = $1', [DEMO_GRID])).rows[0]!.id;
  const centre = await gridCentre(t.db, DEMO_GRID);

  // three households of a building at the grid's centre, and a task for each, assigned to the grid worker
  const { building } = await post<{ building: { id: string } }>(gwToken, '/api/registry/buildings', {
    name: '春晖苑 5 栋', address: '春晖路 22 号春晖苑 5 栋', location: centre, units: 1, floors: 6, roomsPerFloor: 2,
  });
  for (const [i, name] of ['张桂兰', '陈永福', '何淑珍', '赵德明'].entries()) {
    const { household } = await post<{ household: { id: string } }>(gwToken, '/api/registry/households', {
      buildingId: building.id, unitNo: 1, floorNo: i + 2, roomNo: `${i + 2}01`,
    });
    await post(gwToken, '/api/registry/residents', {
      name, idNumber: idNumber(`1940031${i}`, '12' + String(i * 2)), householdId: household.id, relation: 'head', tags: ['elderly_alone'],
    });
    const task = await post<{ id: string }>(communityToken, '/api/tasks', {
      orgUnitId: gridId, title: `上门看望${name}`, detail: '了解近况，查看用电用气安全', assigneeId: gwId, dueOn: inDays(2),
      subject: { kind: 'household', id: household.id },
    });
    tasks.push({ id: task.id, name, householdId: household.id });
  }

  photoPath = path.join(mkdtempSync(path.join(tmpdir(), 'zhizhi-photo-')), 'hazard.jpg');
  writeFileSync(photoPath, await makeJpeg(1200, 900, '#7b6b5c'));
  browser = await launchChromium();
  context = await browser.newContext({ ...PHONE, geolocation: { longitude: centre.lng, latitude: centre.lat, accuracy: 12 }, permissions: ['geolocation'] });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the grid worker\'s phone app offline', () => {
  it('opens today\'s list from the phone home, and the app installs for offline use', async () => {
    await signInAs(page, base, 'gridworker');
    await page.waitForURL('**/m');
    await expect.poll(() => page.getByTestId('home-tasks').innerText()).toContain('待办 4 项');
    await shot('00-home');
    await expectNoEnglish(page);
    await page.getByTestId('home-tasks').click();
    await page.waitForURL('**/m/tasks');
    await expect.poll(() => page.getByTestId('task-item').count(), { timeout: 10_000 }).toBe(4);
    expect(await page.getByTestId('task-counts').getAttribute('data-open')).toBe('4');

    // the manifest and the service worker: installable, controlling the page once it took over
    const manifest = await page.evaluate(async () => {
      const href = document.querySelector('link[rel="manifest"]')?.getAttribute('href');
      return href ? (await fetch(href)).json() as Promise<{ name: string; start_url: string; display: string; icons: unknown[] }> : null;
    });
    expect(manifest).toMatchObject({ name: '智治网格', start_url: '/m/tasks', display: 'standalone' });
    expect(manifest!.icons.length).toBeGreaterThanOrEqual(2);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 15_000 }).toBe(true);
    const sw = await fetch(`${base}/sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get('cache-control')).toBe('no-cache');

    // the pages needed offline are visited once online (the service worker keeps the list and the categories)
    await page.reload();
    await expect.poll(() => page.getByTestId('task-item').count(), { timeout: 10_000 }).toBe(4);
    await page.goto(`${base}/m/report`);
    await page.getByTestId('report-page').waitFor();
    await page.getByTestId('category-field').waitFor();
    await page.goto(`${base}/m/tasks`);
    await expect.poll(() => page.getByTestId('task-item').count(), { timeout: 10_000 }).toBe(4);
    await shot('01-list');
    await expectNoEnglish(page);
  });

  it('ticks two tasks and files a report with a photo offline: 3 wait to be sent', async () => {
    await context.setOffline(true);
    await page.getByTestId('offline-bar').waitFor();

    for (const task of tasks.slice(0, 2)) {
      await page.locator(`[data-testid="task-item"][data-task-id="${task.id}"]`).click();
      await page.getByTestId('task-page').waitFor();
      expect(await page.getByTestId('task-head').innerText()).toContain(`上门看望${task.name}`);
      await page.getByTestId('tick-note').locator('textarea:not([aria-hidden])').fill('老人身体还好，燃气阀已检查');
      await page.getByTestId('tick-submit').click();
      await page.waitForURL('**/m/tasks');
      await expect.poll(() => page.locator(`[data-testid="task-item"][data-task-id="${task.id}"]`).getAttribute('data-status')).toBe('queued');
    }
    expect(await waitingCount()).toBe(2);
    await shot('02-list-offline');
    await expectNoEnglish(page);

    // a page opened offline: the service worker answers the app shell
    await page.goto(`${base}/m/report`);
    await page.getByTestId('report-page').waitFor();
    await page.getByTestId('category-field').click();
    await page.getByTestId('category-search').locator('input').fill('井盖');
    await page.getByTestId('category-C0101').click();
    await page.getByTestId('category-list').waitFor({ state: 'hidden' });
    await page.getByTestId('description').locator('textarea:not([aria-hidden])').fill('5 栋楼道口井盖松动，老人进出容易绊倒');
    await page.getByTestId('photos').locator('input[type=file]').setInputFiles(photoPath);
    // kept on the phone: its thumbnail is a blob
    await expect.poll(() => page.getByTestId('photos').locator('img[src^="blob:"]').count(), { timeout: 10_000 }).toBe(1);
    await shot('03-report-offline');
    await page.getByTestId('report-submit').click();
    await page.getByTestId('report-queued').waitFor();
    await expect.poll(waitingCount).toBe(3);
    await shot('04-report-queued');
    await expectNoEnglish(page);

    // nothing reached the server
    const done = await t.db.query<{ n: number }>(`select count(*)::int as n from tasks where id = any($1) and status = 'done'`, [tasks.map((x) => x.id)]);
    expect(done.rows[0]!.n).toBe(0);
  });

  it('sends all three when the network returns, each exactly once', async () => {
    await context.setOffline(false);
    // the `online` event sends at once; a page loaded while offline may not have been told it was (Chromium's emulation
    // reports navigator.onLine true there), and then the retry after the backoff (30 s at most) sends
    await expect.poll(waitingCount, { timeout: 45_000 }).toBe(0);
    await page.goto(`${base}/m/tasks`);
    await expect.poll(() => page.locator('[data-testid="task-item"][data-status="done"]').count(), { timeout: 10_000 }).toBe(2);
    expect(await page.getByTestId('task-counts').getAttribute('data-open')).toBe('2');
    await shot('05-list-synced');

    const list = await call<{ items: { id: string; status: string; done: { note: string | null } | null }[] }>(await t.login('gridworker'), 'GET', '/api/tasks?assignee=me&date=today');
    const byId = new Map(list.body.items.map((x) => [x.id, x]));
    expect(tasks.map((x) => byId.get(x.id)?.status)).toEqual(['done', 'done', 'open', 'open']);
    expect(byId.get(tasks[0]!.id)!.done!.note).toBe('老人身体还好，燃气阀已检查');
    const cases = await t.db.query<{ id: string; photos: number }>(
      `select c.id, (select count(*)::int from case_photos p where p.case_id = c.id) as photos from cases c where c.description = $1`,
      ['5 栋楼道口井盖松动，老人进出容易绊倒']);
    expect(cases.rows.length).toBe(1);
    expect(cases.rows[0]!.photos).toBe(1);
  });

  it('records a visit from a task, sees it checked against the building, and reports its finding as a case', async () => {
    const fourth = tasks[3]!;
    await page.locator(`[data-testid="task-item"][data-task-id="${fourth.id}"]`).click();
    await page.getByTestId('task-page').waitFor();
    await shot('06-task');
    await expectNoEnglish(page);
    await page.getByTestId('record-visit').click();
    await page.getByTestId('visit-form').waitFor();
    await expect.poll(() => page.getByTestId('visit-where').innerText()).toContain('已定位');
    await page.getByTestId('visit-findings').locator('textarea:not([aria-hidden])').fill('厨房燃气软管老化开裂，已提醒子女尽快更换');
    await shot('07-visit-form');
    await expectNoEnglish(page);
    t.clock.set(new Date());
    await page.getByTestId('visit-save').click();
    await page.getByTestId('visit-saved').waitFor();
    await expect.poll(() => page.getByTestId('visit-result').getAttribute('data-sent'), { timeout: 15_000 }).toBe('yes');
    await page.getByTestId('visit-near').waitFor(); // at the building: checked, not flagged
    await page.getByTestId('visit-report').click();
    await page.getByTestId('category-field').click();
    await page.getByTestId('category-search').locator('input').fill('井盖');
    await page.getByTestId('category-C0101').click();
    await page.getByTestId('category-list').waitFor({ state: 'hidden' });
    expect(await page.getByTestId('visit-case-description').locator('textarea:not([aria-hidden])').inputValue()).toBe('厨房燃气软管老化开裂，已提醒子女尽快更换');
    await page.getByTestId('visit-case-submit').click();
    await expect.poll(() => page.getByTestId('visit-case-number').count(), { timeout: 15_000 }).toBe(1);
    await shot('08-visit-saved');
    await expectNoEnglish(page);

    const visits = await t.db.query<{ task_id: string; case_id: string | null; far: boolean }>('select task_id, case_id, far from visits where visitor_id = $1', [gwId]);
    expect(visits.rows).toEqual([{ task_id: fourth.id, case_id: expect.any(String), far: false }]);
    const task = await t.db.query<{ status: string }>('select status from tasks where id = $1', [fourth.id]);
    expect(task.rows[0]!.status).toBe('done');

    // the household file one tap away lists the visit
    await page.goto(`${base}/m/registry/households/${fourth.householdId}`);
    await page.getByTestId('household-visits').waitFor();
    expect(await page.getByTestId('household-visit').count()).toBe(1);
    await shot('09-household');
    await page.goto(`${base}/m/tasks`);
    await expect.poll(() => page.locator('[data-testid="task-item"][data-status="done"]').count(), { timeout: 10_000 }).toBe(3);
  });

  it('shows a tick refused because the task was reassigned meanwhile, until it is dismissed', async () => {
    const third = tasks[2]!;
    await page.locator(`[data-testid="task-item"][data-task-id="${third.id}"]`).click();
    await page.getByTestId('task-page').waitFor();
    await context.setOffline(true);
    // meanwhile the community hands the task to its staff member (the phone cannot know)
    const community = (await call<{ id: string }>(communityToken, 'GET', '/api/me')).body.id;
    await t.db.query(`update tasks set assignee_id = $1, assignee_name = '赵秀兰', version = version + 1 where id = $2`, [community, third.id]);
    await page.getByTestId('tick-submit').click();
    await page.waitForURL('**/m/tasks');
    await context.setOffline(false);
    await page.getByTestId('outbox-attention').waitFor({ timeout: 20_000 });
    await page.getByTestId('outbox-attention').getByRole('button').click();
    await page.getByTestId('outbox-page').waitFor();
    expect(await page.getByTestId('attention-item').getAttribute('data-code')).toBe('TASK_CONFLICT');
    expect(await page.getByTestId('attention-reason').innerText()).toContain('赵秀兰');
    await shot('10-attention');
    await expectNoEnglish(page);
    await page.getByTestId('attention-dismiss').click();
    await expect.poll(() => page.getByTestId('attention-item').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('reads in English', async () => {
    await page.evaluate(() => localStorage.setItem('zhizhi.lang', 'en'));
    await page.goto(`${base}/m/tasks`);
    await expect.poll(() => page.getByTestId('task-item').count(), { timeout: 10_000 }).toBe(3);
    expect(await page.getByTestId('task-counts').innerText()).toBe('0 open · 3 done');
    expect(await page.locator('[data-testid="task-item"]').first().innerText()).toMatch(/Assigned task[\s\S]*Older person living alone|Assigned task[\s\S]*living alone/i);
    await shot('11-list-english');
    const chinese = await page.evaluate(() => [...document.querySelectorAll('.mc-nav, .mt-item-kind, .mt-summary, [data-testid="due-badge"], [data-testid="last-visit"]')]
      .map((e) => e.textContent ?? '').filter((x) => /[\u4e00-\u9fff]/.test(x)));
    expect(chinese).toEqual([]);
    await page.evaluate(() => localStorage.setItem('zhizhi.lang', 'zh-CN'));
    expect(pageErrors).toEqual([]);
  });
});
