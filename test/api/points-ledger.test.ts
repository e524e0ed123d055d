import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { addHousehold, addPerson, idNumberOf, registerDemoResident, type RegisteredHousehold } from '../support/participation.ts';
import { awardForEvent, issuerAccount, postTransaction, subjectAccount, supermarketAccount, vetoOf } from '../../src/server/points/ledger.ts';
import { runReconciliation } from '../../src/server/points/reconcile.ts';
import { awardClosedCases } from '../../src/server/points/case-awards.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
let home: RegisteredHousehold;
let other: string;
let otherPerson: string;
let community: { id: string; path: string };

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'leader', 'community', 'gridworker', 'resident', 'dispatcher']) tokens[u] = await t.login(u);
  home = await registerDemoResident(t, { room: '501' });
  other = await addHousehold(t, home.buildingId, '502');
  otherPerson = await addPerson(t, other, { name: '钱建华', idNumber: idNumberOf('19700101', '013'), relation: 'head' });
  community = (await t.db.query<{ id: string; path: string }>(
    `select p.id, p.path from org_units g join org_units p on p.id = g.parent_id where g.code = $1`, [DEMO_GRID],
  )).rows[0]!;
});
afterAll(async () => { await t.close(); });

const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { ...bearer(tokens[who]!), ...headers }, ...(payload ? { payload } : {}) });

const RULES = [
  { code: 'clean', name: '庭院整洁', kind: 'base', points: 10, subjectKind: 'household', capPoints: 30, capPeriod: 'month' },
  { code: 'help', name: '邻里互助', kind: 'bonus', points: 5, subjectKind: 'household', autoEvent: 'helpDone' },
  { code: 'report', name: '随手拍被办结', kind: 'bonus', points: 3, subjectKind: 'household', autoEvent: 'caseClosed' },
  { code: 'volunteer', name: '志愿服务', kind: 'bonus', points: 2, subjectKind: 'person', autoEvent: 'volunteerHour', capPoints: 10, capPeriod: 'month' },
  { code: 'litter', name: '乱扔垃圾', kind: 'minus', points: 5, subjectKind: 'household' },
  { code: 'build', name: '违章搭建', kind: 'veto', points: 20, subjectKind: 'household', vetoMonths: 6 },
];
const balanceOf = async (subject: string, who = 'community') => (await call('GET', `/api/points/accounts/${subject}`, who)).json().balance as number;
const award = (subject: object, ruleCode: string, eventRef: string, extra: object = {}) =>
  call('POST', '/api/points/awards', 'community', { subject, ruleCode, eventRef, ...extra });
const count = async (table: string) => Number((await t.db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]!.n);

describe('points rules', () => {
  it('keeps a community\'s draft for staff, refuses bad sets and stale versions, and shows residents only what is published', async () => {
    const empty = await call('GET', `/api/points/rules?orgUnitId=${community.id}`, 'community');
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json()).toMatchObject({ version: 0, rules: [], published: null, policies: ['update'] });
    expect((await call('PUT', `/api/points/rules?orgUnitId=${community.id}`, 'gridworker', { version: 0, rules: RULES })).statusCode).toBe(403);
    const bad = await call('PUT', `/api/points/rules?orgUnitId=${community.id}`, 'community', {
      version: 0, rules: [{ code: 'x', name: '否决', kind: 'veto', points: 0, subjectKind: 'household' }, { code: 'x', name: '重复', kind: 'base', points: 1, subjectKind: 'household' }],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('POINTS_INVALID');
    expect(bad.json().error.details.reasons.length).toBeGreaterThanOrEqual(2);
    const saved = await call('PUT', `/api/points/rules?orgUnitId=${community.id}`, 'community', { version: 0, rules: [...RULES, { code: 'old', name: '旧条目', kind: 'base', points: 1, subjectKind: 'household' }] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, unpublishedChanges: true, policies: ['update', 'publish'] });
    expect((await call('PUT', `/api/points/rules?orgUnitId=${community.id}`, 'community', { version: 0, rules: RULES })).statusCode).toBe(409);
    const again = await call('PUT', `/api/points/rules?orgUnitId=${community.id}`, 'community', { version: 1, rules: RULES });
    expect(again.json().version).toBe(2);
    expect(again.json().rules.find((r: { code: string }) => r.code === 'old')).toMatchObject({ retired: true });
    // the resident reads nothing before publishing
    const before = await call('GET', '/api/points/rules', 'resident');
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json()).toMatchObject({ orgUnitId: community.id, rules: [], policies: [] });
    expect((await call('POST', `/api/points/rules/publish?orgUnitId=${community.id}`, 'gridworker')).statusCode).toBe(403);
    const pub = await call('POST', `/api/points/rules/publish?orgUnitId=${community.id}`, 'community');
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json()).toMatchObject({ unpublishedChanges: false, published: { version: 2 } });
    const seen = (await call('GET', '/api/points/rules', 'resident')).json();
    expect(seen.rules.map((r: { code: string }) => r.code)).toEqual(RULES.map((r) => r.code));
    expect(seen.published.publishedByName).toBeNull();
    const audited = (await t.db.query<{ action: string }>(`select action from audit_log where target_id = $1 order by id`, [community.id])).rows.map((r) => r.action);
    expect(audited).toEqual(['points.rules.save', 'points.rules.save', 'points.rules.publish']);
  });
});

