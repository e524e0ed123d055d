// 高频诉求 and the 15-minute service circle (issue 17, H8): hot spots counted under the caller's scope against the
// previous span, projects made from a hot spot with its cases linked, steps, versions, Idempotency-Key, audit rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { cellOf } from '../../src/domain/analytics/cells.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
let here: { lng: number; lat: number };
let rural: { lng: number; lat: number };
let community: string;
let town: string;
const cases: Record<string, string[]> = { near: [], far: [], old: [], rural: [] };

const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { ...bearer(tokens[who]!), ...headers }, ...(payload ? { payload } : {}) });
const report = async (categoryCode: string, at: { lng: number; lat: number }, who = 'gridworker') => {
  const r = await call('POST', '/api/cases', who, { categoryCode, description: `测试 ${categoryCode}`, location: at });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
};

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'leader', 'dispatcher', 'community', 'gridworker', 'resident', 'handler']) tokens[u] = await t.login(u);
  here = await gridCentre(t.db, DEMO_GRID);
  rural = await gridCentre(t.db, '500199001002001'); // 锦霞社区第1网格: the same town, another community
  const g = (await t.db.query<{ parent_id: string }>('select parent_id from org_units where code = $1', [DEMO_GRID])).rows[0]!;
  community = g.parent_id;
  town = (await t.db.query<{ parent_id: string }>('select parent_id from org_units where id = $1', [community])).rows[0]!.parent_id;
  // the previous span (40 days ago): two 垃圾 cases at the same place
  const now = t.clock.now;
  t.clock.set(new Date(now.getTime() - 40 * 86_400_000));
  for (let i = 0; i < 2; i++) cases.old!.push(await report('E0101', here));
  t.clock.set(new Date(now.getTime() - 5 * 86_400_000));
  // this span: four 垃圾 and one other at the centre, one 垃圾 500 m away
  for (let i = 0; i < 4; i++) cases.near!.push(await report('E0101', here));
  cases.near!.push(await report('E0201', { lng: here.lng + 0.0002, lat: here.lat + 0.0001 }));
  cases.far!.push(await report('E0101', { lng: here.lng + 0.005, lat: here.lat }));
  cases.rural!.push(await report('E0101', rural, 'dispatcher'));
  t.clock.set(now);
});
afterAll(async () => { await t?.close(); });

describe('hot spots', () => {
  it('the town: categories, cells and grids against the previous 30 days, no reporter in it', async () => {
    const r = await call('GET', '/api/analytics/hotspots', 'leader');
    expect(r.statusCode, r.body).toBe(200);
    const h = r.json();
    expect(h).toMatchObject({ from: '2026-10-25', to: '2026-11-23', previousFrom: '2026-09-25', previousTo: '2026-10-24', cellMetres: 200, policies: ['createProject'] });
    expect(h.cases).toMatchObject({ current: 7, previous: 2, change: 5, ratio: 2.5, direction: 'up' });
    expect(h.categories[0]).toMatchObject({ code: 'E0101', rank: 1, current: 6, previous: 2, direction: 'up' });
    expect(h.categories[0].name).toMatch(/\p{Script=Han}/u);
    const centre = cellOf(here.lng, here.lat);
    expect(h.cells[0]).toMatchObject({ key: centre.key, rank: 1, current: 5, previous: 2, topCategoryCode: 'E0101', communityId: community });
    expect(h.cells[0].gridName).toMatch(/网格/);
    expect(h.grids[0]).toMatchObject({ current: 5, topCategoryCode: 'E0101' });
    expect(r.body).not.toMatch(/reporter|phone/i);
  });

  it('a span of its own; a unit outside the scope 404; the grid worker reads their grid; a resident 403; a bad span 400', async () => {
    const s = (await call('GET', '/api/analytics/hotspots?from=2026-10-01&to=2026-10-31', 'leader')).json();
    expect(s.cases).toMatchObject({ current: 2, previous: 0 });
    expect(s).toMatchObject({ previousFrom: '2026-08-31', previousTo: '2026-09-30' });
    expect((await call('GET', `/api/analytics/hotspots?orgUnitId=${town}`, 'community')).statusCode).toBe(404);
    const gw = (await call('GET', '/api/analytics/hotspots', 'gridworker')).json();
    expect(gw.cases.current).toBe(5); // the case 500 m away lies in another grid
    expect(gw.policies).toEqual([]);
    expect((await call('GET', '/api/analytics/hotspots', 'resident')).statusCode).toBe(403);
    expect((await call('GET', '/api/analytics/hotspots?from=2026-11-30&to=2026-11-01', 'leader')).statusCode).toBe(400);
    expect((await call('GET', '/api/analytics/hotspots?from=2024-01-01&to=2026-11-01', 'leader')).statusCode).toBe(400);
  });
});

