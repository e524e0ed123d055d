import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
let urbanTown: string;
let ruralTown: string;

beforeAll(async () => {
  t = await createTestApp();
  const units = (await t.db.query<{ id: string; code: string }>(`select id, code from org_units where code in ('500199001000', '500199101000')`)).rows;
  urbanTown = units.find((u) => u.code === '500199001000')!.id;
  ruralTown = units.find((u) => u.code === '500199101000')!.id;
  // an administrator of the urban town only
  await t.db.query(`insert into accounts (username, name, kind, roles, scope_org_unit_id, password_hash)
    select 'townadmin', '镇街管理员', 'staff', '{admin}', $1, password_hash from accounts where username = 'admin'`, [urbanTown]);
  for (const u of ['admin', 'townadmin', 'dispatcher', 'leader', 'handler', 'community', 'gridworker']) tokens[u] = await t.login(u);
});
afterAll(async () => { await t.close(); });

const call = (who: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: bearer(tokens[who]!), ...(payload === undefined ? {} : { payload: payload as object }) });
const accountId = async (username: string) => (await t.db.query<{ id: string }>('select id from accounts where username = $1', [username])).rows[0]!.id;
const postOf = async (who: string, code: string, townId = urbanTown) =>
  (await call(who, 'GET', `/api/posts?townId=${townId}&includeRetired=true`)).json().items.find((p: { code: string }) => p.code === code);
const auditActions = async (targetId: string) =>
  (await t.db.query<{ action: string; detail: unknown }>('select action, detail from audit_log where target_id = $1 order by id', [targetId])).rows;

describe('GET /api/posts', () => {
  it('lists the caller\'s town board by board, with holders and what the caller may do', async () => {
    const res = await call('dispatcher', 'GET', '/api/posts');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.town.name).toBe('春晖路街道');
    expect(body.boards.map((b: { code: string }) => b.code)).toEqual(['ZH', 'DJ', 'JJ', 'MS', 'PA']);
    const csgx = body.items.find((p: { code: string }) => p.code === 'JJ-CSGX');
    expect(csgx).toMatchObject({ boardCode: 'JJ', name: '城市更新岗', special: false, retired: false, staffing: 'full', policies: [] });
    expect(csgx.holders.a.name).toBe('王建国');
    expect(body.policies).toEqual([]);
    expect(body.candidates).toEqual([]);
  });

  it('gives the town\'s admin the post actions and the staff who may hold posts', async () => {
    const body = (await call('admin', 'GET', `/api/posts?townId=${urbanTown}`)).json();
    expect(body.policies).toEqual(['create']);
    expect(body.items[0].policies).toEqual(['edit', 'setHolders', 'retire']);
    const names = body.candidates.map((c: { name: string }) => c.name);
    expect(names).toContain('王建国'); // the town's handler
    expect(names).toContain('孙海涛'); // a member of a department of the district
    expect(names).not.toContain('陈志明'); // a leader never handles cases
    expect(names).not.toContain('赵秀兰'); // community staff: their territory is one community
  });

  it('hides a town outside the caller\'s scope as 404 and asks a city admin to name the town', async () => {
    expect((await call('dispatcher', 'GET', `/api/posts?townId=${ruralTown}`)).statusCode).toBe(404);
    const res = await call('admin', 'GET', '/api/posts');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.messageZh).toContain('镇街');
  });
});

