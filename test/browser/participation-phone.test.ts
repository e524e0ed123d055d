// Browser journey of the resident's phone pages of 共建共治 (issue 16) at 390×844: the demo resident 周淑芬 (in the
// registry by her account's phone) opens the 共建共治 tiles of her phone home, supports a neighbour's proposal in 议事厅,
// joins the open 云坝会 of 春晖社区评议会 and votes on its motion (the rules said in plain words, the loosening notice, a
// confirmation that a vote cannot be changed), then redeems rice in 积分超市 and sees the pickup code and her balance go
// down. Large type and voice input (a stand-in for the browser's speech recognition) are tried on the way, and every
// resident page passes axe-core (no serious or critical violations) and shows no English. The data is made through the
// API and the server's own commands first, as community staff would.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { expectNoEnglish, launchChromium, PHONE, signInAs, WEB_DIST } from '../support/browser.ts';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID } from '../support/places.ts';
import { registerDemoResident, type RegisteredHousehold } from '../support/participation.ts';
import { createProposalIn } from '../../src/server/participation/proposals.ts';

const ARTIFACTS = 'test-artifacts';

/** A stand-in for the phone's speech recognition (as a script: the page runs it as it is): it hears one sentence when started. */
const FAKE_SPEECH = `
  function FakeRecognition() { this.lang = ''; this.continuous = false; this.interimResults = false; this.onresult = null; this.onerror = null; this.onend = null; }
  FakeRecognition.prototype.start = function () {
    var self = this;
    setTimeout(function () {
      var res = [{ transcript: '晚上路灯不亮，老人出门容易摔跤' }];
      res.isFinal = true;
      if (self.onresult) self.onresult({ resultIndex: 0, results: [res] });
      if (self.onend) self.onend();
    }, 300);
  };
  FakeRecognition.prototype.stop = function () { if (this.onend) this.onend(); };
  FakeRecognition.prototype.abort = function () {};
  window.webkitSpeechRecognition = FakeRecognition;
  window.SpeechRecognition = FakeRecognition;
`;

let t: TestApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let base: string;
let staff: string;
let reg: RegisteredHousehold;
const pageErrors: string[] = [];
const ids = { community: '', gridCouncil: '', communityCouncil: '', proposal: '', meeting: '', motion: '', rice: '' };

async function call<T>(method: 'POST' | 'PUT', url: string, payload: object, token = staff): Promise<T> {
  const res = await t.app.inject({ method, url, headers: bearer(token), payload });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json() as T;
}

/** Waits until no antd-mobile popup, dialog or toast is on the screen (they fade; a screenshot then shows the page). */
async function settled() {
  for (const sel of ['.adm-toast-main', '.adm-center-popup-wrap', '.adm-popup-body']) {
    await page.locator(sel).first().waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
  }
}

async function shot(name: string, fullPage = false) {
  if (!fullPage) { await page.screenshot({ path: `${ARTIFACTS}/participation-phone-${name}.png` }); return; }
  await page.evaluate(() => window.scrollTo(0, 0));
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: PHONE.viewport.width, height: Math.min(Math.max(height, PHONE.viewport.height), 4000) });
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${ARTIFACTS}/participation-phone-${name}.png` });
  await page.setViewportSize(PHONE.viewport);
}

/** axe-core on the page as it stands: no serious or critical violation of WCAG 2.1 A/AA. */
async function expectAccessible(where: string, o: { exclude?: string[] } = {}) {
  let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  for (const x of o.exclude ?? []) axe = axe.exclude(x);
  const result = await axe.analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const described = bad.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join('\n    ')}`);
  expect(described, `axe on ${where}`).toEqual([]);
}