describe('15-minute circle projects', () => {
  let id: string;
  it('立项 from a hot spot links the community\'s cases of the cell and span, once per Idempotency-Key, audited', async () => {
    const centre = cellOf(here.lng, here.lat);
    const body = { communityId: community, name: '春晖社区垃圾分类点改造', categoryCode: 'E0101', cells: [centre.key], description: '增设两处分类投放点', dueOn: '2026-12-31' };
    const r = await call('POST', '/api/analytics/projects', 'community', body, { 'idempotency-key': 'p-1' });
    expect(r.statusCode, r.body).toBe(201);
    const p = r.json();
    id = p.id;
    expect(p).toMatchObject({ status: 'planned', ownerName: '赵秀兰', cases: 4, version: 1, cells: [centre.key], policies: ['update', 'linkCases', 'start', 'drop'] });
    expect(p.caseList.map((c: { id: string }) => c.id).sort()).toEqual([...cases.near!.slice(0, 4)].sort());
    expect(p.lng).toBeCloseTo(centre.lng, 6);
    const again = await call('POST', '/api/analytics/projects', 'community', body, { 'idempotency-key': 'p-1' });
    expect(again.json().id).toBe(id);
    const n = await t.db.query('select count(*)::int as n from circle_projects');
    expect(n.rows[0]).toEqual({ n: 1 });
    const audit = await t.db.query<{ action: string }>('select action from audit_log where target_id = $1', [id]);
    expect(audit.rows.map((x) => x.action)).toEqual(['circle_project.create']);
  });

  it('refuses: not a community 422, outside the scope 404, a grid worker 403, a resident 403', async () => {
    expect((await call('POST', '/api/analytics/projects', 'leader', { communityId: town, name: 'x' })).json().error.code).toBe('PROJECT_INVALID');
    const other = (await t.db.query<{ id: string }>(`select id from org_units where level = 'community' and id <> $1 order by code limit 1`, [community])).rows[0]!.id;
    expect((await call('POST', '/api/analytics/projects', 'community', { communityId: other, name: 'x' })).statusCode).toBe(404);
    expect((await call('POST', '/api/analytics/projects', 'gridworker', { communityId: community, name: 'x' })).statusCode).toBe(403);
    expect((await call('POST', '/api/analytics/projects', 'resident', { communityId: community, name: 'x' })).statusCode).toBe(403);
  });

  it('links only the community\'s cases; one of 锦霞社区 is refused and nothing is linked', async () => {
    const bad = await call('POST', `/api/analytics/projects/${id}/cases`, 'leader', { caseIds: [cases.far![0], cases.rural![0]] });
    expect(bad.statusCode, bad.body).toBe(422);
    expect(bad.json().error.details.caseIds).toEqual([cases.rural![0]]);
    expect((await call('GET', `/api/analytics/projects/${id}`, 'community')).json().cases).toBe(4);
    const ok = await call('POST', `/api/analytics/projects/${id}/cases`, 'community', { caseIds: [cases.far![0], cases.near![0]] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ cases: 5, version: 2 });
  });

  it('change with the version, start, finish with the result; then nothing changes', async () => {
    expect((await call('PUT', `/api/analytics/projects/${id}`, 'community', { version: 1, name: '新名' })).statusCode).toBe(409);
    const u = await call('PUT', `/api/analytics/projects/${id}`, 'leader', { version: 2, name: '春晖社区垃圾分类点改造（一期）' });
    expect(u.statusCode, u.body).toBe(200);
    expect(u.json()).toMatchObject({ version: 3, name: '春晖社区垃圾分类点改造（一期）' });
    expect((await call('POST', `/api/analytics/projects/${id}/actions/finish`, 'community', {})).json().error.code).toBe('PROJECT_STATE_CONFLICT');
    expect((await call('POST', `/api/analytics/projects/${id}/actions/start`, 'gridworker', {})).statusCode).toBe(403);
    const s = await call('POST', `/api/analytics/projects/${id}/actions/start`, 'community', { version: 3 });
    expect(s.json()).toMatchObject({ status: 'underway', policies: ['update', 'linkCases', 'finish', 'drop'] });
    const f = await call('POST', `/api/analytics/projects/${id}/actions/finish`, 'community', { note: '两处分类点已投用' });
    expect(f.json()).toMatchObject({ status: 'done', result: '两处分类点已投用', policies: [] });
    expect(f.json().events.map((e: { action: string }) => e.action)).toEqual(['create', 'link_cases', 'update', 'start', 'finish']);
    expect((await call('POST', `/api/analytics/projects/${id}/cases`, 'community', { caseIds: [cases.far![0]] })).statusCode).toBe(409);
    expect((await call('PUT', `/api/analytics/projects/${id}`, 'community', { version: 5, name: 'x' })).statusCode).toBe(409);
    const audit = await t.db.query<{ action: string }>('select action from audit_log where target_id = $1 order by id', [id]);
    expect(audit.rows.map((x) => x.action)).toEqual(['circle_project.create', 'circle_project.link_cases', 'circle_project.update', 'circle_project.start', 'circle_project.finish']);
  });

  it('drop needs a reason; the list reads the community\'s projects for its grid worker, none for another community', async () => {
    const p = (await call('POST', '/api/analytics/projects', 'leader', { communityId: community, name: '口袋公园' })).json();
    expect((await call('POST', `/api/analytics/projects/${p.id}/actions/drop`, 'leader', {})).json().error.code).toBe('PROJECT_INVALID');
    expect((await call('POST', `/api/analytics/projects/${p.id}/actions/drop`, 'leader', { note: '选址另议' })).json().status).toBe('dropped');
    const gw = (await call('GET', '/api/analytics/projects', 'gridworker')).json();
    expect(gw.items.map((x: { status: string }) => x.status)).toEqual(['done', 'dropped']);
    expect(gw.policies).toEqual([]);
    expect((await call('GET', `/api/analytics/projects/${id}`, 'gridworker')).statusCode).toBe(200);
    expect((await call('GET', '/api/analytics/projects?status=done', 'leader')).json().items).toHaveLength(1);
    expect((await call('GET', '/api/analytics/projects', 'resident')).statusCode).toBe(403);
  });
});