describe('POST and PATCH /api/posts', () => {
  it('adds a special post without holders, flagged vacant, and audits it', async () => {
    const boards = (await call('admin', 'GET', `/api/posts?townId=${urbanTown}`)).json().boards;
    const ms = boards.find((b: { code: string }) => b.code === 'MS').id;
    const res = await call('admin', 'POST', '/api/posts', { boardId: ms, code: 'TS-LSET', name: '留守儿童关爱岗', special: true });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ code: 'TS-LSET', boardCode: 'MS', special: true, staffing: 'vacant', holders: { a: null, b: null, backup: null } });
    expect((await auditActions(res.json().id)).map((a) => a.action)).toEqual(['post.create']);
    const again = await call('admin', 'POST', '/api/posts', { boardId: ms, code: 'TS-LSET', name: '重复' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('POST_CODE_TAKEN');
  });

  it('refuses bad input with a code and both languages, and writes nothing', async () => {
    const before = (await t.db.query<{ n: number }>('select count(*)::int as n from posts')).rows[0]!.n;
    const boards = (await call('admin', 'GET', `/api/posts?townId=${ruralTown}`)).json().boards;
    for (const [payload, status, code] of [
      [{ boardId: boards[0].id, code: 'bad code', name: '岗' }, 400, 'VALIDATION_FAILED'],
      [{ boardId: boards[0].id, code: 'ZH-ABC', name: '   ' }, 400, 'VALIDATION_FAILED'],
      [{ boardId: 'no-such-board', code: 'ZH-ABC', name: '岗' }, 422, 'BOARD_UNKNOWN'],
    ] as const) {
      const res = await call('admin', 'POST', '/api/posts', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json().error).toMatchObject({ code });
      expect(res.json().error.messageZh).toBeTruthy();
    }
    // a board of another town is unknown to the urban town's leader... and to a dispatcher, who may not call at all
    expect((await call('dispatcher', 'POST', '/api/posts', { boardId: boards[0].id, code: 'ZH-ABC', name: '岗' })).statusCode).toBe(403);
    expect((await t.db.query<{ n: number }>('select count(*)::int as n from posts')).rows[0]!.n).toBe(before);
  });

  it('renames and moves a post within its town, never to another town\'s board', async () => {
    const post = await postOf('admin', 'DJ-QTGZ');
    const boards = (await call('admin', 'GET', `/api/posts?townId=${urbanTown}`)).json().boards;
    const ms = boards.find((b: { code: string }) => b.code === 'MS').id;
    const res = await call('admin', 'PATCH', `/api/posts/${post.id}`, { name: '群团与志愿服务岗', boardId: ms });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: 'DJ-QTGZ', name: '群团与志愿服务岗', boardCode: 'MS' });
    const ruralBoard = (await call('admin', 'GET', `/api/posts?townId=${ruralTown}`)).json().boards[0].id;
    const away = await call('admin', 'PATCH', `/api/posts/${post.id}`, { boardId: ruralBoard });
    expect(away.statusCode).toBe(422);
    expect(away.json().error.code).toBe('BOARD_UNKNOWN');
    expect((await auditActions(post.id)).map((a) => a.action)).toEqual(['post.update']);
  });

  it('retires a post only when no open case and no current Matter needs it, and restores it', async () => {
    const routed = await postOf('admin', 'JJ-CSGX');
    const byMatters = await call('admin', 'PATCH', `/api/posts/${routed.id}`, { retired: true });
    expect(byMatters.statusCode).toBe(409);
    expect(byMatters.json().error).toMatchObject({ code: 'POST_ROUTED_BY_MATTERS' });
    expect(byMatters.json().error.details.matters.length).toBeGreaterThan(0);

    const quiet = await postOf('admin', 'DJ-DYGL');
    const retired = await call('admin', 'PATCH', `/api/posts/${quiet.id}`, { retired: true });
    expect(retired.statusCode).toBe(200);
    expect(retired.json()).toMatchObject({ retired: true, policies: ['restore'] });
    expect((await call('dispatcher', 'GET', '/api/posts')).json().items.some((p: { code: string }) => p.code === 'DJ-DYGL')).toBe(false);
    expect((await call('admin', 'PATCH', `/api/posts/${quiet.id}`, { name: '改名' })).statusCode).toBe(409);
    expect((await call('admin', 'PUT', `/api/posts/${quiet.id}/holders`, { a: null, b: null })).statusCode).toBe(409);
    // a retired post takes no new case, and no Matter may route to it
    const k = (await t.app.inject({ method: 'POST', url: '/api/cases', headers: bearer(tokens.gridworker!), payload: { categoryCode: 'C0101', description: '撤销岗位', location: await gridCentre(t.db, DEMO_GRID) } })).json();
    await call('dispatcher', 'POST', `/api/cases/${k.id}/actions/accept`, {});
    const dispatch = await call('dispatcher', 'POST', `/api/cases/${k.id}/actions/dispatch`, { assignee: { postId: quiet.id }, reason: '改派测试' });
    expect(dispatch.statusCode).toBe(422);
    expect(dispatch.json().error.code).toBe('ASSIGNEE_UNKNOWN');
    const matter = await call('admin', 'POST', `/api/matters?townId=${urbanTown}`, {
      code: 'Z9901', name: '撤销岗位测试', class: '测试', list: 'basic', tier: 'town', postCode: 'DJ-DYGL', sla: { acceptMin: 5 },
    });
    expect(matter.statusCode).toBe(400);
    expect(matter.json().error.details.map((d: { field: string }) => d.field)).toEqual(['post']);
    const restored = await call('admin', 'PATCH', `/api/posts/${quiet.id}`, { retired: false });
    expect(restored.json()).toMatchObject({ retired: false, policies: ['edit', 'setHolders', 'retire'] });
  });
});

