// Browser journey of 矛盾纠纷多元化解 (issue 15, desktop, Chinese): the mediator (蒋丽萍, 矛盾调解岗 of 春晖路街道) opens
// 矛盾纠纷, registers a neighbour dispute over water leaking through a ceiling — 邻里纠纷 / 漏水纠纷 picked by name, the
// upstairs neighbour picked from the registry by name and the downstairs one typed in as an outsider, the place picked on
// the map — and sees the suggested tier; the dispute page shows the parties masked, the risk, the tier and handling unit
// and its work order; 查看完整信息 shows them whole; she records a mediation with both sides' statements, two terms and
// the outcome 调解成功, which numbers the 人民调解协议书; both downloads arrive (Word: the names in document.xml; PDF:
// the names in pdftotext's text). Then the grid worker registers a dispute on the phone (390×844) and records a
// mediation there, and the resident reads 我的纠纷. Screenshots in test-artifacts/disputes-*.png.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP, expectNoEnglish, launchChromium, PHONE, signInAs, WEB_DIST } from '../support/browser.ts';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { idNumberCheckDigit } from '../../src/domain/registry/id-number.ts';
import { phoneNumber } from '../../src/server/platform/seed/demo-town.ts';

const ARTIFACTS = 'test-artifacts';
const NOW = new Date('2026-12-03T10:00:00+08:00');
// 下载协议书（Word）: the file format's name
const ALLOW = ['Word'];

let t: TestApp;
let browser: Browser;
let base: string;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
let disputeId = '';

// a small photo standing in for the signed paper (PNG, 8×8)
const SIGNED_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4ISeHFTEMLQkAkL9BAbKfPiIAAAAASUVORK5CYII=';

