import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, RURAL_GRID, gridCentre } from '../support/places.ts';
import { makeJpeg } from '../support/images.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
let here: { lng: number; lat: number };
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'leader', 'dispatcher', 'handler', 'gridworker', 'resident', 'community', 'department']) tokens[u] = await t.login(u);
  here = await gridCentre(t.db, DEMO_GRID);
});
afterAll(async () => { await t.close(); });

const call = (method: 'GET' | 'POST', url: string, who: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { ...bearer(tokens[who]!), ...headers }, ...(payload ? { payload } : {}) });
const act = (id: string, action: string, who: string, body: object = {}) => call('POST', `/api/cases/${id}/actions/${action}`, who, body);
const upload = async (who: string, colour: string) => (await t.app.inject({
  method: 'POST', url: '/api/files', headers: { ...bearer(tokens[who]!), 'content-type': 'image/jpeg' }, payload: await makeJpeg(400, 300, colour),
})).json().hash as string;
const counts = async () => (await t.db.query<{ cases: number; events: number }>(
  'select (select count(*)::int from cases) as cases, (select count(*)::int from case_events) as events')).rows[0]!;

describe('the closed loop', () => {
  it('grid worker reports → dispatcher accepts and dispatches → handler handles → grid worker verifies', async () => {
    const before = await upload('gridworker', '#aa3333');
    const reported = await call('POST', '/api/cases', 'gridworker', {
      categoryCode: 'C0101', description: '春晖路12号门口井盖缺失，有行人跌落风险', location: here, address: '春晖路12号', photos: [before],
    });
    expect(reported.statusCode).toBe(201);
    const c = reported.json();
    expect(c).toMatchObject({
      status: 'reported', version: 1, categoryName: '井盖破损缺失', tier: 'town', source: 'gridWorker',
      routedAssignee: { kind: 'post', name: '城市更新岗' }, assignee: null,
    });
    expect(c.number).toMatch(/^500199001-20261123-\d{4}$/);
    expect(c.deadlines.accept.light).toBe('green');
    expect(c.photos).toEqual([expect.objectContaining({ hash: before, phase: 'before' })]);
    expect(c.policies).toEqual([]); // the reporter has nothing to do until it is handled

    const queue = (await call('GET', '/api/cases?status=reported', 'dispatcher')).json();
    expect(queue.items.map((x: { id: string }) => x.id)).toContain(c.id);
    const seen = (await call('GET', `/api/cases/${c.id}`, 'dispatcher')).json();
    expect(seen.policies).toEqual(expect.arrayContaining(['accept', 'reject', 'escalate']));
    // a list row carries the same policies as the case itself
    expect(queue.items.find((x: { id: string }) => x.id === c.id).policies).toEqual(seen.policies);
    expect((await call('GET', '/api/cases?mine=reported', 'gridworker')).json().items.find((x: { id: string }) => x.id === c.id).policies).toEqual([]);

    const accepted = (await act(c.id, 'accept', 'dispatcher', { version: 1 })).json();
    expect(accepted).toMatchObject({ status: 'accepted', version: 2 });
    expect(accepted.deadlines.accept.stoppedAt).not.toBeNull();
    const dispatched = (await act(c.id, 'dispatch', 'dispatcher')).json();
    expect(dispatched).toMatchObject({ status: 'dispatched', assignee: { kind: 'post', name: '城市更新岗' } });
    expect(dispatched.deadlines.handle.light).toBe('green');

    const inbox = (await call('GET', '/api/cases?mine=assigned', 'handler')).json();
    expect(inbox.items.map((x: { id: string }) => x.id)).toContain(c.id);
    expect((await act(c.id, 'start', 'handler')).json().status).toBe('in_progress');
    const after = await upload('handler', '#33aa33');
    const done = (await act(c.id, 'report_done', 'handler', { note: '已更换新井盖', photos: [after] })).json();
    expect(done.status).toBe('handled');
    expect(done.photos.map((p: { phase: string }) => p.phase)).toEqual(['before', 'after']);

    const verifyList = (await call('GET', '/api/cases?mine=verify', 'gridworker')).json();
    expect(verifyList.items.map((x: { id: string }) => x.id)).toContain(c.id);
    const closed = (await act(c.id, 'verify', 'gridworker')).json();
    expect(closed.status).toBe('closed');
    expect(closed.timeline.map((e: { action: string }) => e.action)).toEqual(['report', 'accept', 'dispatch', 'start', 'report_done', 'verify']);
    expect(closed.timeline[0]).toMatchObject({ actor: '李明辉', from: null, to: 'reported' });
    const rated = (await act(c.id, 'rate', 'gridworker', { rating: { score: 5, comment: '处理很快' } })).json();
    expect(rated.satisfaction).toEqual({ score: 5, label: '非常满意', comment: '处理很快' });
  });

  it('a resident reports by 随手拍, tracks it and rates it after closing', async () => {
    const r = await call('POST', '/api/cases', 'resident', { categoryCode: 'E0101', description: '小区门口垃圾堆放', location: here });
    expect(r.statusCode).toBe(201);
    const c = r.json();
    expect(c).toMatchObject({ source: 'resident', tier: 'grid', routedAssignee: { kind: 'staff', name: '李明辉' } });
    const mine = (await call('GET', '/api/cases', 'resident')).json().items;
    expect(mine.map((x: { id: string }) => x.id)).toEqual([c.id]);
    await act(c.id, 'accept', 'dispatcher');
    await act(c.id, 'dispatch', 'dispatcher');
    await act(c.id, 'report_done', 'gridworker', { note: '已清运' });
    await act(c.id, 'verify', 'dispatcher');
    expect((await call('GET', `/api/cases/${c.id}`, 'resident')).json().policies).toEqual(['rate']);
    const rated = (await act(c.id, 'rate', 'resident', { rating: { score: 2 } })).json();
    expect(rated.satisfaction).toMatchObject({ score: 2, label: '不满意' });
    expect((await act(c.id, 'rate', 'resident', { rating: { score: 5 } })).statusCode).toBe(409);
  });

  it('a grid worker resolves a trifle on the spot (琐事马上办)', async () => {
    const c = (await call('POST', '/api/cases', 'gridworker', { categoryCode: 'E0201', description: '电线杆小广告', location: here })).json();
    const done = (await act(c.id, 'resolve_on_spot', 'gridworker', { photos: [await upload('gridworker', '#3333aa')] })).json();
    expect(done.status).toBe('handled');
    const notOnSpot = (await call('POST', '/api/cases', 'gridworker', { categoryCode: 'C0101', description: '井盖松动', location: here })).json();
    const refused = await act(notOnSpot.id, 'resolve_on_spot', 'gridworker');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('CASE_NOT_ON_SPOT');
  });

  it('sends a withdrawn matter to its department, which sees and handles it', async () => {
    const c = (await call('POST', '/api/cases', 'dispatcher', { categoryCode: 'C0201', description: '路灯不亮', location: here, source: 'hotline' })).json();
    expect(c).toMatchObject({ source: 'hotline', routedAssignee: { kind: 'department', name: '区城市管理局' } });
    await act(c.id, 'accept', 'dispatcher');
    await act(c.id, 'dispatch', 'dispatcher');
    expect((await call('GET', '/api/cases?mine=assigned', 'department')).json().items.map((x: { id: string }) => x.id)).toContain(c.id);
    expect((await act(c.id, 'report_done', 'department', { note: '已修复' })).json().status).toBe('handled');
  });
});

