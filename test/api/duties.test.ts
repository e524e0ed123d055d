// Issue 12, the duty catalogs (三张清单), admission control (清单准入) and standing duties ("6+1"): scope (another
// town's catalog 404), a level above the requester 403, a missing basis 400, a blank one 422, deciding twice 409, the
// same Idempotency-Key answering the first request, the item entering its level with who approved it, the burden and
// the trend moving, audit rows written with each change, policies on what comes back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
const unit: Record<string, string> = {};

const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, who: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { ...bearer(tokens[who]!), ...headers }, ...(payload ? { payload } : {}) });

const item = (name: string, over: object = {}) => ({
  name, listType: 'basic', basis: '《重庆市城乡社区治理条例》第二十一条', description: '按月走访', minutesPerVisit: 30, ...over,
});
const admission = (level: string, name: string, over: object = {}) => ({ level, item: item(name), reason: '街道统一部署', burden: 2, ...over });

const audits = async (action: string, targetId: string) =>
  (await t.db.query<{ n: number }>('select count(*)::int as n from audit_log where action = $1 and target_id = $2', [action, targetId])).rows[0]!.n;

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['leader', 'community', 'department', 'admin', 'gridworker', 'dispatcher', 'resident']) tokens[u] = await t.login(u);
  const rows = (await t.db.query<{ id: string; code: string }>('select id, code from org_units where code = any($1)', [['500199001000', '500199101000', '500199001001', DEMO_GRID]])).rows;
  const id = (code: string) => rows.find((r) => r.code === code)!.id;
  Object.assign(unit, { urbanTown: id('500199001000'), ruralTown: id('500199101000'), community: id('500199001001'), grid: id(DEMO_GRID) });
});
afterAll(async () => { await t.close(); });

describe('reading a town\'s catalogs', () => {
  it('answers the caller\'s town, empty before anything was admitted, with the leader\'s policies', async () => {
    const r = await call('GET', '/api/duty-catalog', 'leader');
    expect(r.statusCode, r.body).toBe(200);
    const c = r.json();
    expect(c.town.name).toBe('春晖路街道');
    expect(c.items).toEqual([]);
    expect(c.counts.grid).toEqual({ basic: 0, assisting: 0, withdrawn: 0, total: 0 });
    expect(c.trend).toHaveLength(12);
    expect(c.trend[11].month).toBe('2026-11');
    expect(c.requestLevels).toEqual(['town', 'community', 'grid']);
    expect(c.policies).toEqual(['requestAdmission', 'decideAdmissions', 'editItems', 'editStandingDuties']);
    expect(c.burden.grid.registry.gridWorkers).toBe(1);
  });

  it('resolves the town from any unit of the scope, and answers 404 for another town', async () => {
    const mine = await call('GET', `/api/duty-catalog?orgUnitId=${unit.grid}&level=grid`, 'community');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({ town: { id: unit.urbanTown }, level: 'grid', requestLevels: ['community', 'grid'], policies: ['requestAdmission'] });
    expect((await call('GET', `/api/duty-catalog?orgUnitId=${unit.ruralTown}`, 'leader')).statusCode).toBe(404);
    expect((await call('GET', `/api/duty-catalog?orgUnitId=${unit.urbanTown}`, 'gridworker')).json().policies).toEqual([]);
    // the district's department reads both towns: the first when it names none, and the list to choose from
    expect((await call('GET', `/api/duty-catalog?orgUnitId=${unit.ruralTown}`, 'department')).statusCode).toBe(200);
    const first = (await call('GET', '/api/duty-catalog', 'department')).json();
    expect(first.town.name).toBe('春晖路街道');
    expect(first.towns.map((x: { name: string }) => x.name)).toEqual(['春晖路街道', '青杠镇']);
    expect(mine.json().towns.map((x: { name: string }) => x.name)).toEqual(['春晖路街道']);
    // filing, it must name the town
    expect((await call('POST', '/api/duty-catalog/admissions', 'department', admission('grid', '未指定镇街'))).statusCode).toBe(400);
    expect((await call('GET', '/api/duty-catalog', 'resident')).statusCode).toBe(403);
  });
});

