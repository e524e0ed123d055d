// Issue 12, the daily task generation (POST /api/tasks/generate, the task-generation job): a day generated twice makes
// nothing twice; a worker on leave gets nothing; a visit due on a holiday starts after it; a tagged resident is visited
// by the tag's (town's) frequency; risk points by their interval; handled cases are checked, by the grid worker who
// reported them; who may run it, for which town. The clock is Monday 23 November 2026, 09:00 Asia/Shanghai.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, RURAL_GRID } from '../support/places.ts';
import { generateAllTowns } from '../../src/server/tasks/generation-job.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const call = (method: 'GET' | 'POST' | 'DELETE', url: string, who: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(tokens[who]!), ...(payload ? { payload } : {}) });

type Task = { dedupe_key: string; kind: string; starts_on: string; due_on: string; assignee_id: string | null; lng: number | null; lat: number | null; detail: string | null; subject_id: string };
const tasksOf = async (where = 'true', params: unknown[] = []) => (await t.db.query<Task>(
  `select dedupe_key, kind, to_char(starts_on, 'YYYY-MM-DD') as starts_on, to_char(due_on, 'YYYY-MM-DD') as due_on, assignee_id, lng, lat, detail, subject_id
     from tasks where ${where} order by dedupe_key`, params)).rows;
const task = async (key: string) => (await tasksOf('dedupe_key = $1', [key]))[0];
const generate = async (who: string, body: object) => {
  const r = await call('POST', '/api/tasks/generate', who, body);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as { created: number; unassigned: number; grids: number; runs: number; createdThatDay: number; day: string };
};

/** a staff account on a grid's team, with the gridworker's password */
async function worker(username: string, gridId: string, teamRole = 'fullTime', roles = ['gridWorker']): Promise<string> {
  const id = (await t.db.query<{ id: string }>(
    `insert into accounts (username, name, kind, roles, scope_org_unit_id, password_hash)
     select $1, $2, 'staff', $3, $4, password_hash from accounts where username = 'gridworker' returning id`,
    [username, `网格员${username}`, roles, gridId])).rows[0]!.id;
  await t.db.query(`insert into grid_team_members (grid_id, account_id, team_role, name, sort) values ($1, $2, $3, $4, 99)`, [gridId, id, teamRole, `网格员${username}`]);
  return id;
}