describe('refusals leave nothing half-written', () => {
  const report = (body: object, who = 'gridworker', headers = {}) => call('POST', '/api/cases', who, body, headers);

  it('answers each bad intake with its code', async () => {
    const before = await counts();
    const missing = await report({ description: 'x' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toMatch(/categoryCode|location/);
    const nowhere = await report({ categoryCode: 'C0101', description: '井盖', location: { lng: 100, lat: 20 } });
    expect([nowhere.statusCode, nowhere.json().error.code]).toEqual([422, 'LOCATION_OUTSIDE_GRIDS']);
    const unknown = await report({ categoryCode: 'X9999', description: '?', location: here });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([422, 'CATEGORY_UNKNOWN']);
    const photo = await report({ categoryCode: 'C0101', description: '井盖', location: here, photos: ['0'.repeat(64)] });
    expect([photo.statusCode, photo.json().error.code]).toEqual([422, 'PHOTO_UNKNOWN']);
    expect((await report({ categoryCode: 'C0101', description: '', location: here })).statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('returns the same case for the same Idempotency-Key', async () => {
    const body = { categoryCode: 'E0401', description: '占道经营', location: here };
    const first = await report(body, 'gridworker', { 'idempotency-key': 'k-1' });
    const again = await report(body, 'gridworker', { 'idempotency-key': 'k-1' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const other = await report(body, 'resident', { 'idempotency-key': 'k-1' });
    expect(other.json().id).not.toBe(first.json().id);
  });

  it('refuses a wrong transition with the allowed actions, a wrong actor, a stale version', async () => {
    const c = (await report({ categoryCode: 'E0301', description: '夜间施工噪音', location: here })).json();
    const before = await counts();
    const wrongState = await act(c.id, 'verify', 'dispatcher');
    expect(wrongState.statusCode).toBe(409);
    expect(wrongState.json().error).toMatchObject({ code: 'CASE_INVALID_TRANSITION', details: { allowed: expect.arrayContaining(['accept']) } });
    const wrongActor = await act(c.id, 'accept', 'handler');
    expect([wrongActor.statusCode, wrongActor.json().error.code]).toEqual([403, 'CASE_FORBIDDEN']);
    const noReason = await act(c.id, 'reject', 'dispatcher');
    expect([noReason.statusCode, noReason.json().error.code]).toEqual([422, 'CASE_REASON_REQUIRED']);
    await act(c.id, 'accept', 'dispatcher', { version: 1 });
    const stale = await act(c.id, 'dispatch', 'dispatcher', { version: 1 });
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'CASE_STALE_VERSION']);
    const badAssignee = await act(c.id, 'dispatch', 'dispatcher', { assignee: { postId: 'nope' } });
    expect([badAssignee.statusCode, badAssignee.json().error.code]).toEqual([422, 'ASSIGNEE_UNKNOWN']);
    const after = await counts();
    expect(after.events).toBe(before.events + 1); // only the accept
    expect((await act(c.id, 'accept', 'dispatcher', { bogus: 1 })).statusCode).toBe(400);
    expect((await act(c.id, 'fly', 'dispatcher')).statusCode).toBe(400);
  });

  it('hides cases outside the caller\'s scope as 404', async () => {
    const rural = await gridCentre(t.db, RURAL_GRID);
    const c = (await call('POST', '/api/cases', 'resident', { categoryCode: 'E0101', description: '村口垃圾', location: rural })).json();
    expect(c.townId).not.toBe((await call('GET', '/api/me', 'dispatcher')).json().scopeOrgUnitId);
    expect((await call('GET', `/api/cases/${c.id}`, 'dispatcher')).statusCode).toBe(404);
    expect((await act(c.id, 'accept', 'dispatcher')).statusCode).toBe(404);
    const list = (await call('GET', '/api/cases?limit=200', 'dispatcher')).json().items;
    expect(list.map((x: { id: string }) => x.id)).not.toContain(c.id);
  });
});

describe('SLA clocks', () => {
  it('turns the acceptance light yellow after 80 % and red when overdue', async () => {
    const c = (await call('POST', '/api/cases', 'gridworker', { categoryCode: 'E0402', description: '消防通道被占', location: here })).json();
    expect(c.deadlines.accept).toMatchObject({ light: 'green' });
    t.clock.advance(4.5 * 60_000);
    expect((await call('GET', `/api/cases/${c.id}`, 'dispatcher')).json().deadlines.accept.light).toBe('yellow');
    t.clock.advance(60_000);
    expect((await call('GET', `/api/cases/${c.id}`, 'dispatcher')).json().deadlines.accept.light).toBe('red');
    const overdue = (await call('GET', '/api/cases?overdue=true', 'dispatcher')).json().items;
    expect(overdue).toEqual([]); // lights in lists come from the sweep, which has not run here
  });
});

describe('anonymous 随手拍', () => {
  const post = (payload: object, ip = '10.9.0.1') => t.app.inject({ method: 'POST', url: '/api/public/cases', payload, remoteAddress: ip });

  it('reports with a phone number and tracks by number and phone only', async () => {
    const r = await post({ categoryCode: 'E0101', description: '楼下垃圾没人清', location: here, reporter: { phone: '13800001111' } });
    expect(r.statusCode).toBe(201);
    const { number } = r.json();
    const track = await t.app.inject({ url: `/api/public/cases/${number.replaceAll('-', '')}?phone=13800001111` });
    expect(track.statusCode).toBe(200);
    expect(track.json()).toMatchObject({ number, status: 'reported', categoryName: '暴露垃圾', timeline: [{ action: 'report' }] });
    expect((await t.app.inject({ url: `/api/public/cases/${number}?phone=13900002222` })).statusCode).toBe(404);
    expect((await post({ categoryCode: 'E0101', description: 'x', location: here })).statusCode).toBe(400);
    // staff see the contact, masked in lists of people who do not handle it
    const seen = (await t.app.inject({ url: '/api/cases?q=' + encodeURIComponent('楼下垃圾'), headers: bearer(tokens.dispatcher!) })).json().items;
    expect(seen).toHaveLength(1);
  });

  it('limits reports per address with 429', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) {
      codes.push((await post({ categoryCode: 'E0101', description: `垃圾${i}`, location: here, reporter: { phone: '13800003333' } }, '10.9.0.2')).statusCode);
    }
    expect(codes.slice(0, 10).every((c) => c === 201)).toBe(true);
    expect(codes[10]).toBe(429);
  });
});

describe('public catalog', () => {
  it('lists what a resident may report at a point, without device-only matters', async () => {
    const r = await t.app.inject({ url: `/api/public/matters?lng=${here.lng}&lat=${here.lat}` });
    expect(r.statusCode).toBe(200);
    const codes = r.json().items.map((m: { code: string }) => m.code);
    expect(r.json().town.name).toBe('春晖路街道');
    expect(codes).toEqual(expect.arrayContaining(['E0101', 'C0101', 'C0201']));
    expect(codes).not.toContain('S0101');
    expect((await t.app.inject({ url: '/api/public/matters?lng=100&lat=20' })).statusCode).toBe(422);
  });
});

describe('personal data at rest', () => {
  it('seals the reporter\'s phone in the store, finds it by keyed hash, and keeps the key file private', async () => {
    const { number } = (await t.app.inject({ method: 'POST', url: '/api/public/cases',
      payload: { categoryCode: 'E0101', description: '电话加密测试', location: here, reporter: { phone: '13911112222' } } })).json();
    const row = (await t.db.query<{ reporter_phone: string; reporter_phone_hash: string }>(
      'select reporter_phone, reporter_phone_hash from cases where number = $1', [number])).rows[0]!;
    expect(row.reporter_phone).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain('13911112222');
    expect((await t.app.inject({ url: `/api/public/cases/${number}?phone=13911112222` })).statusCode).toBe(200);
    const { statSync } = await import('node:fs');
    expect(statSync(`${t.config.dataDir}/keys/pii.key`).mode & 0o777).toBe(0o600);
  });
});

describe('duplicate suggestions', () => {
  it('lists nearby open cases of the same category to staff, and only tells residents that there are some', async () => {
    const body = { categoryCode: 'E0403', description: '楼顶私搭乱建', location: here };
    const near = (m: number) => ({ lng: here.lng + m / 97_000, lat: here.lat });
    const first = (await call('POST', '/api/cases', 'gridworker', body)).json();
    const resident = (await call('POST', '/api/cases', 'resident', { ...body, location: near(20) })).json();
    expect(resident.duplicates).toBeUndefined();
    expect(resident.similarNearby).toEqual({ count: 1, nearestM: expect.any(Number) });
    expect(resident.similarNearby.nearestM).toBeGreaterThan(10);
    expect(resident.similarNearby.nearestM).toBeLessThan(30);
    expect(JSON.stringify(resident)).not.toContain(first.id);
    expect(JSON.stringify(resident)).not.toContain(first.number);

    const anonymous = await t.app.inject({ method: 'POST', url: '/api/public/cases', remoteAddress: '10.9.4.1',
      payload: { ...body, location: near(10), reporter: { phone: '13812344444' } } });
    expect(anonymous.statusCode).toBe(201);
    expect(anonymous.json().similarNearby).toEqual({ count: 2, nearestM: expect.any(Number) });
    for (const other of [first, resident]) {
      expect(anonymous.body).not.toContain(other.id);
      expect(anonymous.body).not.toContain(other.number);
    }

    const staff = (await call('POST', '/api/cases', 'dispatcher', { ...body, location: near(5), source: 'hotline' })).json();
    expect(staff.duplicates).toHaveLength(3);
    expect(staff.duplicates).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: first.id, number: first.number, status: 'reported' }),
      expect.objectContaining({ id: resident.id, number: resident.number, status: 'reported' }),
    ]));
    const alone = (await call('POST', '/api/cases', 'resident', { ...body, categoryCode: 'E0404', location: near(40) })).json();
    expect(alone.similarNearby).toEqual({ count: 0, nearestM: null });
  });
});

