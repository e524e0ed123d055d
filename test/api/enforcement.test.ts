import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, RURAL_GRID, gridCentre } from '../support/places.ts';
import { openWorkOrders } from '../../src/server/cases/open-work-orders.ts';
import { findCurrentMatter } from '../../src/server/matters/store.ts';

// 大综合一体化执法 (issue 15): the matter list, and an enforcement case from a 占道经营 case of the loop through legal
// review, decision, payment and closing (the loop case handed in), each step timed; refusals write nothing.

let t: TestApp;
const tokens: Record<string, string> = {};
let loopCaseId = '';
let loopCaseNumber = '';
let here = { lng: 0, lat: 0 };

const MIN = 60_000;
const get = (who: string, url: string) => t.app.inject({ method: 'GET', url, headers: bearer(tokens[who]!) });
const post = (who: string, url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers: { ...bearer(tokens[who]!), ...headers } });
const count = async (table: string) => (await t.db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]!.n;

/** a 占道经营 work order dispatched to the town's 综合执法岗 (the enforcer holds it) */
async function loopCase(categoryCode: string, grid = DEMO_GRID): Promise<{ id: string; number: string }> {
  const g = (await t.db.query<{ id: string; path: string; town_id: string; town_code: string }>(
    `select g.id, g.path, t.id as town_id, t.code as town_code from org_units g join org_units t on t.level = 'town' and g.path like t.path || '%' where g.code = $1`,
    [grid])).rows[0]!;
  const postRow = (await t.db.query<{ id: string }>(`select id from posts where town_id = $1 and code = 'PA-ZHZF'`, [g.town_id])).rows[0]!;
  const at = await gridCentre(t.db, grid);
  const calendar = await t.app.calendar.current();
  const [o] = await t.db.transaction((tx) => findCurrentMatter(tx, g.town_id, categoryCode).then((matter) => openWorkOrders(tx, [{
    townId: g.town_id, townCode: g.town_code, gridId: g.id, orgPath: g.path, matter: matter!, lng: at.lng, lat: at.lat, address: '春晖路88号门前',
    assignee: { postId: postRow.id }, source: 'enforcement', actor: { id: null, name: '巡查' }, data: {}, description: '门店超出门窗外墙摆摊经营水果',
    dueAt: new Date(t.clock.now.getTime() + 8 * 3600_000),
  }], calendar, t.clock.now)));
  return { id: o!.id, number: o!.number };
}

const FACTS = { areaSqm: 6, firstOffence: false, correctedAtOnce: true };
const SUBJECT = { kind: 'person', name: '刘德明', idNumber: '500103198705061233', phone: '13912345678', address: '春晖路88号' };

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['enforcer', 'leader', 'dispatcher', 'admin', 'gridworker', 'resident', 'handler', 'town2-leader1']) tokens[u] = await t.login(u);
  here = await gridCentre(t.db, DEMO_GRID);
  ({ id: loopCaseId, number: loopCaseNumber } = await loopCase('E0401'));
});
afterAll(async () => { await t.close(); });

