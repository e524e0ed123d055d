// Issue 10, items 7, 9, 10 and 11: nobody verifies their own work, the timeline credits actor and reporter, the routing
// preview answers what intake then does, reassignments keep their reason, and 受理并派遣 is one step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
let here: { lng: number; lat: number };
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['dispatcher', 'handler', 'gridworker', 'resident', 'community', 'department']) tokens[u] = await t.login(u);
  here = await gridCentre(t.db, DEMO_GRID);
});
afterAll(async () => { await t.close(); });

const call = (method: 'GET' | 'POST', url: string, who: string | null, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { ...(who ? bearer(tokens[who]!) : {}), ...headers }, ...(payload ? { payload } : {}) });
const act = (id: string, action: string, who: string, body: object = {}, headers: Record<string, string> = {}) =>
  call('POST', `/api/cases/${id}/actions/${action}`, who, body, headers);
const report = async (who: string, categoryCode: string, extra: object = {}) => {
  const r = await call('POST', '/api/cases', who, { categoryCode, description: `测试 ${categoryCode}`, location: here, ...extra });
  expect(r.statusCode).toBe(201);
  return r.json();
};
const accountId = async (username: string) =>
  (await t.db.query<{ id: string }>('select id from accounts where username = $1', [username])).rows[0]!.id;
const eventsOf = async (caseId: string) =>
  (await t.db.query<{ action: string; at: Date }>('select action, at from case_events where case_id = $1 order by id', [caseId])).rows;

describe('nobody verifies their own work (item 7)', () => {
  it('an on-the-spot resolution goes to the community: the grid worker who resolved it is refused, community staff verify', async () => {
    const c = await report('gridworker', 'E0201');
    const done = (await act(c.id, 'resolve_on_spot', 'gridworker', { note: '已清除' })).json();
    expect(done).toMatchObject({ status: 'handled', verification: { by: ['communityStaff', 'townDispatcher'], onSpot: true, handledBy: '李明辉' } });
    expect(done.policies).not.toContain('verify');
    // not in the grid worker's 待核查, but in the community's
    const listed = async (who: string) => ((await call('GET', '/api/cases?mine=verify&limit=200', who)).json().items as { id: string }[]).map((x) => x.id);
    expect(await listed('gridworker')).not.toContain(c.id);
    expect(await listed('community')).toContain(c.id);
    // the verify clock runs for the community, from the resolution
    expect(done.deadlines.verify).toMatchObject({ light: 'green', stoppedAt: null });

    for (const action of ['verify', 'reopen']) {
      const refused = await act(c.id, action, 'gridworker', { reason: '自查' });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error).toMatchObject({ code: 'CASE_SELF_VERIFICATION', messageZh: expect.stringMatching(/社区核查/) });
    }
    expect((await eventsOf(c.id)).map((e) => e.action)).toEqual(['report', 'resolve_on_spot']);

    const seen = (await call('GET', `/api/cases/${c.id}`, 'community')).json();
    expect(seen.policies).toEqual(expect.arrayContaining(['verify', 'reopen']));
    const closed = (await act(c.id, 'verify', 'community')).json();
    expect(closed).toMatchObject({ status: 'closed', verification: null });
    expect(closed.deadlines.verify.stoppedAt).not.toBeNull();
  });

  it('a dispatcher who handled a case as its assignee may not verify it; the reporting grid worker may', async () => {
    const c = await report('gridworker', 'C0101');
    const me = await accountId('dispatcher');
    await act(c.id, 'accept', 'dispatcher');
    expect((await act(c.id, 'dispatch', 'dispatcher', { assignee: { staffId: me }, reason: '调度员顺路处置' })).statusCode).toBe(200);
    const handled = (await act(c.id, 'report_done', 'dispatcher', { note: '已处理' })).json();
    expect(handled.verification).toEqual({ by: ['townDispatcher', 'reportingGridWorker'], onSpot: false, handledBy: '刘晓燕' });
    expect(handled.policies).not.toContain('verify');
    const refused = await act(c.id, 'verify', 'dispatcher');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('CASE_SELF_VERIFICATION');
    expect((await act(c.id, 'verify', 'gridworker')).json().status).toBe('closed');
  });

  it('待核查 (mine=verify) holds exactly the cases the caller may verify now', async () => {
    const onSpot = await report('gridworker', 'E0201', { description: '待核查名单 马上办' });
    expect((await act(onSpot.id, 'resolve_on_spot', 'gridworker', { note: '已清除' })).json().status).toBe('handled');
    const atPost = await report('resident', 'C0101', { description: '待核查名单 岗位办' });
    expect((await act(atPost.id, 'accept_dispatch', 'dispatcher')).json()).toMatchObject({ assignee: { kind: 'post', name: '城市更新岗' } });
    expect((await act(atPost.id, 'report_done', 'handler', { note: '已更换' })).json().status).toBe('handled');

    const page = async (who: string) => (await call('GET', `/api/cases?mine=verify&total=true&q=${encodeURIComponent('待核查名单')}`, who)).json();
    const listed = async (who: string) => {
      const { items, total } = await page(who) as { items: { id: string; policies: string[] }[]; total: number };
      expect(total).toBe(items.length); // the count and the page agree
      for (const x of items) expect(x.policies).toContain('verify'); // each row is one the caller may verify
      return items.map((x) => x.id).sort();
    };
    // community staff verify the on-the-spot resolution, not the case a town post handled
    expect(await listed('community')).toEqual([onSpot.id]);
    expect(await listed('dispatcher')).toEqual([onSpot.id, atPost.id].sort());
    // nobody finds their own work there: the grid worker resolved the first, the post holder handled the second
    expect(await listed('gridworker')).toEqual([]);
    expect(await listed('handler')).toEqual([]);
  });
});

