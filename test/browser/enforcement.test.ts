// Browser journey of the issue (15): an 占道经营 case taken from the loop to a decision. Through the API: the grid worker
// reports a stall on the pavement (E0401) and the dispatcher sends it to the town's 综合执法岗. In the browser (desktop,
// Chinese): the enforcer (邓志强) opens it in 我的待办, takes 「立案执法」 from the case drawer, the facts form of the matter
// shows what is missing and then the band the facts fall in (从重, 200–500 元) as they are entered; the case opens and
// its page times the steps; 确认裁量 with a fine below the band asks for the departure reason; the leader (陈志明) approves
// the legal review; the enforcer decides (numbered) within the 15-minute mark and downloads the 行政处罚决定书 as Word and
// PDF, whose text names the subject and the decision number. On the phone: the officer's list and case, and a case
// opened on patrol where the officer stands, its band confirmed. A joint inspection of two departments, and the figures.
// The server's fake clock and the browser's move together. Screenshots in test-artifacts/enforcement-*.png.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP, PHONE, expectNoEnglish, launchChromium, signInAs, WEB_DIST } from '../support/browser.ts';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';

const ARTIFACTS = 'test-artifacts';
const NOW = new Date('2026-12-03T10:00:00+08:00');
// numbers people read aloud (the enforcement case's ZF…) and the Word format of the decision's download, as PDF is
const LATIN = ['ZF', 'Word'];

let t: TestApp;
let browser: Browser;
let base: string;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
const tokens: Record<string, string> = {};
let loopCase: { id: string; number: string };
let enfId = '';
let decisionNumber = '';

