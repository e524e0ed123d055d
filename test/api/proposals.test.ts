// 议题 (issue 16): proposing on a council, supports once per person (whatever the account), comments with names masked
// for other residents, the council's actions to a done result, ratings once per person, send-up, scope and audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { registerDemoResident } from '../support/participation.ts';

let t: TestApp;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['leader', 'dispatcher', 'community', 'gridworker', 'resident', 'department']) tokens[u] = await t.login(u);
  await registerDemoResident(t);
});
afterAll(async () => { await t.close(); });

const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { ...bearer(tokens[who]!), ...headers }, ...(payload ? { payload } : {}) });
const act = (id: string, action: string, who: string, payload: object = {}) => call('POST', `/api/proposals/${id}/actions/${action}`, who, payload);

describe('councils', () => {
  it('the resident reads her grid\'s, community\'s and town\'s councils; leads edit the party organisation (audited)', async () => {
    const mine = (await call('GET', '/api/councils', 'resident')).json();
    expect(mine.items.map((c: { name: string }) => c.name)).toEqual(['春晖路街道联席会', '春晖社区评议会', '春晖社区第1网格邻里会']);
    expect(mine.items[2]).toMatchObject({ level: 'grid', partyOrg: '春晖社区第1网格党小组', mine: true, policies: [] });
    const grid = mine.items[2].id;
    expect((await call('PUT', `/api/councils/${grid}`, 'gridworker', { partyOrg: 'x', leaderName: null })).statusCode).toBe(403);
    const r = await call('PUT', `/api/councils/${grid}`, 'community', { partyOrg: '春晖社区第1网格党支部', leaderName: '王建国' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ partyOrg: '春晖社区第1网格党支部', leaderName: '王建国', policies: ['update'] });
    expect((await t.db.query(`select 1 from audit_log where action = 'participation.council.update' and target_id = $1`, [grid])).rows).toHaveLength(1);
    expect((await call('GET', '/api/councils', 'department')).statusCode).toBe(403);
  });
});

