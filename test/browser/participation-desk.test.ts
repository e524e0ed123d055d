// Browser journey of 共建共治 for staff (issue 16, desktop, Chinese). The community's staff (赵秀兰, 春晖社区) opens the
// menu group 共建共治; in 议事活动 she sets up a 坝坝议事 of 春晖社区评议会 with an open proposal on its agenda, opens it and
// sees the sign-in QR code; records 周淑芬's attendance (picked from the registry by name); opens a motion that lets
// residents outside the registry vote — refused until she confirms the loosening with a reason, then shown with its
// notice; records 周淑芬's vote on site and sees a second one for her refused (the first stands); closes the vote and
// reads the result table; writes the minutes. In 金点子 she screens a resident's idea and answers it; the dispatcher
// publishes the quarter's top ten. 三事分流, 议事会 and 邻里互助 follow (class a matter 共事 and a private one 家事 with a
// reason, decide and send up a proposal, take and finish a help request). Every page: no English on it, no page errors.
// Screenshots in test-artifacts/participation-desk-*.png.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP, expectNoEnglish, launchChromium, pickOption, signInAs, WEB_DIST } from '../support/browser.ts';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID } from '../support/places.ts';
import { addPerson, idNumberOf, registerDemoResident, type RegisteredHousehold } from '../support/participation.ts';
import { createProposalIn } from '../../src/server/participation/proposals.ts';

const ARTIFACTS = 'test-artifacts';
const NOW = new Date('2026-12-03T10:00:00+08:00');

let t: TestApp;
let browser: Browser;
let base: string;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
let reg: RegisteredHousehold;
let gridCouncil = '';
let communityCouncil = '';
let meetingId = '';
let liftProposal = '';
const gridProposals: Record<'stairs' | 'lamps' | 'playground', string> = { stairs: '', lamps: '', playground: '' };

