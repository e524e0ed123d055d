// 志愿服务 (issue 16): the five-colour teams and their members (masked for residents), activities and 微讲堂 with
// sign-up up to the capacity, check-in by QR token, check-out with hours and the points of the volunteerHour rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID } from '../support/places.ts';
import { addPerson, idNumberOf, registerDemoResident, type RegisteredHousehold } from '../support/participation.ts';

let t: TestApp;
let community: string;
let staff: string;
let resident: string;
let reg: RegisteredHousehold;
let neighbour: string;
const teams: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  community = (await t.db.query<{ parent_id: string }>('select parent_id from org_units where code = $1', [DEMO_GRID])).rows[0]!.parent_id;
  staff = await t.login('community');
  resident = await t.login('resident');
  reg = await registerDemoResident(t);
  neighbour = await addPerson(t, reg.householdId, { name: '张建华', idNumber: idNumberOf('19850612', '013'), relation: 'child' });
  // the community's published rules give 5 points an hour to the volunteer themself
  await t.db.query(
    `insert into point_rule_publications (org_unit_id, version, published_at, rules) values ($1, 1, $2, $3)`,
    [community, t.clock.now, JSON.stringify([{ code: 'VH', name: '志愿服务', kind: 'bonus', points: 5, subjectKind: 'person', autoEvent: 'volunteerHour', capPoints: 100, capPeriod: 'month' }])]);
});
afterAll(async () => { await t?.close(); });

const post = (url: string, token: string, payload: object = {}, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, headers: { ...bearer(token), ...headers }, payload });
const get = (url: string, token: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) });

describe('teams', () => {
  it('an organiser forms the five colours of a community, each once', async () => {
    for (const colour of ['red', 'gold', 'orange', 'green', 'blue']) {
      const r = await post('/api/volunteers/teams', staff, { orgUnitId: community, colour });
      expect(r.statusCode, r.body).toBe(201);
      teams[colour] = r.json().id;
    }
    const names = (await get('/api/volunteers/teams', staff)).json().items.map((x: { name: string }) => x.name);
    expect(names).toEqual(['民聚红', '民兴金', '民和橙', '民康绿', '民安蓝']);
    expect((await post('/api/volunteers/teams', staff, { orgUnitId: community, colour: 'red' })).statusCode).toBe(409);
    // the grid worker's scope is a grid: the community is not theirs to form teams in
    const gw = await t.login('gridworker');
    expect((await post('/api/volunteers/teams', gw, { orgUnitId: community, colour: 'red' })).statusCode).toBe(404);
    expect((await post('/api/volunteers/teams', resident, { orgUnitId: community, colour: 'red' })).statusCode).toBe(403);
  });

  it('a resident joins as their person; others\' names are masked for them, whole for staff', async () => {
    const j = await post(`/api/volunteers/teams/${teams.red}/join`, resident);
    expect(j.statusCode, j.body).toBe(200);
    expect(j.json()).toMatchObject({ mine: true, members: 1, policies: ['leave'] });
    const add = await post(`/api/volunteers/teams/${teams.red}/members`, staff, { residentId: neighbour });
    expect(add.statusCode, add.body).toBe(200);
    const forResident = (await get(`/api/volunteers/teams/${teams.red}`, resident)).json();
    expect(forResident.memberList.map((m: { name: string; residentId: string | null }) => [m.name, m.residentId])).toEqual([['周淑芬', null], ['张**', null]]);
    const forStaff = (await get(`/api/volunteers/teams/${teams.red}`, staff)).json();
    expect(forStaff.memberList.map((m: { name: string }) => m.name)).toEqual(['周淑芬', '张建华']);
    // a resident may not remove someone else; they may leave
    expect((await t.app.inject({ method: 'DELETE', url: `/api/volunteers/teams/${teams.red}/members/${neighbour}`, headers: bearer(resident) })).statusCode).toBe(403);
    const leave = await t.app.inject({ method: 'DELETE', url: `/api/volunteers/teams/${teams.gold}/members/${reg.residentId}`, headers: bearer(resident) });
    expect(leave.statusCode).toBe(404);
  });
});