describe('the matter list (一张清单)', () => {
  it('reads the city\'s matters with sources, legal bases, facts and benchmarks; filters by source, words and loop category', async () => {
    const all = await get('enforcer', '/api/enforcement/matters');
    expect(all.statusCode).toBe(200);
    const list = all.json();
    expect(list.items.length).toBeGreaterThanOrEqual(12);
    expect(list.counts.empowered + list.counts.entrusted).toBeGreaterThan(list.counts.statutory);
    expect(list.policies).toEqual([]);
    const stall = list.items.find((m: { code: string }) => m.code === 'ZF-SR-001');
    expect(stall).toMatchObject({
      source: 'empowered', delegatedBy: '区城市管理局', loopCategoryCodes: ['E0401'], loopCategoryNames: ['占道经营'], orgUnitName: '重庆市',
      penaltyBasis: { law: '《重庆市市容环境卫生管理条例》' },
    });
    expect(stall.benchmarks.map((b: { name: string }) => b.name)).toEqual(['不予处罚', '从重', '从轻', '一般']);
    for (const m of list.items) {
      expect(m.facts.length).toBeGreaterThanOrEqual(3);
      expect(m.benchmarks.length).toBeGreaterThanOrEqual(2);
    }

    const fire = (await get('enforcer', '/api/enforcement/matters?loopCategoryCode=E0402')).json();
    expect(fire.items.map((m: { code: string }) => m.code).sort()).toEqual(['ZF-XF-001', 'ZF-XF-002']);
    const statutory = (await get('enforcer', '/api/enforcement/matters?source=statutory')).json();
    expect(statutory.items.every((m: { source: string }) => m.source === 'statutory')).toBe(true);
    const words = (await get('enforcer', `/api/enforcement/matters?q=${encodeURIComponent('油烟')}`)).json();
    expect(words.items.map((m: { code: string }) => m.code)).toEqual(['ZF-HJ-002']);

    const bench = await get('enforcer', '/api/enforcement/matters/ZF-SR-001/benchmarks');
    expect(bench.json()).toMatchObject({ code: 'ZF-SR-001', facts: [{ key: 'areaSqm', unit: '平方米' }, {}, {}, {}] });
    expect((await get('enforcer', '/api/enforcement/matters/NO-SUCH')).statusCode).toBe(404);
    expect((await get('gridworker', '/api/enforcement/matters')).statusCode).toBe(403);
    expect((await get('resident', '/api/enforcement/matters')).statusCode).toBe(403);
  });

  it('the city\'s admin saves a matter (new 201, replaced 200), refused bodies name each problem in Chinese and write nothing', async () => {
    const body = {
      code: 'ZF-TEST-01', name: '违规晾晒', category: '市容环境卫生', source: 'empowered', delegatedBy: '区城市管理局',
      violationBasis: { law: '《某条例》', article: '第一条', text: '禁止在临街阳台外晾晒。' },
      penaltyBasis: { law: '《某条例》', article: '第二条', text: '责令改正，可处五十元以下罚款。' },
      loopCategoryCodes: ['E0101'],
      facts: [{ key: 'first', label: '首次', kind: 'boolean' }],
      benchmarks: [
        { key: 'none', name: '不予处罚', conditions: [{ fact: 'first', op: 'eq', value: true }], penalty: { kinds: ['none'], minYuan: null, maxYuan: null }, description: '首次不罚' },
        { key: 'fine', name: '一般', conditions: [], penalty: { kinds: ['fine'], minYuan: 10, maxYuan: 50 }, description: '罚款' },
      ],
    };
    const audits = await count('audit_log');
    const bad = await post('admin', '/api/enforcement/matters', {
      ...body, loopCategoryCodes: ['X9999'],
      benchmarks: [{ ...body.benchmarks[0], conditions: [{ fact: 'nope', op: 'eq', value: true }] }, { ...body.benchmarks[1], penalty: { kinds: ['fine'], minYuan: 60, maxYuan: 50 } }],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('ENFORCEMENT_INVALID');
    expect(bad.json().error.details.reasons).toEqual(expect.arrayContaining([
      expect.stringContaining('未定义的事实「nope」'), expect.stringContaining('罚款幅度有误'), expect.stringContaining('X9999'),
    ]));
    expect(await count('audit_log')).toBe(audits);
    expect((await get('admin', '/api/enforcement/matters/ZF-TEST-01')).statusCode).toBe(404);

    const made = await post('admin', '/api/enforcement/matters', body);
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ code: 'ZF-TEST-01', status: 'active', policies: ['edit'], loopCategoryNames: ['暴露垃圾'] });
    const again = await post('admin', '/api/enforcement/matters', { ...body, name: '临街阳台违规晾晒', retired: true });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ name: '临街阳台违规晾晒', status: 'retired' });
    expect((await get('enforcer', '/api/enforcement/matters')).json().items.some((m: { code: string }) => m.code === 'ZF-TEST-01')).toBe(false);
    expect((await post('enforcer', '/api/enforcement/matters', body)).statusCode).toBe(403);
    const audit = (await t.db.query<{ action: string }>(`select action from audit_log where target_id = 'ZF-TEST-01' order by id`)).rows;
    expect(audit.map((a) => a.action)).toEqual(['enforcement.matter.save', 'enforcement.matter.save']);
  });
});

