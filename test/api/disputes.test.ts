import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { seedId } from '../../src/server/platform/seed/demo-town.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
let grid1: { lng: number; lat: number };
let grid2: { lng: number; lat: number };
let residentPhone: string;

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'leader', 'dispatcher', 'mediator', 'handler', 'community', 'gridworker', 'department', 'resident']) tokens[u] = await t.login(u);
  grid1 = await gridCentre(t.db, DEMO_GRID);
  grid2 = await gridCentre(t.db, '500199001002001');
  const sealed = (await t.db.query<{ phone: string }>(`select phone from accounts where username = 'resident'`)).rows[0]!.phone;
  residentPhone = t.app.pii.tryDecrypt(sealed) ?? sealed;
});
afterAll(async () => { await t.close(); });

const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { ...bearer(tokens[who]!), ...headers }, ...(payload ? { payload } : {}) });

const neighbours = (over: Record<string, unknown> = {}) => ({
  classCode: '02', subclassCode: '02-01',
  parties: [
    { role: 'applicant', name: '张桂英', phone: '13812345678', idNumber: '500103195001011234', address: '春晖路12号3单元501' },
    { role: 'respondent', name: '刘强', phone: '13987654321' },
  ],
  description: '楼上住户夜间装修噪音，多次协商未果', location: grid1, address: '春晖路12号',
  ...over,
});
const count = async () => Number((await t.db.query<{ n: number }>('select count(*)::int as n from disputes')).rows[0]!.n);
const audits = async (id: string) => (await t.db.query<{ action: string }>('select action from audit_log where target_id = $1 order by id', [id])).rows.map((x) => x.action);

describe('dispute classes', () => {
  it('lists the 18 classes with subclasses coded <class>-<nn> to every reader', async () => {
    const r = await call('GET', '/api/disputes/classes', 'resident');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.items).toHaveLength(18);
    expect(body.items[1]).toMatchObject({ code: '02', name: '邻里纠纷', policies: [] });
    expect(body.items[1].subclasses[0]).toEqual({ code: '02-01', name: '噪音扰民', retired: false });
    expect(body.policies).toEqual([]);
  });

  it('lets the admin rename, add and retire subclasses and add a class (audited); others may not', async () => {
    expect((await call('PUT', '/api/disputes/classes/18', 'mediator', { name: '其他纠纷', subclasses: [] })).statusCode).toBe(403);
    const r = await call('PUT', '/api/disputes/classes/18', 'admin', { name: '其他纠纷', subclasses: [{ code: '18-01', name: '其他', retired: true }, { name: '网络谣言' }] });
    expect(r.statusCode).toBe(200);
    expect(r.json().subclasses).toEqual([{ code: '18-01', name: '其他', retired: true }, { code: '18-02', name: '网络谣言', retired: false }]);
    const listed = (await call('GET', '/api/disputes/classes', 'admin')).json();
    expect(listed.items.find((c: { code: string }) => c.code === '18').subclasses).toEqual([{ code: '18-02', name: '网络谣言', retired: false }]);
    expect(listed.policies).toEqual(['create']);
    const bad = await call('PUT', '/api/disputes/classes/18', 'admin', { name: '其他纠纷', subclasses: [{ code: '02-01', name: '噪音' }] });
    expect(bad.statusCode).toBe(422);
    expect((await call('PUT', '/api/disputes/classes/99', 'admin', { name: 'x', subclasses: [] })).statusCode).toBe(404);
    const created = await call('POST', '/api/disputes/classes', 'admin', { code: '19', name: '新类别', subclasses: [{ name: '甲' }] });
    expect(created.statusCode).toBe(201);
    expect(created.json().subclasses).toEqual([{ code: '19-01', name: '甲', retired: false }]);
    expect((await call('POST', '/api/disputes/classes', 'admin', { code: '19', name: '重复', subclasses: [] })).statusCode).toBe(409);
    expect(await audits('18')).toEqual(['dispute_class.update']);
    expect(await audits('19')).toEqual(['dispute_class.create']);
  });
});