let seq = 0;
async function resident(o: { tags: string[]; lastVisitedOn: string | null; createdAt?: string; householdId?: string }): Promise<string> {
  seq++;
  return (await t.db.query<{ id: string }>(
    `insert into registry_residents (town_id, grid_id, org_path, household_id, name, id_number, id_number_hash, id_number_masked, gender,
       birth_date, tags, last_visited_on, created_at, updated_at)
     select g.town, g.id, g.path, $1, $2, 'v1.sealed', md5($2), '500***', 'female', '1940-01-01', $3, $4::date, $5, $5
       from (select u.id, u.path, (select t.id from org_units t where t.level = 'town' and u.path like t.path || '%') as town
               from org_units u where u.id = $6) g returning id`,
    [o.householdId ?? null, `居民${seq}`, o.tags, o.lastVisitedOn, o.createdAt ?? '2025-01-01T00:00:00+08:00', ids.grid])).rows[0]!.id;
}

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'leader', 'dispatcher', 'community', 'gridworker']) tokens[u] = await t.login(u);
  const units = (await t.db.query<{ id: string; code: string; town: string }>(
    `select u.id, u.code, (select t.id from org_units t where t.level = 'town' and u.path like t.path || '%') as town from org_units u where u.code = any($1)`,
    [[DEMO_GRID, RURAL_GRID]])).rows;
  const demo = units.find((u) => u.code === DEMO_GRID)!;
  ids.grid = demo.id;
  ids.town = demo.town;
  ids.ruralGrid = units.find((u) => u.code === RURAL_GRID)!.id;
  ids.ruralTown = units.find((u) => u.code === RURAL_GRID)!.town;
  ids.gridworker = (await t.db.query<{ id: string }>(`select id from accounts where username = 'gridworker'`)).rows[0]!.id;
  ids.handler = (await t.db.query<{ id: string }>(`select id from accounts where username = 'handler'`)).rows[0]!.id;
  ids.gw2 = await worker('gw2', ids.grid);
  ids.gw3 = await worker('gw3', ids.ruralGrid);

  // a building with a flat, its residents; risk points; a handled case reported by the grid worker
  ids.building = (await t.db.query<{ id: string }>(
    `insert into registry_buildings (town_id, grid_id, org_path, name, lng, lat, units, floors, rooms_per_floor, created_at, updated_at)
     select $1, id, path, '春晖路8号1栋', 106.551, 29.561, 1, 6, 2, now(), now() from org_units where id = $2 returning id`, [ids.town, ids.grid])).rows[0]!.id;
  ids.household = (await t.db.query<{ id: string }>(
    `insert into registry_households (town_id, grid_id, org_path, building_id, unit_no, floor_no, room_no, address, created_at, updated_at)
     select $1, id, path, $3, 1, 1, '101', '春晖路8号1栋1单元101', now(), now() from org_units where id = $2 returning id`, [ids.town, ids.grid, ids.building])).rows[0]!.id;
  ids.weekly = await resident({ tags: ['elderly_alone'], lastVisitedOn: '2026-11-16', householdId: ids.household });
  ids.notYet = await resident({ tags: ['elderly_alone'], lastVisitedOn: '2026-11-17' });
  ids.noVisits = await resident({ tags: ['party_member'], lastVisitedOn: null });
  ids.emptyNest = await resident({ tags: ['elderly_empty_nest'], lastVisitedOn: '2026-11-20' });
  // the town visits its empty-nest elders every 3 days (the platform: 14)
  await t.db.query(
    `insert into registry_tags (code, town_id, name, name_en, tag_group, sensitive, visit_every_days, sort)
     select code, $1, name, name_en, tag_group, sensitive, 3, sort from registry_tags where code = 'elderly_empty_nest' and town_id is null`, [ids.town]);
  const thing = async (name: string, last: string | null, every: number | null) => (await t.db.query<{ id: string }>(
    `insert into registry_things (town_id, grid_id, org_path, kind, name, lng, lat, risk_level, inspection_every_days, last_inspected_on, created_at, updated_at)
     select $1, id, path, 'retainingWall', $3, 106.552, 29.562, 'high', $5, $4::date, '2025-01-01T00:00:00+08:00', now() from org_units where id = $2 returning id`,
    [ids.town, ids.grid, name, last, every])).rows[0]!.id;
  ids.thingDue = await thing('3号堡坎', '2026-10-24', 30);
  ids.thingLater = await thing('4号堡坎', '2026-11-10', 30);
  ids.thingNone = await thing('5号堡坎', null, null);
  const c = async (status: string, onSpot: boolean, n: string) => (await t.db.query<{ id: string }>(
    `insert into cases (number, status, town_id, grid_id, org_path, matter_id, category_code, tier, description, lng, lat, source, reporter_kind,
       reporter_account_id, handled_by, resolved_on_spot, created_at, updated_at)
     select $1, $2, $3, g.id, g.path, m.id, m.category_code, 'grid', '井盖破损', 106.553, 29.563, 'gridWorker', 'gridWorker', $4, $5, $6,
            '2026-11-20T10:00:00+08:00', '2026-11-20T15:00:00+08:00'
       from org_units g, (select id, code as category_code from matters where town_id = $3 limit 1) m where g.id = $7 returning id`,
    [`TEST-${n}`, status, ids.town, ids.gridworker, onSpot ? ids.gridworker : ids.handler, onSpot, ids.grid])).rows[0]!.id;
  ids.handled = await c('handled', false, '1');
  ids.onSpot = await c('handled', true, '2');
  ids.inProgress = await c('in_progress', false, '3');
});
afterAll(async () => { await t.close(); });

