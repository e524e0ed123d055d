// Issue 12, tasks and visits through the API: the grid worker's list in walking order, ticks (someone else's 403, twice
// the first result, a task reassigned or cancelled meanwhile 409 with who holds it), ad hoc tasks, campaigns, visits
// (outside the grid 404, far flagged, a future time 422, retried with the same key one row, closing the task that asked
// for it), a visit's finding as a case, the visits list, and progress figures on a small hand-built data set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, RURAL_GRID, gridCentre } from '../support/places.ts';
import { insertRow } from '../support/rows.ts';
import { makeJpeg } from '../support/images.ts';
import { idNumberCheckDigit } from '../../src/domain/registry/id-number.ts';

const NEXT_GRID = '500199001001002';

let t: TestApp;
const tokens: Record<string, string> = {};
const acc: Record<string, string> = {};
let centre: { lng: number; lat: number };
let nextCentre: { lng: number; lat: number };
const grid: Record<string, { id: string; path: string; town: string; community: string }> = {};
const rec: Record<string, string> = {};
const task: Record<string, string> = {};
let photo: string;

const idNumber = (birth: string, seq: number) => {
  const first17 = `500103${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckDigit(first17);
};
const north = (p: { lng: number; lat: number }, dLat: number) => ({ lng: p.lng, lat: p.lat + dLat });

const call = (method: 'GET' | 'POST', url: string, who: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { ...bearer(tokens[who]!), ...headers }, ...(payload ? { payload } : {}) });

async function ok<T = any>(p: Promise<{ statusCode: number; body: string; json: () => unknown }>, status = 200): Promise<T> {
  const r = await p;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}

async function gridOf(code: string) {
  const r = (await t.db.query<{ id: string; path: string; parent_id: string }>('select id, path, parent_id from org_units where code = $1', [code])).rows[0]!;
  const town = (await t.db.query<{ id: string }>(`select id from org_units where level = 'town' and $1 like path || '%'`, [r.path])).rows[0]!.id;
  return { id: r.id, path: r.path, town, community: r.parent_id };
}

/** A grid worker of its own, on the grid's team (full-time), signing in with the demo password. */
async function worker(username: string, name: string, g: { id: string }) {
  const id = await t.db.query<{ id: string }>(
    `insert into accounts (username, name, kind, roles, scope_org_unit_id, password_hash)
     select $1, $2, 'staff', '{gridWorker}', $3, password_hash from accounts where username = 'gridworker' returning id`, [username, name, g.id]);
  await t.db.query(`insert into grid_team_members (grid_id, account_id, team_role, name, sort) values ($1, $2, 'fullTime', $3, 99)`, [g.id, id.rows[0]!.id, name]);
  return id.rows[0]!.id;
}

async function addTask(o: { g?: keyof typeof grid; kind: string; title: string; assignee: string | null; startsOn: string; dueOn: string; at?: { lng: number; lat: number } | null; subject?: [string, string]; status?: string; doneAt?: string; doneBy?: string }) {
  const g = grid[o.g ?? 'here']!;
  const assigneeName = o.assignee ? (await t.db.query<{ name: string }>('select name from accounts where id = $1', [o.assignee])).rows[0]!.name : null;
  return insertRow(t.db, 'tasks', {
    town_id: g.town, grid_id: g.id, org_path: g.path, kind: o.kind, title: o.title, assignee_id: o.assignee, assignee_name: assigneeName,
    starts_on: o.startsOn, due_on: o.dueOn, dedupe_key: `test:${o.title}`, lng: o.at?.lng ?? null, lat: o.at?.lat ?? null,
    subject_kind: o.subject?.[0] ?? null, subject_id: o.subject?.[1] ?? null, status: o.status ?? 'open',
    done_at: o.doneAt ? new Date(o.doneAt) : null, done_by: o.doneBy ?? null, done_by_name: o.doneBy ? 'x' : null,
  });
}

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['gridworker', 'community', 'dispatcher', 'leader', 'resident', 'handler']) tokens[u] = await t.login(u);
  [centre, nextCentre] = await Promise.all([gridCentre(t.db, DEMO_GRID), gridCentre(t.db, NEXT_GRID)]);
  grid.here = await gridOf(DEMO_GRID);
  grid.next = await gridOf(NEXT_GRID);
  grid.rural = await gridOf(RURAL_GRID);
  acc.gridworker = (await t.db.query<{ id: string }>(`select id from accounts where username = 'gridworker'`)).rows[0]!.id;
  acc.gw2 = await worker('gw2', '王小二', grid.here!);
  acc.gw3 = await worker('gw3', '张三丰', grid.next!);
  for (const u of ['gw2', 'gw3']) tokens[u] = await t.login(u);

  const up = await t.app.inject({ method: 'POST', url: '/api/files', headers: { ...bearer(tokens.gridworker!), 'content-type': 'image/jpeg' }, payload: await makeJpeg() });
  photo = up.json().hash;

  // the registry: a building 56 m north of the grid's centre, a flat in it with an older person living alone (and a
  // sensitive tag), a factory 56 m south; a resident of the neighbouring grid
  const b = await ok(call('POST', '/api/registry/buildings', 'gridworker', { name: '走访1栋', address: '春晖路20号', location: north(centre, 0.0005), units: 1, floors: 3, roomsPerFloor: 2 }), 201);
  rec.building = b.building.id;
  const h = await ok(call('POST', '/api/registry/households', 'gridworker', { buildingId: rec.building, unitNo: 1, floorNo: 2, roomNo: '201' }), 201);
  rec.household = h.household.id;
  const r = await ok(call('POST', '/api/registry/residents', 'gridworker', {
    name: '刘奶奶', idNumber: idNumber('1940-02-02', 24), householdId: rec.household, relation: 'head', tags: ['elderly_alone', 'disabled'],
  }), 201);
  rec.resident = r.resident.id;
  const m = await ok(call('POST', '/api/registry/residents', 'gridworker', { name: '刘小孙', idNumber: idNumber('2012-03-03', 13), householdId: rec.household, relation: 'grandchild' }), 201);
  rec.member = m.resident.id;
  const p = await ok(call('POST', '/api/registry/places', 'gridworker', { kind: 'enterprise', name: '春晖机械厂', location: north(centre, -0.0005) }), 201);
  rec.place = p.place.id;
  const r2 = await ok(call('POST', '/api/registry/residents', 'community', { name: '隔壁网格居民', idNumber: idNumber('1950-05-05', 31), gridId: grid.next!.id }), 201);
  rec.otherResident = r2.resident.id;

  // today is 2026-11-23 (the test clock): the gridworker's tasks at 28 m, 56 m and 111 m north of the centre, and a sweep without a place
  const me = acc.gridworker!;
  task.near = await addTask({ kind: 'riskInspection', title: '巡查消防栓', assignee: me, startsOn: '2026-11-23', dueOn: '2026-11-25', at: north(centre, 0.00025) });
  task.visit = await addTask({ kind: 'keyVisit', title: '走访刘奶奶', assignee: me, startsOn: '2026-11-19', dueOn: '2026-11-20', at: north(centre, 0.0005), subject: ['resident', rec.resident!] });
  task.far = await addTask({ kind: 'buildingCheck', title: '核查3栋', assignee: me, startsOn: '2026-11-20', dueOn: '2026-11-30', at: north(centre, 0.001) });
  task.sweep = await addTask({ kind: 'disputeSweep', title: '矛盾纠纷排查', assignee: me, startsOn: '2026-11-23', dueOn: '2026-11-26', subject: ['grid', grid.here!.id] });
  task.theirs = await addTask({ kind: 'buildingCheck', title: '王小二的任务', assignee: acc.gw2!, startsOn: '2026-11-23', dueOn: '2026-11-26', at: centre });
  task.tomorrow = await addTask({ kind: 'buildingCheck', title: '明天的任务', assignee: me, startsOn: '2026-11-24', dueOn: '2026-11-26', at: centre });
  // generated before the days they start (the fixture's insert stamps the machine's time)
  await t.db.query(`update tasks set created_at = '2026-11-01T00:00:00+08:00'`);
});
afterAll(async () => { await t.close(); });

type Task = { id: string; status: string; overdue: boolean; title: string; subject: any; policies: string[]; done: any; assignee: any; location: any; campaign: any };
type List = { mode: string; items: Task[]; counts: { open: number; overdue: number; doneToday: number }; origin: any; walkMeters: number; total: number; policies: string[] };

describe('today\'s list', () => {
  it('walks the open tasks nearest first from where the worker stands, tasks without a place last', async () => {
    const l = await ok<List>(call('GET', `/api/tasks?assignee=me&date=today&lng=${centre.lng}&lat=${centre.lat}`, 'gridworker'));
    expect(l.mode).toBe('mine');
    expect(l.items.map((x) => x.id)).toEqual([task.near, task.visit, task.far, task.sweep]);
    expect(l.origin).toMatchObject({ from: 'worker' });
    expect(l.walkMeters).toBe(111);
    expect(l.counts).toEqual({ open: 4, overdue: 1, doneToday: 0 });
    // from the north end the walk turns round
    const fromNorth = north(centre, 0.00125);
    const l2 = await ok<List>(call('GET', `/api/tasks?assignee=me&lng=${fromNorth.lng}&lat=${fromNorth.lat}`, 'gridworker'));
    expect(l2.items.map((x) => x.id)).toEqual([task.far, task.visit, task.near, task.sweep]);
  });

  it('starts at the grid\'s centre without a position, and shows the subject: name, address, household, tags by name, last visit', async () => {
    const l = await ok<List>(call('GET', '/api/tasks?assignee=me&date=today', 'gridworker'));
    expect(l.origin).toMatchObject({ from: 'grid' });
    const v = l.items.find((x) => x.id === task.visit)!;
    expect(v).toMatchObject({ overdue: true, status: 'open', policies: ['complete', 'visit', 'openFile'] });
    expect(v.subject).toMatchObject({ kind: 'resident', name: '刘奶奶', householdId: rec.household, lastVisitedOn: null, hiddenTags: 0 });
    expect(v.subject.address).toContain('201');
    expect(v.subject.tags.map((x: { name: string }) => x.name)).toEqual(['独居老人', '残疾人']);
    expect(l.items.find((x) => x.id === task.sweep)!.subject).toMatchObject({ kind: 'grid', tags: [] });
    expect(l.items.map((x) => x.id)).not.toContain(task.tomorrow);
    expect(l.items.map((x) => x.id)).not.toContain(task.theirs);
  });

  it('hides sensitive tags from those who are not carers', async () => {
    const v = await ok<Task>(call('GET', `/api/tasks/${task.visit}`, 'leader'));
    expect(v.subject.tags.map((x: { code: string }) => x.code)).toEqual(['elderly_alone']);
    expect(v.subject.hiddenTags).toBe(1);
    expect(v.policies).toEqual(['openFile']);
  });
});

describe('the oversight list', () => {
  it('lists a unit\'s tasks, overdue first, filtered; a grid worker sees its grid\'s, nobody sees outside the scope', async () => {
    const all = await ok<List>(call('GET', `/api/tasks?orgUnitId=${grid.here!.id}`, 'community'));
    expect(all.mode).toBe('oversight');
    expect(all.items[0]!.id).toBe(task.visit);
    expect(all.items.map((x) => x.id)).toEqual(expect.arrayContaining([task.near, task.far, task.sweep, task.theirs, task.tomorrow]));
    expect(all.policies).toEqual(['create']);
    expect((await ok<List>(call('GET', '/api/tasks?overdue=true', 'community'))).items.map((x) => x.id)).toEqual([task.visit]);
    expect((await ok<List>(call('GET', `/api/tasks?assigneeId=${acc.gw2}`, 'community'))).items.map((x) => x.id)).toEqual([task.theirs]);
    const paged = await ok<List>(call('GET', `/api/tasks?orgUnitId=${grid.here!.id}&pageSize=2&page=2`, 'dispatcher'));
    expect(paged.items.length).toBe(2);
    expect(paged.total).toBe(6);
    expect(paged.policies).toEqual(['create', 'createCampaign']);
    expect((await ok<List>(call('GET', '/api/tasks', 'gridworker'))).total).toBe(6);
    expect((await ok<List>(call('GET', '/api/tasks', 'gw3'))).total).toBe(0);
    expect((await call('GET', `/api/tasks/${task.visit}`, 'gw3')).statusCode).toBe(404);
    expect((await call('GET', `/api/tasks?orgUnitId=${grid.rural!.id}`, 'community')).statusCode).toBe(404);
    expect((await call('GET', '/api/tasks', 'resident')).statusCode).toBe(403);
    expect((await call('GET', '/api/tasks', 'handler')).statusCode).toBe(403);
  });
});

describe('completing a task', () => {
  it('refuses someone else\'s task (403), and an unknown photo (422) without writing anything', async () => {
    const r = await call('POST', `/api/tasks/${task.near}/complete`, 'gw2', {});
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('TASK_NOT_YOURS');
    const p = await call('POST', `/api/tasks/${task.near}/complete`, 'gridworker', { photos: ['f'.repeat(64)] });
    expect(p.statusCode).toBe(422);
    expect(p.json().error.code).toBe('PHOTO_UNKNOWN');
    const f = await call('POST', `/api/tasks/${task.near}/complete`, 'gridworker', { at: '2026-11-23T12:00:00+08:00' });
    expect(f.json().error.code).toBe('TASK_INVALID');
    expect((await t.db.query('select status from tasks where id = $1', [task.near])).rows[0]).toEqual({ status: 'open' });
    expect((await call('POST', `/api/tasks/${task.near}/complete`, 'resident', {})).statusCode).toBe(403);
  });

  it('completes once: twice with the same key, or again by the same worker, answers the first result', async () => {
    const key = { 'idempotency-key': 'tick-near-1' };
    const first = await ok<Task>(call('POST', `/api/tasks/${task.near}/complete`, 'gridworker', { note: '消防栓完好', photos: [photo], at: '2026-11-23T08:30:00+08:00' }, key));
    expect(first).toMatchObject({ status: 'done', done: { at: '2026-11-23T00:30:00.000Z', note: '消防栓完好', by: { id: acc.gridworker } } });
    expect(first.done.photos[0].hash).toBe(photo);
    const again = await ok<Task>(call('POST', `/api/tasks/${task.near}/complete`, 'gridworker', { note: '再次提交' }, key));
    expect(again.done).toEqual(first.done);
    const other = await ok<Task>(call('POST', `/api/tasks/${task.near}/complete`, 'gridworker', {}, { 'idempotency-key': 'tick-near-2' }));
    expect(other.done.note).toBe('消防栓完好');
    const audit = await t.db.query(`select 1 from audit_log where action = 'task.complete' and target_id = $1`, [task.near]);
    expect(audit.rowCount).toBe(1);
    const l = await ok<List>(call('GET', '/api/tasks?assignee=me', 'gridworker'));
    expect(l.counts.doneToday).toBe(1);
    expect(l.items.at(-1)!.id).toBe(task.near);
  });

  it('shows a task reassigned or cancelled meanwhile as a conflict with who holds it now (409)', async () => {
    await t.db.query(`update tasks set assignee_id = $2, assignee_name = '王小二' where id = $1`, [task.far, acc.gw2]);
    const r = await call('POST', `/api/tasks/${task.far}/complete`, 'gridworker', { expectedAssigneeId: acc.gridworker }, { 'idempotency-key': 'tick-far' });
    expect(r.statusCode).toBe(409);
    expect(r.json().error).toMatchObject({ code: 'TASK_CONFLICT', details: { reason: 'reassigned', status: 'open', assignee: { id: acc.gw2, name: '王小二' } } });
    await t.db.query(`update tasks set status = 'cancelled' where id = $1`, [task.sweep]);
    const c = await call('POST', `/api/tasks/${task.sweep}/complete`, 'gridworker', { expectedAssigneeId: acc.gridworker });
    expect(c.statusCode).toBe(409);
    expect(c.json().error.details).toMatchObject({ reason: 'cancelled', status: 'cancelled' });
    // done by the new holder: the old holder's late tick is a conflict too
    await ok(call('POST', `/api/tasks/${task.far}/complete`, 'gw2', {}));
    const d = await call('POST', `/api/tasks/${task.far}/complete`, 'gridworker', { expectedAssigneeId: acc.gridworker });
    expect(d.json().error.details).toMatchObject({ reason: 'doneByOther', doneBy: { id: acc.gw2 } });
    expect((await call('POST', '/api/tasks/no-such-task/complete', 'gridworker', {})).statusCode).toBe(404);
  });
});

describe('ad hoc tasks', () => {
  it('gives a grid a task for a worker of that grid, once per Idempotency-Key', async () => {
    const body = { orgUnitId: grid.here!.id, title: '排查沿街商铺燃气', detail: '重点查液化气罐', assigneeId: acc.gw2, dueOn: '2026-11-27', subject: { kind: 'place', id: rec.place } };
    const made = await ok<Task>(call('POST', '/api/tasks', 'community', body, { 'idempotency-key': 'adhoc-1' }), 201);
    expect(made).toMatchObject({ status: 'open', assignee: { id: acc.gw2 }, title: '排查沿街商铺燃气', subject: { kind: 'place', name: '春晖机械厂' } });
    expect(made.location).not.toBeNull();
    const again = await ok<Task>(call('POST', '/api/tasks', 'community', body, { 'idempotency-key': 'adhoc-1' }), 201);
    expect(again.id).toBe(made.id);
    expect((await t.db.query(`select 1 from tasks where title = '排查沿街商铺燃气'`)).rowCount).toBe(1);
    expect((await t.db.query(`select 1 from audit_log where action = 'task.create' and target_id = $1`, [made.id])).rowCount).toBe(1);
    const auto = await ok<Task>(call('POST', '/api/tasks', 'community', { orgUnitId: grid.here!.id, title: '通知开会', dueOn: '2026-11-24' }), 201);
    expect([acc.gridworker, acc.gw2]).toContain(auto.assignee.id);
  });

  it('refuses a worker of another grid, a past due day, a subject elsewhere (422), a grid outside the scope (404) and non-assigners (403)', async () => {
    const base = { orgUnitId: grid.here!.id, title: '临时任务', dueOn: '2026-11-27' };
    for (const bad of [{ assigneeId: acc.gw3 }, { dueOn: '2026-11-22' }, { startsOn: '2026-11-28' }, { subject: { kind: 'resident', id: rec.otherResident } }, { title: '   ' }]) {
      const r = await call('POST', '/api/tasks', 'community', { ...base, ...bad });
      expect(r.statusCode, JSON.stringify(bad)).toBe(422);
      expect(r.json().error.code).toBe('TASK_INVALID');
    }
    expect((await call('POST', '/api/tasks', 'community', { ...base, orgUnitId: grid.rural!.id })).statusCode).toBe(404);
    expect((await call('POST', '/api/tasks', 'gridworker', base)).statusCode).toBe(403);
    expect((await t.db.query(`select 1 from tasks where title = '临时任务'`)).rowCount).toBe(0);
  });
});

type Visit = { id: string; far: boolean; distanceM: number | null; closedTaskIds: string[]; subject: any; case: any; policies: string[]; photos: any[]; location: any; target: any };

describe('visits', () => {
  let visitId: string;

  it('records a visit near the building, closes the task that asked for it and moves the last visit day; a retry is one row', async () => {
    const body = { subject: { kind: 'resident', id: rec.resident }, at: '2026-11-23T07:40:00+08:00', location: { ...north(centre, 0.0006), accuracy: 15 }, findings: '老人反映楼道灯坏了', photos: [photo] };
    const v = await ok<Visit>(call('POST', '/api/visits', 'gridworker', body, { 'idempotency-key': 'visit-1' }), 201);
    visitId = v.id;
    expect(v).toMatchObject({ far: false, distanceM: 11, closedTaskIds: [task.visit], subject: { kind: 'resident', name: '刘奶奶', householdId: rec.household }, policies: ['reportCase', 'openFile'] });
    const again = await ok<Visit>(call('POST', '/api/visits', 'gridworker', body, { 'idempotency-key': 'visit-1' }), 201);
    expect(again.id).toBe(v.id);
    expect((await t.db.query('select 1 from visits where visitor_id = $1 and request_key = $2', [acc.gridworker, 'visit-1'])).rowCount).toBe(1);
    const done = await ok<Task>(call('GET', `/api/tasks/${task.visit}`, 'gridworker'));
    expect(done).toMatchObject({ status: 'done', done: { visitId: v.id, at: '2026-11-22T23:40:00.000Z' } });
    expect(done.subject.lastVisitedOn).toBe('2026-11-23');
    expect((await t.db.query(`select 1 from audit_log where action = 'visit.create' and target_id = $1`, [v.id])).rowCount).toBe(1);
  });

  it('records one visit and one tick when the phone sends the same request twice at once', async () => {
    const body = { subject: { kind: 'place', id: rec.place }, at: '2026-11-23T08:10:00+08:00', findings: '同时提交' };
    const key = { 'idempotency-key': 'visit-twice-at-once' };
    const [a, b] = await Promise.all([call('POST', '/api/visits', 'gridworker', body, key), call('POST', '/api/visits', 'gridworker', body, key)]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().id).toBe(b.json().id);
    expect((await t.db.query(`select 1 from visits where request_key = 'visit-twice-at-once'`)).rowCount).toBe(1);
    const tick = await addTask({ kind: 'assigned', title: '同时勾选', assignee: acc.gridworker!, startsOn: '2026-11-23', dueOn: '2026-11-23' });
    await t.db.query(`update tasks set created_at = '2026-11-01T00:00:00+08:00' where id = $1`, [tick]);
    const [x, y] = await Promise.all([1, 2].map(() => call('POST', `/api/tasks/${tick}/complete`, 'gridworker', { note: '同时' }, { 'idempotency-key': 'tick-twice' })));
    expect([x!.statusCode, y!.statusCode]).toEqual([200, 200]);
    expect(x!.json().done).toEqual(y!.json().done);
    expect((await t.db.query(`select 1 from audit_log where action = 'task.complete' and target_id = $1`, [tick])).rowCount).toBe(1);
  });

  it('flags a visit far from the subject, never refuses it; a household visit marks its members', async () => {
    const far = await ok<Visit>(call('POST', '/api/visits', 'gridworker', { subject: { kind: 'place', id: rec.place }, at: '2026-11-22T16:00:00+08:00', location: north(centre, 0.0025), findings: '' }), 201);
    expect(far).toMatchObject({ far: true, distanceM: 334 });
    expect(far.target).not.toBeNull();
    const hv = await ok<Visit>(call('POST', '/api/visits', 'gridworker', { subject: { kind: 'household', id: rec.household }, at: '2026-11-21T10:00:00+08:00', findings: '家中无异常' }), 201);
    expect(hv).toMatchObject({ far: false, distanceM: null, location: null });
    const days = await t.db.query<{ d: string }>('select last_visited_on::text as d from registry_residents where id = any($1) order by name', [[rec.resident, rec.member]]);
    // the resident's later visit (the 23rd) is kept; the grandchild gets the household's day
    expect(days.rows.map((x) => x.d).sort()).toEqual(['2026-11-21', '2026-11-23']);
    const file = await ok(call('GET', `/api/registry/households/${rec.household}`, 'gridworker'));
    expect(file.visits.map((x: { id: string }) => x.id)).toEqual([visitId, hv.id]);
    expect(file.visits[0]).toMatchObject({ subjectKind: 'resident', subjectName: '刘奶奶', visitorName: '李明辉', photos: 1, far: false });
  });

  it('refuses a subject outside the worker\'s grid (404), a time in the future (422), an unknown photo (422), non-doers (403)', async () => {
    const base = { subject: { kind: 'resident', id: rec.resident }, at: '2026-11-23T08:00:00+08:00', findings: '' };
    expect((await call('POST', '/api/visits', 'gridworker', { ...base, subject: { kind: 'resident', id: rec.otherResident } })).statusCode).toBe(404);
    expect((await call('POST', '/api/visits', 'gw3', base)).statusCode).toBe(404);
    const future = await call('POST', '/api/visits', 'gridworker', { ...base, at: '2026-11-23T09:10:00+08:00' });
    expect(future.statusCode).toBe(422);
    expect(future.json().error.code).toBe('VISIT_INVALID');
    // a few minutes of clock skew are fine
    expect((await call('POST', '/api/visits', 'gridworker', { ...base, at: '2026-11-23T09:03:00+08:00', subject: { kind: 'place', id: rec.place } })).statusCode).toBe(201);
    const p = await call('POST', '/api/visits', 'gridworker', { ...base, photos: ['e'.repeat(64)] }, { 'idempotency-key': 'visit-bad-photo' });
    expect(p.json().error.code).toBe('PHOTO_UNKNOWN');
    expect((await t.db.query(`select 1 from visits where request_key = 'visit-bad-photo'`)).rowCount).toBe(0);
    expect((await call('POST', '/api/visits', 'leader', base)).statusCode).toBe(403);
  });

  it('turns a finding into a case at the building, once', async () => {
    const r = await ok(call('POST', `/api/visits/${visitId}/case`, 'gridworker', { categoryCode: 'C0101' }));
    expect(r.number).toMatch(/\d/);
    expect(r.visit.case).toEqual({ id: r.caseId, number: r.number });
    expect(r.visit.policies).toEqual(['openFile']);
    const c = (await t.db.query<{ description: string; source: string; lng: number; lat: number; grid_id: string }>('select description, source, lng, lat, grid_id from cases where id = $1', [r.caseId])).rows[0]!;
    expect(c).toMatchObject({ description: '老人反映楼道灯坏了', source: 'visit', grid_id: grid.here!.id });
    expect(c.lat).toBeCloseTo(centre.lat + 0.0005, 6);
    const photos = await t.db.query('select 1 from case_photos where case_id = $1', [r.caseId]);
    expect(photos.rowCount).toBe(1);
    const again = await ok(call('POST', `/api/visits/${visitId}/case`, 'gridworker', { categoryCode: 'C0101', description: '再报一次' }));
    expect(again.caseId).toBe(r.caseId);
    expect((await t.db.query(`select 1 from cases where idempotency_key like '%visit-case:' || $1`, [visitId])).rowCount).toBe(1);
  });

  it('refuses a case from a visit with nothing found and no words (422), and from someone else\'s visit (403)', async () => {
    const empty = await ok<Visit>(call('POST', '/api/visits', 'gridworker', { subject: { kind: 'household', id: rec.household }, at: '2026-11-23T08:00:00+08:00', findings: '' }), 201);
    const r = await call('POST', `/api/visits/${empty.id}/case`, 'gridworker', { categoryCode: 'C0101' });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('VISIT_INVALID');
    expect((await call('POST', `/api/visits/${empty.id}/case`, 'gw2', { categoryCode: 'C0101', description: '楼道堆物' })).statusCode).toBe(403);
    expect((await call('POST', `/api/visits/${empty.id}/case`, 'gw3', { categoryCode: 'C0101', description: '楼道堆物' })).statusCode).toBe(404);
  });

  it('lists visits in scope with positions and the far flag', async () => {
    const all = await ok(call('GET', `/api/visits?orgUnitId=${grid.here!.id}`, 'community'));
    expect(all.total).toBeGreaterThanOrEqual(4);
    expect(all.items[0].location === null || typeof all.items[0].location.lng === 'number').toBe(true);
    const far = await ok(call('GET', '/api/visits?far=true', 'community'));
    expect(far.items.every((v: Visit) => v.far)).toBe(true);
    expect(far.total).toBe(1);
    const mine = await ok(call('GET', `/api/visits?subjectKind=resident&subjectId=${rec.resident}&from=2026-11-23&to=2026-11-23`, 'gridworker'));
    expect(mine.items.map((v: Visit) => v.id)).toEqual([visitId]);
    expect((await ok(call('GET', '/api/visits', 'gw3'))).total).toBe(0);
    expect((await call('GET', `/api/visits?orgUnitId=${grid.rural!.id}`, 'community')).statusCode).toBe(404);
  });
});

describe('campaigns', () => {
  it('pushes a campaign to grids: one task each at once, given to a worker of the grid; once per key', async () => {
    const body = { title: '防范电信诈骗', content: '入户发放防诈宣传册', material: [photo], gridIds: [grid.here!.id, grid.next!.id], startsOn: '2026-11-23', dueOn: '2026-11-30' };
    const c = await ok(call('POST', '/api/task-campaigns', 'dispatcher', body, { 'idempotency-key': 'camp-1' }), 201);
    expect(c).toMatchObject({ title: '防范电信诈骗', total: 2, done: 0, policies: ['viewTasks'] });
    expect(c.grids.map((g: { id: string }) => g.id).sort()).toEqual([grid.here!.id, grid.next!.id].sort());
    expect((await ok(call('POST', '/api/task-campaigns', 'dispatcher', body, { 'idempotency-key': 'camp-1' }), 201)).id).toBe(c.id);
    const made = await t.db.query<{ assignee_id: string; grid_id: string; dedupe_key: string }>('select assignee_id, grid_id, dedupe_key from tasks where campaign_id = $1 order by dedupe_key', [c.id]);
    expect(made.rowCount).toBe(2);
    expect(made.rows.find((x) => x.grid_id === grid.next!.id)!.assignee_id).toBe(acc.gw3);
    expect(made.rows.map((x) => x.dedupe_key)).toContain(`campaign:${c.id}:${grid.here!.id}`);
    // on the list of the grid's worker, with its material
    const mine = made.rows.find((x) => x.grid_id === grid.here!.id)!.assignee_id;
    const who = mine === acc.gridworker ? 'gridworker' : 'gw2';
    const l = await ok<List>(call('GET', '/api/tasks?assignee=me', who));
    const ct = l.items.find((x) => x.campaign?.id === c.id)!;
    expect(ct.campaign.material[0].hash).toBe(photo);
    await ok(call('POST', `/api/tasks/${ct.id}/complete`, who, { note: '已发放50份' }));
    const list = await ok(call('GET', `/api/task-campaigns?orgUnitId=${grid.here!.id}`, 'community'));
    expect(list.items.find((x: { id: string }) => x.id === c.id)).toMatchObject({ total: 1, done: 1 });
    const town = await ok(call('GET', '/api/task-campaigns', 'dispatcher'));
    expect(town.items.find((x: { id: string }) => x.id === c.id)).toMatchObject({ total: 2, done: 1 });
    expect(town.policies).toEqual(['create']);
    expect((await t.db.query(`select 1 from audit_log where action = 'campaign.create' and target_id = $1`, [c.id])).rowCount).toBe(1);
  });

  it('refuses non-pushers (403), grids outside the scope (404), bad days and unknown material (422)', async () => {
    const body = { title: '防汛', content: '汛期安全提示', material: [], gridIds: [grid.here!.id], startsOn: '2026-11-23', dueOn: '2026-11-30' };
    expect((await call('POST', '/api/task-campaigns', 'community', body)).statusCode).toBe(403);
    expect((await call('POST', '/api/task-campaigns', 'dispatcher', { ...body, gridIds: ['no-such-grid'] })).statusCode).toBe(404);
    expect((await call('POST', '/api/task-campaigns', 'dispatcher', { ...body, dueOn: '2026-11-20', startsOn: '2026-11-19' })).json().error.code).toBe('TASK_INVALID');
    expect((await call('POST', '/api/task-campaigns', 'dispatcher', { ...body, material: ['a'.repeat(64)] })).json().error.code).toBe('PHOTO_UNKNOWN');
    expect((await t.db.query(`select 1 from task_campaigns where title = '防汛'`)).rowCount).toBe(0);
  });
});

describe('progress', () => {
  type Row = { id: string; name: string; tasksDue: number; tasksDone: number; completionRate: number | null; overdueOpen: number; keyVisitsDue: number; keyVisitsInTime: number; attentionRate: number | null; activeDays: number; reports: number; visits: number; workers: number; activityRate: number | null };

  beforeAll(async () => {
    // October 2026, by hand: the gridworker (W1) and 王小二 (W2) in the demo grid, 张三丰 (W3) in the next one
    const [w1, w2, w3] = [acc.gridworker!, acc.gw2!, acc.gw3!];
    await addTask({ kind: 'keyVisit', title: 'p-a', assignee: w1, startsOn: '2026-10-08', dueOn: '2026-10-10', status: 'done', doneAt: '2026-10-09T10:00:00+08:00', doneBy: w1 });
    await addTask({ kind: 'keyVisit', title: 'p-b', assignee: w1, startsOn: '2026-10-10', dueOn: '2026-10-12', status: 'done', doneAt: '2026-10-14T23:30:00+08:00', doneBy: w1 });
    await addTask({ kind: 'buildingCheck', title: 'p-c', assignee: w1, startsOn: '2026-10-10', dueOn: '2026-10-20' });
    // done late in the evening of the 5th (Shanghai): still the 5th
    await addTask({ kind: 'riskInspection', title: 'p-d', assignee: w1, startsOn: '2026-10-05', dueOn: '2026-10-05', status: 'done', doneAt: '2026-10-05T23:50:00+08:00', doneBy: w1 });
    await addTask({ kind: 'buildingCheck', title: 'p-e', assignee: w1, startsOn: '2026-10-05', dueOn: '2026-10-06', status: 'cancelled' });
    await addTask({ kind: 'keyVisit', title: 'p-f', assignee: w2, startsOn: '2026-10-13', dueOn: '2026-10-15' });
    // missed in September and still open: owed, so overdue in October's figures, but not among October's tasks due
    await addTask({ kind: 'buildingCheck', title: 'p-i', assignee: w1, startsOn: '2026-09-21', dueOn: '2026-09-25' });
    await addTask({ g: 'next', kind: 'disputeSweep', title: 'p-g', assignee: w3, startsOn: '2026-10-06', dueOn: '2026-10-08', status: 'done', doneAt: '2026-10-08T09:00:00+08:00', doneBy: w3 });
    await addTask({ g: 'next', kind: 'keyVisit', title: 'p-h', assignee: w3, startsOn: '2026-10-08', dueOn: '2026-10-09', status: 'done', doneAt: '2026-10-09T09:00:00+08:00', doneBy: w3 });
    // W1's visits on the 9th (a day with a task done) and the 21st, and a report on the 21st
    for (const at of ['2026-10-09T15:00:00+08:00', '2026-10-21T09:00:00+08:00']) {
      await ok(call('POST', '/api/visits', 'gridworker', { subject: { kind: 'place', id: rec.place }, at, findings: '' }), 201);
    }
    const now = t.clock.now;
    t.clock.set(new Date('2026-10-21T10:00:00+08:00'));
    await ok(call('POST', '/api/cases', 'gridworker', { categoryCode: 'E0201', description: '电线杆小广告', location: centre }), 201);
    t.clock.set(now);
  });

  const figures = (r: Row) => [r.tasksDue, r.tasksDone, r.completionRate, r.overdueOpen, r.keyVisitsDue, r.keyVisitsInTime, r.attentionRate, r.activeDays, r.reports, r.visits, r.workers, r.activityRate];

  it('counts a community\'s grids and workers over a month', async () => {
    const p = await ok(call('GET', `/api/tasks/progress?orgUnitId=${grid.here!.community}&from=2026-10-01&to=2026-10-31`, 'community'));
    expect(p).toMatchObject({ from: '2026-10-01', to: '2026-10-31', unit: { id: grid.here!.community, level: 'community' } });
    const here = p.children.find((c: Row) => c.id === grid.here!.id);
    const next = p.children.find((c: Row) => c.id === grid.next!.id);
    //                      due done rate   overdue key inTime attention active reports visits workers activity
    expect(figures(here)).toEqual([5, 3, 0.6, 3, 3, 1, 0.3333, 4, 1, 2, 2, 0.0645]);
    expect(figures(next)).toEqual([2, 2, 1, 0, 1, 1, 1, 2, 0, 0, 1, 0.0645]);
    expect(figures(p.total)).toEqual([7, 5, 0.7143, 3, 4, 2, 0.5, 6, 1, 2, 3, 0.0645]);
    expect(p.workers.map((w: Row) => w.name)).toEqual(['王小二', '李明辉', '张三丰']);
    expect(figures(p.workers[1])).toEqual([4, 3, 0.75, 2, 2, 1, 0.5, 4, 1, 2, 1, 0.129]);
    expect(figures(p.workers[0])).toEqual([1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0]);
  });

  it('gives a grid its workers only, a grid worker its own grid, and refuses outside the scope and a backward period', async () => {
    const g = await ok(call('GET', `/api/tasks/progress?orgUnitId=${grid.here!.id}&from=2026-10-01&to=2026-10-31`, 'gridworker'));
    expect(g.children).toEqual([]);
    expect(g.workers.map((w: Row) => w.name)).toEqual(['王小二', '李明辉']);
    expect(figures(g.total)).toEqual([5, 3, 0.6, 3, 3, 1, 0.3333, 4, 1, 2, 2, 0.0645]);
    expect((await call('GET', `/api/tasks/progress?orgUnitId=${grid.here!.community}`, 'gridworker')).statusCode).toBe(404);
    expect((await call('GET', `/api/tasks/progress?orgUnitId=${grid.rural!.id}`, 'community')).statusCode).toBe(404);
    expect((await call('GET', '/api/tasks/progress?from=2026-10-31&to=2026-10-01', 'community')).json().error.code).toBe('TASK_INVALID');
    expect((await call('GET', '/api/tasks/progress', 'resident')).statusCode).toBe(403);
    const town = await ok(call('GET', '/api/tasks/progress?from=2026-10-01&to=2026-10-31', 'leader'));
    expect(town.unit.level).toBe('town');
    expect(figures(town.children.find((c: Row) => c.id === grid.here!.community))).toEqual([7, 5, 0.7143, 3, 4, 2, 0.5, 6, 1, 2, 3, 0.0645]);
  });
});