const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}/participation-desk-${name}.png`, fullPage: true });
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });
/** the dialog now in front (antd keeps closed ones in the page, hidden) */
const dialog = () => page.locator('.ant-modal-wrap:visible .ant-modal').last();
const popconfirmOk = () => page.locator('.ant-popover:visible .ant-popconfirm-buttons .ant-btn-primary').last();

async function open(username: string) {
  await context?.close();
  context = await browser.newContext({ ...DESKTOP });
  await context.clock.setFixedTime(t.clock.now);
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await signInAs(page, base, username);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await createTestApp({ webDist: WEB_DIST });
  t.clock.set(NOW);
  reg = await registerDemoResident(t);
  await addPerson(t, reg.householdId, { name: '欧阳建平', idNumber: idNumberOf('19680312', '215'), relation: 'spouse' });
  const c = await t.db.query<{ id: string; level: string }>(
    `select c.id, c.level from councils c join org_units g on g.code = $1 where c.org_unit_id = g.id or c.org_unit_id = g.parent_id`, [DEMO_GRID]);
  gridCouncil = c.rows.find((r) => r.level === 'grid')!.id;
  communityCouncil = c.rows.find((r) => r.level === 'community')!.id;
  const who = { accountId: null, name: null, ip: null, at: t.clock.now };
  await t.db.transaction(async (tx) => {
    liftProposal = (await createProposalIn(tx, { councilId: communityCouncil, title: '春晖苑加装电梯', body: '3 栋老人多，上下楼难，议一议加装电梯和费用分摊。', proposerAccountId: null, proposerName: '周淑芬', who })).id;
    const grid = (title: string, body: string) => createProposalIn(tx, { councilId: gridCouncil, title, body, proposerAccountId: null, proposerName: '王大妈', who }).then((r) => r.id);
    gridProposals.stairs = await grid('楼道堆物清理', '楼道里堆满杂物，有消防隐患，议一议怎么清、谁来清。');
    gridProposals.lamps = await grid('背街小巷路灯改造', '春晖苑后面的小巷晚上太黑，路灯要整体改造，费用较大。');
    gridProposals.playground = await grid('儿童游乐设施维修', '小区滑梯和秋千坏了半年，孩子们没地方玩。');
  });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('议事活动 (community staff, desktop)', () => {
  beforeAll(async () => {
    const community = await t.login('community');
    const res = await t.app.inject({
      method: 'POST', url: '/api/meetings', headers: bearer(community),
      payload: {
        councilId: communityCouncil, kind: 'onSite', title: '春晖苑加装电梯坝坝议事', place: '春晖苑小区凉亭', hostName: '赵秀兰',
        startsAt: t.clock.now.toISOString(), endsAt: new Date(t.clock.now.getTime() + 2 * 3_600_000).toISOString(), proposalIds: [liftProposal],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    meetingId = res.json().id;
  });

  it('finds the 共建共治 group in the menu and opens the meeting with its agenda', async () => {
    await open('community');
    const menu = page.getByTestId('side-menu');
    await menu.getByText('共建共治').click();
    await menu.getByText('议事活动', { exact: true }).click();
    await page.getByTestId('meetings-page').waitFor();
    await page.locator(`[data-testid="meeting-row"][data-id="${meetingId}"] [data-testid="meeting-link"]`).click();
    await page.getByTestId('meeting-page').waitFor();
    await poll(() => page.getByTestId('meeting-agenda-list').textContent()).toContain('春晖苑加装电梯');
    await poll(() => page.getByTestId('meeting-status').textContent()).toBe('待召开');
  });

  it('opens it: the sign-in QR code shows; records 周淑芬\'s attendance from the registry', async () => {
    await page.getByTestId('meeting-open').click();
    await popconfirmOk().click();
    await poll(() => page.getByTestId('meeting-status').first().textContent()).toBe('进行中');
    await page.getByTestId('checkin-qr').waitFor();
    const picker = page.getByTestId('attendance-person');
    await pickOption(page, picker.locator('input'), '周淑芬', '周淑芬', picker.getByText('周淑芬'));
    await page.getByTestId('attendance-record').click();
    await poll(() => page.getByTestId('attendance-table').textContent()).toContain('周淑芬');
    await poll(() => page.getByTestId('attendance-count').textContent()).toBe('已签到 1 人');
    await expectNoEnglish(page);
    await shot('meeting-open');
  });

  it('a motion open to residents outside the registry needs the confirmed loosening; the notice shows', async () => {
    await page.getByTestId('motion-add').click();
    const d = dialog();
    await d.getByTestId('motion-title').fill('是否同意加装电梯方案');
    await d.getByTestId('motion-unit').getByText('一人一票').click();
    await d.getByTestId('motion-electorate').getByText('放宽：含非登记居民').click();
    await d.getByTestId('motion-loosen').waitFor();
    await d.getByTestId('motion-submit').click();
    await poll(() => d.getByTestId('motion-error').textContent()).toBe('放宽投票资格须确认并填写理由');
    await d.getByTestId('motion-loosen-confirm').click();
    await d.getByTestId('motion-loosen-reason').fill('在外务工人员的家属也可参与表决');
    await expectNoEnglish(page);
    await shot('motion-new');
    await d.getByTestId('motion-submit').click();
    const card = page.getByTestId('motion-card').first();
    await card.waitFor();
    await poll(() => card.getByTestId('motion-loosened').textContent()).toContain('在外务工人员的家属也可参与表决');
    await poll(() => card.getByTestId('motion-rules').textContent()).toContain('一人一票');
  });

  it('records 周淑芬\'s vote on site; a second vote for her is refused and the first stands', async () => {
    const card = page.getByTestId('motion-card').first();
    const voter = card.getByTestId('vote-voter');
    const cast = async (choice: string) => {
      await pickOption(page, voter.locator('input'), '周淑芬', '周淑芬', voter.getByText('周淑芬'));
      await card.getByTestId('vote-choice').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: choice }).click();
      await card.getByTestId('vote-submit').click();
    };
    await cast('赞成');
    await poll(() => card.textContent()).toContain('已投 1 票');
    await cast('反对');
    await card.getByTestId('vote-error').waitFor();
    await poll(() => card.textContent()).toContain('已投 1 票');
    await expectNoEnglish(page);
    await shot('vote-refused');
  });

  it('closes the vote: the result as a table; writes the minutes', async () => {
    const card = page.getByTestId('motion-card').first();
    await card.getByTestId('motion-close').click();
    await popconfirmOk().click();
    const table = card.getByTestId('motion-result-table');
    await table.waitFor();
    await poll(() => table.textContent()).toContain('赞成');
    await poll(() => table.locator('tbody tr').first().textContent()).toContain('1');
    await poll(() => card.getByTestId('motion-passed').textContent()).toBe('通过');
    await page.getByTestId('minutes-input').fill('一、议题：春晖苑加装电梯。\n二、表决：赞成 1 票，通过。\n三、由社区牵头联系施工单位，一个月内报方案。');
    await page.getByTestId('minutes-save').click();
    await poll(() => page.getByTestId('meeting-minutes').textContent()).toContain('保存');
    await expectNoEnglish(page);
    await shot('meeting-result');
    const audit = await t.db.query<{ n: string }>(`select count(*) n from audit_log where action = 'participation.vote.loosen'`);
    expect(Number(audit.rows[0]!.n)).toBe(1);
  });

  it('lists the meeting in 议事活动', async () => {
    await page.goto(`${base}/participation/meetings`);
    await page.getByTestId('meeting-row').first().waitFor();
    await poll(() => page.getByTestId('meetings-page').textContent()).toContain('春晖苑加装电梯坝坝议事');
    await expectNoEnglish(page);
    await shot('meetings');
  });
});

describe('金点子 (community staff and the town\'s dispatcher)', () => {
  let ideaId = '';
  beforeAll(async () => {
    const resident = await t.login('resident');
    const res = await t.app.inject({
      method: 'POST', url: '/api/ideas', headers: bearer(resident),
      payload: { title: '小区门口增设休息座椅', body: '老人买菜回来走累了，门口没有地方坐，建议装几张长椅。', category: 'elderly' },
    });
    expect(res.statusCode, res.body).toBe(201);
    ideaId = res.json().id;
    const s = await t.app.inject({ method: 'POST', url: `/api/ideas/${ideaId}/support`, headers: bearer(resident), payload: {} });
    expect(s.statusCode, s.body).toBeLessThan(300);
  });

  it('screens the idea (采纳) and answers it', async () => {
    await page.goto(`${base}/participation/ideas`);
    const row = page.locator(`[data-testid="idea-row"][data-id="${ideaId}"]`);
    await row.waitFor();
    await row.getByTestId('idea-screen').click();
    let d = dialog();
    await d.getByTestId('field-note').fill('符合居民需求，交社区办理。');
    await d.getByTestId('dialog-ok').click();
    await poll(() => row.getByTestId('idea-status').textContent()).toBe('已采纳');
    await row.getByTestId('idea-respond').click();
    d = dialog();
    await d.getByTestId('field-response').fill('已在小区门口安装三张长椅，欢迎使用。');
    await d.getByTestId('dialog-ok').click();
    await poll(() => row.textContent()).toContain('已在小区门口安装三张长椅');
    await expectNoEnglish(page);
    await shot('ideas');
  });

  it('the dispatcher publishes the quarter\'s top ten', async () => {
    await open('dispatcher');
    await page.goto(`${base}/participation/ideas`);
    await page.getByTestId('ideas-tab-top').click();
    const top = page.getByTestId('ideas-top');
    await top.waitFor();
    // this quarter (the page opens on the last one)
    await top.getByTestId('top-quarter').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await top.getByTestId('top-unpublished').waitFor();
    await poll(() => top.getByTestId('top-table').textContent()).toContain('小区门口增设休息座椅');
    await top.getByTestId('top-publish').click();
    await popconfirmOk().click();
    await top.getByTestId('top-published').waitFor();
    await expectNoEnglish(page);
    await shot('ideas-top');
  });
});

describe('三事分流 (community staff)', () => {
  const ids: Record<'parking' | 'help' | 'lamp', string> = { parking: '', help: '', lamp: '' };
  beforeAll(async () => {
    const resident = await t.login('resident');
    const submit = async (title: string, description: string) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/participation/matters', headers: bearer(resident), payload: { title, description } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    ids.parking = await submit('小区停车位不够', '晚上车位紧张，想议一议能不能把闲置空地改成停车位。');
    ids.help = await submit('独居老人需要人帮忙', '5 楼独居的王奶奶腿脚不便，想请邻居帮忙代买米面。');
    ids.lamp = await submit('小区门口路灯不亮', '春晖苑北门的路灯坏了一个星期，晚上出入看不清。');
  });
  const row = (id: string) => page.locator(`[data-testid="matter-row"][data-id="${id}"]`);

  it('shows the suggested class with its reasons and classes a matter 共事 onto the grid\'s council', async () => {
    await open('community');
    await page.goto(`${base}/participation/matters`);
    await row(ids.parking).waitFor();
    await poll(() => row(ids.parking).textContent()).toContain('含“停车”');
    await expectNoEnglish(page);
    await shot('matters');
    await row(ids.parking).getByTestId('matter-class').click();
    const d = dialog();
    await d.getByTestId('suggestion-reasons').waitFor();
    await d.getByTestId('class-level').getByText('网格邻里会').click();
    await expectNoEnglish(page);
    await shot('matter-class');
    await d.getByTestId('class-ok').click();
    await row(ids.parking).getByTestId('matter-proposal-link').waitFor();
    await poll(() => row(ids.parking).textContent()).toContain('春晖社区第1网格邻里会');
  });

  it('a class other than the suggestion needs a reason; 家事 opens a help request', async () => {
    await row(ids.help).getByTestId('matter-class').click();
    const d = dialog();
    await d.getByTestId('class-shared').click();
    await d.getByTestId('class-ok').click();
    await poll(() => d.getByTestId('class-error').textContent()).toBe('与系统建议不同时须填写理由');
    await d.getByTestId('class-private').click();
    await d.getByTestId('class-ok').click();
    await row(ids.help).getByTestId('matter-help-link').waitFor();
  });

  it('classes a 公事 matter as suggested: it becomes a case in the loop, opened from the list', async () => {
    await row(ids.lamp).getByTestId('matter-class').click();
    const d = dialog();
    await d.getByTestId('class-public').waitFor();
    await d.getByTestId('class-ok').click();
    const link = row(ids.lamp).getByTestId('matter-case-link');
    await link.waitFor();
    await link.click();
    await page.getByTestId('case-drawer').waitFor();
    await poll(() => page.getByTestId('case-drawer').textContent()).toContain('路灯坏了一个星期');
    await shot('matter-case');
    await page.keyboard.press('Escape');
    await page.getByTestId('case-drawer').waitFor({ state: 'hidden' });
  });

  it('reclasses the 共事 matter to 家事 with a reason; the proposal is withdrawn', async () => {
    await row(ids.parking).getByTestId('matter-reclass').click();
    const d = dialog();
    await d.getByTestId('class-private').click();
    await d.getByTestId('class-ok').click();
    await poll(() => d.getByTestId('class-error').textContent()).toBe('请填写改分流的理由');
    await d.getByTestId('class-reason').fill('空地归物业所有，先由网格员协调物业，不需要上会');
    await expectNoEnglish(page);
    await shot('matter-reclass');
    await d.getByTestId('class-ok').click();
    await row(ids.parking).getByTestId('matter-help-link').waitFor();
    await poll(() => row(ids.parking).textContent()).toContain('空地归物业所有');
    const p = await t.db.query<{ status: string }>(`select p.status from proposals p where p.matter_id = $1`, [ids.parking]);
    expect(p.rows.map((r) => r.status)).toEqual(['rejected']);
    await shot('matters-after');
  });
});

describe('登记诉求 (community staff)', () => {
  it('records a matter a registry person raised on a visit; the system suggests its class', async () => {
    await page.goto(`${base}/participation/matters`);
    await page.getByTestId('matter-create').click();
    const d = dialog();
    const picker = d.getByTestId('matter-resident');
    await pickOption(page, picker.locator('input'), '欧阳', '欧阳建平', picker.getByText('欧阳建平'));
    await d.getByTestId('matter-source').getByText('走访收集').click();
    await d.getByTestId('matter-title-input').fill('楼上装修噪音太大');
    await d.getByTestId('matter-description').fill('楼上装修每天早上七点就开始电钻，噪音很大，休息不好。');
    await expectNoEnglish(page);
    await shot('matter-new');
    await d.getByTestId('matter-submit').click();
    const row = page.locator('[data-testid="matter-row"]', { hasText: '楼上装修噪音太大' });
    await row.waitFor();
    await poll(() => row.textContent()).toContain('含“噪音”');
    await poll(() => row.textContent()).toContain('走访收集');
  });
});

describe('议事会 (community staff)', () => {
  const drawer = () => page.locator('.zz-proposal-drawer');

  it('lists the councils with their party organisations and a council\'s proposals', async () => {
    await open('community');
    await page.goto(`${base}/participation/councils`);
    const list = page.getByTestId('council-list');
    await list.waitFor();
    await poll(() => list.textContent()).toContain('春晖社区评议会');
    await page.locator(`[data-testid="council-item"][data-id="${gridCouncil}"]`).click();
    await page.locator(`[data-testid="proposal-row"][data-id="${gridProposals.stairs}"]`).waitFor();
    await expectNoEnglish(page);
    await shot('councils');
  });

  it('comments, decides with an owner, starts and reports the result of a proposal', async () => {
    await page.locator(`[data-testid="proposal-row"][data-id="${gridProposals.stairs}"] [data-testid="proposal-link"]`).click();
    await drawer().locator('.ant-drawer-body').waitFor();
    await drawer().getByTestId('proposal-comment-input').fill('建议先贴通知，一周后统一清理。');
    await drawer().getByTestId('proposal-comment-send').click();
    await poll(() => drawer().getByTestId('proposal-comments').textContent()).toContain('建议先贴通知');
    await drawer().getByTestId('proposal-decide').click();
    let d = dialog();
    await d.getByTestId('field-decision').fill('本周六由楼长组织居民统一清理楼道，物业负责清运。');
    await d.getByTestId('field-ownerName').fill('楼长王建华');
    await d.getByTestId('dialog-ok').click();
    await poll(() => drawer().getByTestId('proposal-decision').textContent()).toContain('本周六由楼长组织');
    await drawer().getByTestId('proposal-start').click();
    await popconfirmOk().click();
    await drawer().getByTestId('proposal-report-result').waitFor();
    await drawer().getByTestId('proposal-report-result').click();
    d = dialog();
    await d.getByTestId('field-result').fill('周六清出杂物两车，楼道已畅通。');
    await d.getByTestId('dialog-ok').click();
    await poll(() => drawer().getByTestId('proposal-status').textContent()).toBe('已完成');
    await expectNoEnglish(page);
    await shot('proposal-done');
    await page.keyboard.press('Escape');
  });

  it('sends a proposal that needs the community\'s support up in one click', async () => {
    await page.goto(`${base}/participation/councils?proposal=${gridProposals.lamps}`);
    await drawer().getByTestId('proposal-send-up').click();
    const d = dialog();
    await d.getByTestId('field-reason').fill('改造费用超出网格能力，需要社区统筹。');
    await d.getByTestId('dialog-ok').click();
    await drawer().getByTestId('proposal-sent-up').waitFor();
    await poll(() => drawer().getByTestId('proposal-status').textContent()).toBe('已上报');
    await expectNoEnglish(page);
    await shot('proposal-sent-up');
    const up = await t.db.query<{ council_id: string }>(`select council_id from proposals where sent_up_from = $1`, [gridProposals.lamps]);
    expect(up.rows.map((r) => r.council_id)).toEqual([communityCouncil]);
  });
});

describe('邻里互助 (community staff)', () => {
  const ids = { shopping: '', ride: '' };
  beforeAll(async () => {
    const resident = await t.login('resident');
    const ask = async (title: string, description: string) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/help-requests', headers: bearer(resident), payload: { title, description } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    ids.shopping = await ask('帮忙代买米面', '腿脚不便，想请邻居帮忙从超市带一袋米和一桶油。');
    ids.ride = await ask('周五去医院复查', '想请人周五上午陪同去社区医院复查。');
  });
  const row = (id: string) => page.locator(`[data-testid="help-row"][data-id="${id}"]`);

  it('a neighbour from the registry takes a request and finishes it', async () => {
    await open('community');
    await page.goto(`${base}/participation/help`);
    await row(ids.shopping).waitFor();
    await expectNoEnglish(page);
    await row(ids.shopping).getByTestId('help-take').click();
    const d = dialog();
    const picker = d.getByTestId('take-person');
    await pickOption(page, picker.locator('input'), '欧阳', '欧阳建平', picker.getByText('欧阳建平'));
    await expectNoEnglish(page);
    await shot('help-take');
    await d.getByTestId('take-ok').click();
    await poll(() => row(ids.shopping).getByTestId('help-status').textContent()).toBe('帮办中');
    await poll(() => row(ids.shopping).textContent()).toContain('欧阳建平');
    await row(ids.shopping).getByTestId('help-done').click();
    const done = dialog();
    await done.getByTestId('field-note').fill('已送米一袋、油一桶到家。');
    await done.getByTestId('dialog-ok').click();
    await poll(() => row(ids.shopping).getByTestId('help-status').textContent()).toBe('已完成');
  });

  it('cancels a request with a reason', async () => {
    await row(ids.ride).getByTestId('help-cancel').click();
    const d = dialog();
    await d.getByTestId('dialog-ok').click();
    await poll(() => d.locator('.ant-form-item-explain-error').first().textContent()).toBe('请填写理由');
    await d.getByTestId('field-reason').fill('家属已安排陪同');
    await d.getByTestId('dialog-ok').click();
    await poll(() => row(ids.ride).getByTestId('help-status').textContent()).toBe('已取消');
    await expectNoEnglish(page);
    await shot('help');
  });
});

describe('发起议事 (community staff)', () => {
  it('sets up a 坝坝议事 of 第1网格邻里会 with an open proposal on its agenda', async () => {
    await open('community');
    await page.goto(`${base}/participation/meetings`);
    await page.getByTestId('meetings-page').waitFor();
    await page.getByTestId('meeting-create').click();
    const d = dialog();
    await pickOption(page, d.getByTestId('meeting-council').locator('input'), '第1网格', '春晖社区第1网格邻里会', d.getByTestId('meeting-council').getByText('春晖社区第1网格邻里会'));
    await d.getByTestId('meeting-title').fill('儿童游乐设施维修坝坝议事');
    await d.getByTestId('meeting-place').fill('春晖苑 3 栋楼下');
    await d.getByTestId('meeting-host').fill('赵秀兰');
    await pickOption(page, d.getByTestId('meeting-agenda').locator('input'), '游乐', '儿童游乐设施维修', d.getByTestId('meeting-agenda').getByText('儿童游乐设施维修'));
    await d.getByTestId('meeting-title').click(); // closes the agenda's option list
    await expectNoEnglish(page);
    await shot('meeting-new');
    await d.getByTestId('meeting-submit').click();
    await page.getByTestId('meeting-page').waitFor();
    await poll(() => page.getByTestId('meeting-agenda-list').textContent()).toContain('儿童游乐设施维修');
    await poll(() => page.getByTestId('meeting-status').textContent()).toBe('待召开');
  });
});

describe('English', () => {
  it('shows the meeting page in English, with no Chinese words of the page left', async () => {
    await page.goto(`${base}/participation/meetings/${meetingId}`);
    await page.getByTestId('meeting-page').waitFor();
    await page.getByTestId('language-switch').getByText('English').click();
    await poll(() => page.getByTestId('meeting-motions').textContent()).toContain('Motions');
    const text = await page.getByTestId('meeting-page').innerText();
    for (const word of ['Agenda', 'Sign-in QR code', 'Attendance', 'Minutes', 'Result', 'Passed']) expect(text).toContain(word);
    await shot('meeting-english');
    await page.getByTestId('language-switch').getByText('中文').click();
  });
});

describe('no page errors', () => {
  it('had none', () => {
    expect(pageErrors).toEqual([]);
  });
});