describe('staff absences', () => {
  it('records a worker\'s leave (201), the same Idempotency-Key answering the first', async () => {
    const body = { accountId: ids.gw2, from: '2026-11-23', to: '2026-11-27', reason: '年休假' };
    const r = await t.app.inject({ method: 'POST', url: '/api/absences', headers: { ...bearer(tokens.community!), 'idempotency-key': 'leave-1' }, payload: body });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ accountId: ids.gw2, accountName: '网格员gw2', from: '2026-11-23', to: '2026-11-27', reason: '年休假', handedOver: 0, policies: ['delete'], grids: [{ id: ids.grid }] });
    const again = await t.app.inject({ method: 'POST', url: '/api/absences', headers: { ...bearer(tokens.community!), 'idempotency-key': 'leave-1' }, payload: body });
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(r.json().id);
    ids.leave = r.json().id;
  });

  it('refuses a worker outside the caller\'s territory (404), a non-assigner (403) and days that do not add up (422)', async () => {
    expect((await call('POST', '/api/absences', 'community', { accountId: ids.gw3, from: '2026-11-23', to: '2026-11-24' })).statusCode).toBe(404);
    expect((await call('POST', '/api/absences', 'dispatcher', { accountId: ids.gw3, from: '2026-11-23', to: '2026-11-24' })).statusCode).toBe(404);
    // an account that is on no team is not a worker
    expect((await call('POST', '/api/absences', 'community', { accountId: ids.handler, from: '2026-11-23', to: '2026-11-24' })).statusCode).toBe(404);
    expect((await call('POST', '/api/absences', 'gridworker', { accountId: ids.gw2, from: '2026-11-23', to: '2026-11-24' })).statusCode).toBe(403);
    const backwards = await call('POST', '/api/absences', 'community', { accountId: ids.gw2, from: '2026-11-24', to: '2026-11-23' });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().error.code).toBe('TASK_INVALID');
    expect((await call('POST', '/api/absences', 'community', { accountId: ids.gw2, from: '2026-02-30', to: '2026-03-01' })).statusCode).toBe(422);
    expect((await call('POST', '/api/absences', 'community', { accountId: ids.gw2, from: '2026-01-01', to: '2027-06-01' })).statusCode).toBe(422);
  });

  it('lists and removes within the territory only', async () => {
    const r = await call('POST', '/api/absences', 'admin', { accountId: ids.gw3, from: '2026-12-01', to: '2026-12-02', reason: '培训' });
    expect(r.statusCode, r.body).toBe(201);
    const rural = r.json().id as string;
    const mine = await call('GET', '/api/absences', 'community');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.map((a: { id: string }) => a.id)).toEqual([ids.leave]);
    expect(mine.json().policies).toEqual(['create']);
    expect((await call('GET', `/api/absences?orgUnitId=${ids.ruralGrid}`, 'community')).statusCode).toBe(404);
    const all = await call('GET', '/api/absences', 'admin');
    expect(all.json().items.map((a: { id: string }) => a.id)).toEqual([rural, ids.leave]);
    expect((await call('GET', `/api/absences?orgUnitId=${ids.ruralGrid}`, 'admin')).json().total).toBe(1);
    expect((await call('GET', '/api/absences?current=true', 'admin')).json().total).toBe(2);
    expect((await call('DELETE', `/api/absences/${rural}`, 'community')).statusCode).toBe(404);
    const gone = await call('DELETE', `/api/absences/${rural}`, 'admin');
    expect(gone.statusCode, gone.body).toBe(200);
    expect(gone.json()).toEqual({ id: rural, removed: true });
    expect((await call('DELETE', `/api/absences/${rural}`, 'admin')).statusCode).toBe(404);
    const audit = await t.db.query<{ action: string }>(`select action from audit_log where action like 'absence.%' order by id`);
    expect(audit.rows.map((a) => a.action)).toEqual(['absence.create', 'absence.create', 'absence.delete']);
  });
});