async function check(where: string, o: { exclude?: string[] } = {}) {
  await expectAccessible(where, o);
  await expectNoEnglish(page);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await createTestApp({ webDist: WEB_DIST });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  staff = await t.login('community');
  reg = await registerDemoResident(t);
  ids.community = (await t.db.query<{ parent_id: string }>('select parent_id from org_units where code = $1', [DEMO_GRID])).rows[0]!.parent_id;
  const c = await t.db.query<{ id: string; level: string }>(
    `select c.id, c.level from councils c join org_units g on g.code = $1 where c.org_unit_id = g.id or c.org_unit_id = g.parent_id`, [DEMO_GRID]);
  ids.gridCouncil = c.rows.find((r) => r.level === 'grid')!.id;
  ids.communityCouncil = c.rows.find((r) => r.level === 'community')!.id;

  // a neighbour's proposal at the grid's council, gathering support
  ids.proposal = (await t.db.transaction((tx) => createProposalIn(tx, {
    councilId: ids.gridCouncil, title: '春晖苑加装电梯', body: '3 栋住着不少老人，上下楼很吃力，提议加装电梯，费用按楼层分摊。',
    proposerAccountId: null, proposerName: '王秀英', who: { accountId: null, name: null, ip: null, at: t.clock.now },
  }))).id;

  // the open 云坝会 of 春晖社区评议会 with a motion open to accounts of the area (a confirmed loosening)
  const inHours = (h: number) => new Date(t.clock.now.getTime() + h * 3_600_000).toISOString();
  ids.meeting = (await call<{ id: string }>('POST', '/api/meetings', {
    councilId: ids.communityCouncil, kind: 'online', title: '云坝会：加装电梯费用分摊', hostName: '社区书记',
    startsAt: t.clock.now.toISOString(), endsAt: inHours(48), proposalIds: [],
  })).id;
  await call('POST', `/api/meetings/${ids.meeting}/actions/open`, {});
  const withMotion = await call<{ motions: { id: string }[] }>('POST', `/api/meetings/${ids.meeting}/motions`, {
    title: '同意按楼层分摊加装电梯费用', closesAt: inHours(47),
    rules: { unit: 'household', electorate: 'anyone', quorum: { kind: 'share', value: 0.5 }, passShare: 0.5, secret: true },
    loosening: { confirmed: true, reason: '不少业主在外务工，未在本社区登记，也应参与表决' },
  });
  ids.motion = withMotion.motions.at(-1)!.id;

  // 春晖社区's points rules, published; 120 points for the household; rice and oil on the supermarket's shelf
  await call('PUT', `/api/points/rules?orgUnitId=${ids.community}`, {
    version: 0, rules: [
      { code: 'B01', name: '门前三包、院落整洁', kind: 'base', points: 10, subjectKind: 'household', capPoints: 10, capPeriod: 'month' },
      { code: 'J01', name: '参加社区议事', kind: 'bonus', points: 5, subjectKind: 'person', autoEvent: 'meetingAttended', capPoints: 20, capPeriod: 'month' },
      { code: 'J02', name: '志愿服务每小时', kind: 'bonus', points: 2, subjectKind: 'person', autoEvent: 'volunteerHour' },
      { code: 'J03', name: '见义勇为', kind: 'bonus', points: 100, subjectKind: 'household' },
      { code: 'K01', name: '乱扔垃圾', kind: 'minus', points: 5, subjectKind: 'household' },
      { code: 'V01', name: '违章搭建', kind: 'veto', points: 0, subjectKind: 'household', vetoMonths: 6 },
    ],
  });
  await call('POST', `/api/points/rules/publish?orgUnitId=${ids.community}`, {});
  await call('POST', '/api/points/awards', { subject: { householdId: reg.householdId }, ruleCode: 'J03', eventRef: '2026-11 楼道救火', note: '扑灭楼道电动车起火' });
  await call('POST', '/api/points/awards', { subject: { householdId: reg.householdId }, ruleCode: 'B01', eventRef: '2026-10' });
  ids.rice = (await call<{ id: string }>('POST', '/api/points/goods', { orgUnitId: ids.community, name: '东北大米 5 公斤', description: '新米', pricePoints: 50, stock: 12 })).id;
  await call('POST', '/api/points/goods', { orgUnitId: ids.community, name: '花生油 1.8 升', pricePoints: 80, stock: 6 });
  await call('POST', '/api/points/goods', { orgUnitId: ids.community, name: '洗衣皂', pricePoints: 10, stock: 0 });

  // a volunteer team and an activity and a talk open for sign-up
  const team = await call<{ id: string }>('POST', '/api/volunteers/teams', { orgUnitId: ids.community, colour: 'green', leaderName: '李梅' });
  await call('POST', '/api/volunteers/activities', {
    orgUnitId: ids.community, kind: 'activity', title: '春晖苑义诊量血压', place: '春晖社区卫生站', startsAt: inHours(26), endsAt: inHours(29), capacity: 20, teamId: team.id,
  });
  await call('POST', '/api/volunteers/activities', {
    orgUnitId: ids.community, kind: 'lecture', title: '微讲堂：防范电信诈骗', speaker: '派出所张警官', place: '社区活动室', startsAt: inHours(50), endsAt: inHours(52), capacity: 40,
  });

  browser = await launchChromium();
  context = await browser.newContext(PHONE);
  // a stand-in for the phone's speech recognition: it hears one sentence when started
  await context.addInitScript({ content: FAKE_SPEECH });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the resident on her phone', () => {
  it('sees the 共建共治 tiles on her phone home, and large type makes the page larger', async () => {
    await signInAs(page, base, 'resident');
    await page.goto(`${base}/m`);
    await page.getByTestId('home-participation').waitFor();
    for (const tile of ['home-say', 'home-proposals', 'home-meetings', 'home-ideas', 'home-points', 'home-shop', 'home-volunteers', 'home-help']) {
      await expect(page.getByTestId(tile).isVisible(), tile).resolves.toBe(true);
    }
    await page.getByTestId('home-participation').scrollIntoViewIfNeeded();
    await shot('home', true);
    // antd-mobile's NavBar gives its left slot role=button even with no back button in it (the home has none)
    const home = { exclude: ['[data-testid="mobile-home"] > .adm-nav-bar > .adm-nav-bar-left'] };
    await check('the phone home', home);
    const before = await page.getByTestId('home-proposals').boundingBox();
    await page.getByTestId('large-type').click();
    await expect(page.evaluate(() => document.documentElement.classList.contains('zz-large'))).resolves.toBe(true);
    await settled();
    const after = await page.getByTestId('home-proposals').boundingBox();
    expect(after!.height).toBeGreaterThan(before!.height * 1.15);
    await page.getByTestId('home-participation').scrollIntoViewIfNeeded();
    await shot('home-large');
    await check('the phone home in large type', home);
  });

  it('supports a neighbour\'s proposal in 议事厅 (large type kept) and leaves a comment', async () => {
    await page.getByTestId('home-proposals').click();
    await page.getByTestId('m-proposals').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('zhizhi.largeType'))).toBe('on');
    await page.locator(`[data-testid="m-proposal-row"][data-id="${ids.proposal}"]`).waitFor();
    await check('议事厅');
    await shot('proposals');
    await page.locator(`[data-testid="m-proposal-row"][data-id="${ids.proposal}"] button`).click();
    await page.getByTestId('m-support').click();
    await page.getByTestId('m-supported').waitFor();
    await expect(page.getByTestId('m-support-count').textContent()).resolves.toContain('1 人支持');
    await page.locator('#pm-comment-body').fill('支持！我家在 6 楼，每天买菜上楼太难了。');
    await page.getByTestId('m-comment-send').click();
    await page.getByTestId('m-comment').first().waitFor();
    await settled();
    await shot('proposal', true);
    await check('a proposal');
    const supports = await t.db.query('select 1 from proposal_supports where proposal_id = $1', [ids.proposal]);
    expect(supports.rowCount).toBe(1);
  });

  it('votes in the open 云坝会: the rules in plain words, the loosening notice, a confirmation, then counted', async () => {
    await page.goto(`${base}/m/meetings`);
    await page.locator(`[data-testid="m-meeting-row"][data-id="${ids.meeting}"]`).waitFor();
    await check('议事活动');
    await page.getByTestId('large-type-button').click(); // back to standard type
    await shot('meetings');
    await page.locator(`[data-testid="m-meeting-row"][data-id="${ids.meeting}"] button`).click();
    const motion = page.locator(`[data-testid="m-motion"][data-id="${ids.motion}"]`);
    await motion.waitFor();
    await expect(motion.getByTestId('m-rules').textContent()).resolves.toContain('每户一票');
    await expect(motion.getByTestId('m-rules').textContent()).resolves.toContain('不记名投票');
    await expect(motion.getByTestId('m-loosened').isVisible()).resolves.toBe(true);
    await check('the 云坝会');
    await shot('meeting', true);
    await page.getByTestId('m-join').click();
    await page.getByTestId('m-attended').waitFor();
    await settled();
    await motion.getByTestId('m-choice-for').click();
    await motion.getByTestId('m-vote').click();
    const dialog = page.locator('.adm-center-popup-wrap').filter({ hasText: '投票后不能更改' });
    await dialog.waitFor();
    await shot('vote-confirm');
    await check('the vote confirmation');
    await dialog.getByRole('button', { name: '确认投票' }).click();
    await motion.getByTestId('m-voted').waitFor();
    await expect(motion.getByTestId('m-voted').textContent()).resolves.toContain('不记名');
    await settled();
    await shot('voted', true);
    await check('the 云坝会 after the vote');
    const voters = await t.db.query('select 1 from motion_voters where motion_id = $1', [ids.motion]);
    expect(voters.rowCount).toBe(1);
  });

  it('sees her household\'s points with reasons, the self-check and the rules', async () => {
    await page.goto(`${base}/m/points`);
    await page.getByTestId('m-points-balance').waitFor();
    await expect(page.getByTestId('m-points-value').textContent()).resolves.toBe('110');
    await page.getByTestId('m-points-entry').first().waitFor();
    await page.getByTestId('m-points-rules').waitFor();
    await check('我的积分');
    await shot('points', true);
  });

  it('redeems rice in 积分超市: a pickup code, and the balance goes down by its price', async () => {
    await page.getByTestId('m-points-shop').click();
    const rice = page.locator(`[data-testid="m-goods"][data-id="${ids.rice}"]`);
    await rice.waitFor();
    await check('积分超市');
    await shot('shop', true);
    await rice.getByTestId('m-redeem').click();
    const dialog = page.locator('.adm-center-popup-wrap').filter({ hasText: '东北大米' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '增加' }).click();
    await expect(dialog.getByTestId('m-redeem-qty').textContent()).resolves.toBe('2');
    await shot('redeem-confirm');
    await check('the redemption confirmation');
    await dialog.getByRole('button', { name: '确认兑换' }).click();
    await page.getByTestId('m-pickup-code').waitFor();
    expect(await page.getByTestId('m-pickup-code').textContent()).toMatch(/^\d{6}$/);
    await expect(page.getByTestId('m-shop-balance').textContent()).resolves.toBe('10');
    await page.locator('[data-testid="m-redemption"][data-status="reserved"]').waitFor();
    await settled();
    await shot('redeemed', true);
    await check('积分超市 after redeeming');
  });

  it('tells the community about something by voice in 我有事说', async () => {
    await page.goto(`${base}/m/say`);
    await page.getByTestId('m-say').waitFor();
    await page.locator('#pm-say-title').fill('小区路灯坏了');
    await page.getByTestId('m-say-body').getByTestId('voice-input').click();
    await expect(page.locator('#pm-say-body')).toBeDefined();
    await page.waitForFunction(() => (document.querySelector('#pm-say-body') as HTMLTextAreaElement | null)?.value.includes('路灯不亮'));
    await check('我有事说');
    await shot('say');
    await page.getByTestId('m-say-send').click();
    await page.getByTestId('m-say-done').waitFor();
    await expect(page.getByTestId('m-say-done').textContent()).resolves.toContain('公事');
    await page.getByTestId('m-matter-row').first().waitFor();
    await check('我有事说 after sending');
    await shot('said', true);
  });

  it('reads 金点子, 志愿服务 and 邻里互助, each accessible and in Chinese', async () => {
    await page.goto(`${base}/m/ideas`);
    await page.getByTestId('m-ideas').waitFor();
    await page.getByTestId('m-idea-new').click();
    await page.locator('#pm-idea-t').fill('在小区门口设共享雨伞');
    await page.locator('#pm-idea-b').fill('下雨天老人出门不方便，可以在门岗放一批共享雨伞，用完归还。');
    await check('the idea form');
    await page.getByTestId('m-idea-send').click();
    await page.locator('[data-testid="m-idea-row"]').first().waitFor();
    await settled();
    await check('金点子');
    await shot('ideas', true);
    await page.getByTestId('m-ideas-tab-top').click();
    await page.getByTestId('m-top-ten').waitFor();
    await check('十佳金点子');

    await page.goto(`${base}/m/volunteers`);
    await page.getByTestId('m-activity').first().waitFor();
    await page.getByTestId('m-sign-up').first().click();
    await page.getByTestId('m-signed-up').first().waitFor();
    await settled();
    await check('志愿服务');
    await shot('volunteers', true);
    await page.getByTestId('m-volunteers-tab-teams').click();
    await page.getByTestId('m-team').first().waitFor();
    await check('志愿队伍');

    await page.goto(`${base}/m/help`);
    await page.getByTestId('m-help').waitFor();
    await page.getByTestId('m-help-ask').click();
    await page.locator('#pm-help-t').fill('帮忙代买降压药');
    await page.locator('#pm-help-b').fill('腿脚不便，想请邻居周六上午帮忙到药店买一盒降压药。');
    await check('the help form');
    await page.getByRole('dialog').getByRole('button', { name: '提交' }).click();
    await page.getByTestId('m-help-row').first().waitFor();
    await settled();
    await check('邻里互助');
    await shot('help', true);
    expect(pageErrors).toEqual([]);
  });

  it('signs in to a meeting by its QR link, once', async () => {
    const checkin = await t.app.inject({ method: 'GET', url: `/api/meetings/${ids.meeting}/checkin`, headers: bearer(staff) });
    expect(checkin.statusCode, checkin.body).toBe(200);
    await page.goto(`${base}${checkin.json().path}`);
    await page.getByTestId('m-checkin').waitFor();
    await page.locator('.adm-result-title').waitFor();
    await check('the sign-in page');
    await shot('checkin');
  });

  it('reads her pages in English when she switches the language (the words are the locales\' own)', async () => {
    await page.goto(`${base}/m`);
    await page.getByTestId('mobile-home').waitFor(); // the session check has answered: leaving now cuts no request
    await page.evaluate(() => localStorage.setItem('zhizhi.lang', 'en'));
    await page.goto(`${base}/m/points/shop`);
    await page.getByTestId('m-shop').waitFor();
    await page.getByRole('heading', { name: 'Points shop' }).waitFor();
    await page.getByRole('button', { name: 'Back' }).waitFor();
    await page.getByText('Points to spend').waitFor();
    await page.getByText('Waiting for pickup').first().waitFor();
    await expectAccessible('积分超市 in English');
    await shot('shop-en');
    await page.goto(`${base}/m/meetings/${ids.meeting}`);
    await page.getByText('The rules, in plain words').waitFor();
    await expectAccessible('the 云坝会 in English');
    await page.evaluate(() => localStorage.setItem('zhizhi.lang', 'zh-CN'));
  });

  it('gives the grid worker the tiles of what he follows with residents: proposals, meetings, ideas, 组互评, help', async () => {
    const gw = await browser.newContext(PHONE);
    const p = await gw.newPage();
    await signInAs(p, base, 'gridworker');
    await p.goto(`${base}/m`);
    await p.getByTestId('home-participation').waitFor();
    for (const tile of ['home-proposals', 'home-meetings', 'home-ideas', 'home-peer-review', 'home-help']) {
      await expect(p.getByTestId(tile).isVisible(), tile).resolves.toBe(true);
    }
    expect(await p.getByTestId('home-say').count()).toBe(0);
    expect(await p.getByTestId('home-shop').count()).toBe(0);
    const result = await new AxeBuilder({ page: p }).include('[data-testid="home-participation"]').withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await p.getByTestId('home-participation').scrollIntoViewIfNeeded();
    await p.screenshot({ path: `${ARTIFACTS}/participation-phone-gridworker-home.png` });
    await gw.close();
  });

  it('has no voice button where the browser offers no speech recognition', async () => {
    const plain = await browser.newContext(PHONE);
    await plain.addInitScript(() => {
      delete (window as unknown as { webkitSpeechRecognition?: unknown }).webkitSpeechRecognition;
      delete (window as unknown as { SpeechRecognition?: unknown }).SpeechRecognition;
    });
    const p = await plain.newPage();
    await signInAs(p, base, 'resident');
    await p.goto(`${base}/m/say`);
    await p.locator('#pm-say-body').waitFor();
    expect(await p.getByTestId('voice-input').count()).toBe(0);
    await plain.close();
  });
});