describe('PUT /api/posts/:id/holders', () => {
  it('sets A, B and a back-up who handle the town\'s cases, and audits before and after', async () => {
    const post = await postOf('admin', 'MS-YLFW');
    const [handler, dispatcher, department] = [await accountId('handler'), await accountId('dispatcher'), await accountId('department')];
    const res = await call('admin', 'PUT', `/api/posts/${post.id}/holders`, { a: dispatcher, b: handler, backup: department });
    expect(res.statusCode).toBe(200);
    expect(res.json().holders).toEqual({ a: { id: dispatcher, name: '刘晓燕' }, b: { id: handler, name: '王建国' }, backup: { id: department, name: '孙海涛' } });
    const entry = (await auditActions(post.id)).at(-1)!;
    expect(entry.action).toBe('post.set_holders');
    expect(entry.detail).toMatchObject({ after: { a: dispatcher, b: handler, backup: department } });
  });

  it('names each holder who may not hold the post, and changes nothing', async () => {
    const post = await postOf('admin', 'MS-JYSB');
    const res = await call('admin', 'PUT', `/api/posts/${post.id}/holders`, {
      a: await accountId('leader'), b: await accountId('community'), backup: await accountId('leader'),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('POST_HOLDER_INELIGIBLE');
    expect(res.json().error.details.problems.map((p: { slot: string; code: string }) => `${p.slot}:${p.code}`))
      .toEqual(['a:no_handling_role', 'b:outside_jurisdiction', 'backup:same_person']);
    expect(res.json().error.messageZh).toContain('A 岗');
    expect(await postOf('admin', 'MS-JYSB')).toMatchObject({ holders: post.holders });
  });

  it('leaves a post without cases vacant, flagged in the answer', async () => {
    const post = await postOf('admin', 'MS-WSJK');
    const res = await call('admin', 'PUT', `/api/posts/${post.id}/holders`, { a: null, b: null });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ staffing: 'vacant', holders: { a: null, b: null, backup: null } });
  });

  it('refuses to remove the last holder of a post with open cases, listing them', async () => {
    const post = await postOf('admin', 'JJ-CSGX');
    const gw = (await t.app.inject({ method: 'POST', url: '/api/cases', headers: bearer(tokens.gridworker!), payload: { categoryCode: 'C0101', description: '井盖缺失', location: await gridCentre(t.db, DEMO_GRID) } })).json();
    await call('dispatcher', 'POST', `/api/cases/${gw.id}/actions/accept`, {});
    const dispatched = await call('dispatcher', 'POST', `/api/cases/${gw.id}/actions/dispatch`, { assignee: { postId: post.id }, reason: '改派测试' });
    expect(dispatched.statusCode).toBe(200);
    const res = await call('admin', 'PUT', `/api/posts/${post.id}/holders`, { a: null, b: null, backup: null });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('POST_HAS_OPEN_CASES');
    expect(res.json().error.details.cases).toContain(gw.number);
    expect((await postOf('admin', 'JJ-CSGX')).holders.a).not.toBeNull();
    // a back-up alone still holds it
    const kept = await call('admin', 'PUT', `/api/posts/${post.id}/holders`, { a: null, b: null, backup: await accountId('handler') });
    expect(kept.statusCode).toBe(200);
    expect(kept.json()).toMatchObject({ staffing: 'vacant', openCases: 1 });
  });

  it('lets a town admin administer its town only: another town\'s posts are 404, as if they did not exist', async () => {
    const own = await postOf('admin', 'ZH-SJFX');
    const handler = await accountId('handler');
    const set = await call('townadmin', 'PUT', `/api/posts/${own.id}/holders`, { a: handler, b: null });
    expect(set.statusCode).toBe(200);
    expect((await call('townadmin', 'GET', '/api/posts')).json()).toMatchObject({ town: { id: urbanTown }, policies: ['create'] });
    const rural = await postOf('admin', 'ZH-SJFX', ruralTown);
    const ruralBoard = (await call('admin', 'GET', `/api/posts?townId=${ruralTown}`)).json().boards[0].id;
    for (const res of [
      await call('townadmin', 'GET', `/api/posts?townId=${ruralTown}`),
      await call('townadmin', 'PUT', `/api/posts/${rural.id}/holders`, { a: null, b: null }),
      await call('townadmin', 'PATCH', `/api/posts/${rural.id}`, { name: '越权' }),
      await call('townadmin', 'PUT', '/api/posts/no-such-post/holders', { a: null, b: null }),
    ]) expect(res.statusCode).toBe(404);
    expect((await call('townadmin', 'POST', '/api/posts', { boardId: ruralBoard, code: 'ZH-XXX', name: '越权' })).json().error.code).toBe('BOARD_UNKNOWN');
    expect((await postOf('admin', 'ZH-SJFX', ruralTown)).holders).toEqual(rural.holders);
    expect((await call('leader', 'PUT', `/api/posts/${own.id}/holders`, { a: null, b: null })).statusCode).toBe(403);
  });
});