describe('the daily generation', () => {
  it('makes the day\'s tasks once: a second run makes nothing', async () => {
    const first = await generate('leader', { orgUnitId: ids.town });
    expect(first.day).toBe('2026-11-23');
    expect(first.created).toBeGreaterThan(0);
    const count = (await tasksOf()).length;
    expect(count).toBe(first.created);
    const second = await generate('leader', { orgUnitId: ids.grid });
    expect(second).toMatchObject({ created: 0, runs: 2, createdThatDay: first.created });
    expect((await tasksOf()).length).toBe(count);
    // the job skips a town whose day is done, and makes the other town's
    const job = await generateAllTowns(t.db, t.clock.now);
    expect(job.created).toBe((await tasksOf()).length - count);
    expect((await tasksOf()).length).toBe(count + job.created);
    const again = await generateAllTowns(t.db, t.clock.now);
    expect(again).toEqual({ towns: 0, created: 0 });
    const audit = await t.db.query<{ detail: { created: number } }>(`select detail from audit_log where action = 'task.generate' order by id`);
    expect(audit.rows.map((a) => a.detail.created)).toEqual([first.created, 0]);
  });

  it('gives a worker on leave nothing: their colleague takes every task', async () => {
    const grid = await tasksOf('grid_id = $1', [ids.grid]);
    expect(grid.filter((x) => x.assignee_id === ids.gw2)).toEqual([]);
    expect(grid.filter((x) => x.assignee_id === ids.gridworker).length).toBe(grid.length);
  });

  it('visits a tagged resident by the tag\'s frequency, at their building', async () => {
    expect(await task(`visit:${ids.weekly}:2026-11-23`)).toMatchObject({ kind: 'keyVisit', starts_on: '2026-11-23', due_on: '2026-11-25', lng: 106.551, lat: 29.561 });
    expect(await tasksOf('subject_id = any($1)', [[ids.notYet, ids.noVisits]])).toEqual([]);
  });

  it('follows the town\'s own frequency of a tag', async () => {
    expect(await task(`visit:${ids.emptyNest}:2026-11-23`)).toMatchObject({ detail: '每3天走访一次；上次走访：2026-11-20' });
  });

  it('inspects risk points by their interval', async () => {
    expect(await task(`inspect:${ids.thingDue}:2026-11-23`)).toMatchObject({ kind: 'riskInspection', due_on: '2026-11-25', lng: 106.552 });
    expect(await tasksOf('subject_id = any($1)', [[ids.thingLater, ids.thingNone]])).toEqual([]);
  });

  it('checks a handled case, by the grid worker who reported it; one resolved on the spot is the community\'s', async () => {
    expect(await task(`verify:${ids.handled}`)).toMatchObject({ kind: 'caseVerification', assignee_id: ids.gridworker, due_on: '2026-11-24', lng: 106.553 });
    expect(await tasksOf('subject_id = any($1)', [[ids.onSpot, ids.inProgress]])).toEqual([]);
  });

  it('checks each building monthly and sweeps the grid weekly', async () => {
    expect(await task(`check:${ids.building}:2026-11`)).toMatchObject({ kind: 'buildingCheck', due_on: '2026-12-07' });
    expect(await task(`sweep:${ids.grid}:2026-W48`)).toMatchObject({ kind: 'disputeSweep', due_on: '2026-11-26' });
  });

  it('leaves a grid with nobody to take its tasks unassigned, and counts them', async () => {
    const run = (await t.db.query<{ unassigned: number }>(`select unassigned from task_generation_runs where town_id = $1`, [ids.town])).rows[0]!;
    const none = await tasksOf('town_id = $1 and assignee_id is null', [ids.town]);
    expect(run.unassigned).toBe(none.length);
    expect(none.length).toBeGreaterThan(0); // the demo's other grids have no linked accounts
  });

  it('hands a worker\'s open tasks to a colleague when their absence is recorded', async () => {
    expect((await call('DELETE', `/api/absences/${ids.leave}`, 'community')).statusCode).toBe(200);
    const held = (await tasksOf('assignee_id = $1 and starts_on = $2::date', [ids.gridworker, '2026-11-23'])).length;
    const r = await call('POST', '/api/absences', 'community', { accountId: ids.gridworker, from: '2026-11-23', to: '2026-11-23', reason: '病假' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().handedOver).toBe(held);
    expect(await tasksOf('assignee_id = $1 and starts_on = $2::date', [ids.gridworker, '2026-11-23'])).toEqual([]);
    expect((await tasksOf('assignee_id = $1', [ids.gw2])).length).toBe(held);
  });

  it('checks a building entered after the day\'s run on the next run, and sweeps no grid twice in a week', async () => {
    const b2 = (await t.db.query<{ id: string }>(
      `insert into registry_buildings (town_id, grid_id, org_path, name, lng, lat, units, floors, rooms_per_floor, created_at, updated_at)
       select $1, id, path, '春晖路8号2栋', 106.554, 29.564, 1, 6, 2, $3, $3 from org_units where id = $2 returning id`, [ids.town, ids.grid, t.clock.now])).rows[0]!.id;
    const run = await generate('leader', { orgUnitId: ids.town });
    expect(run.created).toBe(1);
    expect(await task(`check:${b2}:2026-11`)).toMatchObject({ kind: 'buildingCheck' });
    // the next day: the month's checks and the week's sweeps are there; only what fell due that day is new
    t.clock.advance(86_400_000);
    const signedIn = tokens.leader!;
    try {
      tokens.leader = await t.login('leader'); // a session idle for a day has expired
      const next = await generate('leader', { orgUnitId: ids.town });
      expect(next.day).toBe('2026-11-24');
      expect(await tasksOf("created_at = $1 and (kind = 'buildingCheck' or kind = 'disputeSweep')", [t.clock.now])).toEqual([]);
      expect((await tasksOf('created_at = $1', [t.clock.now])).length).toBe(next.created);
    } finally {
      t.clock.advance(-86_400_000);
      tokens.leader = signedIn;
    }
    await t.db.query('delete from tasks where subject_id = $1', [b2]);
    await t.db.query('delete from registry_buildings where id = $1', [b2]);
  });
});

describe('a visit due on a holiday', () => {
  it('starts on the first working day after 国庆 and is due two working days later', async () => {
    ids.holiday = await resident({ tags: ['elderly_alone'], lastVisitedOn: '2026-09-24' });
    const was = t.clock.now;
    t.clock.set(new Date('2026-09-30T09:00:00+08:00'));
    try {
      await generate('admin', { orgUnitId: ids.town, day: '2026-10-01' });
    } finally {
      t.clock.set(was);
    }
    // due 1 October (a week after 24 September); 1–7 October off; 10 October (Saturday) worked
    expect(await task(`visit:${ids.holiday}:2026-10-01`)).toMatchObject({ starts_on: '2026-10-08', due_on: '2026-10-10' });
  });
});

describe('who runs it', () => {
  it('answers 404 for a town outside the caller\'s scope, 403 to other roles, 422 for a day too far', async () => {
    expect((await call('POST', '/api/tasks/generate', 'leader', { orgUnitId: ids.ruralTown })).statusCode).toBe(404);
    expect((await call('POST', '/api/tasks/generate', 'leader', { orgUnitId: 'nope' })).statusCode).toBe(404);
    expect((await call('POST', '/api/tasks/generate', 'dispatcher', { orgUnitId: ids.town })).statusCode).toBe(403);
    expect((await call('POST', '/api/tasks/generate', 'gridworker', { orgUnitId: ids.town })).statusCode).toBe(403);
    const far = await call('POST', '/api/tasks/generate', 'leader', { orgUnitId: ids.town, day: '2026-12-31' });
    expect(far.statusCode).toBe(422);
    expect(far.json().error.code).toBe('TASK_INVALID');
  });
});