const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}/enforcement-${name}.png`, fullPage: true });
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });
const call = (method: 'GET' | 'POST', url: string, who: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(tokens[who]!), ...(payload ? { payload } : {}) });

async function signIn(username: string, device = DESKTOP) {
  await context?.close();
  context = await browser.newContext({ ...device, acceptDownloads: true });
  await context.clock.setFixedTime(t.clock.now);
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await signInAs(page, base, username);
}

/** Minutes pass on the server and in the browser alike. */
async function minutes(n: number) {
  t.clock.advance(n * 60_000);
  await context.clock.setFixedTime(t.clock.now);
}

const casePage = () => page.getByTestId('enf-case-page');

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await createTestApp({ webDist: WEB_DIST });
  t.clock.set(NOW);
  for (const u of ['gridworker', 'dispatcher', 'enforcer', 'leader']) tokens[u] = await t.login(u);
  const here = await gridCentre(t.db, DEMO_GRID);
  const reported = await t.app.inject({
    method: 'POST', url: '/api/cases', headers: { ...bearer(tokens.gridworker!), 'idempotency-key': 'enf-journey-report' },
    payload: { categoryCode: 'E0401', description: '春晖路88号水果店超出门窗外墙摆摊经营，占用人行道', location: here, address: '春晖路88号门前' },
  });
  expect(reported.statusCode, reported.body).toBe(201);
  loopCase = { id: reported.json().id, number: reported.json().number };
  const post = (await t.db.query<{ id: string }>(
    `select p.id from posts p join cases c on c.town_id = p.town_id where c.id = $1 and p.code = 'PA-ZHZF'`, [loopCase.id])).rows[0]!;
  t.clock.advance(2 * 60_000);
  const sent = await call('POST', `/api/cases/${loopCase.id}/actions/accept_dispatch`, 'dispatcher', { assignee: { postId: post.id } });
  expect(sent.statusCode, sent.body).toBe(200);
  t.clock.advance(5 * 60_000);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 120_000);

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await page?.screenshot({ path: `${ARTIFACTS}/enforcement-failed-${ctx.task.name.slice(0, 24).replace(/[^\p{L}\p{N}]+/gu, '-')}.png` }).catch(() => undefined);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await t?.close();
});

describe('an 占道经营 case from the loop to a decision', () => {
  it('the enforcer finds the case in 我的待办 and takes 立案执法 from its drawer', async () => {
    await signIn('enforcer');
    await page.goto(`${base}/cases/inbox`);
    await page.locator(`[data-testid="inbox-row"][data-number="${loopCase.number}"]`).click();
    await page.getByTestId('case-drawer').waitFor();
    const open = page.getByTestId('loop-enforcement-open');
    await open.waitFor();
    await shot('1-loop-case');
    await open.click();
    await page.getByTestId('enf-new-page').waitFor();
    expect(await page.getByTestId('enf-from-case').innerText()).toContain(loopCase.number);
  });

  it('the facts form names what is missing, then shows the band the facts fall in as they change', async () => {
    // the one matter that enforces 占道经营 is chosen; its facts are asked
    await poll(() => page.getByTestId('enf-fact').count()).toBe(4);
    const band = page.getByTestId('enf-band-preview');
    expect(await band.innerText()).toContain('还需填写：占道面积、首次被查处、当场改正');
    await page.getByTestId('fact-areaSqm').locator('input').fill('2');
    await poll(() => band.getAttribute('data-ok')).toBe('false');
    await page.getByTestId('fact-firstOffence').getByText('否').click();
    await page.getByTestId('fact-correctedAtOnce').getByText('是').click();
    // 2 m², not the first time: 从轻 (a warning or 50–100 yuan)
    await poll(() => band.getAttribute('data-benchmark')).toBe('light');
    // measured again: 6 m² → 从重 (200–500 yuan)
    await page.getByTestId('fact-areaSqm').locator('input').fill('6');
    await poll(() => band.getAttribute('data-benchmark')).toBe('heavy');
    expect(await page.getByTestId('enf-band-penalty').innerText()).toBe('罚款 200–500 元');
    // first offence, corrected at once → 不予处罚
    await page.getByTestId('fact-firstOffence').getByText('是').click();
    await poll(() => band.getAttribute('data-benchmark')).toBe('none');
    await page.getByTestId('fact-firstOffence').getByText('否').click();
    await poll(() => band.getAttribute('data-benchmark')).toBe('heavy');
    await page.getByTestId('enf-subject-name').fill('刘德明');
    await page.getByTestId('enf-subject-id').fill('500103198705061233');
    await page.getByTestId('enf-subject-phone').fill('13912345678');
    await page.getByTestId('enf-subject-address').fill('春晖路88号');
    await expectNoEnglish(page, LATIN);
    await shot('2-new-case');
    await minutes(3);
    await page.getByTestId('enf-submit').click();
    await casePage().waitFor();
    enfId = (await casePage().getAttribute('data-id'))!;
    expect(await casePage().getAttribute('data-status')).toBe('investigating');
    expect(await page.getByTestId('enf-proposed').innerText()).toContain('从重');
    // the subject is masked for reading
    expect(await page.getByTestId('enf-subject-name').innerText()).toMatch(/^刘\*+$/);
    const row = (await t.db.query<{ case_id: string; matter_code: string }>('select case_id, matter_code from enforcement_cases where id = $1', [enfId])).rows[0]!;
    expect(row).toEqual({ case_id: loopCase.id, matter_code: 'ZF-SR-001' });
    await expectNoEnglish(page, LATIN);
    await shot('3-case-opened');
  });

  it('confirming a fine below the band asks for the departure reason, and the case waits for legal review', async () => {
    await minutes(2);
    await page.getByTestId('enf-action-confirm-band').click();
    const dialog = page.getByTestId('confirm-band-dialog');
    await dialog.waitFor();
    await page.getByTestId('confirm-fine').locator('input').fill('150');
    await page.getByTestId('confirm-departs').waitFor();
    expect(await page.getByTestId('confirm-departs').innerText()).toContain('罚款150元低于建议幅度');
    await page.getByTestId('confirm-band-ok').click();
    // no reason: the dialog stays, nothing sent
    await page.waitForTimeout(300);
    expect(await casePage().getAttribute('data-status')).toBe('investigating');
    await page.getByTestId('confirm-reason').fill('当事人系低保户，经济困难，当场收回摊位');
    await expectNoEnglish(page, LATIN);
    await shot('4-confirm-band');
    await page.getByTestId('confirm-band-ok').click();
    await poll(() => casePage().getAttribute('data-status')).toBe('awaitingReview');
    const confirmed = await page.getByTestId('enf-confirmed').innerText();
    expect(confirmed).toContain('罚款 150 元');
    expect(confirmed).toContain('当事人系低保户');
    // the officer cannot review their own case
    expect(await page.getByTestId('enf-action-review').count()).toBe(0);
  });

  it('the leader approves the legal review', async () => {
    await minutes(3);
    await signIn('leader');
    await page.goto(`${base}/enforcement/cases/${enfId}`);
    await casePage().waitFor();
    await page.getByTestId('enf-action-review').click();
    await page.getByTestId('review-dialog').waitFor();
    await page.getByTestId('review-opinion').fill('事实清楚，证据充分，偏离理由成立，同意');
    await expectNoEnglish(page, LATIN);
    await shot('5-review');
    await page.getByTestId('review-ok').click();
    await poll(() => casePage().getAttribute('data-status')).toBe('reviewed');
    expect(await page.getByTestId('enf-review').innerText()).toContain('陈志明');
  });

  it('the enforcer decides within the 15-minute mark and downloads the decision as Word and PDF', async () => {
    await minutes(2);
    await signIn('enforcer');
    await page.goto(`${base}/enforcement/cases/${enfId}`);
    await casePage().waitFor();
    await page.getByTestId('enf-action-decide').click();
    await page.getByTestId('decide-dialog').waitFor();
    await page.getByTestId('decide-ok').click();
    await poll(() => casePage().getAttribute('data-status')).toBe('decided');
    decisionNumber = (await page.getByTestId('enf-decision').locator('strong').innerText()).trim();
    expect(decisionNumber).toMatch(/^春晖综执罚决字〔2026〕第\d+号$/);
    // opened at 10:10, band confirmed 10:12, reviewed 10:15, decided 10:17
    const clock = page.getByTestId('enf-clock');
    expect(await clock.getAttribute('data-minutes')).toBe('7');
    expect(await clock.getAttribute('data-within')).toBe('true');
    const steps = await page.getByTestId('enf-step').evaluateAll((xs) => xs.map((x) => x.getAttribute('data-action')));
    expect(steps).toEqual(['opened', 'confirm-band', 'review', 'decide']);
    await expectNoEnglish(page, LATIN);
    await shot('6-decided');

    for (const format of ['docx', 'pdf'] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`enf-decision-${format}`).click()]);
      const file = `${ARTIFACTS}/enforcement-decision.${format}`;
      await download.saveAs(file);
      expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${format}$`));
      const text = format === 'pdf'
        ? execFileSync('pdftotext', ['-layout', file, '-']).toString()
        : execFileSync('unzip', ['-p', file, 'word/document.xml']).toString().replace(/<[^>]+>/g, '');
      expect(text).toContain('行政处罚决定书');
      expect(text).toContain('刘德明');
      expect(text.replace(/\s+/g, '')).toContain(decisionNumber);
      expect(readFileSync(file).length).toBeGreaterThan(1000);
    }
  });

  it('the loop case links to its enforcement case; the officer\'s phone lists it', async () => {
    await page.goto(`${base}/cases/inbox`);
    await page.locator(`[data-testid="inbox-row"][data-number="${loopCase.number}"]`).click();
    await page.getByTestId('loop-enforcement-link').waitFor();
    expect(await page.getByTestId('loop-enforcement').innerText()).toContain('已作出决定');
    await page.goto(`${base}/enforcement/cases`);
    await page.getByTestId('enf-case-row').first().waitFor();
    expect(await page.getByTestId('enf-case-table').innerText()).toContain('临街门店超出门窗外墙经营');
    await expectNoEnglish(page, LATIN);
    await shot('7-list');
    await page.goto(`${base}/enforcement/matters`);
    await page.getByTestId('matter-link').first().waitFor();
    await page.getByTestId('matter-benchmarks').first().click();
    await page.getByTestId('benchmark-table').waitFor();
    await expectNoEnglish(page, LATIN);
    await shot('8-matters');

    await signIn('enforcer', PHONE);
    await page.goto(`${base}/m/enforcement`);
    await page.getByTestId('menf-case').first().click();
    await page.getByTestId('menf-case-page').waitFor();
    expect(await page.getByTestId('menf-number').innerText()).toMatch(/^ZF/);
    await expectNoEnglish(page, LATIN);
    await shot('9-phone');
  });

  it('on patrol, the officer opens a case on the phone where they stand, sees the band follow the facts and confirms it', async () => {
    const here = await gridCentre(t.db, DEMO_GRID);
    await context?.close();
    context = await browser.newContext({ ...PHONE, geolocation: { longitude: here.lng, latitude: here.lat, accuracy: 10 }, permissions: ['geolocation'] });
    await context.clock.setFixedTime(t.clock.now);
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signInAs(page, base, 'enforcer');
    await page.goto(`${base}/m/enforcement`);
    await page.getByTestId('menf-patrol').click();
    await page.getByTestId('menf-open').waitFor();
    await poll(() => page.getByTestId('menf-place').innerText()).toContain('已定位');
    await page.getByTestId('menf-matter').getByText('临街门店超出门窗外墙经营（占道经营）').click();
    await poll(() => page.getByTestId('menf-fact').count()).toBe(4);
    const band = page.getByTestId('menf-band');
    await page.getByTestId('mfact-areaSqm').locator('input').fill('2');
    const fact = (key: string) => page.locator(`[data-testid="menf-fact"][data-key="${key}"]`);
    await fact('firstOffence').getByText('否').click();
    await fact('correctedAtOnce').getByText('否').click();
    await poll(() => band.getAttribute('data-benchmark')).toBe('light');
    await page.getByTestId('menf-subject').locator('input').fill('王小军');
    await page.getByTestId('menf-description').locator('textarea').fill('流动摊贩在春晖路人行道摆摊卖菜约2平方米，劝导后仍未收摊');
    await expectNoEnglish(page, LATIN);
    await shot('12-phone-open');
    await page.getByTestId('menf-submit').click();
    await page.getByTestId('menf-case-page').waitFor();
    expect(await page.getByTestId('menf-proposed').innerText()).toContain('从轻');
    await page.getByTestId('menf-confirm').click();
    await page.getByTestId('menf-confirmed').waitFor();
    expect(await page.getByTestId('menf-confirmed').innerText()).toContain('从轻');
    await expectNoEnglish(page, LATIN);
    await shot('13-phone-confirmed');
  });

  it('a joint inspection answers two departments\' checklists in one visit; the figures count the case and the visit saved', async () => {
    const lists = (await call('GET', '/api/enforcement/checklists', 'enforcer')).json() as { items: { id: string; department: string }[] };
    const two = [lists.items[0]!, lists.items.find((c) => c.department !== lists.items[0]!.department)!];
    const here = await gridCentre(t.db, DEMO_GRID);
    const planned = await t.app.inject({
      method: 'POST', url: '/api/enforcement/inspections', headers: { ...bearer(tokens.enforcer!), 'idempotency-key': 'enf-journey-inspection' },
      payload: { subjectName: '春晖路好再来餐馆', address: '春晖路102号', location: here, plannedOn: '2026-12-03', checklistIds: two.map((c) => c.id) },
    });
    expect(planned.statusCode, planned.body).toBe(201);
    await signIn('enforcer');
    await page.goto(`${base}/enforcement/inspections/${planned.json().id}`);
    await page.getByTestId('enf-inspection-page').waitFor();
    const answers = page.getByTestId('inspection-answer');
    for (let i = 0; i < await answers.count(); i++) await answers.nth(i).getByText('合格').click();
    await expectNoEnglish(page, LATIN);
    await page.getByTestId('inspection-submit').click();
    await poll(() => page.getByTestId('enf-inspection-page').getAttribute('data-status')).toBe('done');
    expect(await page.getByTestId('inspection-saved-visits').innerText()).toContain('减少上门 1 次');
    await shot('10-inspection');
    await page.goto(`${base}/enforcement/stats`);
    await page.getByTestId('enf-stats-total').waitFor();
    expect(await page.getByTestId('enf-stats-total').innerText()).toContain('2');
    await expectNoEnglish(page, LATIN);
    await shot('11-stats');
    expect(pageErrors).toEqual([]);
  });
});
