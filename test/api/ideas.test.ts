// 金点子 (issue 16): residents submit ideas to their town, support them once per person, staff screen and answer them,
// the town's leads publish the quarter's top ten once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID } from '../support/places.ts';
import { registerDemoResident } from '../support/participation.ts';
import { submitIdea } from '../../src/server/participation/ideas.ts';

let t: TestApp;
let resident: string;
let gridworker: string;
let leader: string;
let community: string;

const submit = (payload: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/ideas', headers: { ...bearer(resident), ...headers }, payload });

/** An idea of a neighbour without an account, filed straight through the command (as the demo does). */
async function neighbourIdea(title: string, support = 0): Promise<string> {
  const grid = (await t.db.query<{ id: string }>('select id from org_units where code = $1', [DEMO_GRID])).rows[0]!.id;
  const r = await t.db.transaction((tx) => submitIdea(tx, { accountId: null, person: null, name: '王建华', unitId: grid },
    { title, body: `${title}，方便大家。`, category: 'environment' }, { accountId: null, name: null, ip: null, at: t.clock.now }));
  if (support) await t.db.query('update ideas set support_count = $2 where id = $1', [r.id, support]);
  return r.id;
}

const act = (id: string, action: 'screen' | 'respond', payload: object, token = gridworker) =>
  t.app.inject({ method: 'POST', url: `/api/ideas/${id}/actions/${action}`, headers: bearer(token), payload });

beforeAll(async () => {
  t = await createTestApp();
  [resident, gridworker, leader, community] = await Promise.all((['resident', 'gridworker', 'leader', 'community'] as const).map((u) => t.login(u))) as [string, string, string, string];
}, 60_000);
afterAll(async () => { await t?.close(); });

describe('ideas', () => {
  it('a resident outside the registry may submit and read, but not support (422 PERSON_NOT_IN_REGISTRY)', async () => {
    const first = await submit({ title: '增设社区长椅', body: '春晖路公交站旁增设几张长椅，方便老人歇脚。', category: 'elderly' }, { 'idempotency-key': 'i1' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ status: 'submitted', mine: true, authorName: '周淑芬', quarter: '2026Q4', supportCount: 0 });
    const again = await submit({ title: '增设社区长椅', body: '春晖路公交站旁增设几张长椅，方便老人歇脚。', category: 'elderly' }, { 'idempotency-key': 'i1' });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const other = await neighbourIdea('小区门口加装路灯');
    const s = await t.app.inject({ method: 'POST', url: `/api/ideas/${other}/support`, headers: bearer(resident) });
    expect(s.statusCode).toBe(422);
    expect(s.json().error.code).toBe('PERSON_NOT_IN_REGISTRY');
    const audit = await t.db.query(`select 1 from audit_log where action = 'participation.idea.create' and target_id = $1`, [first.json().id]);
    expect(audit.rows).toHaveLength(1);
  });

  it('supports once per person; names masked to residents, whole for staff; screening, answers and their states', async () => {
    await registerDemoResident(t);
    const id = await neighbourIdea('垃圾分类亭加顶棚');
    const s1 = await t.app.inject({ method: 'POST', url: `/api/ideas/${id}/support`, headers: bearer(resident) });
    expect(s1.statusCode, s1.body).toBe(201);
    expect(s1.json()).toEqual({ supported: true, created: true, supportCount: 1 });
    const s2 = await t.app.inject({ method: 'POST', url: `/api/ideas/${id}/support`, headers: bearer(resident) });
    expect(s2.statusCode).toBe(200);
    expect(s2.json()).toEqual({ supported: true, created: false, supportCount: 1 });
    const seen = (await t.app.inject({ method: 'GET', url: `/api/ideas/${id}`, headers: bearer(resident) })).json();
    expect(seen).toMatchObject({ authorName: '王**', supportedByMe: true, policies: [] });
    const staff = (await t.app.inject({ method: 'GET', url: `/api/ideas/${id}`, headers: bearer(gridworker) })).json();
    expect(staff).toMatchObject({ authorName: '王建华', policies: ['screen'] });
    expect((await act(id, 'respond', { response: '好' })).json().error.code).toBe('IDEA_STATE_CONFLICT');
    const accepted = await act(id, 'screen', { accepted: true, note: '可行，纳入本季度实事' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', screenNote: '可行，纳入本季度实事', policies: ['screen', 'respond'] });
    const answered = await act(id, 'respond', { response: '已安排城管站加装顶棚，12月完工。' });
    expect(answered.json()).toMatchObject({ status: 'answered', response: '已安排城管站加装顶棚，12月完工。' });
    const late = await t.app.inject({ method: 'POST', url: `/api/ideas/${id}/support`, headers: bearer(resident) });
    expect(late.statusCode).toBe(409); // an answered idea takes no more supports (hers was counted before)
    expect((await act(id, 'screen', { accepted: false, note: 'x' })).json().error.code).toBe('IDEA_STATE_CONFLICT');
    expect((await act(id, 'screen', { accepted: true, note: 'x' }, resident)).statusCode).toBe(403);
    const rejected = await neighbourIdea('把广场舞搬到凌晨');
    expect((await act(rejected, 'screen', { accepted: false, note: '扰民' })).json().status).toBe('rejected');
    expect((await t.app.inject({ method: 'GET', url: `/api/ideas/${rejected}`, headers: bearer(resident) })).statusCode).toBe(404);
    const s3 = await t.app.inject({ method: 'POST', url: `/api/ideas/${rejected}/support`, headers: bearer(resident) });
    expect(s3.statusCode).toBe(404);
    const audits = await t.db.query<{ action: string }>(`select action from audit_log where target_id = $1 order by id`, [id]);
    expect(audits.rows.map((a) => a.action)).toEqual(['participation.idea.create', 'participation.idea.support', 'participation.idea.screen', 'participation.idea.respond']);
  });

  it('lists by support or newest with a cursor', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/ideas?limit=1', headers: bearer(resident) });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toHaveLength(1);
    expect(list.json().policies).toEqual(['create']);
    const next = await t.app.inject({ method: 'GET', url: `/api/ideas?limit=1&cursor=${list.json().nextCursor}`, headers: bearer(resident) });
    expect(next.json().items[0].id).not.toBe(list.json().items[0].id);
    const newest = await t.app.inject({ method: 'GET', url: '/api/ideas?sort=newest', headers: bearer(gridworker) });
    expect(newest.json().items.length).toBeGreaterThanOrEqual(3);
    const bad = await t.app.inject({ method: 'GET', url: '/api/ideas?cursor=bad', headers: bearer(resident) });
    expect(bad.statusCode).toBe(400);
  });

  it('the quarter\'s top ten: live and unpublished, published once by the town\'s leads, a snapshot after', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const id = await neighbourIdea(`金点子${i + 1}`, 100 - i);
      expect((await act(id, 'screen', { accepted: true, note: '采纳' })).statusCode).toBe(200);
      ids.push(id);
    }
    const live = (await t.app.inject({ method: 'GET', url: '/api/ideas/top?quarter=2026Q4', headers: bearer(resident) })).json();
    expect(live).toMatchObject({ quarter: '2026Q4', published: false, policies: [] });
    expect(live.items.map((i: { ideaId: string }) => i.ideaId)).toEqual(ids.slice(0, 10));
    expect(live.items[0]).toMatchObject({ rank: 1, authorName: '王**', supportCount: 100 });
    expect((await t.app.inject({ method: 'GET', url: '/api/ideas/top?quarter=2026Q4', headers: bearer(leader) })).json().policies).toEqual(['publish']);
    const gw = await t.app.inject({ method: 'POST', url: '/api/ideas/top', headers: bearer(gridworker), payload: { quarter: '2026Q4' } });
    expect(gw.statusCode).toBe(403);
    const cs = await t.app.inject({ method: 'POST', url: '/api/ideas/top', headers: bearer(community), payload: { quarter: '2026Q4' } });
    expect(cs.statusCode).toBe(403);
    const future = await t.app.inject({ method: 'POST', url: '/api/ideas/top', headers: bearer(leader), payload: { quarter: '2027Q1' } });
    expect(future.statusCode).toBe(422);
    const pub = await t.app.inject({ method: 'POST', url: '/api/ideas/top', headers: bearer(leader), payload: { quarter: '2026Q4' } });
    expect(pub.statusCode, pub.body).toBe(201);
    expect(pub.json()).toMatchObject({ published: true, quarter: '2026Q4' });
    const again = await t.app.inject({ method: 'POST', url: '/api/ideas/top', headers: bearer(leader), payload: { quarter: '2026Q4' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('IDEA_STATE_CONFLICT');
    await t.db.query('update ideas set support_count = 1000 where id = $1', [ids[11]]);
    const after = (await t.app.inject({ method: 'GET', url: '/api/ideas/top', headers: bearer(resident) })).json();
    expect(after).toMatchObject({ quarter: '2026Q4', published: true });
    expect(after.items.map((i: { ideaId: string }) => i.ideaId)).toEqual(ids.slice(0, 10));
    const a = await t.db.query(`select 1 from audit_log where action = 'participation.idea.top.publish'`);
    expect(a.rows).toHaveLength(1);
  });
});
