import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, RURAL_GRID, gridCentre } from '../support/places.ts';

/**
 * Who a case may be sent to, and what a district department sees: the cases ever sent to it and the units that hold
 * them — not the rest of its district (README: a department sees "cases sent to the department").
 */
let t: TestApp;
const tokens: Record<string, string> = {};
let here: { lng: number; lat: number };
let rural: { lng: number; lat: number };
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'dispatcher', 'department', 'gridworker', 'resident']) tokens[u] = await t.login(u);
  here = await gridCentre(t.db, DEMO_GRID);
  rural = await gridCentre(t.db, RURAL_GRID);
  const accounts = await t.db.query<{ id: string; username: string }>('select id, username from accounts');
  for (const a of accounts.rows) ids[a.username] = a.id;
  const units = await t.db.query<{ id: string; code: string }>('select id, code from org_units');
  for (const u of units.rows) ids[u.code] = u.id;
  const posts = await t.db.query<{ id: string; code: string; town: string }>('select p.id, p.code, t.code as town from posts p join org_units t on t.id = p.town_id');
  for (const p of posts.rows) ids[`${p.town}:${p.code}`] = p.id;
  const departments = await t.db.query<{ id: string; name: string }>('select id, name from departments');
  for (const d of departments.rows) ids[d.name] = d.id;
});
afterAll(async () => { await t.close(); });

const call = (method: 'GET' | 'POST', url: string, who: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(tokens[who]!), ...(payload ? { payload } : {}) });
const act = (id: string, action: string, who: string, body: object = {}) => call('POST', `/api/cases/${id}/actions/${action}`, who, body);

async function acceptedCase(description: string, categoryCode = 'C0101'): Promise<string> {
  const c = (await call('POST', '/api/cases', 'dispatcher', { categoryCode, description, location: here, source: 'hotline' })).json();
  expect((await act(c.id, 'accept', 'dispatcher')).statusCode).toBe(200);
  return c.id;
}

describe('dispatch names an assignee that handles cases of this grid', () => {
  const URBAN = '500199001000';
  const RURAL = '500199101000';
  it.each<[string, () => object, number]>([
    ['a post of 春晖路街道', () => ({ postId: ids[`${URBAN}:JJ-CSGX`] }), 200],
    ['a post of 青杠镇', () => ({ postId: ids[`${RURAL}:JJ-CSGX`] }), 422],
    ['区城市管理局, a department of the district', () => ({ departmentId: ids['区城市管理局'] }), 200],
    ['the handler of 春晖路街道', () => ({ staffId: ids.handler }), 200],
    ['the grid worker of the case\'s grid', () => ({ staffId: ids.gridworker }), 200],
    ['the department member', () => ({ staffId: ids.department }), 200],
    ['a handler of 青杠镇', () => ({ staffId: ids['town2-leader1'] }), 422],
    ['the auditor', () => ({ staffId: ids.auditor }), 422],
    ['the admin', () => ({ staffId: ids.admin }), 422],
    ['the leader', () => ({ staffId: ids.leader }), 422],
    ['a resident', () => ({ staffId: ids.resident }), 422],
    ['no such account', () => ({ staffId: 'no-such-account' }), 422],
  ])('%s → %i', async (_label, assignee, status) => {
    const id = await acceptedCase('派遣对象测试');
    const before = (await call('GET', `/api/cases/${id}`, 'dispatcher')).json();
    const res = await act(id, 'dispatch', 'dispatcher', { assignee: assignee(), reason: '改派测试' });
    expect(res.statusCode, res.body).toBe(status);
    if (status === 422) {
      expect(res.json().error.code).toBe('ASSIGNEE_UNKNOWN');
      const after = (await call('GET', `/api/cases/${id}`, 'dispatcher')).json();
      expect([after.status, after.version, after.timeline.length]).toEqual([before.status, before.version, before.timeline.length]);
    }
  });

  it('a handler of another town, dispatched to, could not read the case before and still cannot', async () => {
    const id = await acceptedCase('跨镇派遣测试');
    const outsider = await t.login('town2-leader1');
    expect((await act(id, 'dispatch', 'dispatcher', { assignee: { staffId: ids['town2-leader1'] }, reason: '改派测试' })).statusCode).toBe(422);
    const read = await t.app.inject({ method: 'GET', url: `/api/cases/${id}`, headers: bearer(outsider) });
    expect(read.statusCode).toBe(404);
  });
});