describe('the timeline credits the right people (item 9)', () => {
  it('a 12345 call: the dispatcher is the actor, the caller the reporter, with the channel', async () => {
    const c = await report('dispatcher', 'C0101', { source: 'hotline', reporter: { name: '王五', phone: '13812345555' } });
    expect(c.reporter).toMatchObject({ kind: 'caller', name: '王五', phone: '13812345555' });
    expect(c.timeline[0]).toMatchObject({
      action: 'report', actor: '刘晓燕', actorKind: 'staff', channel: 'hotline', reporter: { kind: 'caller', name: '王五' },
    });
    const row = (await t.db.query('select reporter_account_id from cases where id = $1', [c.id])).rows[0];
    expect(row).toEqual({ reporter_account_id: null }); // the caller has no account; the dispatcher is not the reporter
    // a caller who left no name stays nameless, not the dispatcher's name
    const nameless = await report('dispatcher', 'C0101', { source: 'hotline' });
    expect(nameless.reporter).toMatchObject({ kind: 'caller', name: null });
    expect(nameless.timeline[0]).toMatchObject({ actor: '刘晓燕', actorKind: 'staff', reporter: { kind: 'caller', name: null } });
  });

  it('an anonymous 随手拍 names the reporter (masked to the reader where due), never 系统', async () => {
    const r = await call('POST', '/api/public/cases', null, {
      categoryCode: 'E0101', description: '匿名反映垃圾', location: here, reporter: { name: '钱七', phone: '13812346666' },
    }, { 'x-forwarded-for': '10.9.9.9' });
    expect(r.statusCode).toBe(201);
    const id = (await t.db.query<{ id: string }>('select id from cases where number = $1', [r.json().number])).rows[0]!.id;
    const seen = (await call('GET', `/api/cases/${id}`, 'dispatcher')).json();
    expect(seen.timeline[0]).toMatchObject({ action: 'report', actor: '钱七', actorKind: 'reporter', channel: 'resident', reporter: { kind: 'resident', name: '钱七' } });
    const noName = await call('POST', '/api/public/cases', null, {
      categoryCode: 'E0101', description: '匿名无姓名', location: here, reporter: { phone: '13812347777' },
    }, { 'x-forwarded-for': '10.9.9.8' });
    const id2 = (await t.db.query<{ id: string }>('select id from cases where number = $1', [noName.json().number])).rows[0]!.id;
    const seen2 = (await call('GET', `/api/cases/${id2}`, 'dispatcher')).json();
    expect(seen2.timeline[0]).toMatchObject({ actor: '', actorKind: 'reporter', reporter: { kind: 'resident', name: null } });
    expect(seen2.timeline.map((e: { actor: string }) => e.actor)).not.toContain('系统');
  });

  it('a signed-in resident is credited as the reporter, masked to readers who do not work on the case', async () => {
    const c = await report('resident', 'E0101');
    expect(c.timeline[0]).toMatchObject({ actor: '周淑芬', actorKind: 'reporter', channel: 'resident' });
    expect((await call('GET', `/api/cases/${c.id}`, 'handler')).json().timeline[0]).toMatchObject({ actor: '周**', actorKind: 'reporter' });
  });
});