const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}/disputes-${name}.png`, fullPage: true });
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

function idNumber(birth: string, seq: string): string {
  const first = `500103${birth}${seq}`;
  return first + idNumberCheckDigit(first);
}

async function open(username: string, device: typeof DESKTOP | typeof PHONE = DESKTOP) {
  await context?.close();
  context = await browser.newContext({ ...device, acceptDownloads: true });
  await context.clock.setFixedTime(t.clock.now);
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await signInAs(page, base, username);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await createTestApp({ webDist: WEB_DIST });
  t.clock.set(NOW);
  // the upstairs neighbour lives in the demo grid's registry
  const gw = await t.login('gridworker');
  const centre = await gridCentre(t.db, DEMO_GRID);
  const b = await t.app.inject({ method: 'POST', url: '/api/registry/buildings', headers: bearer(gw), payload: { name: '春晖苑 5 栋', address: '春晖路 20 号春晖苑 5 栋', location: centre, units: 1, floors: 6, roomsPerFloor: 2 } });
  expect(b.statusCode, b.body).toBeLessThan(300);
  const h = await t.app.inject({ method: 'POST', url: '/api/registry/households', headers: bearer(gw), payload: { buildingId: b.json().building.id, unitNo: 1, floorNo: 5, roomNo: '502' } });
  expect(h.statusCode, h.body).toBeLessThan(300);
  const r = await t.app.inject({
    method: 'POST', url: '/api/registry/residents', headers: bearer(gw),
    payload: { name: '欧阳春华', idNumber: idNumber('19750611', '314'), phone: '13900005502', householdId: h.json().household.id, relation: 'head' },
  });
  expect(r.statusCode, r.body).toBeLessThan(300);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('dispute mediation journey (mediator, desktop)', () => {
  it('registers a neighbour dispute with a registry party and an outsider, on the map', async () => {
    await open('mediator');
    await page.getByTestId('side-menu').getByText('矛盾纠纷', { exact: true }).click();
    await page.getByTestId('disputes-page').waitFor();
    await page.getByTestId('dispute-create').click();
    await page.getByTestId('new-dispute-page').waitFor();

    // class and subclass by name (the cascader's search)
    await page.getByTestId('dispute-class').click();
    await page.keyboard.type('漏水');
    await page.locator('.ant-cascader-menu-item').filter({ hasText: '漏水纠纷' }).first().click();
    await poll(() => page.getByTestId('dispute-class').textContent()).toContain('漏水纠纷');
    await page.getByTestId('dispute-description').fill('502 室卫生间防水层损坏，连续两周向 402 室顶棚渗水，402 室墙面发霉、吊顶脱落。双方多次协商未果，402 室要求赔偿并维修。');
    await page.getByTestId('dispute-address').fill('春晖路 20 号春晖苑 5 栋');

    // the place on the map
    await page.getByTestId('dispute-pick-point').click();
    const map = page.getByTestId('dispute-map');
    await poll(() => map.getAttribute('data-map-ready')).toBe('true');
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await poll(() => page.getByTestId('dispute-point-ok').isEnabled()).toBe(true);
    await page.waitForTimeout(300);
    await page.getByTestId('dispute-point-ok').click();
    await page.getByTestId('dispute-point-picked').waitFor();

    // the mediator does not read the registry: both neighbours are typed in (the registry picker: the dispatcher below)
    const parties = page.getByTestId('dispute-party');
    await expect(parties.first().getByTestId('party-mode').count()).resolves.toBe(0);
    const applicant = parties.nth(0);
    await applicant.getByTestId('party-name').fill('程晓雯');
    await applicant.getByTestId('party-phone').fill('13900004402');
    await applicant.getByTestId('party-address').fill('春晖苑 5 栋 402 室');
    const respondent = parties.nth(1);
    await respondent.getByTestId('party-name').fill('欧阳春华');
    await respondent.getByTestId('party-phone').fill('13900005502');
    await respondent.getByTestId('party-address').fill('春晖苑 5 栋 502 室');
    // two neighbours, no threats: 就地化解 suggested
    await poll(() => page.getByTestId('tier-suggested').textContent()).toContain('就地化解');
    await shot('new');
    await expectNoEnglish(page, ALLOW);

    await page.getByTestId('dispute-submit').click();
    await page.getByTestId('dispute-page').waitFor({ timeout: 20_000 });
    disputeId = (await page.getByTestId('dispute-page').getAttribute('data-id'))!;
    expect(disputeId).toBeTruthy();
  });

  it('shows the dispute masked, with risk, tier, handling unit and work order; 查看完整信息 shows the parties whole', async () => {
    const names = page.getByTestId('party-name-cell');
    await poll(() => names.allTextContents()).toEqual(['程**', '欧***']);
    await expect(page.getByTestId('dispute-tier').first().textContent()).resolves.toBe('就地化解');
    await expect(page.getByTestId('dispute-risk').first().textContent()).resolves.toBe('低风险');
    await expect(page.getByTestId('dispute-unit').textContent()).resolves.toBeTruthy();
    await expect(page.getByTestId('dispute-work-order').textContent()).resolves.toMatch(/^\d{9}-\d{8}-\d{4}$/);
    await shot('detail-masked');
    await expectNoEnglish(page, ALLOW);
    await page.getByTestId('dispute-unmask').click();
    await poll(() => names.allTextContents()).toEqual(['程晓雯', '欧阳春华']);
    const audit = await t.db.query<{ n: string }>("select count(*) n from audit_log where action = 'dispute.parties.read'");
    expect(Number(audit.rows[0]!.n)).toBeGreaterThan(0);
  });

  it('records a mediation with statements, terms and the outcome 调解成功, numbering the agreement', async () => {
    await page.getByTestId('dispute-mediate').click();
    const dlg = page.getByTestId('mediation-dialog');
    await dlg.waitFor();
    await dlg.getByTestId('mediation-place').fill('春晖路社区人民调解室');
    const said = dlg.getByTestId('mediation-statement');
    await said.nth(0).fill('顶棚渗水两周，墙面发霉，要求对方修好防水并赔偿维修费用。');
    await said.nth(1).fill('同意维修防水，但赔偿金额希望协商。');
    await dlg.getByTestId('mediation-agreed').fill('双方同意先修防水、再修顶棚，费用由 502 室承担。');
    await dlg.getByTestId('mediation-term').first().fill('502 室于 2026 年 12 月 10 日前完成卫生间防水层维修，维修期间 402 室予以配合。');
    await dlg.getByTestId('mediation-add-term').click();
    await dlg.getByTestId('mediation-term').nth(1).fill('502 室于 2026 年 12 月 20 日前一次性支付 402 室顶棚及墙面维修费用人民币 3000 元。');
    await dlg.getByTestId('mediation-outcome').getByText('调解成功').click();
    await page.waitForTimeout(200);
    await shot('mediation-dialog');
    await expectNoEnglish(page, ALLOW);
    await page.getByTestId('mediation-save').click();
    await dlg.waitFor({ state: 'hidden' });
    const session = page.getByTestId('dispute-mediation').first();
    await poll(() => session.getByTestId('agreement-number').textContent()).toMatch(/（2026）春晖调字第\d+号/);
    await expect(session.getByTestId('mediation-terms').locator('li').count()).resolves.toBe(2);
    await poll(() => page.getByTestId('dispute-page').getAttribute('data-status')).toBe('resolved');
    await shot('mediated');
    await expectNoEnglish(page, ALLOW);
  });

  it('downloads the agreement as Word and as PDF, both naming the parties', async () => {
    const session = page.getByTestId('dispute-mediation').first();
    const [word] = await Promise.all([page.waitForEvent('download'), session.getByTestId('agreement-docx').click()]);
    const wordPath = `${ARTIFACTS}/disputes-agreement.docx`;
    await word.saveAs(wordPath);
    expect(word.suggestedFilename()).toMatch(/\.docx$/);
    const xml = execFileSync('unzip', ['-p', wordPath, 'word/document.xml']).toString('utf8');
    expect(xml).toContain('程晓雯');
    expect(xml).toContain('欧阳春华');
    expect(xml).toContain('人民调解协议书');

    const [pdf] = await Promise.all([page.waitForEvent('download'), session.getByTestId('agreement-pdf').click()]);
    const pdfPath = `${ARTIFACTS}/disputes-agreement.pdf`;
    await pdf.saveAs(pdfPath);
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString('utf8').replace(/\s+/g, '');
    expect(text).toContain('程晓雯');
    expect(text).toContain('欧阳春华');
    const audit = await t.db.query<{ n: string }>("select count(*) n from audit_log where action = 'dispute.agreement.download'");
    expect(Number(audit.rows[0]!.n)).toBe(2);
    // the timeline names the registration and the mediation
    await poll(() => page.getByTestId('dispute-event').evaluateAll((es) => es.map((e) => e.getAttribute('data-action')))).toEqual(expect.arrayContaining(['registered', 'mediated']));
    expect(pageErrors).toEqual([]);
  });
});

describe('after the agreement (mediator, desktop)', () => {
  it('uploads the signed scan, a follow-up finds the agreement broken and the dispute is reopened, linked to the first', async () => {
    const session = page.getByTestId('dispute-mediation').first();
    await session.locator('input[type=file]').setInputFiles({ name: '协议书签字件.png', mimeType: 'image/png', buffer: Buffer.from(SIGNED_PNG, 'base64') });
    await session.getByTestId('agreement-signed-view').waitFor({ timeout: 15_000 });

    await page.getByTestId('dispute-follow-up').click();
    const dlg = page.getByTestId('action-dialog');
    await dlg.waitFor();
    await dlg.getByTestId('follow-up-holds').getByText('未履行').click();
    await dlg.getByTestId('action-note').fill('502 室至今未维修防水，402 室顶棚仍在渗水。');
    await shot('follow-up');
    await page.getByTestId('action-ok').click();
    await poll(() => page.getByTestId('dispute-follow-up-row').count()).toBe(1);
    // the broken agreement suggests reopening: the confirm opens the reopen dialog
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '复发重启' }).click();
    await page.getByTestId('reopen-description').fill('协议约定的防水维修未完成，402 室顶棚再次大面积渗水，双方在楼道发生争吵。');
    await page.getByTestId('reopen-reason').fill('回访发现协议未履行，矛盾复发');
    await page.getByTestId('action-ok').click();
    await poll(() => page.getByTestId('dispute-page').getAttribute('data-id')).not.toBe(disputeId);
    const chain = page.getByTestId('dispute-chain');
    await chain.waitFor();
    await expect(chain.getByTestId('dispute-chain-link').count()).resolves.toBe(1);
    // a flare-up raises the risk
    await expect(page.getByTestId('dispute-risk').first().textContent()).resolves.not.toBe('低风险');
    await poll(() => page.getByTestId('dispute-risk-reasons').textContent()).toContain('复发');
    await page.waitForTimeout(800);
    await shot('reopened');
    await expectNoEnglish(page, ALLOW);
    await chain.getByTestId('dispute-chain-link').click();
    await poll(() => page.getByTestId('dispute-page').getAttribute('data-id')).toBe(disputeId);
    await poll(() => page.getByTestId('dispute-event').evaluateAll((es) => es.map((e) => e.getAttribute('data-action')))).toEqual(expect.arrayContaining(['followedUp', 'reopened']));
    expect(pageErrors).toEqual([]);
  });
});

describe('sweeps and figures (dispatcher, desktop)', () => {
  it('starts a sweep, a grid answers "none" on the phone, the town sees the missing grids; the figures read', async () => {
    await open('dispatcher');
    await page.getByTestId('side-menu').getByText('大排查', { exact: true }).click();
    await page.getByTestId('sweeps-page').waitFor();
    await page.getByTestId('sweep-create').click();
    await page.getByTestId('sweep-title').fill('元旦前矛盾纠纷大排查');
    await page.getByTestId('sweep-save').click();
    await page.getByTestId('sweep-page').waitFor();
    await poll(() => page.locator('[data-testid="sweep-grid-row"][data-answered="false"]').count()).toBeGreaterThan(1);
    const missingBefore = await page.getByTestId('sweep-missing-grids').textContent();
    const sweepUrl = page.url();

    // the grid worker answers "none" on the phone
    await open('gridworker', PHONE);
    await page.goto(`${base}/m/disputes/sweeps`);
    await page.getByTestId('m-sweep-report').first().click();
    await page.getByTestId('m-sweep-none').click();
    await poll(() => page.getByTestId('m-sweep-report').count()).toBe(0);
    await page.waitForTimeout(600);
    await shot('phone-sweep');
    await expectNoEnglish(page, ALLOW);

    await open('dispatcher');
    await page.goto(sweepUrl);
    await page.getByTestId('sweep-page').waitFor();
    await poll(() => page.getByTestId('sweep-missing-grids').textContent()).not.toBe(missingBefore);
    await page.getByTestId('sweep-show').getByText('已上报').click();
    await poll(() => page.locator('[data-testid="sweep-grid-row"][data-answered="true"]').count()).toBe(1);
    await shot('sweep');
    await expectNoEnglish(page, ALLOW);

    await page.getByTestId('side-menu').getByText('纠纷统计', { exact: true }).click();
    await page.getByTestId('dispute-stats-page').waitFor();
    await poll(() => page.getByTestId('stats-by-class').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    await shot('stats');
    await expectNoEnglish(page, ALLOW);
    expect(pageErrors).toEqual([]);
  });
});

describe('纠纷类别 (admin, desktop)', () => {
  it('adds a subclass to 邻里纠纷, numbered by the server', async () => {
    await open('admin');
    await page.getByTestId('side-menu').getByText('纠纷类别', { exact: true }).click();
    await page.getByTestId('dispute-classes-page').waitFor();
    const row = page.locator('tr', { hasText: '邻里纠纷' }).first();
    await row.getByTestId('class-edit').click();
    await page.getByRole('button', { name: '添加子类' }).click();
    await page.getByTestId('class-subclass-name').last().fill('装修扰民');
    await page.waitForTimeout(200);
    await shot('classes-edit');
    await expectNoEnglish(page, ALLOW);
    await page.getByRole('button', { name: '保 存' }).or(page.getByRole('button', { name: '保存' })).click();
    await poll(() => row.textContent()).toContain('装修扰民');
    const sub = await t.db.query<{ subclasses: { code: string; name: string }[] }>("select subclasses from dispute_classes where code = '02'");
    expect(sub.rows[0]!.subclasses.find((x) => x.name === '装修扰民')?.code).toMatch(/^02-\d{2,3}$/);
    expect(pageErrors).toEqual([]);
  });
});

describe('我的纠纷 (resident, phone)', () => {
  it('reads the dispute they are a party of, the other party masked', async () => {
    // the demo resident's phone (seed-demo: phoneNumber of the username's length × 97)
    const phone = phoneNumber('resident'.length * 97);
    const gw = await t.login('gridworker');
    const res = await t.app.inject({
      method: 'POST', url: '/api/disputes', headers: { ...bearer(gw), 'idempotency-key': 'resident-dispute-1' },
      payload: {
        classCode: '02', subclassCode: null, description: '楼上邻居在公共楼道堆放杂物，影响通行，多次沟通未果。', location: await gridCentre(t.db, DEMO_GRID),
        parties: [{ role: 'applicant', name: '周淑芬', phone }, { role: 'respondent', name: '邹大海', phone: '13900007701' }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    await open('resident', PHONE);
    await page.goto(`${base}/m`);
    await page.getByTestId('home-disputes').click();
    await page.getByTestId('m-dispute-row').first().click();
    await page.getByTestId('m-dispute-page').waitFor();
    const names = await page.getByTestId('m-party-name-cell').allTextContents();
    expect(names).toContain('邹**');
    await expect(page.getByTestId('m-mediate').count()).resolves.toBe(0);
    await page.waitForTimeout(400);
    await shot('phone-resident');
    await expectNoEnglish(page, ALLOW);
    expect(pageErrors).toEqual([]);
  });
});

describe('registration with a registry party and a lower tier (dispatcher, desktop)', () => {
  it('picks the person from the registry by name; a tier below the suggested one needs a reason', async () => {
    await open('dispatcher');
    await page.goto(`${base}/disputes/new`);
    await page.getByTestId('new-dispute-page').waitFor();
    await page.getByTestId('dispute-class').click();
    await page.keyboard.type('噪音');
    await page.locator('.ant-cascader-menu-item').filter({ hasText: '噪音扰民' }).first().click();
    await page.getByTestId('dispute-description').fill('502 室深夜装修噪音，楼下住户扬言要砸门。');
    await page.getByTestId('dispute-pick-point').click();
    const map = page.getByTestId('dispute-map');
    await poll(() => map.getAttribute('data-map-ready')).toBe('true');
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await poll(() => page.getByTestId('dispute-point-ok').isEnabled()).toBe(true);
    await page.getByTestId('dispute-point-ok').click();
    const parties = page.getByTestId('dispute-party');
    await parties.nth(0).getByTestId('party-name').fill('石磊');
    const respondent = parties.nth(1);
    await respondent.getByTestId('party-mode').getByText('从人口台账选择').click();
    const picker = respondent.getByTestId('party-person');
    await picker.click();
    await page.keyboard.type('欧阳');
    const hit = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '欧阳春华' });
    await hit.first().waitFor({ timeout: 15_000 });
    await page.waitForTimeout(200);
    await hit.first().click();
    await poll(() => picker.textContent()).toContain('欧阳春华');
    // a threat makes it high risk: 提级化解 suggested; choosing 就地化解 asks for a reason
    await page.getByTestId('risk-threats').click();
    await poll(() => page.getByTestId('tier-suggested').textContent()).toContain('提级化解');
    await page.getByTestId('dispute-tier').getByText('就地化解').click();
    await page.getByTestId('dispute-submit').click();
    await poll(() => page.getByTestId('dispute-problems').textContent()).toContain('理由');
    await page.getByTestId('dispute-tier-reason').fill('网格员已现场劝离，双方情绪平稳，网格内即可化解');
    await shot('new-lower-tier');
    await expectNoEnglish(page, ALLOW);
    await page.getByTestId('dispute-submit').click();
    await page.getByTestId('dispute-page').waitFor({ timeout: 20_000 });
    await expect(page.getByTestId('dispute-tier').first().textContent()).resolves.toBe('就地化解');
    await expect(page.getByTestId('dispute-risk').first().textContent()).resolves.toBe('高风险');
    await poll(() => page.getByTestId('dispute-risk-reasons').textContent()).toContain('扬言');
    await shot('detail-high-risk');

    // pushed to the police station with a deadline, then transferred to the court (诉调对接) with its case number
    await page.getByTestId('dispute-push').click();
    await page.getByTestId('push-unit-name').fill('春晖路派出所');
    await page.getByTestId('action-note').fill('当事人扬言砸门，请派出所参与联合调处');
    await page.getByTestId('action-ok').click();
    await poll(() => page.getByTestId('dispute-referral').textContent()).toContain('春晖路派出所');
    await page.getByTestId('dispute-actions').click();
    await page.getByTestId('dispute-action-litigate').click();
    await page.getByTestId('litigate-court').fill('渝中区人民法院');
    await page.getByTestId('litigate-number').fill('（2026）渝0103民初1234号');
    await page.getByTestId('action-ok').click();
    await poll(() => page.getByTestId('dispute-page').getAttribute('data-status')).toBe('litigation');
    await poll(() => page.getByTestId('dispute-court-number').textContent()).toBe('（2026）渝0103民初1234号');
    await page.waitForTimeout(600);
    await shot('litigation');
    await expectNoEnglish(page, ALLOW);

    await page.getByTestId('side-menu').getByText('矛盾纠纷', { exact: true }).click();
    await poll(() => page.getByTestId('dispute-row').count()).toBeGreaterThan(0);
    await shot('list');
    await expectNoEnglish(page, ALLOW);
    expect(pageErrors).toEqual([]);
  });
});

describe('disputes on the phone (grid worker, resident)', () => {
  it('the grid worker registers a dispute on foot and records a mediation', async () => {
    await open('gridworker', PHONE);
    await page.goto(`${base}/m`);
    await page.getByTestId('home-disputes').click();
    await page.getByTestId('m-disputes-page').waitFor();
    await page.getByTestId('m-dispute-register').click();
    await page.getByTestId('m-dispute-new').waitFor();
    await page.getByTestId('m-dispute-class').click();
    await page.locator('.adm-cascader-view-item').filter({ hasText: '邻里纠纷' }).first().click();
    await page.locator('.adm-cascader-view-item').filter({ hasText: '噪音扰民' }).first().click();
    await page.locator('.adm-cascader-header-button').filter({ hasText: '确定' }).click();
    await poll(() => page.getByTestId('m-dispute-class').textContent()).toContain('噪音扰民');
    await page.getByTestId('m-dispute-description').locator('textarea').fill('楼上住户每晚 23 点后拖动家具、播放音乐，楼下老人无法休息。');
    const parties = page.getByTestId('m-party');
    await parties.nth(0).getByTestId('m-party-name').locator('input').fill('白玉兰');
    await parties.nth(0).getByTestId('m-party-phone').locator('input').fill('13900006601');
    await parties.nth(1).getByTestId('m-party-name').locator('input').fill('龚志远');
    await poll(() => page.getByTestId('m-tier-suggested').textContent()).toContain('就地化解');
    await page.waitForTimeout(500);
    await shot('phone-new');
    await expectNoEnglish(page, ALLOW);
    await page.getByTestId('m-dispute-submit').click();
    await page.getByTestId('m-dispute-page').waitFor({ timeout: 20_000 });
    await poll(() => page.getByTestId('m-party-name-cell').allTextContents()).toEqual(['白**', '龚**']);

    await page.getByTestId('m-mediate').click();
    const form = page.getByTestId('m-mediation-form');
    await form.waitFor();
    await form.getByTestId('m-mediation-place').locator('input').fill('网格服务站');
    await form.getByTestId('m-mediation-outcome').getByText('调解成功').click();
    await form.getByTestId('m-mediation-terms').locator('textarea').fill('龚志远每晚 22 点后不再拖动家具、外放音乐。\n双方互留电话，有事先沟通。');
    await page.getByTestId('m-mediation-save').click();
    await poll(() => page.getByTestId('m-mediation').count()).toBe(1);
    await page.waitForTimeout(600);
    await shot('phone-mediated');
    await expectNoEnglish(page, ALLOW);
    expect(pageErrors).toEqual([]);
  });
});