describe('admission control', () => {
  let pending: string;

  it('refuses a level above the requester (403), a missing basis (400), a blank one and a missing department (422)', async () => {
    const above = await call('POST', '/api/duty-catalog/admissions', 'community', admission('town', '社区代办镇街事项'));
    expect(above.statusCode).toBe(403);
    const { basis: _, ...noBasis } = item('无依据事项');
    const missing = await call('POST', '/api/duty-catalog/admissions', 'community', { level: 'grid', item: noBasis, reason: '试', burden: 1 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('VALIDATION_FAILED');
    const blank = await call('POST', '/api/duty-catalog/admissions', 'community', admission('grid', '空依据事项', { item: item('空依据事项', { basis: '   ' }) }));
    expect(blank.statusCode).toBe(422);
    expect(blank.json().error).toMatchObject({ code: 'DUTY_INVALID', messageZh: '请填写事项的法律或政策依据。' });
    const noDept = await call('POST', '/api/duty-catalog/admissions', 'community', admission('grid', '配合事项', { item: item('配合事项', { listType: 'assisting' }) }));
    expect(noDept.statusCode).toBe(422);
    expect((await call('POST', '/api/duty-catalog/admissions', 'gridworker', admission('grid', '网格员申请'))).statusCode).toBe(403);
    expect((await t.db.query<{ n: number }>('select count(*)::int as n from duty_admissions')).rows[0]!.n).toBe(0);
  });

  it('files a request once per Idempotency-Key, pending, with what it would add to the level', async () => {
    const body = admission('grid', '电动自行车入户充电排查', { burden: 4, item: item('电动自行车入户充电排查', { minutesPerVisit: 15, dutyCode: 'D3' }) });
    const first = await call('POST', '/api/duty-catalog/admissions', 'community', body, { 'idempotency-key': 'adm-1' });
    expect(first.statusCode, first.body).toBe(201);
    const again = await call('POST', '/api/duty-catalog/admissions', 'community', body, { 'idempotency-key': 'adm-1' });
    expect(again.json().id).toBe(first.json().id);
    expect((await t.db.query<{ n: number }>('select count(*)::int as n from duty_admissions')).rows[0]!.n).toBe(1);
    const a = first.json();
    pending = a.id;
    expect(a).toMatchObject({ status: 'pending', level: 'grid', burden: 4, requestedByName: '赵秀兰', requesterUnit: '春晖社区', policies: [] });
    // 4 visits × 15 minutes = 1 h a month on each grid worker
    expect(a.effect.added).toBe(1);
    expect(a.effect.after).toBeCloseTo(a.effect.before + 1, 5);
    expect(await audits('duty.admission.request', a.id)).toBe(1);
  });

  it('lists the town\'s requests with the decider\'s policies', async () => {
    const l = await call('GET', '/api/duty-catalog/admissions?status=pending', 'leader');
    expect(l.statusCode, l.body).toBe(200);
    expect(l.json().items.map((x: { id: string }) => x.id)).toEqual([pending]);
    expect(l.json().items[0].policies).toEqual(['approve', 'refuse']);
    expect(l.json().counts).toEqual({ pending: 1, approved: 0, refused: 0 });
    expect((await call('GET', `/api/duty-catalog/admissions?orgUnitId=${unit.ruralTown}`, 'leader')).statusCode).toBe(404);
  });

  it('lets a department ask at any level of a town it names; approved, the item enters its level with who approved it', async () => {
    const r = await call('POST', '/api/duty-catalog/admissions', 'department', {
      ...admission('grid', '城市管理领域问题巡查', { burden: 2 }), orgUnitId: unit.urbanTown,
      item: item('城市管理领域问题巡查', { listType: 'assisting', department: '区城市管理局', minutesPerVisit: 30 }),
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().requesterUnit).toBe('区城市管理局');
    const before = (await call('GET', '/api/duty-catalog?level=grid', 'leader')).json();
    // the community cannot decide; the leader can, once
    expect((await call('POST', `/api/duty-catalog/admissions/${r.json().id}/approve`, 'community', {})).statusCode).toBe(403);
    const ok = await call('POST', `/api/duty-catalog/admissions/${r.json().id}/approve`, 'leader', { note: '同意' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', decidedByName: '陈志明', itemCode: 'W-001', policies: [] });
    const twice = await call('POST', `/api/duty-catalog/admissions/${r.json().id}/refuse`, 'leader', { note: '重复' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('ADMISSION_DECIDED');
    const after = (await call('GET', '/api/duty-catalog?level=grid', 'leader')).json();
    expect(after.items).toHaveLength(1);
    expect(after.items[0]).toMatchObject({
      code: 'W-001', level: 'grid', listType: 'assisting', department: '区城市管理局', admissionId: r.json().id,
      approvedByName: '陈志明', hoursPerMonth: 1, policies: ['edit', 'retire'],
    });
    expect(after.counts.grid).toEqual({ basic: 0, assisting: 1, withdrawn: 0, total: 1 });
    expect(after.trend[11].counts.grid.total).toBe(1);
    expect(after.trend[10].counts.grid.total).toBe(0);
    expect(after.burden.grid.hours).toBeCloseTo(before.burden.grid.hours + 1, 5);
    expect(await audits('duty.admission.approve', r.json().id)).toBe(1);
    // nothing reaches another level: the town and community lists are still empty
    expect((await call('GET', '/api/duty-catalog?level=community', 'leader')).json().items).toEqual([]);
  });

  it('refuses with words only', async () => {
    expect((await call('POST', `/api/duty-catalog/admissions/${pending}/refuse`, 'leader', {})).statusCode).toBe(400);
    const blank = await call('POST', `/api/duty-catalog/admissions/${pending}/refuse`, 'leader', { note: '  ' });
    expect(blank.statusCode).toBe(422);
    const r = await call('POST', `/api/duty-catalog/admissions/${pending}/refuse`, 'leader', { note: '已由消防部门统一排查' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'refused', decisionNote: '已由消防部门统一排查', itemId: null, effect: { before: null, after: null } });
    expect((await call('POST', `/api/duty-catalog/admissions/${pending}/approve`, 'leader', {})).json().error.code).toBe('ADMISSION_DECIDED');
    expect(await audits('duty.admission.refuse', pending)).toBe(1);
  });

  it('keeps another town\'s requests from the leader: 404', async () => {
    const r = await call('POST', '/api/duty-catalog/admissions', 'admin', { ...admission('community', '村级事项'), orgUnitId: unit.ruralTown });
    expect(r.statusCode, r.body).toBe(201);
    expect((await call('POST', `/api/duty-catalog/admissions/${r.json().id}/approve`, 'leader', {})).statusCode).toBe(404);
    expect((await call('POST', `/api/duty-catalog/admissions/${r.json().id}/approve`, 'admin', {})).json().itemCode).toBe('S-001');
  });
});

describe('the upkeep of items', () => {
  it('corrects an item\'s text with its version, and retires it with a reason', async () => {
    const it0 = (await call('GET', '/api/duty-catalog?level=grid', 'leader')).json().items[0];
    const blank = await call('PATCH', `/api/duty-catalog/items/${it0.id}`, 'leader', { version: it0.version, basis: ' ' });
    expect(blank.statusCode).toBe(422);
    const ok = await call('PATCH', `/api/duty-catalog/items/${it0.id}`, 'leader', { version: it0.version, basis: '《重庆市城市综合管理条例》第十二条' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ basis: '《重庆市城市综合管理条例》第十二条', version: it0.version + 1 });
    expect((await call('PATCH', `/api/duty-catalog/items/${it0.id}`, 'leader', { version: it0.version, name: '旧版本' })).statusCode).toBe(409);
    expect((await call('PATCH', `/api/duty-catalog/items/${it0.id}`, 'community', { version: it0.version + 1, name: '社区改名' })).statusCode).toBe(403);
    const retired = await call('POST', `/api/duty-catalog/items/${it0.id}/retire`, 'leader', { version: it0.version + 1, reason: '职能调整，由部门直接履行' });
    expect(retired.statusCode, retired.body).toBe(200);
    expect(retired.json()).toMatchObject({ retiredReason: '职能调整，由部门直接履行', policies: [] });
    const c = (await call('GET', '/api/duty-catalog?level=grid', 'leader')).json();
    expect(c.items).toEqual([]);
    expect(c.counts.grid.total).toBe(0);
    expect((await call('GET', '/api/duty-catalog?level=grid&retired=true', 'leader')).json().items).toHaveLength(1);
    expect(await audits('duty.item.update', it0.id)).toBe(1);
    expect(await audits('duty.item.retire', it0.id)).toBe(1);
  });
});

describe('the burden reads the registry', () => {
  it('adds a building\'s monthly check to the grid worker\'s load', async () => {
    const before = (await call('GET', '/api/duty-catalog', 'leader')).json().burden.grid.registry;
    const r = await call('POST', '/api/registry/buildings', 'gridworker', { name: '负担测试楼', location: await gridCentre(t.db, DEMO_GRID), units: 1, floors: 3, roomsPerFloor: 2 });
    expect(r.statusCode, r.body).toBe(201);
    const after = (await call('GET', '/api/duty-catalog', 'leader')).json().burden.grid.registry;
    expect(after.buildings).toBe(before.buildings + 1);
    expect(after.buildingChecks).toBeCloseTo(before.buildingChecks + 1, 5);
  });
});

describe('standing duties', () => {
  it('answers the platform\'s until the town edits them, and saves an edit of the whole list once per version', async () => {
    const r = await call('GET', '/api/standing-duties', 'community');
    expect(r.statusCode, r.body).toBe(200);
    const s0 = r.json();
    expect(s0).toMatchObject({ own: false, version: 0, policies: [] });
    expect(s0.duties.map((d: { code: string }) => d.code)).toEqual(['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7']);
    const duties = s0.duties.map(({ code, name, description, everyDays, deadlineDays, enabled }: Record<string, unknown>) => ({ code, name, description, everyDays, deadlineDays, enabled }));
    const edited = duties.map((d: { code: string }) => (d.code === 'D4' ? { ...d, everyDays: 14, name: '矛盾纠纷双周排查' } : d));
    expect((await call('PUT', '/api/standing-duties', 'community', { version: 0, duties: edited })).statusCode).toBe(403);
    const bad = await call('PUT', '/api/standing-duties', 'leader', { version: 0, duties: edited.map((d: { code: string }) => (d.code === 'D2' ? { ...d, everyDays: 7 } : d)) });
    expect(bad.statusCode).toBe(422);
    const ok = await call('PUT', '/api/standing-duties', 'leader', { version: 0, duties: edited });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ own: true, version: 1, policies: ['edit'] });
    expect(ok.json().duties[3]).toMatchObject({ code: 'D4', kind: 'disputeSweep', name: '矛盾纠纷双周排查', everyDays: 14, rhythm: true });
    expect((await call('PUT', '/api/standing-duties', 'leader', { version: 0, duties })).statusCode).toBe(409);
    expect((await call('PUT', '/api/standing-duties', 'leader', { orgUnitId: unit.ruralTown, version: 0, duties })).statusCode).toBe(404);
    expect(await audits('standing_duties.save', unit.urbanTown!)).toBe(1);
    // the generation reads the town's own list from now on
    const rows = (await t.db.query<{ every_days: number }>(`select every_days from standing_duties where town_id = $1 and code = 'D4'`, [unit.urbanTown])).rows;
    expect(rows).toEqual([{ every_days: 14 }]);
  });
});