describe('a district department sees the cases sent to it, and nothing else of its district', () => {
  let sent: string;
  let notSent: string;
  let ruralCase: string;
  beforeAll(async () => {
    sent = await acceptedCase('路灯不亮，已派区城管', 'C0201');
    expect((await act(sent, 'dispatch', 'dispatcher')).json().assignee).toMatchObject({ kind: 'department', name: '区城市管理局' });
    notSent = await acceptedCase('井盖缺失，派街道岗位');
    ruralCase = (await call('POST', '/api/cases', 'resident', { categoryCode: 'E0101', description: '村口垃圾', location: rural })).json().id;
  });

  it('lists and reads the case sent to it, not the others of the district', async () => {
    const list = (await call('GET', '/api/cases?limit=200', 'department')).json().items.map((x: { id: string }) => x.id);
    expect(list).toContain(sent);
    expect(list).not.toContain(notSent);
    expect(list).not.toContain(ruralCase);
    expect((await call('GET', `/api/cases/${sent}`, 'department')).statusCode).toBe(200);
    expect((await call('GET', `/api/cases/${notSent}`, 'department')).statusCode).toBe(404);
    expect((await call('GET', `/api/cases/${ruralCase}`, 'department')).statusCode).toBe(404);
  });

  it('keeps seeing the case and its history after returning it to the dispatcher', async () => {
    expect((await act(sent, 'return', 'department', { reason: '不属于本部门职责' })).statusCode).toBe(200);
    expect((await act(sent, 'dispatch', 'dispatcher', { assignee: { postId: ids['500199001000:JJ-CSGX'] }, reason: '部门退回，改派岗位' })).statusCode).toBe(200);
    const seen = await call('GET', `/api/cases/${sent}`, 'department');
    expect(seen.statusCode).toBe(200);
    expect(seen.json().timeline.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['dispatch', 'return']));
    expect(seen.json().policies).toEqual([]);
    expect((await call('GET', '/api/cases?mine=assigned', 'department')).json().items.map((x: { id: string }) => x.id)).not.toContain(sent);
  });

  it('reads only the units that hold its cases: the grid, its ancestors, the grid team and the town\'s boards', async () => {
    for (const code of [DEMO_GRID, '500199001001', '500199001000']) {
      expect((await call('GET', `/api/org-units/${ids[code]}`, 'department')).statusCode, code).toBe(200);
    }
    expect((await call('GET', `/api/org-units/${ids[DEMO_GRID]}/team`, 'department')).statusCode).toBe(200);
    expect((await call('GET', `/api/org-units/${ids['500199001000']}/boards`, 'department')).statusCode).toBe(200);
    for (const url of [`/api/org-units/${ids[RURAL_GRID]}`, `/api/org-units/${ids[RURAL_GRID]}/team`, `/api/org-units/${ids['500199101000']}/boards`,
      `/api/org-units/${ids['500199001001002']}/team`]) {
      expect((await call('GET', url, 'department')).statusCode, url).toBe(404);
    }
    expect((await call('GET', '/api/org-units?limit=1000', 'department')).json().items).toEqual([]);
  });

  it('signs in onto its inbox: /api/me still names its district', async () => {
    const me = (await call('GET', '/api/me', 'department')).json();
    expect(me.roles).toEqual(['department']);
    expect(me.scopeOrgUnitId).toBe(ids['500199000000']);
  });
});