describe('awards and the ledger', () => {
  it('awards by a published rule once per event, capped per month, and shows the household its points', async () => {
    const h = { householdId: home.householdId };
    const first = await award(h, 'clean', '2026-11 第1周');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ kind: 'award', points: 10, reasonName: '庭院整洁', created: true, policies: ['reverse'] });
    const repeat = await award(h, 'clean', '2026-11 第1周');
    expect(repeat.statusCode).toBe(200);
    expect(repeat.json()).toMatchObject({ id: first.json().id, created: false });
    expect((await award(h, 'clean', '2026-11 第2周')).json().points).toBe(10);
    expect((await award(h, 'clean', '2026-11 第3周')).json().points).toBe(10);
    const capped = await award(h, 'clean', '2026-11 第4周');
    expect(capped.statusCode).toBe(422);
    expect(capped.json().error.code).toBe('POINTS_INVALID');
    expect((await award(h, 'nosuch', 'x')).statusCode).toBe(422);
    expect((await award({ residentId: home.residentId }, 'clean', 'x')).statusCode).toBe(422);
    expect((await call('POST', '/api/points/awards', 'gridworker', { subject: h, ruleCode: 'clean', eventRef: 'y' })).statusCode).toBe(403);
    expect((await call('POST', '/api/points/awards', 'resident', { subject: h, ruleCode: 'clean', eventRef: 'y' })).statusCode).toBe(403);
    expect(await balanceOf(`household:${home.householdId}`)).toBe(30);

    const mine = await call('GET', '/api/points/accounts/me', 'resident');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({ subject: `household:${home.householdId}`, balance: 30, name: '周**', policies: [] });
    expect(mine.json().members[0].name).toBe('周**');
    expect(mine.json().entries).toHaveLength(3);
    expect(mine.json().entries[0]).toMatchObject({ reasonName: '庭院整洁', amount: 10, policies: [] });
    // not another household's, nor by a staff route
    expect((await call('GET', `/api/points/accounts/household:${other}`, 'resident')).statusCode).toBe(404);
    expect((await call('GET', '/api/points/accounts', 'resident')).statusCode).toBe(403);
    const staffView = (await call('GET', `/api/points/accounts/household:${home.householdId}`, 'community')).json();
    expect(staffView).toMatchObject({ name: '周淑芬', policies: ['award'] });
    const list = (await call('GET', '/api/points/accounts?q=议事苑', 'community')).json();
    expect(list.items.find((i: { householdId: string }) => i.householdId === home.householdId)).toMatchObject({ balance: 30, headName: '周淑芬' });
    expect(list.items.find((i: { householdId: string }) => i.householdId === other)).toMatchObject({ balance: 0 });
  });

  it('reverses a transaction once, and refuses a reversal that would take points already spent', async () => {
    const h = { householdId: other };
    const a = (await award(h, 'help', 'manual-1')).json();
    expect(await balanceOf(`household:${other}`)).toBe(5);
    // 4 of the 5 points go to the supermarket
    await t.db.transaction(async (tx) => {
      const acc = await subjectAccount(tx, h, t.clock.now);
      const shop = await supermarketAccount(tx, community.id, t.clock.now);
      await postTransaction(tx, { kind: 'redemption', reasonCode: 'redemption', subjectAccountId: acc.id, orgUnitId: community.id, at: t.clock.now, by: null, entries: [{ accountId: acc.id, amount: -4 }, { accountId: shop.id, amount: 4 }] });
    });
    const transactions = await count('point_transactions');
    const short = await call('POST', `/api/points/transactions/${a.id}/reverse`, 'community', { reason: '录错了' });
    expect(short.statusCode).toBe(422);
    expect(short.json().error).toMatchObject({ code: 'POINTS_INSUFFICIENT', details: { available: 1 } });
    expect(await count('point_transactions')).toBe(transactions);

    const b = (await award({ householdId: home.householdId }, 'help', 'manual-2')).json();
    expect((await call('POST', `/api/points/transactions/${b.id}/reverse`, 'gridworker', { reason: 'x' })).statusCode).toBe(403);
    const rev = await call('POST', `/api/points/transactions/${b.id}/reverse`, 'community', { reason: '重复登记' });
    expect(rev.statusCode, rev.body).toBe(201);
    expect(rev.json()).toMatchObject({ kind: 'reversal', points: -5, reversesId: b.id, reasonName: '冲正：邻里互助', policies: [] });
    expect((await call('POST', `/api/points/transactions/${b.id}/reverse`, 'community', { reason: '再来' })).statusCode).toBe(409);
    expect((await call('POST', `/api/points/transactions/${rev.json().id}/reverse`, 'community', { reason: '再来' })).statusCode).toBe(422);
    expect((await call('POST', '/api/points/transactions/nope/reverse', 'community', { reason: '再来' })).json().error.code).toBe('POINTS_ENTRY_UNKNOWN');
    expect(await balanceOf(`household:${home.householdId}`)).toBe(30);
    const audited = (await t.db.query<{ action: string }>(`select action from audit_log where target_id = $1`, [b.id])).rows.map((r) => r.action);
    expect(audited).toEqual(['points.award', 'points.reverse']);
  });

  it('deducts at most the balance, vetoes for months, and tells the balance at a past date', async () => {
    const before = t.clock.now;
    t.clock.advance(60_000);
    const minus = await award({ householdId: home.householdId }, 'litter', '楼道垃圾 11-20');
    expect(minus.json()).toMatchObject({ kind: 'deduction', points: -5 });
    const veto = await award({ householdId: home.householdId }, 'build', '违建 11-20');
    expect(veto.json()).toMatchObject({ kind: 'veto', points: -20 });
    expect(veto.json().vetoUntil).toBeTruthy();
    expect(await balanceOf(`household:${home.householdId}`)).toBe(5);
    const at = await call('GET', `/api/points/accounts/household:${home.householdId}?asOf=${encodeURIComponent(before.toISOString())}`, 'community');
    expect(at.json()).toMatchObject({ balance: 5, balanceAsOf: 30, veto: { ruleName: '违章搭建' } });
    const v = await vetoOf(t.db, home.householdId, t.clock.now);
    expect(v?.ruleName).toBe('违章搭建');
    // a deduction bigger than the balance takes what is there; an empty account refuses
    expect((await award({ householdId: other }, 'litter', '垃圾 A')).json().points).toBe(-1);
    const empty = await award({ householdId: other }, 'litter', '垃圾 B');
    expect(empty.json().error).toMatchObject({ code: 'POINTS_INSUFFICIENT', details: { available: 0 } });
  });

  it('awards the system\'s events once by the published rule, per person or household, capped; none without a rule', async () => {
    const r = await t.db.transaction((tx) => awardForEvent(tx, { residentId: home.residentId, autoEvent: 'helpDone', eventRef: 'help:1', at: t.clock.now, by: null }));
    expect(r?.points).toBe(5);
    const again = await t.db.transaction((tx) => awardForEvent(tx, { residentId: home.residentId, autoEvent: 'helpDone', eventRef: 'help:1', at: t.clock.now, by: null }));
    expect(again).toEqual(r);
    const hours = await t.db.transaction((tx) => awardForEvent(tx, { residentId: otherPerson, autoEvent: 'volunteerHour', eventRef: 'activity:1', at: t.clock.now, by: null, units: 4 }));
    expect(hours?.points).toBe(8);
    const more = await t.db.transaction((tx) => awardForEvent(tx, { residentId: otherPerson, autoEvent: 'volunteerHour', eventRef: 'activity:2', at: t.clock.now, by: null, units: 4 }));
    expect(more?.points).toBe(2);
    expect(await t.db.transaction((tx) => awardForEvent(tx, { residentId: otherPerson, autoEvent: 'volunteerHour', eventRef: 'activity:3', at: t.clock.now, by: null, units: 1 }))).toBeNull();
    expect(await t.db.transaction((tx) => awardForEvent(tx, { residentId: otherPerson, autoEvent: 'meetingAttended', eventRef: 'meeting:1', at: t.clock.now, by: null }))).toBeNull();
    expect(await balanceOf(`person:${otherPerson}`)).toBe(10);
  });

  it('awards one of many concurrent identical awards', async () => {
    const rs = await Promise.all(Array.from({ length: 20 }, () => award({ householdId: other }, 'help', 'concurrent-1')));
    expect(rs.map((r) => r.statusCode).sort()).toEqual([...Array(19).fill(200), 201]);
    expect(new Set(rs.map((r) => r.json().id)).size).toBe(1);
    expect(Number((await t.db.query<{ n: number }>(`select count(*)::int as n from point_transactions where event_ref = 'concurrent-1'`)).rows[0]!.n)).toBe(1);
  });

  it('is held by the database: balanced transactions, books written once, balances never below zero', async () => {
    await expect(t.db.transaction(async (tx) => {
      const acc = await subjectAccount(tx, { householdId: other }, t.clock.now);
      const issuer = await issuerAccount(tx, community.id, t.clock.now);
      await postTransaction(tx, { kind: 'award', reasonCode: 'x', subjectAccountId: acc.id, orgUnitId: community.id, at: t.clock.now, by: null, entries: [{ accountId: acc.id, amount: 3 }, { accountId: issuer.id, amount: -2 }] });
    })).rejects.toMatchObject({ code: 'POINTS_INVALID' });
    const tid = (await t.db.query<{ id: string; subject_id: string }>(`select id, subject_id from point_transactions limit 1`)).rows[0]!;
    await expect(t.db.query(`update point_entries set amount = amount + 1 where transaction_id = $1`, [tid.id])).rejects.toThrow(/immutable/);
    await expect(t.db.query(`delete from point_transactions where id = $1`, [tid.id])).rejects.toThrow(/immutable/);
    await expect(t.db.query(`update point_accounts set balance = -1 where kind = 'household'`)).rejects.toThrow(/never_negative/);
    // entries that do not sum to zero fail at commit
    await expect(t.db.transaction(async (tx) => {
      const x = (await tx.query<{ id: string }>(
        `insert into point_transactions (kind, reason_code, org_unit_id, org_path, subject_id, at) values ('award', 'x', $1, $2, $3, now()) returning id`,
        [community.id, community.path, tid.subject_id],
      )).rows[0]!;
      await tx.query(`insert into point_entries (transaction_id, account_id, amount, at) values ($1, $2, 7, now())`, [x.id, tid.subject_id]);
    })).rejects.toThrow(/not balanced/);
  });
});

