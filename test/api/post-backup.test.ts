import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { ACCESS_CHANNEL } from '../../src/server/platform/live.ts';

// A post's back-up holder stands in when its A and B holders are both away: like them, they see and work the post's
// cases, for as long as they hold it. The district department's member is the back-up here because nothing else lets
// them see a case of the town.
let t: TestApp;
const tokens: Record<string, string> = {};
let postId: string;
let department: string;
let caseId: string;

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'dispatcher', 'gridworker', 'department']) tokens[u] = await t.login(u);
  const town = (await t.db.query<{ id: string }>(`select id from org_units where code = '500199001000'`)).rows[0]!.id;
  postId = (await t.db.query<{ id: string }>(`select id from posts where town_id = $1 and code = 'MS-SHJZ'`, [town])).rows[0]!.id;
  department = (await t.db.query<{ id: string }>(`select id from accounts where username = 'department'`)).rows[0]!.id;
  const k = await t.app.inject({ method: 'POST', url: '/api/cases', headers: bearer(tokens.gridworker!), payload: { categoryCode: 'C0101', description: '备岗测试', location: await gridCentre(t.db, DEMO_GRID) } });
  caseId = k.json().id;
  await t.app.inject({ method: 'POST', url: `/api/cases/${caseId}/actions/accept`, headers: bearer(tokens.dispatcher!), payload: {} });
  const d = await t.app.inject({ method: 'POST', url: `/api/cases/${caseId}/actions/dispatch`, headers: bearer(tokens.dispatcher!), payload: { assignee: { postId }, reason: '改派测试' } });
  expect(d.statusCode).toBe(200);
});
afterAll(async () => { await t.close(); });

const holders = (body: { a: string | null; b: string | null; backup?: string | null }) =>
  t.app.inject({ method: 'PUT', url: `/api/posts/${postId}/holders`, headers: bearer(tokens.admin!), payload: body });
const asDepartment = (method: 'GET' | 'POST', url: string) => t.app.inject({ method, url, headers: bearer(tokens.department!), ...(method === 'POST' ? { payload: {} } : {}) });

describe('the back-up holder of a post', () => {
  it('sees the post\'s case, has the post among its own and may start the case', async () => {
    expect((await asDepartment('GET', `/api/cases/${caseId}`)).statusCode).toBe(404);
    const current = (await t.db.query<{ a: string; b: string }>('select a_holder_id as a, b_holder_id as b from posts where id = $1', [postId])).rows[0]!;
    expect((await holders({ a: current.a, b: current.b, backup: department })).statusCode).toBe(200);
    const me = (await asDepartment('GET', '/api/me')).json();
    expect(me.posts).toEqual([expect.objectContaining({ id: postId, holder: 'backup' })]);
    expect((await asDepartment('GET', `/api/cases/${caseId}`)).json().policies).toContain('start');
    expect((await asDepartment('GET', '/api/cases?mine=assigned')).json().items.map((c: { id: string }) => c.id)).toContain(caseId);
    expect((await asDepartment('POST', `/api/cases/${caseId}/actions/start`)).statusCode).toBe(200);
  });

  it('loses the post\'s cases as soon as it no longer holds the post', async () => {
    const current = (await t.db.query<{ a: string; b: string }>('select a_holder_id as a, b_holder_id as b from posts where id = $1', [postId])).rows[0]!;
    expect((await holders({ a: current.a, b: current.b })).statusCode).toBe(200);
    expect((await asDepartment('GET', `/api/cases/${caseId}`)).statusCode).toBe(404);
    expect((await asDepartment('GET', '/api/me')).json().posts).toEqual([]);
  });

  it('is announced to every node when it changes, also by plain SQL, so open live streams re-check that account', async () => {
    const heard: string[] = [];
    const stop = await t.db.listen(ACCESS_CHANNEL, (account) => { heard.push(account); });
    try {
      await t.db.query('update posts set backup_holder_id = $2 where id = $1', [postId, department]);
      for (let i = 0; i < 50 && !heard.includes(department); i++) await new Promise((r) => setTimeout(r, 20));
      expect(heard).toContain(department);
    } finally {
      await stop();
      await t.db.query('update posts set backup_holder_id = null where id = $1', [postId]);
    }
  });
});