describe('registering a dispute', () => {
  let id: string;

  it('registers a neighbour dispute: parties sealed and masked, risk and tier by the rules, a work order for the 矛盾调解岗', async () => {
    const r = await call('POST', '/api/disputes', 'mediator', neighbours(), { 'idempotency-key': 'reg-1' });
    expect(r.statusCode, r.body).toBe(201);
    const d = r.json();
    id = d.id;
    expect(d.number).toMatch(/^JF\d{9}20261123-01$/);
    expect(d).toMatchObject({
      status: 'open', classCode: '02', className: '邻里纠纷', subclassName: '噪音扰民', tier: 'joint', suggestedTier: 'joint',
      gridName: '春晖社区第1网格', handlingUnitName: '春晖社区', source: 'visit', flareUps: 0, unmasked: false,
    });
    // 张桂英, born 1950: 76 on the day, a vulnerable party raises low to medium, and medium suggests joint
    expect(d.risk.level).toBe('medium');
    expect(d.risk.reasons.join()).toContain('弱势');
    expect(d.parties[0]).toMatchObject({ seq: 1, role: 'applicant', name: '张**', phone: '138****5678', idNumber: '5001**********1234', vulnerable: true, self: false });
    expect(d.parties[0].vulnerableReason).toContain('老年人');
    expect(d.parties[1]).toMatchObject({ name: '刘*', phone: '139****4321', idNumber: null });
    expect(d.workOrder).toMatchObject({ status: 'dispatched', light: 'green', assigneeName: '矛盾调解岗' });
    expect(d.events.map((e: { action: string }) => e.action)).toEqual(['registered']);
    expect(d.policies).toEqual(expect.arrayContaining(['mediate', 'push', 'litigate', 'changeTier', 'assessRisk', 'close', 'unmask']));
    expect(d.policies).not.toContain('reopen');

    const stored = (await t.db.query<Record<string, string>>('select * from dispute_parties where dispute_id = $1 order by seq', [id])).rows;
    expect(JSON.stringify(stored)).not.toContain('13812345678');
    expect(JSON.stringify(stored)).not.toContain('张桂英');
    expect(stored[0]!.phone_hash).toBe(t.app.pii.lookupHash('13812345678'));
    const wo = (await t.db.query<{ source: string; category_code: string; assignee: unknown }>('select source, category_code, assignee from cases where id = $1', [d.caseId])).rows[0]!;
    expect(wo).toMatchObject({ source: 'dispute', category_code: 'D0000' });
    expect(wo.assignee).toHaveProperty('postId');
    expect(await audits(id)).toEqual(['dispute.register']);
  });

  it('answers the first dispute to a repeated Idempotency-Key', async () => {
    const before = await count();
    const r = await call('POST', '/api/disputes', 'mediator', neighbours(), { 'idempotency-key': 'reg-1' });
    expect(r.statusCode).toBe(200);
    expect(r.json().id).toBe(id);
    expect(await count()).toBe(before);
  });

  it('refuses bad input with a code and writes nothing', async () => {
    const before = await count();
    const cases = (await t.db.query<{ n: number }>('select count(*)::int as n from cases')).rows[0]!.n;
    const expectRefused = async (body: object, status: number, code: string) => {
      const r = await call('POST', '/api/disputes', 'mediator', body);
      expect(r.statusCode, r.body).toBe(status);
      expect(r.json().error.code).toBe(code);
    };
    await expectRefused(neighbours({ classCode: '77' }), 422, 'DISPUTE_CLASS_UNKNOWN');
    await expectRefused(neighbours({ subclassCode: '01-01' }), 422, 'DISPUTE_CLASS_UNKNOWN');
    await expectRefused(neighbours({ parties: [{ role: 'respondent', name: '刘强' }] }), 422, 'DISPUTE_INVALID');
    await expectRefused(neighbours({ parties: [{ role: 'applicant' }] }), 422, 'DISPUTE_INVALID');
    await expectRefused(neighbours({ parties: [{ role: 'applicant', name: '甲', idNumber: '500103195001011239' }] }), 422, 'ID_NUMBER_INVALID');
    await expectRefused(neighbours({ location: { lng: 10, lat: 10 } }), 422, 'LOCATION_OUTSIDE_GRIDS');
    await expectRefused(neighbours({ tier: 'onSpot' }), 422, 'DISPUTE_TIER_REASON_REQUIRED');
    await expectRefused(neighbours({ caseId: (await call('GET', `/api/disputes/${id}`, 'mediator')).json().caseId }), 422, 'DISPUTE_INVALID');
    expect(await count()).toBe(before);
    expect((await t.db.query<{ n: number }>('select count(*)::int as n from cases')).rows[0]!.n).toBe(cases);
    expect((await call('POST', '/api/disputes', 'leader', neighbours())).statusCode).toBe(403);
    expect((await call('POST', '/api/disputes', 'resident', neighbours())).statusCode).toBe(403);
  });

  it('attaches a dispute case reported in the loop instead of opening another work order', async () => {
    const reported = await call('POST', '/api/cases', 'gridworker', { categoryCode: 'D0000', description: '两户因排水沟争吵', location: grid1, address: '春晖路8号' });
    expect(reported.statusCode, reported.body).toBe(201);
    const caseId = reported.json().id;
    const cases = (await t.db.query<{ n: number }>('select count(*)::int as n from cases')).rows[0]!.n;
    const r = await call('POST', '/api/disputes', 'mediator', neighbours({ caseId, location: grid2, address: null, description: '两户因排水沟争吵' }));
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ caseId, source: 'case', gridName: '春晖社区第1网格', address: '春晖路8号' });
    expect(r.json().workOrder.id).toBe(caseId);
    expect((await t.db.query<{ n: number }>('select count(*)::int as n from cases')).rows[0]!.n).toBe(cases);
    const other = await call('POST', '/api/cases', 'gridworker', { categoryCode: 'E0101', description: '垃圾没人清', location: grid1 });
    const refused = await call('POST', '/api/disputes', 'mediator', neighbours({ caseId: other.json().id }));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('DISPUTE_INVALID');
  });

  it('takes a lower tier with a reason', async () => {
    const r = await call('POST', '/api/disputes', 'mediator', neighbours({ tier: 'onSpot', tierReason: '双方同意网格员调解' }));
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ tier: 'onSpot', suggestedTier: 'joint', tierReason: '双方同意网格员调解', handlingUnitName: '春晖社区第1网格' });
  });

  it('escalates a group of 12 unpaid workers to the town, the work order to the 矛盾调解岗', async () => {
    const r = await call('POST', '/api/disputes', 'mediator', {
      classCode: '10', parties: [{ role: 'applicant', name: '王建军' }, { role: 'respondent', name: '某建筑劳务公司' }],
      description: '12名农民工讨要工程款', location: grid2, riskFactors: { threats: false, groupSize: 12, amountYuan: 360000, note: null },
    });
    expect(r.statusCode, r.body).toBe(201);
    const d = r.json();
    expect(d).toMatchObject({ tier: 'escalated', handlingUnitName: '春晖路街道', risk: { level: 'high' } });
    expect(d.workOrder.assigneeName).toBe('矛盾调解岗');
  });
});