describe('reconciliation and the closed-case awards', () => {
  it('finds no mismatch in honest books, and raises the alarm on a balance that differs from its entries', async () => {
    const ok = await call('POST', '/api/points/reconciliations', 'admin');
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().run).toMatchObject({ mismatches: [], unbalanced: [] });
    expect((await call('POST', '/api/points/reconciliations', 'community')).statusCode).toBe(403);
    const acc = (await t.db.query<{ id: string }>(`select id from point_accounts where household_id = $1`, [home.householdId])).rows[0]!;
    await t.db.query(`update point_accounts set balance = balance + 100 where id = $1`, [acc.id]);
    const lines: string[] = [];
    const run = await runReconciliation(t.db, t.clock.now, (l) => lines.push(l));
    expect(run.mismatches).toEqual([expect.objectContaining({ accountId: acc.id, stored: 110, computed: 10 })]);
    expect(lines).toHaveLength(1);
    const alarm = (await t.db.query<{ success: boolean }>(`select success from audit_log where action = 'points.reconcile.mismatch' and target_id = $1`, [String(run.id)])).rows;
    expect(alarm).toEqual([{ success: false }]);
    const listed = (await call('GET', '/api/points/reconciliations', 'community')).json();
    expect(listed.items[0].mismatches).toEqual([expect.objectContaining({ accountId: acc.id, stored: 110, computed: 10 })]);
    expect((await call('GET', '/api/points/reconciliations', 'resident')).statusCode).toBe(403);
    await t.db.query(`update point_accounts set balance = balance - 100 where id = $1`, [acc.id]);
  });

  it('awards a resident reporter once when their case is closed', async () => {
    const here = await gridCentre(t.db, DEMO_GRID);
    const c = await call('POST', '/api/cases', 'resident', { categoryCode: 'C0101', description: '井盖松动', location: here });
    expect(c.statusCode, c.body).toBeLessThan(300);
    const staffCase = await call('POST', '/api/cases', 'gridworker', { categoryCode: 'C0101', description: '井盖', location: here });
    t.clock.advance(60_000);
    await t.db.query(`update cases set status = 'closed', closed_at = $2 where id = any($1::text[])`, [[c.json().id, staffCase.json().id], t.clock.now]);
    const before = await balanceOf(`household:${home.householdId}`);
    t.clock.advance(60_000);
    expect(await awardClosedCases(t.db, t.app.pii, t.clock.now)).toBe(1);
    expect(await awardClosedCases(t.db, t.app.pii, t.clock.now)).toBe(0);
    expect(await balanceOf(`household:${home.householdId}`)).toBe(before + 3);
    const entries = (await call('GET', '/api/points/accounts/me', 'resident')).json().entries;
    expect(entries[0]).toMatchObject({ reasonName: '随手拍被办结', amount: 3, eventRef: `case:${c.json().id}` });
  });
});

