// Browser journey of 工作日历: on 1 December the admin's header warns that next year's holidays are missing; the
// admin opens the page from it, enters 2027 (a holiday, a swapped working day, the notice's title), saves and
// finds the days kept after a reload; a refusal of the API is listed by date; a leader reads the calendar only.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, DESKTOP, WEB_DIST, expectNoEnglish } from '../support/browser.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const ARTIFACTS = 'test-artifacts';
const SOURCE = '国务院办公厅关于2027年部分节假日安排的通知';

let t: TestApp;
let browser: Browser;
let base: string;
const pageErrors: string[] = [];
const consoleProblems: string[] = [];

async function openPage(): Promise<Page> {
  const page = await (await browser.newContext(DESKTOP)).newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') consoleProblems.push(m.text().slice(0, 300)); });
  return page;
}

async function signIn(page: Page, username: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('demo1234');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

const day = (page: Page, date: string) => page.getByTestId(`day-${date}`);
const stateOf = (page: Page, date: string) => day(page, date).getAttribute('data-state');
const shot = (page: Page, name: string) => page.screenshot({ path: `${ARTIFACTS}/calendar-${name}.png`, fullPage: true });

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await createTestApp({ webDist: WEB_DIST });
  t.clock.set(new Date('2026-12-01T09:00:00+08:00'));
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  if (consoleProblems.length) console.warn(`browser console:\n${[...new Set(consoleProblems)].join('\n')}`);
  await browser?.close();
  await t?.close();
});