describe('who reads a dispute', () => {
  let mine: string;
  let other: string;

  beforeAll(async () => {
    mine = (await call('POST', '/api/disputes', 'mediator', neighbours({
      parties: [{ role: 'applicant', name: '周淑芬', phone: residentPhone }, { role: 'respondent', name: '陈大海', phone: '13700001111' }],
      description: '楼上漏水浸湿天花板', subclassCode: '02-02',
    }))).json().id;
    other = (await call('POST', '/api/disputes', 'mediator', neighbours({ location: grid2, description: '通道堆放杂物' }))).json().id;
  });

  it('keeps each reader to their scope, in the list and the page', async () => {
    const listed = (who: string, q = '') => call('GET', `/api/disputes${q}`, who).then((r) => r.json().items.map((d: { id: string }) => d.id));
    expect(await listed('mediator')).toEqual(expect.arrayContaining([mine, other]));
    expect(await listed('gridworker')).toContain(mine);
    expect(await listed('gridworker')).not.toContain(other);
    expect((await call('GET', `/api/disputes/${other}`, 'gridworker')).statusCode).toBe(404);
    expect((await call('GET', `/api/disputes/${other}`, 'department')).statusCode).toBe(404);
    expect(await listed('department')).toEqual([]);
    expect((await call('GET', '/api/disputes?status=open&tier=escalated', 'mediator')).json().items.every((d: { tier: string }) => d.tier === 'escalated')).toBe(true);
    expect(await listed('mediator', '?q=漏水')).toEqual([mine]);
  });

  it('pages newest first by cursor', async () => {
    const first = (await call('GET', '/api/disputes?limit=2', 'mediator')).json();
    expect(first.items).toHaveLength(2);
    expect(first.policies).toEqual(['create']);
    const second = (await call('GET', `/api/disputes?limit=2&cursor=${first.nextCursor}`, 'mediator')).json();
    expect(second.items[0].createdAt <= first.items[1].createdAt).toBe(true);
    expect(second.items.map((d: { id: string }) => d.id)).not.toContain(first.items[0].id);
    expect((await call('GET', '/api/disputes?cursor=nonsense', 'mediator')).statusCode).toBe(400);
  });

  it('lets a resident read only the disputes they are a party of, their own party whole and the others masked', async () => {
    const list = (await call('GET', '/api/disputes', 'resident')).json();
    expect(list.items.map((d: { id: string }) => d.id)).toEqual([mine]);
    expect(list.policies).toEqual([]);
    const d = (await call('GET', `/api/disputes/${mine}`, 'resident')).json();
    expect(d.parties[0]).toMatchObject({ name: '周淑芬', phone: residentPhone, self: true });
    expect(d.parties[1]).toMatchObject({ name: '陈**', phone: '137****1111', self: false });
    expect(d.policies).toEqual([]);
    expect((await call('GET', `/api/disputes/${other}`, 'resident')).statusCode).toBe(404);
    expect((await call('GET', `/api/disputes/${mine}?unmask=true`, 'resident')).statusCode).toBe(403);
  });

  it('shows the parties whole to a handler of the scope, audited; other readers may not unmask', async () => {
    const r = await call('GET', `/api/disputes/${mine}?unmask=true`, 'mediator');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ unmasked: true });
    expect(r.json().parties[1]).toMatchObject({ name: '陈大海', phone: '13700001111' });
    expect(await audits(mine)).toEqual(['dispute.register', 'dispute.parties.read']);
    expect((await call('GET', `/api/disputes/${mine}?unmask=true`, 'leader')).statusCode).toBe(403);
    expect((await call('GET', `/api/disputes/${mine}`, 'leader')).json().policies).toEqual([]);
  });
});