describe('an enforcement case from a 占道经营 case of the loop', () => {
  let id = '';

  it('refuses missing facts (naming them), a matter of another category and no place; nothing is written', async () => {
    const before = [await count('enforcement_cases'), await count('enforcement_events'), await count('audit_log')];
    const missing = await post('enforcer', '/api/enforcement/cases', {
      matterCode: 'ZF-SR-001', caseId: loopCaseId, facts: { areaSqm: 6 }, subject: SUBJECT, description: '占道经营',
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error).toMatchObject({ code: 'ENFORCEMENT_FACT_MISSING', details: { missing: [{ key: 'firstOffence', label: '首次被查处' }, { key: 'correctedAtOnce', label: '当场改正' }] } });
    expect(missing.json().error.messageZh).toContain('首次被查处');
    const typed = await post('enforcer', '/api/enforcement/cases', {
      matterCode: 'ZF-SR-001', caseId: loopCaseId, facts: { ...FACTS, areaSqm: 'big' }, subject: SUBJECT, description: '占道经营',
    });
    expect(typed.json().error.code).toBe('ENFORCEMENT_INVALID');
    const otherMatter = await post('enforcer', '/api/enforcement/cases', {
      matterCode: 'ZF-XF-001', caseId: loopCaseId, facts: { firstOffence: true, correctedAtOnce: true, refusedOrder: false, blockage: 'partial' }, subject: SUBJECT, description: '占道',
    });
    expect(otherMatter.statusCode).toBe(422);
    expect(otherMatter.json().error.code).toBe('ENFORCEMENT_INVALID');
    const nowhere = await post('enforcer', '/api/enforcement/cases', { matterCode: 'ZF-SR-001', facts: FACTS, subject: SUBJECT, description: '巡查发现' });
    expect(nowhere.json().error).toMatchObject({ code: 'ENFORCEMENT_INVALID', details: { field: 'location' } });
    const badId = await post('enforcer', '/api/enforcement/cases', { matterCode: 'ZF-SR-001', caseId: loopCaseId, facts: FACTS, subject: { ...SUBJECT, idNumber: '500103198705061234' }, description: '占道' });
    expect(badId.json().error.code).toBe('ID_NUMBER_INVALID');
    expect([await count('enforcement_cases'), await count('enforcement_events'), await count('audit_log')]).toEqual(before);
    expect((await post('leader', '/api/enforcement/cases', { matterCode: 'ZF-SR-001', caseId: loopCaseId, facts: FACTS, subject: SUBJECT, description: '占道' })).statusCode).toBe(403);
  });

  it('opens it with the proposed band, once per loop case, and the same Idempotency-Key answers the first', async () => {
    const body = { matterCode: 'ZF-SR-001', caseId: loopCaseId, facts: FACTS, subject: SUBJECT, description: '门店超出门窗外墙摆摊经营水果，约6平方米，一年内第二次' };
    const res = await post('enforcer', '/api/enforcement/cases', body, { 'idempotency-key': 'open-1' });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    id = c.id;
    expect(c).toMatchObject({
      status: 'investigating', matter: { code: 'ZF-SR-001', source: 'empowered' }, loopCase: { id: loopCaseId, number: loopCaseNumber },
      proposed: { benchmarkKey: 'heavy', name: '从重', penalty: { kinds: ['fine'], minYuan: 200, maxYuan: 500 } },
      subject: { kind: 'person', name: '刘**', idNumber: '500103********1233', phone: '139****5678', masked: true },
      officers: [{ name: '邓志强' }], gridName: expect.any(String), townName: '春晖路街道', address: '春晖路88号门前', targetMinutes: 15,
      handlingMinutes: null, timeline: [{ action: 'opened', actorName: '邓志强', minutes: 0 }],
    });
    expect(c.number).toMatch(/^ZF\d{9}\d{8}-\d{2}$/);
    expect(c.facts).toEqual(expect.arrayContaining([{ key: 'areaSqm', label: '占道面积', value: 6, display: '6 平方米' }, expect.objectContaining({ key: 'firstOffence', display: '否' })]));
    expect(c.policies).toEqual(expect.arrayContaining(['updateFacts', 'addEvidence', 'confirmBand', 'drop', 'unmask']));
    expect(c.policies).not.toContain('review');

    const stored = (await t.db.query<{ subject: { idNumber: string; phone: string }; subject_id_hash: string }>('select subject, subject_id_hash from enforcement_cases where id = $1', [id])).rows[0]!;
    expect(JSON.stringify(stored.subject)).not.toContain('500103198705061233');
    expect(JSON.stringify(stored.subject)).not.toContain('13912345678');
    expect(stored.subject_id_hash).toBe(t.app.pii.lookupHash('500103198705061233'));

    const repeat = await post('enforcer', '/api/enforcement/cases', body, { 'idempotency-key': 'open-1' });
    expect(repeat.statusCode).toBe(200);
    expect(repeat.json().id).toBe(id);
    const second = await post('enforcer', '/api/enforcement/cases', body);
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'ENFORCEMENT_STATE_CONFLICT', details: { existingId: id } });

    const byLoop = await get('dispatcher', `/api/enforcement/cases/by-loop-case/${loopCaseId}`);
    expect(byLoop.statusCode).toBe(200);
    expect(byLoop.json()).toMatchObject({ id, policies: [] });
    expect((await get('town2-leader1', `/api/enforcement/cases/by-loop-case/${loopCaseId}`)).statusCode).toBe(404);
    expect((await get('town2-leader1', `/api/enforcement/cases/${id}`)).statusCode).toBe(404);
  });

  it('reads the subject whole only for officers and reviewers, with an audit row', async () => {
    expect((await get('dispatcher', `/api/enforcement/cases/${id}?unmask=true`)).statusCode).toBe(403);
    const whole = await get('leader', `/api/enforcement/cases/${id}?unmask=true`);
    expect(whole.json().subject).toMatchObject({ name: '刘德明', idNumber: '500103198705061233', phone: '13912345678', masked: false });
    const audit = (await t.db.query<{ actor_name: string }>(`select actor_name from audit_log where action = 'enforcement.subject.read' and target_id = $1`, [id])).rows;
    expect(audit).toEqual([{ actor_name: '陈志明' }]);
  });

  it('goes through evidence, the band with a departure reason, a returned and an approved review, the decision, payment and closing, each step timed', async () => {
    const act = (who: string, action: string, body: unknown, headers: Record<string, string> = {}) =>
      post(who, `/api/enforcement/cases/${id}/actions/${action}`, body, headers);

    t.clock.advance(2 * MIN);
    const unknownPhoto = await act('enforcer', 'add-evidence', { kind: 'photo', fileHash: 'a'.repeat(64) });
    expect(unknownPhoto.json().error.code).toBe('PHOTO_UNKNOWN');
    const statement = await act('enforcer', 'add-evidence', { kind: 'statement', text: '当事人承认在门店外摆摊，去年曾被劝导一次。', lng: here.lng, lat: here.lat });
    expect(statement.statusCode).toBe(200);
    expect(statement.json().evidence).toEqual([expect.objectContaining({ kind: 'statement', byName: '邓志强', url: null })]);

    t.clock.advance(2 * MIN);
    const corrected = await act('enforcer', 'update-facts', { facts: { ...FACTS, areaSqm: 2 } });
    expect(corrected.json().proposed).toMatchObject({ benchmarkKey: 'light', name: '从轻' });
    await act('enforcer', 'update-facts', { facts: FACTS });

    expect((await act('enforcer', 'decide', {})).json().error.code).toBe('ENFORCEMENT_REVIEW_REQUIRED');
    const departs = await act('enforcer', 'confirm-band', { benchmarkKey: 'heavy', penalty: { kind: 'fine', fineYuan: 150 } });
    expect(departs.statusCode).toBe(422);
    expect(departs.json().error).toMatchObject({ code: 'ENFORCEMENT_DEPARTURE_REASON_REQUIRED', details: { reasons: [expect.stringContaining('低于建议幅度')] } });
    const noAmount = await act('enforcer', 'confirm-band', { benchmarkKey: 'heavy', penalty: { kind: 'fine' } });
    expect(noAmount.json().error.code).toBe('ENFORCEMENT_INVALID');

    t.clock.advance(3 * MIN);
    const confirmed = await act('enforcer', 'confirm-band', { benchmarkKey: 'heavy', penalty: { kind: 'fine', fineYuan: 150 }, departureReason: '当事人家庭困难，当场改正' });
    expect(confirmed.json()).toMatchObject({
      status: 'awaitingReview', departure: true, departureReason: '当事人家庭困难，当场改正',
      confirmed: { benchmarkKey: 'heavy', penalty: { kind: 'fine', fineYuan: 150 } },
    });
    expect((await act('enforcer', 'review', { approved: true, opinion: '同意' })).statusCode).toBe(403);
    expect((await get('leader', `/api/enforcement/cases/${id}`)).json().policies).toContain('review');

    t.clock.advance(2 * MIN);
    const returned = await act('leader', 'review', { approved: false, opinion: '偏离理由证据不足，请补充' });
    expect(returned.json()).toMatchObject({ status: 'investigating', reviewReturns: 1, review: { approved: false, byName: '陈志明' } });
    await act('enforcer', 'confirm-band', { benchmarkKey: 'heavy', penalty: { kind: 'fine', fineYuan: 200 } });
    t.clock.advance(1 * MIN);
    const approved = await act('leader', 'review', { approved: true, opinion: '事实清楚，证据充分，适用依据正确' }, { 'idempotency-key': 'rev-1' });
    expect(approved.json()).toMatchObject({ status: 'reviewed', departure: false, departureReason: null, reviewReturns: 1 });
    const again = await act('leader', 'review', { approved: true, opinion: '事实清楚' }, { 'idempotency-key': 'rev-1' });
    expect(again.statusCode).toBe(200);
    expect(again.json().version).toBe(approved.json().version);

    t.clock.advance(1 * MIN);
    const decided = await act('enforcer', 'decide', {});
    expect(decided.json()).toMatchObject({
      status: 'decided', decision: { number: '春晖综执罚决字〔2026〕第1号', penalty: { kind: 'fine', fineYuan: 200 }, text: '罚款人民币200元' },
      handlingMinutes: 11, withinTarget: true,
    });
    expect(decided.json().policies).toEqual(expect.arrayContaining(['pay', 'downloadDecision']));
    expect(decided.json().policies).not.toContain('execute');
    expect((await act('enforcer', 'decide', {})).statusCode).toBe(409);
    expect((await act('enforcer', 'execute', { note: '已执行' })).json().error.code).toBe('ENFORCEMENT_INVALID');
    expect((await act('enforcer', 'pay', { receiptNo: 'R-001', amountYuan: 150 })).json().error.code).toBe('ENFORCEMENT_INVALID');

    t.clock.advance(60 * MIN);
    const paid = await act('enforcer', 'pay', { receiptNo: 'R-001', amountYuan: 200 });
    expect(paid.json()).toMatchObject({ status: 'executed', execution: { kind: 'paid', receiptNo: 'R-001', amountYuan: 200 } });
    const closed = await act('enforcer', 'close', { note: '罚款已缴清，占道已清理' });
    expect(closed.json()).toMatchObject({ status: 'closed', loopCase: { id: loopCaseId, status: 'handled' } });
    expect((await act('enforcer', 'drop', { reason: '撤销' })).statusCode).toBe(409);

    const page = closed.json();
    expect(page.timeline.map((e: { action: string }) => e.action)).toEqual([
      'opened', 'add-evidence', 'update-facts', 'update-facts', 'confirm-band', 'review', 'confirm-band', 'review', 'decide', 'pay', 'close',
    ]);
    expect(page.timeline.map((e: { minutes: number }) => e.minutes)).toEqual([0, 2, 2, 0, 3, 2, 0, 1, 1, 60, 0]);
    expect(page.timeline.at(-2).sinceOpenedMinutes).toBe(71);
    const audit = (await t.db.query<{ action: string }>(`select action from audit_log where target_id = $1 and action like 'enforcement.case.%' order by id`, [id])).rows.map((r) => r.action);
    expect(audit).toEqual([
      'enforcement.case.open', 'enforcement.case.add_evidence', 'enforcement.case.update_facts', 'enforcement.case.update_facts', 'enforcement.case.confirm_band',
      'enforcement.case.review', 'enforcement.case.confirm_band', 'enforcement.case.review', 'enforcement.case.decide', 'enforcement.case.pay', 'enforcement.case.close',
    ]);
    const loopEvents = (await t.db.query<{ action: string }>('select action from case_events where case_id = $1 order by id', [loopCaseId])).rows.map((r) => r.action);
    expect(loopEvents.at(-1)).toBe('report_done');
  });

  it('lists the cases of the scope, newest first, a person\'s name masked, by status and words', async () => {
    const list = (await get('leader', '/api/enforcement/cases')).json();
    expect(list.items[0]).toMatchObject({ id, status: 'closed', subjectName: '刘**', matterName: expect.stringContaining('占道经营'), handlingMinutes: 11, withinTarget: true, loopCaseNumber });
    expect(list.policies).toEqual([]);
    expect((await get('enforcer', '/api/enforcement/cases')).json().policies).toEqual(['create']);
    expect((await get('leader', '/api/enforcement/cases?status=investigating')).json().items).toEqual([]);
    expect((await get('town2-leader1', '/api/enforcement/cases')).json().items).toEqual([]);
    expect((await get('resident', '/api/enforcement/cases')).statusCode).toBe(403);
  });
});