describe('工作日历', () => {
  let page: Page;

  it('warns the admin in the header that 2027 is missing and opens this year from it', async () => {
    page = await openPage();
    await signIn(page, 'admin');
    const warning = page.getByTestId('calendar-missing');
    await warning.waitFor();
    expect(await warning.innerText()).toContain('2027 年节假日未录入');
    await warning.click();
    await page.waitForURL('**/calendar');
    await page.getByTestId('calendar-page').waitFor();
    expect(await page.getByTestId('calendar-year').innerText()).toBe('2026 年');
    // 2026 comes with the platform: 元旦 off, Sunday 4 January worked
    expect(await stateOf(page, '2026-01-01')).toBe('holiday');
    expect(await stateOf(page, '2026-01-04')).toBe('workday');
    expect(await stateOf(page, '2026-01-10')).toBe('weekend');
    expect(await stateOf(page, '2026-01-12')).toBe('normal');
    expect(await page.getByTestId('calendar-missing-alert').count()).toBe(0);
    expect(await page.getByTestId('side-menu').getByText('工作日历').count()).toBe(1);
    await expectNoEnglish(page);
    await shot(page, '01-2026');
  });

  it('enters 2027: a holiday, a swapped working day and the notice, saved and kept after a reload', async () => {
    await page.getByTestId('calendar-enter-next').click();
    await expect.poll(() => page.getByTestId('calendar-year').innerText()).toBe('2027 年');
    const alert = page.getByTestId('calendar-missing-alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('2027 年节假日安排尚未录入');
    expect(await page.getByTestId('calendar-save').isDisabled()).toBe(true);

    await day(page, '2027-01-01').click(); // a Friday: 休
    await day(page, '2027-01-02').click(); // a Saturday: 班
    expect(await stateOf(page, '2027-01-01')).toBe('holiday');
    expect(await stateOf(page, '2027-01-02')).toBe('workday');
    expect(await day(page, '2027-01-01').innerText()).toContain('休');
    expect(await day(page, '2027-01-02').innerText()).toContain('班');
    await day(page, '2027-01-04').click(); // a Monday, toggled twice: back to normal
    await day(page, '2027-01-04').click();
    expect(await stateOf(page, '2027-01-04')).toBe('normal');
    expect(await page.getByTestId('calendar-holiday-count').innerText()).toBe('1 天假日');
    expect(await page.getByTestId('calendar-workday-count').innerText()).toBe('1 天调休上班');

    // the notice's title is asked for before sending
    await page.getByTestId('calendar-save').click();
    await page.getByText('请填写通知标题').waitFor();
    await page.getByTestId('calendar-source').fill(SOURCE);
    await expectNoEnglish(page);
    await shot(page, '02-2027-editing');
    await page.getByTestId('calendar-save').click();
    await page.getByText('已保存 2027 年工作日历').waitFor();
    await expect.poll(() => alert.count()).toBe(0);
    await expect.poll(() => page.getByTestId('calendar-missing').count()).toBe(0); // the header's warning goes too
    expect(await page.getByTestId('calendar-save').isDisabled()).toBe(true);

    await page.reload();
    await page.getByTestId('calendar-next').click();
    await expect.poll(() => page.getByTestId('calendar-year').innerText()).toBe('2027 年');
    await expect.poll(() => stateOf(page, '2027-01-01')).toBe('holiday');
    expect(await stateOf(page, '2027-01-02')).toBe('workday');
    expect(await page.getByTestId('calendar-source').inputValue()).toBe(SOURCE);
    expect(await page.getByTestId('calendar-updated').innerText()).toContain('由 ');
    await page.waitForTimeout(300);
    await expectNoEnglish(page);
    await shot(page, '03-2027-saved');
  });

  it('lists the API\'s refusal by date', async () => {
    // the page cannot mark a weekday as 班; a request rewritten on its way shows how the API's refusal reads
    await page.route('**/api/working-calendar/2027', async (route) => {
      if (route.request().method() !== 'PUT') return route.continue();
      const body = route.request().postDataJSON() as { workdays: string[] };
      await route.continue({ postData: JSON.stringify({ ...body, workdays: [...body.workdays, '2027-01-04'] }) });
    });
    await day(page, '2027-01-03').click(); // Sunday: 班
    await page.getByTestId('calendar-save').click();
    const problems = page.getByTestId('calendar-problems');
    await problems.waitFor();
    const text = await problems.innerText();
    expect(text).toContain('2027年1月4日（周一）');
    expect(text).toContain('只有周六、周日才能设为调休上班');
    expect(await day(page, '2027-01-04').getAttribute('class')).toContain('is-flagged'); // the refused day is outlined
    await page.waitForTimeout(300);
    await expectNoEnglish(page);
    await shot(page, '04-refused');
    await page.unroute('**/api/working-calendar/2027');
    // leaving with unsaved days asks first
    await page.getByTestId('side-menu').getByText('事项清单', { exact: true }).click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.getByText('离开本页将放弃这些修改').waitFor();
    await confirm.getByRole('button', { name: /取\s*消/ }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe('/calendar');
    await page.getByTestId('calendar-discard').click();
    expect(await stateOf(page, '2027-01-03')).toBe('weekend');
    expect(await page.getByTestId('calendar-save').isDisabled()).toBe(true);
  });

  it('shows a leader the calendar read-only', async () => {
    const leader = await openPage();
    await signIn(leader, 'leader');
    await leader.getByTestId('side-menu').getByText('工作日历').click();
    await leader.waitForURL('**/calendar');
    await leader.getByTestId('calendar-page').waitFor();
    expect(await leader.getByTestId('calendar-missing').count()).toBe(0);
    await leader.getByTestId('calendar-next').click();
    await expect.poll(() => stateOf(leader, '2027-01-01')).toBe('holiday');
    expect(await day(leader, '2027-01-01').isDisabled()).toBe(true);
    expect(await leader.getByTestId('calendar-save').count()).toBe(0);
    expect(await leader.getByTestId('calendar-source').count()).toBe(0);
    expect(await leader.getByTestId('calendar-source-text').innerText()).toBe(SOURCE);
    expect(await leader.getByText('仅系统管理员可以修改工作日历').count()).toBe(1);
    await leader.waitForTimeout(300);
    await expectNoEnglish(leader);
    await shot(leader, '05-leader');
    // and in English
    await leader.getByTestId('language-switch').getByText('English').click();
    await leader.getByText('Only administrators can change the working calendar').waitFor();
    expect(await leader.getByTestId('calendar-holiday-count').innerText()).toBe('Holidays: 1');
    await leader.waitForTimeout(300);
    await shot(leader, '06-leader-en');
    expect(pageErrors).toEqual([]);
  });
});