describe('acting on a dispute', () => {
  let id: string;
  const act = (name: string, body: object, who = 'mediator', key?: string) =>
    call('POST', `/api/disputes/${id}/actions/${name}`, who, body, key ? { 'idempotency-key': key } : {});

  beforeAll(async () => {
    id = (await call('POST', '/api/disputes', 'mediator', neighbours({ description: '相邻通行纠纷', subclassCode: '02-03' }))).json().id;
  });

  it('pushes to a district department, whose member reads it and replies once done', async () => {
    const dep = (await t.db.query<{ id: string }>(`select id from departments where name = '区城市管理局'`)).rows[0]!.id;
    const r = await act('push', { unitKind: 'department', departmentId: dep, dueDays: 5, note: '请核实占道情况' }, 'mediator', 'push-1');
    expect(r.statusCode, r.body).toBe(200);
    const ref = r.json().referrals[0];
    expect(ref).toMatchObject({ unitKind: 'department', unitName: '区城市管理局', status: 'pending', overdue: false, canReply: true });
    expect((await act('push', { unitKind: 'department', departmentId: dep, dueDays: 5 }, 'mediator', 'push-1')).json().referrals).toHaveLength(1);

    const seen = await call('GET', `/api/disputes/${id}`, 'department');
    expect(seen.statusCode).toBe(200);
    expect(seen.json().policies).toEqual(['reply']);
    expect(seen.json().parties[0].name).toBe('张**');
    expect((await call('GET', '/api/disputes', 'department')).json().items.map((d: { id: string }) => d.id)).toEqual([id]);

    const replied = await act('reply', { referralId: ref.id, text: '已到现场核实，责令清理', done: true }, 'department');
    expect(replied.statusCode, replied.body).toBe(200);
    expect(replied.json().referrals[0]).toMatchObject({ status: 'done', canReply: false, replies: [{ by: '孙海涛', text: '已到现场核实，责令清理', done: true }] });
    const again = await act('reply', { referralId: ref.id, text: '再次回复', done: false }, 'department');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('DISPUTE_STATE_CONFLICT');
    expect((await act('push', { unitKind: 'policeStation', dueDays: 3 })).json().error.code).toBe('DISPUTE_INVALID');
    expect((await act('push', { unitKind: 'policeStation', unitName: '春晖路派出所', dueDays: 3 })).statusCode).toBe(200);
    expect((await act('push', { unitKind: 'court', unitName: 'x', dueDays: 3 }, 'department')).statusCode).toBe(403);
  });

  it('changes the tier with a reason and re-assesses the risk', async () => {
    const r = await act('change-tier', { tier: 'escalated', reason: '涉及多个部门' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ tier: 'escalated', tierReason: '涉及多个部门', handlingUnitName: '春晖路街道' });
    expect((await act('change-tier', { tier: 'escalated', reason: '同上' })).statusCode).toBe(422);
    const risk = await act('assess-risk', { factors: { threats: true, groupSize: 0, amountYuan: null, note: '扬言堵路' } });
    expect(risk.json().risk).toMatchObject({ level: 'high', factors: { threats: true, note: '扬言堵路' } });
    expect(risk.json().suggestedTier).toBe('escalated');
  });

  it('transfers to court, then closes (handing the work order in), then reopens as a new dispute of the chain', async () => {
    const lit = await act('litigate', { court: '九龙坡区人民法院', courtCaseNumber: '（2026）渝0107民初1234号' });
    expect(lit.json()).toMatchObject({ status: 'litigation', court: '九龙坡区人民法院', courtCaseNumber: '（2026）渝0107民初1234号' });
    const refused = await act('change-tier', { tier: 'joint', reason: 'x' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('DISPUTE_STATE_CONFLICT');
    expect((await act('reopen', { description: 'x', reason: 'y' })).statusCode).toBe(409);

    const closed = await act('close', { reason: '法院已判决' });
    expect(closed.statusCode, closed.body).toBe(200);
    const c = closed.json();
    expect(c).toMatchObject({ status: 'closed', closeReason: '法院已判决', policies: ['followUp', 'attachSigned', 'reopen', 'unmask'] });
    // the work order went to the 矛盾调解岗, whose A holder closes it: handed in
    expect(c.events.at(-1)).toMatchObject({ action: 'closed', data: { handedIn: true } });
    expect(c.workOrder.status).toBe('handled');
    expect((await act('close', { reason: 'again' })).statusCode).toBe(409);

    const r = await act('reopen', { description: '判决后双方再起冲突', reason: '通道再次被堵' }, 'mediator', 'reopen-1');
    expect(r.statusCode, r.body).toBe(201);
    const later = r.json();
    expect(later).toMatchObject({ status: 'open', flareUps: 1, reopenedFrom: id, classCode: '02', subclassCode: '02-03', description: '判决后双方再起冲突' });
    expect(later.risk.level).toBe('high');
    expect(later.risk.reasons.join()).toMatch(/复发/);
    expect(later.parties.map((p: { name: string }) => p.name)).toEqual(['张**', '刘*']);
    expect(later.chain.map((x: { id: string; current: boolean }) => [x.id, x.current])).toEqual([[id, false], [later.id, true]]);
    expect(later.workOrder.id).not.toBe(c.workOrder.id);
    expect((await act('reopen', { description: 'x', reason: 'y' }, 'mediator', 'reopen-1')).json().id).toBe(later.id);
    const again = await act('reopen', { description: 'x', reason: 'y' });
    expect(again.statusCode).toBe(409);
    const earlier = (await call('GET', `/api/disputes/${id}`, 'mediator')).json();
    expect(earlier.events.at(-1)).toMatchObject({ action: 'reopened', data: { laterNumber: later.number } });
    expect(earlier.policies).not.toContain('reopen');
    expect(await audits(later.id)).toEqual(['dispute.reopen']);
  });

  it('sends an ordinary dispute to the grid\'s full-time grid worker, who closes it and hands the work order in', async () => {
    const r0 = await call('POST', '/api/disputes', 'gridworker', neighbours({
      description: '宠物狗扰民', subclassCode: '02-05', parties: [{ role: 'applicant', name: '孙丽' }, { role: 'respondent', name: '钱多多' }],
    }));
    expect(r0.statusCode, r0.body).toBe(201);
    const d = r0.json();
    expect(d).toMatchObject({ tier: 'onSpot', handlingUnitName: '春晖社区第1网格', risk: { level: 'low' }, source: 'gridWorker' });
    expect(d.workOrder.assigneeName).toBe('李明辉');
    const wo = (await t.db.query<{ assignee: unknown }>('select assignee from cases where id = $1', [d.caseId])).rows[0]!;
    expect(wo.assignee).toEqual({ staffId: seedId('account', 'gridworker') });
    const r = await call('POST', `/api/disputes/${d.id}/actions/close`, 'gridworker', { reason: '双方和解' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().workOrder.status).toBe('handled');
    expect(r.json().events.at(-1).data.handedIn).toBe(true);
  });

  it('answers 404 outside the scope and 403 to roles that may not act', async () => {
    const other = (await call('POST', '/api/disputes', 'mediator', neighbours({ location: grid2, description: '停车位纠纷' }))).json().id;
    expect((await call('POST', `/api/disputes/${other}/actions/close`, 'gridworker', { reason: 'x' })).statusCode).toBe(404);
    expect((await call('POST', `/api/disputes/${other}/actions/close`, 'leader', { reason: 'x' })).statusCode).toBe(403);
    expect((await call('POST', `/api/disputes/${other}/actions/close`, 'resident', { reason: 'x' })).statusCode).toBe(403);
  });
});