describe('a case found on patrol', () => {
  it('is placed by its location inside the officer\'s scope; a firm\'s name stays whole; a decision of no penalty closes directly; dropping', async () => {
    const rural = await gridCentre(t.db, RURAL_GRID);
    const firm = { kind: 'firm', name: '重庆春晖餐饮管理有限公司', creditCode: '91500103MA5U7ABC1X', legalRepresentative: '王小明' };
    const outside = await post('enforcer', '/api/enforcement/cases', { matterCode: 'ZF-HJ-002', facts: { purifierInstalled: true, firstOffence: true, complaints: 1 }, subject: firm, description: '油烟', location: rural });
    expect(outside.statusCode, outside.body).toBe(403);
    const opened = await post('enforcer', '/api/enforcement/cases', {
      matterCode: 'ZF-SR-001', facts: { areaSqm: 2, firstOffence: true, correctedAtOnce: true }, subject: firm, description: '店外堆放桌椅，当场收回', location: here,
    });
    expect(opened.statusCode).toBe(201);
    const c = opened.json();
    expect(c).toMatchObject({ loopCase: null, proposed: { benchmarkKey: 'none', name: '不予处罚' }, subject: { name: '重庆春晖餐饮管理有限公司', legalRepresentative: '王小明' } });
    const act = (who: string, action: string, body: unknown) => post(who, `/api/enforcement/cases/${c.id}/actions/${action}`, body);
    await act('enforcer', 'confirm-band', { benchmarkKey: 'none', penalty: { kind: 'none' } });
    await act('leader', 'review', { approved: true, opinion: '同意不予处罚' });
    const decided = await act('enforcer', 'decide', {});
    expect(decided.json()).toMatchObject({ decision: { number: '春晖综执罚决字〔2026〕第2号', text: '不予行政处罚，责令改正' } });
    expect(decided.json().policies).toContain('close');
    expect((await act('enforcer', 'close', {})).json().status).toBe('closed');

    const other = await post('enforcer', '/api/enforcement/cases', { matterCode: 'ZF-SR-002', facts: { pieces: 30, cleanedAtOnce: false, hardToRemove: false }, subject: { kind: 'person', name: '无名氏' }, description: '电杆上小广告', location: here });
    expect(other.json().proposed.name).toBe('一般');
    const dropped = await post('enforcer', `/api/enforcement/cases/${other.json().id}/actions/drop`, { reason: '无法确认当事人' });
    expect(dropped.json()).toMatchObject({ status: 'dropped', dropReason: '无法确认当事人', policies: ['unmask'] });
  });
});