describe('routing preview (item 10)', () => {
  const preview = (who: string | null, categoryCode: string, at = here) =>
    call('GET', `${who ? '/api/cases' : '/api/public'}/routing-preview?categoryCode=${categoryCode}&lng=${at.lng}&lat=${at.lat}`, who);

  it('answers the post the created case is then routed to, with its place and reason', async () => {
    const p = await preview('resident', 'C0101');
    expect(p.statusCode).toBe(200);
    const body = p.json();
    expect(body).toMatchObject({
      matter: { code: 'C0101', name: '井盖破损缺失' }, tier: 'town',
      target: { kind: 'post', name: '城市更新岗' }, town: { name: '春晖路街道' }, reason: { code: 'townPost', escalated: false },
    });
    expect(body.district.name).not.toBe('');
    const c = await report('resident', 'C0101');
    expect(c.routedAssignee).toEqual({ kind: 'post', id: body.target.id, name: '城市更新岗' });
    expect(c.routing).toMatchObject({ code: 'townPost', matter: '井盖破损缺失', escalated: false });
  });

  it('names the grid worker to staff, not to residents or the public', async () => {
    const staff = (await preview('gridworker', 'E0101')).json();
    expect(staff).toMatchObject({ tier: 'grid', target: { kind: 'staff', name: '李明辉' }, reason: { code: 'gridTeam' } });
    const resident = (await preview('resident', 'E0101')).json();
    expect(resident.target).toEqual({ kind: 'staff', id: staff.target.id, name: null });
    const anonymous = await preview(null, 'E0101');
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toMatchObject({ target: { kind: 'staff', name: null }, reason: { code: 'gridTeam' } });
    const c = await report('gridworker', 'E0101');
    expect(c.routedAssignee.id).toBe(staff.target.id);
  });

  it('a withdrawn matter goes to its department; bad places and categories are refused with codes', async () => {
    expect((await preview(null, 'C0201')).json()).toMatchObject({ target: { kind: 'department', name: '区城市管理局' }, reason: { code: 'withdrawn' } });
    const unknown = await preview('resident', 'ZZ999');
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.code).toBe('CATEGORY_UNKNOWN');
    const outside = await preview(null, 'C0101', { lng: 10, lat: 10 });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.code).toBe('LOCATION_OUTSIDE_GRIDS');
  });
});