describe('assessments', () => {
  it('goes 户自查 → 组互评 → 村评定 and awards the approved items once', async () => {
    const made = await call('POST', '/api/points/assessments', 'resident', {
      period: '2026-11', items: [{ ruleCode: 'clean', claimed: true, note: '每周打扫' }, { ruleCode: 'help', claimed: true }],
    });
    expect(made.statusCode, made.body).toBe(201);
    const a = made.json();
    expect(a).toMatchObject({ status: 'selfReported', headName: '周**', policies: [] });
    expect(a.items[0]).toMatchObject({ ruleName: '庭院整洁', points: 10 });
    expect((await call('POST', '/api/points/assessments', 'resident', { period: '2026-11', items: [{ ruleCode: 'clean', claimed: true }] })).statusCode).toBe(409);
    expect((await call('POST', '/api/points/assessments', 'resident', { period: '2026-10', items: [{ ruleCode: 'litter', claimed: true }] })).statusCode).toBe(422);
    expect((await call('POST', `/api/points/assessments/${a.id}/approve`, 'community', { items: [{ ruleCode: 'clean', claimed: true, approved: true }] })).statusCode).toBe(409);
    const gw = await call('GET', `/api/points/assessments/${a.id}`, 'gridworker');
    expect(gw.json().policies).toEqual(['peerReview', 'return']);
    const peer = await call('POST', `/api/points/assessments/${a.id}/peer-review`, 'gridworker', {
      items: [{ ruleCode: 'clean', claimed: true, peer: true }, { ruleCode: 'help', claimed: true, peer: false }], note: '组内互评',
    });
    expect(peer.statusCode, peer.body).toBe(200);
    expect(peer.json()).toMatchObject({ status: 'peerReviewed' });
    expect((await call('POST', `/api/points/assessments/${a.id}/approve`, 'gridworker', { items: [{ ruleCode: 'clean', claimed: true, approved: true }] })).statusCode).toBe(403);
    const household = `household:${home.householdId}`;
    const before = await balanceOf(household);
    // the month's cap of 庭院整洁 (30) was reached in November by hand: a December period awards
    t.clock.set(new Date('2026-12-20T02:00:00Z'));
    for (const u of Object.keys(tokens)) tokens[u] = await t.login(u);
    const ok = await call('POST', `/api/points/assessments/${a.id}/approve`, 'community', { items: [{ ruleCode: 'clean', claimed: true, approved: true }] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', awardedPoints: 10, policies: [] });
    expect(await balanceOf(household)).toBe(before + 10);
    expect((await call('POST', `/api/points/assessments/${a.id}/return`, 'community', { note: 'x' })).statusCode).toBe(409);

    const second = (await call('POST', '/api/points/assessments', 'community', { period: '2026-12', householdId: other, items: [{ ruleCode: 'clean', claimed: true }] })).json();
    const ret = await call('POST', `/api/points/assessments/${second.id}/return`, 'gridworker', { note: '请补充照片' });
    expect(ret.json()).toMatchObject({ status: 'returned', decisionNote: '请补充照片' });
    const again = await call('POST', '/api/points/assessments', 'community', { period: '2026-12', householdId: other, items: [{ ruleCode: 'clean', claimed: true, note: '附照片' }] });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ id: second.id, status: 'selfReported' });
    const list = (await call('GET', '/api/points/assessments?period=2026-12', 'community')).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([second.id]);
    expect((await call('GET', '/api/points/assessments', 'resident')).json().items.map((x: { id: string }) => x.id)).toEqual([a.id]);
    expect((await call('GET', `/api/points/assessments/${second.id}`, 'resident')).statusCode).toBe(404);
  });
});