describe('activities', () => {
  let act: string;
  let token: string;

  it('a 微讲堂 names its speaker; times must make sense', async () => {
    const base = { orgUnitId: community, title: '防诈骗微讲堂', place: '春晖社区党群服务中心', startsAt: '2026-11-25T09:00:00+08:00', endsAt: '2026-11-25T11:00:00+08:00' };
    const noSpeaker = await post('/api/volunteers/activities', staff, { ...base, kind: 'lecture' });
    expect(noSpeaker.statusCode).toBe(422);
    expect(noSpeaker.json().error.code).toBe('VOLUNTEER_INVALID');
    const backwards = await post('/api/volunteers/activities', staff, { ...base, kind: 'activity', endsAt: '2026-11-25T08:00:00+08:00' });
    expect(backwards.statusCode).toBe(422);
    const ok = await post('/api/volunteers/activities', staff, { ...base, kind: 'lecture', speaker: '王警官', capacity: 1, teamId: teams.red }, { 'idempotency-key': 'lecture-1' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ kind: 'lecture', speaker: '王警官', teamName: '民聚红', status: 'open', signups: 0 });
    expect(ok.json().checkinUrl).toMatch(/^\/m\/activities\/.+\/check-in\?token=/);
    act = ok.json().id;
    token = new URL(ok.json().checkinUrl, 'http://x').searchParams.get('token')!;
    const again = await post('/api/volunteers/activities', staff, { ...base, kind: 'lecture', speaker: '王警官' }, { 'idempotency-key': 'lecture-1' });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(act);
  });

  it('sign-ups stop at the capacity; a repeat changes nothing', async () => {
    const r = await post(`/api/volunteers/activities/${act}/sign-up`, resident);
    expect(r.statusCode, r.body).toBe(200);
    expect((await post(`/api/volunteers/activities/${act}/sign-up`, resident)).statusCode).toBe(200);
    const full = await post(`/api/volunteers/activities/${act}/sign-up`, staff, { residentId: neighbour });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('ACTIVITY_FULL');
    const mine = (await get(`/api/volunteers/activities/${act}`, resident)).json();
    expect(mine).toMatchObject({ signups: 1, signupList: [], checkinUrl: null });
    expect(mine.mySignup.checkedInAt).toBeNull();
  });

  it('check-in needs the QR token and the time; check-out gives hours within the activity and their points', async () => {
    t.clock.set(new Date('2026-11-25T08:50:00+08:00'));
    staff = await t.login('community');
    resident = await t.login('resident');
    const wrong = await post(`/api/volunteers/activities/${act}/check-in`, resident, { token: 'nope' });
    expect(wrong.statusCode).toBe(422);
    const inn = await post(`/api/volunteers/activities/${act}/check-in`, resident, { token });
    expect(inn.statusCode, inn.body).toBe(200);
    expect(inn.json().checkedInAt).toBe(new Date('2026-11-25T08:50:00+08:00').toISOString());
    t.clock.set(new Date('2026-11-25T11:20:00+08:00'));
    const out = await post(`/api/volunteers/activities/${act}/check-out`, resident);
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json()).toMatchObject({ hours: 2, pointsAwarded: 10 });
    expect((await post(`/api/volunteers/activities/${act}/check-out`, resident)).statusCode).toBe(409);
    const acct = await t.db.query<{ balance: string }>(`select balance from point_accounts where resident_id = $1 and kind = 'person'`, [reg.residentId]);
    expect(Number(acct.rows[0]!.balance)).toBe(10);
    const forStaff = (await get(`/api/volunteers/activities/${act}`, staff)).json();
    expect(forStaff.signupList).toEqual([expect.objectContaining({ name: '周淑芬', hours: 2, pointsAwarded: 10 })]);
    const me = (await get('/api/volunteers/me', resident)).json();
    expect(me).toMatchObject({ inRegistry: true, hoursThisYear: 2, activitiesThisYear: 1 });
    expect(me.teams.map((x: { name: string }) => x.name)).toEqual(['民聚红']);
  });

  it('done checks out at the end those still in; a closed activity takes no more', async () => {
    const a = await post('/api/volunteers/activities', staff, {
      orgUnitId: community, kind: 'activity', title: '楼道清理', place: '春晖苑', startsAt: '2026-11-25T11:00:00+08:00', endsAt: '2026-11-25T12:00:00+08:00',
    });
    const id = a.json().id;
    const inn = await post(`/api/volunteers/activities/${id}/check-in`, staff, { residentId: neighbour });
    expect(inn.statusCode, inn.body).toBe(200);
    t.clock.set(new Date('2026-11-25T15:00:00+08:00'));
    staff = await t.login('community');
    const done = await post(`/api/volunteers/activities/${id}/actions`, staff, { action: 'done' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', checkedIn: 1, hours: 0.5 });
    expect(done.json().signupList[0]).toMatchObject({ name: '张建华', hours: 0.5, checkedOutAt: new Date('2026-11-25T12:00:00+08:00').toISOString() });
    const again = await post(`/api/volunteers/activities/${id}/actions`, staff, { action: 'cancel' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ACTIVITY_STATE_CONFLICT');
    expect((await post(`/api/volunteers/activities/${id}/sign-up`, resident)).statusCode).toBe(409);
    const audit = await t.db.query<{ action: string }>(`select action from audit_log where target_id = $1 order by id`, [id]);
    expect(audit.rows.map((x) => x.action)).toEqual(['volunteer.activity.create', 'volunteer.activity.check_in', 'volunteer.activity.done']);
  });

  it('concurrent sign-ups never pass the capacity', async () => {
    const people = [];
    for (let i = 0; i < 6; i++) people.push(await addPerson(t, reg.householdId, { name: `志愿者${i}`, idNumber: idNumberOf('19900101', String(101 + i * 2)), relation: 'other' }));
    const a = await post('/api/volunteers/activities', staff, {
      orgUnitId: community, kind: 'activity', title: '敬老院探访', place: '春晖敬老院', startsAt: '2026-11-28T09:00:00+08:00', endsAt: '2026-11-28T11:00:00+08:00', capacity: 3,
    });
    const answers = await Promise.all(people.map((residentId) => post(`/api/volunteers/activities/${a.json().id}/sign-up`, staff, { residentId })));
    expect(answers.map((x) => x.statusCode).sort()).toEqual([200, 200, 200, 409, 409, 409]);
    expect((await get(`/api/volunteers/activities/${a.json().id}`, staff)).json().signups).toBe(3);
  });

  it('lists upcoming ones soonest first, and a resident only those of their community', async () => {
    const list = await get('/api/volunteers/activities?upcoming=true', resident);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((x: { title: string }) => x.title)).toEqual(['敬老院探访']);
    const all = (await get('/api/volunteers/activities', resident)).json().items;
    expect(all.map((x: { title: string }) => x.title)).toEqual(['敬老院探访', '楼道清理', '防诈骗微讲堂']);
  });
});