describe('reassignments keep their reason (item 10)', () => {
  it('a dispatch elsewhere than routed needs a reason, and the timeline names both', async () => {
    const c = await report('gridworker', 'C0101');
    await act(c.id, 'accept', 'dispatcher');
    const department = (await t.db.query<{ id: string }>("select id from departments where name = '区城市管理局'")).rows[0]!.id;
    const before = (await eventsOf(c.id)).length;
    const refused = await act(c.id, 'dispatch', 'dispatcher', { assignee: { departmentId: department } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('CASE_REASON_REQUIRED');
    expect(await eventsOf(c.id)).toHaveLength(before);
    const sent = (await act(c.id, 'dispatch', 'dispatcher', { assignee: { departmentId: department }, reason: '需执法力量' })).json();
    expect(sent.timeline.at(-1)).toMatchObject({
      action: 'dispatch', reason: '需执法力量', actorKind: 'staff',
      assignee: { kind: 'department', name: '区城市管理局' }, routedAssignee: { kind: 'post', name: '城市更新岗' },
    });
  });
});

describe('受理并派遣 (item 11)', () => {
  it('accepts and dispatches to the routed post in one transaction: both entries, the clocks as if in sequence', async () => {
    const c = await report('gridworker', 'C0101');
    const seen = (await call('GET', `/api/cases/${c.id}`, 'dispatcher')).json();
    expect(seen.policies).toContain('accept_dispatch');
    const r = await act(c.id, 'accept_dispatch', 'dispatcher', { version: seen.version, note: '请尽快处置' });
    expect(r.statusCode).toBe(200);
    const d = r.json();
    expect(d).toMatchObject({ status: 'dispatched', version: seen.version + 1, assignee: { kind: 'post', name: '城市更新岗' } });
    const [accept, dispatch] = d.timeline.slice(-2);
    expect(accept).toMatchObject({ action: 'accept', from: 'reported', to: 'accepted', actor: '刘晓燕' });
    expect(dispatch).toMatchObject({ action: 'dispatch', from: 'accepted', to: 'dispatched', actor: '刘晓燕', assignee: { name: '城市更新岗' }, routedAssignee: null, data: { note: '请尽快处置' } });
    expect(accept.at).toBe(dispatch.at);
    // accept stopped, dispatch started and stopped at once, the handling clock started: as the two steps would leave them
    expect(d.deadlines.accept.stoppedAt).toBe(accept.at);
    expect(d.deadlines.dispatch).toMatchObject({ startedAt: accept.at, stoppedAt: accept.at });
    expect(d.deadlines.handle).toMatchObject({ startedAt: accept.at, stoppedAt: null });
    expect((await call('GET', '/api/cases?mine=assigned', 'handler')).json().items.map((x: { id: string }) => x.id)).toContain(c.id);
  });

  it('is idempotent with an Idempotency-Key and writes nothing when refused', async () => {
    const c = await report('gridworker', 'C0101');
    const key = { 'idempotency-key': `ad-${c.id}` };
    const first = await act(c.id, 'accept_dispatch', 'dispatcher', { version: 1 }, key);
    expect(first.statusCode).toBe(200);
    const again = await act(c.id, 'accept_dispatch', 'dispatcher', { version: 1 }, key);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'dispatched', version: first.json().version });
    expect((await eventsOf(c.id)).map((e) => e.action)).toEqual(['report', 'accept', 'dispatch']);
    // without the key, a second try is a state conflict
    expect((await act(c.id, 'accept_dispatch', 'dispatcher')).statusCode).toBe(409);

    const other = await report('gridworker', 'C0101');
    const department = (await t.db.query<{ id: string }>("select id from departments where name = '区城市管理局'")).rows[0]!.id;
    const refused = await act(other.id, 'accept_dispatch', 'dispatcher', { assignee: { departmentId: department } });
    expect(refused.statusCode).toBe(422);
    expect((await eventsOf(other.id)).map((e) => e.action)).toEqual(['report']);
    expect((await call('GET', `/api/cases/${other.id}`, 'dispatcher')).json()).toMatchObject({ status: 'reported', version: 1 });
  });

  it('is not offered when routing found nobody, nor to anyone but the dispatcher', async () => {
    const c = await report('gridworker', 'C0101');
    expect((await act(c.id, 'accept_dispatch', 'gridworker')).statusCode).toBe(403);
    expect((await act(c.id, 'accept_dispatch', 'handler')).statusCode).toBe(403);
    await t.db.query('update cases set routed_assignee = null where id = $1', [c.id]);
    const seen = (await call('GET', `/api/cases/${c.id}`, 'dispatcher')).json();
    expect(seen.policies).toContain('accept');
    expect(seen.policies).not.toContain('accept_dispatch');
    expect(seen.routing).toMatchObject({ code: 'dispatcherChooses' });
    const refused = await act(c.id, 'accept_dispatch', 'dispatcher');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('CASE_ASSIGNEE_REQUIRED');
  });
});