describe('the reporter\'s contact, by the case and not by the role alone', () => {
  const contactReads = async (caseId: string) => (await t.db.query<{ actor_name: string }>(
    `select actor_name from audit_log where action = 'case.read_contact' and target_id = $1 order by id`, [caseId])).rows.map((r) => r.actor_name);

  it('shows it to whoever works on the case, masked to everyone else, and audits every unmasked read', async () => {
    const { number } = (await t.app.inject({ method: 'POST', url: '/api/public/cases', remoteAddress: '10.9.3.1',
      payload: { categoryCode: 'E0101', description: '联系方式按案可见', location: here, reporter: { name: '张三丰', phone: '13812341111' } } })).json();
    const id = (await t.db.query<{ id: string }>('select id from cases where number = $1', [number])).rows[0]!.id;
    const seen = async (who: string) => {
      const r = await call('GET', `/api/cases/${id}`, who);
      expect(r.statusCode, `${who}: ${r.body}`).toBe(200);
      const c = r.json();
      return { ...c.reporter, reportedBy: c.timeline[0].actor };
    };
    const full = { kind: 'resident', name: '张三丰', phone: '13812341111', unavailable: false, reportedBy: '张三丰' };
    const masked = { kind: 'resident', name: '张**', phone: '138****1111', unavailable: false, reportedBy: '张**' };
    const views: Record<string, unknown> = {};
    for (const who of ['dispatcher', 'community', 'gridworker', 'handler', 'leader', 'admin']) views[who] = await seen(who);
    expect(views).toEqual({ dispatcher: full, community: full, gridworker: masked, handler: masked, leader: masked, admin: masked });
    expect(await contactReads(id)).toEqual(['dispatcher', 'community']);

    // dispatched to the grid worker (the Matter's routing): handling it, they see it; the two answers of the dispatcher's
    // actions carry the contact too
    await act(id, 'accept', 'dispatcher');
    expect((await act(id, 'dispatch', 'dispatcher')).json().assignee).toMatchObject({ kind: 'staff', name: '李明辉' });
    expect(await seen('gridworker')).toEqual(full);
    expect(await seen('handler')).toEqual(masked);
    expect(await contactReads(id)).toEqual(['dispatcher', 'community', 'dispatcher', 'dispatcher', 'gridworker']);
    const stored = (await t.db.query('select actor_name from case_events where case_id = $1 and action = $2', [id, 'report'])).rows;
    expect(stored, 'the timeline keeps no copy of the name').toEqual([{ actor_name: null }]);
  });

  it('shows a resident their own contact unmasked, without an audit entry', async () => {
    const mine = (await call('POST', '/api/cases', 'resident', {
      categoryCode: 'E0101', description: '自己的联系方式', location: here, reporter: { phone: '13812342222' } })).json();
    expect(mine.reporter).toEqual({ kind: 'resident', name: '周淑芬', phone: '13812342222', unavailable: false });
    expect((await call('GET', `/api/cases/${mine.id}`, 'resident')).json().reporter.phone).toBe('13812342222');
    expect((await call('GET', `/api/cases/${mine.id}`, 'leader')).json().reporter).toMatchObject({ name: '周**', phone: '138****2222' });
    expect(await contactReads(mine.id)).toEqual([]);
  });

  it('names the dispatcher, not the caller, as who took a 12345 call', async () => {
    const c = (await call('POST', '/api/cases', 'dispatcher', {
      categoryCode: 'C0101', description: '来电反映井盖缺失', location: here, source: 'hotline', reporter: { name: '王五', phone: '13812343333' } })).json();
    expect(c.reporter).toMatchObject({ kind: 'caller', name: '王五', phone: '13812343333' });
    expect(c.timeline[0]).toMatchObject({ actor: '刘晓燕', actorKind: 'staff', channel: 'hotline' });
    expect((await call('GET', `/api/cases/${c.id}`, 'leader')).json().reporter).toMatchObject({ name: '王*', phone: '138****3333' });
  });
});