describe('a proposal from open to rated', () => {
  it('is proposed on her grid\'s council by default, supported once per person, commented, decided, carried out, rated once', async () => {
    const r = await call('POST', '/api/proposals', 'resident', { title: '楼下增设休息座椅', body: '希望在 3 栋楼下放两张座椅，老人可以歇歇脚。' }, { 'idempotency-key': 'p-1' });
    expect(r.statusCode, r.body).toBe(201);
    const p = r.json();
    expect(p).toMatchObject({ status: 'open', councilName: '春晖社区第1网格邻里会', proposerName: '周淑芬', mine: true, policies: ['support', 'comment'] });
    expect((await call('POST', '/api/proposals', 'resident', { title: '楼下增设休息座椅', body: '希望在 3 栋楼下放两张座椅，老人可以歇歇脚。' }, { 'idempotency-key': 'p-1' })).json().id).toBe(p.id);
    // support: once per person, idempotent
    const s1 = await call('POST', `/api/proposals/${p.id}/support`, 'resident');
    expect(s1.json()).toEqual({ counted: true, supportCount: 1, supportedByMe: true });
    const s2 = await call('POST', `/api/proposals/${p.id}/support`, 'resident');
    expect(s2.statusCode).toBe(200);
    expect(s2.json()).toEqual({ counted: false, supportCount: 1, supportedByMe: true });
    const both = await Promise.all(Array.from({ length: 10 }, () => call('POST', `/api/proposals/${p.id}/support`, 'resident')));
    expect(both.every((x) => x.statusCode === 200)).toBe(true);
    expect((await call('GET', `/api/proposals/${p.id}`, 'resident')).json()).toMatchObject({ supportCount: 1, supportedByMe: true, policies: ['comment'] });
    expect((await call('POST', `/api/proposals/${p.id}/support`, 'gridworker')).statusCode).toBe(403);
    // comments: staff by name; the resident sees hers whole, the grid worker sees her name
    expect((await call('POST', `/api/proposals/${p.id}/comments`, 'resident', { body: '我先带头捐一张。' })).statusCode).toBe(201);
    expect((await call('POST', `/api/proposals/${p.id}/comments`, 'gridworker', { body: '可以，我去问问物业。' })).statusCode).toBe(201);
    const staffView = (await call('GET', `/api/proposals/${p.id}`, 'gridworker')).json();
    expect(staffView.comments.map((c: { authorName: string }) => c.authorName)).toEqual(['周淑芬', '李明辉']);
    expect(staffView.policies).toEqual(['comment', 'decide', 'reject', 'sendUp']);
    // the council's actions; a resident may not
    expect((await act(p.id, 'decide', 'resident', { decision: 'x', ownerName: 'y' })).statusCode).toBe(403);
    expect((await act(p.id, 'start', 'gridworker')).statusCode).toBe(409);
    const d = await act(p.id, 'decide', 'gridworker', { decision: '由物业采购两张座椅，居民监督。', ownerName: '春晖物业', dueOn: '2026-12-31' });
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json()).toMatchObject({ status: 'decided', ownerName: '春晖物业', dueOn: '2026-12-31' });
    expect((await call('POST', `/api/proposals/${p.id}/rating`, 'resident', { stars: 5 })).statusCode).toBe(409);
    expect((await act(p.id, 'start', 'gridworker')).json().status).toBe('inProgress');
    const done = await act(p.id, 'report-result', 'gridworker', { result: '两张座椅已安装。' });
    expect(done.json()).toMatchObject({ status: 'done', result: '两张座椅已安装。' });
    const rated = await call('POST', `/api/proposals/${p.id}/rating`, 'resident', { stars: 4, comment: '很好' });
    expect(rated.statusCode, rated.body).toBe(201);
    expect(rated.json()).toMatchObject({ ratingAverage: 4, ratingCount: 1, myRating: 4, policies: [] });
    expect((await call('POST', `/api/proposals/${p.id}/rating`, 'resident', { stars: 1 })).statusCode).toBe(409);
    expect(rated.json().timeline.map((e: { action: string }) => e.action)).toEqual(['create', 'decide', 'start', 'report-result', 'rate']);
    const audited = (await t.db.query<{ action: string }>('select action from audit_log where target_id = $1 order by id', [p.id])).rows.map((x) => x.action);
    expect(audited).toEqual([
      'participation.proposal.create', 'participation.proposal.support', 'participation.proposal.comment', 'participation.proposal.comment',
      'participation.proposal.decide', 'participation.proposal.start', 'participation.proposal.report_result', 'participation.proposal.rate',
    ]);
  });

  it('is sent up in one step: a new open proposal on the community\'s council naming it; a town council\'s cannot go further', async () => {
    const p = (await call('POST', '/api/proposals', 'resident', { title: '小区门口增设红绿灯', body: '车多，过马路危险。' })).json();
    const up = await act(p.id, 'send-up', 'gridworker', { reason: '涉及市政道路，需要社区协调' });
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json()).toMatchObject({ status: 'sentUp' });
    const higher = (await call('GET', `/api/proposals/${up.json().sentUpTo}`, 'community')).json();
    expect(higher).toMatchObject({ status: 'open', councilName: '春晖社区评议会', sentUpFrom: p.id, proposerName: '周淑芬' });
    expect((await act(p.id, 'send-up', 'gridworker', { reason: '再来' })).statusCode).toBe(409);
    // the grid worker reads the community's proposal but may not act on it (outside his scope: 404)
    expect((await act(higher.id, 'reject', 'gridworker', { reason: 'x' })).statusCode).toBe(404);
    const town = (await act(higher.id, 'send-up', 'community', { reason: '需要街道支持' })).json();
    const townP = (await call('GET', `/api/proposals/${town.sentUpTo}`, 'dispatcher')).json();
    expect(townP.councilName).toBe('春晖路街道联席会');
    expect(townP.policies).not.toContain('sendUp');
    expect((await act(townP.id, 'send-up', 'dispatcher', { reason: '再上报' })).statusCode).toBe(409);
  });

  it('lists by council and status; the department is refused; unknown ids 404', async () => {
    const open = (await call('GET', '/api/proposals?status=open', 'resident')).json();
    expect(open.items.every((p: { status: string }) => p.status === 'open')).toBe(true);
    expect(open.policies).toEqual(['create']);
    expect((await call('GET', '/api/proposals', 'department')).statusCode).toBe(403);
    expect((await call('GET', '/api/proposals/nope', 'resident')).statusCode).toBe(404);
  });
});