describe('facts as sent', () => {
  it('keeps a number 1 a number and a null fine a null (the request validator coerces types)', async () => {
    const opened = await post('enforcer', '/api/enforcement/cases', {
      matterCode: 'ZF-XF-003', facts: { refusedOrder: true, charging: false, vehicles: 1 }, subject: { kind: 'person', name: '张三', idNumber: null, phone: null }, description: '楼道停放电动车，拒不改正', location: here,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json().facts).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'vehicles', value: 1, display: '1 辆' })]));
    expect(opened.json().proposed.name).toBe('一般');
    const confirmed = await post('enforcer', `/api/enforcement/cases/${opened.json().id}/actions/confirm-band`, { benchmarkKey: 'general', penalty: { kind: 'warning', fineYuan: null } });
    expect(confirmed.json()).toMatchObject({ status: 'awaitingReview', departure: false, confirmed: { penalty: { kind: 'warning', fineYuan: null } } });
  });
});

describe('the seeded catalog and legal review by someone else', () => {
  it('every seeded matter passes the matter rules, and each benchmark band is reachable in order', async () => {
    const { enforcementMatterCatalog } = await import('../../src/server/enforcement/seed-catalog.ts');
    const { matterRefusals } = await import('../../src/domain/enforcement/benchmarks.ts');
    const catalog = enforcementMatterCatalog();
    expect(catalog.length).toBeGreaterThanOrEqual(12);
    for (const m of catalog) expect(matterRefusals(m), m.code).toEqual([]);
  });

  it('an officer of the case who is also a reviewer may not review it (ENFORCEMENT_SELF_REVIEW)', async () => {
    const { openEnforcementCase } = await import('../../src/server/enforcement/open-case.ts');
    const { applyEnforcementAction } = await import('../../src/server/enforcement/case-actions.ts');
    const town = (await t.db.query<{ id: string; path: string }>(`select u.id, u.path from accounts a join org_units u on u.id = a.scope_org_unit_id where a.username = 'leader'`)).rows[0]!;
    const leader = (await t.db.query<{ id: string }>(`select id from accounts where username = 'leader'`)).rows[0]!;
    const both = {
      accountId: leader.id, username: 'leader', name: '陈志明', kind: 'staff' as const, roles: ['leader' as const, 'handler' as const], scopeOrgUnitId: town.id, scopePath: town.path,
      homeOrgUnitId: null, posts: [], grids: [], departmentIds: [], mustChangePassword: false, tokenHash: '',
    };
    const r = await openEnforcementCase(t.db, t.app, both, {
      matterCode: 'ZF-SR-001', facts: { areaSqm: 2, firstOffence: true, correctedAtOnce: false }, subject: { kind: 'person', name: '王五' }, description: '自办自审', location: here,
    }, t.clock.now, null);
    await applyEnforcementAction(t.db, both, r.id, 'confirm-band', { benchmarkKey: 'light', penalty: { kind: 'warning' } }, t.clock.now, null);
    await expect(applyEnforcementAction(t.db, both, r.id, 'review', { approved: true, opinion: '同意' }, t.clock.now, null))
      .rejects.toMatchObject({ code: 'ENFORCEMENT_SELF_REVIEW' });
    const other = (await post('leader', `/api/enforcement/cases/${r.id}/actions/review`, { approved: true, opinion: '同意' }));
    expect(other.json().error.code).toBe('ENFORCEMENT_SELF_REVIEW');
  });
});
