// 家事 (issue 16): neighbour help asked for by a resident, seen by her grid's neighbours with her name masked, taken by
// a neighbour, done (the helper's helpDone points when the community publishes such a rule), cancelled with a reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { addPerson, idNumberOf, registerDemoResident } from '../support/participation.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
let neighbourId: string;

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['community', 'gridworker', 'resident', 'leader']) tokens[u] = await t.login(u);
  const h = await registerDemoResident(t);
  neighbourId = await addPerson(t, h.householdId, { name: '王建国', idNumber: idNumberOf('19800101', '013') });
});
afterAll(async () => { await t.close(); });

const call = (method: 'GET' | 'POST', url: string, who: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { ...bearer(tokens[who]!), ...headers }, ...(payload ? { payload } : {}) });

describe('neighbour help', () => {
  it('a resident asks; the grid worker names a neighbour who takes it and marks it done; audited', async () => {
    const r = await call('POST', '/api/help-requests', 'resident', { title: '帮忙取快递', description: '腿受伤了，想请邻居帮忙取快递。' }, { 'idempotency-key': 'h-1' });
    expect(r.statusCode, r.body).toBe(201);
    const h = r.json();
    expect(h).toMatchObject({ status: 'open', requesterName: '周淑芬', mine: true, policies: ['cancel'] });
    expect((await call('POST', '/api/help-requests', 'resident', { title: '帮忙取快递', description: '腿受伤了，想请邻居帮忙取快递。' }, { 'idempotency-key': 'h-1' })).statusCode).toBe(200);
    expect((await call('POST', `/api/help-requests/${h.id}/actions/take`, 'resident', {})).statusCode).toBe(409);
    const staffView = (await call('GET', `/api/help-requests/${h.id}`, 'gridworker')).json();
    expect(staffView.policies).toEqual(['take', 'cancel']);
    const taken = await call('POST', `/api/help-requests/${h.id}/actions/take`, 'gridworker', { helperResidentId: neighbourId });
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json()).toMatchObject({ status: 'taken', helperName: '王建国' });
    // the resident sees the helper's name masked
    expect((await call('GET', `/api/help-requests/${h.id}`, 'resident')).json()).toMatchObject({ helperName: '王**', policies: ['done', 'cancel'] });
    const done = await call('POST', `/api/help-requests/${h.id}/actions/done`, 'resident', { note: '已取到，谢谢。' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', doneNote: '已取到，谢谢。', policies: [] });
    expect((await call('POST', `/api/help-requests/${h.id}/actions/cancel`, 'resident', { reason: 'x' })).statusCode).toBe(409);
    const audited = (await t.db.query<{ action: string }>('select action from audit_log where target_id = $1 order by id', [h.id])).rows.map((x) => x.action);
    expect(audited).toEqual(['participation.help.open', 'participation.help.take', 'participation.help.done']);
  });

  it('staff ask for a registry person of their scope; a leader may not; cancel with a reason; the list by status', async () => {
    const r = await call('POST', '/api/help-requests', 'community', { title: '陪老人聊天', description: '每周陪聊一次。', residentId: neighbourId });
    expect(r.statusCode, r.body).toBe(201);
    expect((await call('POST', '/api/help-requests', 'community', { title: 'x', description: 'y' })).statusCode).toBe(422);
    expect((await call('POST', '/api/help-requests', 'leader', { title: 'x', description: 'y' })).statusCode).toBe(403);
    const c = await call('POST', `/api/help-requests/${r.json().id}/actions/cancel`, 'community', { reason: '家属已安排' });
    expect(c.json()).toMatchObject({ status: 'cancelled' });
    const list = (await call('GET', '/api/help-requests?status=cancelled', 'gridworker')).json();
    expect(list.items.map((x: { id: string }) => x.id)).toContain(r.json().id);
  });
});
