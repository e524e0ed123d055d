// 议事活动 and 表决 (issue 16): meetings with agenda, sign-in, comments and minutes; motions with rules; one person (or
// household) one vote across phone, on-site and assisted votes, held by the database's primary key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID } from '../support/places.ts';
import { addHousehold, addPerson, idNumberOf, registerDemoResident, type RegisteredHousehold } from '../support/participation.ts';
import { createProposalIn } from '../../src/server/participation/proposals.ts';

let t: TestApp;
let community: string;
let gridworker: string;
let leader: string;
let resident: string;
let gridCouncil: string;
let communityCouncil: string;
let reg: RegisteredHousehold;

const RULES = { unit: 'person', electorate: 'residents', quorum: { kind: 'count', value: 1 }, passShare: 0.5, secret: false } as const;
const inAnHour = () => new Date(t.clock.now.getTime() + 3_600_000).toISOString();

async function newMeeting(o: { kind?: 'onSite' | 'online'; councilId?: string; proposalIds?: string[]; open?: boolean; token?: string } = {}) {
  const res = await t.app.inject({
    method: 'POST', url: '/api/meetings', headers: bearer(o.token ?? community),
    payload: {
      councilId: o.councilId ?? communityCouncil, kind: o.kind ?? 'online', title: '加装电梯议事', place: '春晖苑活动室',
      startsAt: t.clock.now.toISOString(), endsAt: inAnHour(), proposalIds: o.proposalIds ?? [],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  if (o.open ?? true) {
    const op = await t.app.inject({ method: 'POST', url: `/api/meetings/${id}/actions/open`, headers: bearer(o.token ?? community), payload: {} });
    expect(op.statusCode, op.body).toBe(200);
  }
  return id;
}

async function newMotion(meetingId: string, rules: object = RULES, extra: object = {}) {
  const res = await t.app.inject({
    method: 'POST', url: `/api/meetings/${meetingId}/motions`, headers: bearer(community),
    payload: { title: '是否同意加装电梯', rules, closesAt: inAnHour(), ...extra },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().motions.at(-1).id as string;
}

const vote = (meetingId: string, payload: object, token = resident, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: `/api/meetings/${meetingId}/votes`, headers: { ...bearer(token), ...headers }, payload });

beforeAll(async () => {
  t = await createTestApp();
  [community, gridworker, leader, resident] = await Promise.all((['community', 'gridworker', 'leader', 'resident'] as const).map((u) => t.login(u))) as [string, string, string, string];
  const c = await t.db.query<{ id: string; level: string }>(
    `select c.id, c.level from councils c join org_units g on g.code = $1
      where c.org_unit_id = g.id or c.org_unit_id = g.parent_id`, [DEMO_GRID]);
  gridCouncil = c.rows.find((r) => r.level === 'grid')!.id;
  communityCouncil = c.rows.find((r) => r.level === 'community')!.id;
}, 60_000);
afterAll(async () => { await t?.close(); });

describe('before the resident is in the registry', () => {
  it('she reads her area\'s meetings but may not vote or sign in: 422 PERSON_NOT_IN_REGISTRY', async () => {
    const meeting = await newMeeting();
    const motion = await newMotion(meeting);
    const list = await t.app.inject({ method: 'GET', url: '/api/meetings', headers: bearer(resident) });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((m: { id: string }) => m.id)).toContain(meeting);
    const v = await vote(meeting, { motionId: motion, choice: 'for' });
    expect(v.statusCode, v.body).toBe(422);
    expect(v.json().error.code).toBe('PERSON_NOT_IN_REGISTRY');
    const a = await t.app.inject({ method: 'POST', url: `/api/meetings/${meeting}/attendance`, headers: bearer(resident), payload: {} });
    expect(a.json().error.code).toBe('PERSON_NOT_IN_REGISTRY');
    const page = (await t.app.inject({ method: 'GET', url: `/api/meetings/${meeting}`, headers: bearer(resident) })).json();
    expect(page.motions[0].eligibility).toEqual({ eligible: false, reason: '未登记为本辖区居民' });
    expect(page.motions[0].policies).toEqual([]);
  });
});

describe('meetings', () => {
  beforeAll(async () => { reg = await registerDemoResident(t); }, 60_000);

  it('puts open proposals on the agenda (scheduled), answers a repeated Idempotency-Key with the first meeting, and audits', async () => {
    const proposal = await t.db.transaction((tx) => createProposalIn(tx, {
      councilId: gridCouncil, title: '楼道堆物清理', body: '楼道里堆满杂物，议一议怎么清理。', proposerAccountId: null, proposerName: '王大妈',
      who: { accountId: null, name: null, ip: null, at: t.clock.now },
    }));
    const payload = { councilId: communityCouncil, kind: 'onSite', title: '坝坝议事：楼道', startsAt: t.clock.now.toISOString(), endsAt: inAnHour(), proposalIds: [proposal.id] };
    const first = await t.app.inject({ method: 'POST', url: '/api/meetings', headers: { ...bearer(community), 'idempotency-key': 'm-1' }, payload });
    expect(first.statusCode, first.body).toBe(201);
    const again = await t.app.inject({ method: 'POST', url: '/api/meetings', headers: { ...bearer(community), 'idempotency-key': 'm-1' }, payload });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    expect(first.json().agenda).toMatchObject([{ proposalId: proposal.id, status: 'scheduled', title: '楼道堆物清理' }]);
    expect(first.json().policies).toEqual(expect.arrayContaining(['open', 'cancel', 'checkin', 'addMotion', 'comment']));
    const audits = await t.db.query(`select 1 from audit_log where action = 'participation.meeting.create' and target_id = $1`, [first.json().id]);
    expect(audits.rows).toHaveLength(1);
    // the same proposal again: no longer open → 409, nothing written
    const count = async () => (await t.db.query('select count(*)::int as n from meetings')).rows[0]!.n;
    const before = await count();
    const twice = await t.app.inject({ method: 'POST', url: '/api/meetings', headers: bearer(community), payload });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('PROPOSAL_STATE_CONFLICT');
    expect(await count()).toBe(before);
  });

  it('refuses a council outside the caller\'s scope (404) and a meeting that ends before it starts (422)', async () => {
    const gw = await t.app.inject({ method: 'POST', url: '/api/meetings', headers: bearer(gridworker), payload: {
      councilId: communityCouncil, kind: 'online', title: 'x', startsAt: t.clock.now.toISOString(), endsAt: inAnHour(), proposalIds: [] } });
    expect(gw.statusCode).toBe(404);
    const back = await t.app.inject({ method: 'POST', url: '/api/meetings', headers: bearer(gridworker), payload: {
      councilId: gridCouncil, kind: 'online', title: 'x', startsAt: inAnHour(), endsAt: t.clock.now.toISOString(), proposalIds: [] } });
    expect(back.statusCode).toBe(422);
    expect(back.json().error.code).toBe('PARTICIPATION_INVALID');
    const res = await t.app.inject({ method: 'POST', url: '/api/meetings', headers: bearer(resident), payload: {
      councilId: gridCouncil, kind: 'online', title: 'x', startsAt: t.clock.now.toISOString(), endsAt: inAnHour(), proposalIds: [] } });
    expect(res.statusCode).toBe(403);
  });

  it('signs people in once: online without a token, on site with the QR token, assisted by staff', async () => {
    const online = await newMeeting({ kind: 'online' });
    const a1 = await t.app.inject({ method: 'POST', url: `/api/meetings/${online}/attendance`, headers: bearer(resident), payload: {} });
    expect(a1.statusCode, a1.body).toBe(201);
    expect(a1.json()).toMatchObject({ channel: 'online', created: true });
    const a2 = await t.app.inject({ method: 'POST', url: `/api/meetings/${online}/attendance`, headers: bearer(resident), payload: {} });
    expect(a2.statusCode).toBe(200);
    expect(a2.json().created).toBe(false);

    const onSite = await newMeeting({ kind: 'onSite' });
    const noToken = await t.app.inject({ method: 'POST', url: `/api/meetings/${onSite}/attendance`, headers: bearer(resident), payload: {} });
    expect(noToken.statusCode).toBe(422);
    const wrong = await t.app.inject({ method: 'POST', url: `/api/meetings/${onSite}/attendance`, headers: bearer(resident), payload: { token: 'nope' } });
    expect(wrong.statusCode).toBe(422);
    const checkin = await t.app.inject({ method: 'GET', url: `/api/meetings/${onSite}/checkin`, headers: bearer(community) });
    expect(checkin.statusCode).toBe(200);
    expect(checkin.json().path).toContain(`/m/meetings/${onSite}/check-in?token=`);
    expect((await t.app.inject({ method: 'GET', url: `/api/meetings/${onSite}/checkin`, headers: bearer(resident) })).statusCode).toBe(403);
    const qr = await t.app.inject({ method: 'POST', url: `/api/meetings/${onSite}/attendance`, headers: bearer(resident), payload: { token: checkin.json().token } });
    expect(qr.statusCode, qr.body).toBe(201);
    expect(qr.json().channel).toBe('qr');
    // staff sign her in again: the same person, no second row
    const assisted = await t.app.inject({ method: 'POST', url: `/api/meetings/${onSite}/attendance`, headers: bearer(community), payload: { residentId: reg.residentId } });
    expect(assisted.statusCode).toBe(200);
    expect(assisted.json().created).toBe(false);
    const other = await addPerson(t, reg.householdId, { name: '周建华', idNumber: idNumberOf('19850612', '031'), relation: 'child' });
    const a3 = await t.app.inject({ method: 'POST', url: `/api/meetings/${onSite}/attendance`, headers: bearer(community), payload: { residentId: other } });
    expect(a3.statusCode, a3.body).toBe(201);
    expect(a3.json().channel).toBe('assisted');
    const staffPage = (await t.app.inject({ method: 'GET', url: `/api/meetings/${onSite}`, headers: bearer(community) })).json();
    expect(staffPage.attendance.count).toBe(2);
    expect(staffPage.attendance.people.map((p: { name: string }) => p.name).sort()).toEqual(['周建华', '周淑芬']);
    const residentPage = (await t.app.inject({ method: 'GET', url: `/api/meetings/${onSite}`, headers: bearer(resident) })).json();
    expect(residentPage.attendance).toEqual({ count: 2, mine: true, people: null });
  });

  it('comments show the author\'s name masked to residents, honour Idempotency-Key, and minutes are kept', async () => {
    const meeting = await newMeeting();
    const c1 = await t.app.inject({ method: 'POST', url: `/api/meetings/${meeting}/comments`, headers: { ...bearer(gridworker), 'idempotency-key': 'c1' }, payload: { body: '建议先摸底意见' } });
    expect(c1.statusCode, c1.body).toBe(201);
    await t.app.inject({ method: 'POST', url: `/api/meetings/${meeting}/comments`, headers: { ...bearer(gridworker), 'idempotency-key': 'c1' }, payload: { body: '建议先摸底意见' } });
    const mine = await t.app.inject({ method: 'POST', url: `/api/meetings/${meeting}/comments`, headers: bearer(resident), payload: { body: '同意，腿脚不方便' } });
    expect(mine.statusCode).toBe(201);
    const page = (await t.app.inject({ method: 'GET', url: `/api/meetings/${meeting}`, headers: bearer(resident) })).json();
    expect(page.comments.map((c: { authorName: string; mine: boolean }) => [c.authorName, c.mine])).toEqual([['李**', false], ['周淑芬', true]]);
    const minutes = await t.app.inject({ method: 'PUT', url: `/api/meetings/${meeting}/minutes`, headers: bearer(community), payload: { minutes: '会议纪要：同意加装电梯，由物业牵头。' } });
    expect(minutes.statusCode, minutes.body).toBe(200);
    expect(minutes.json().minutes).toContain('同意加装电梯');
    const closed = await t.app.inject({ method: 'POST', url: `/api/meetings/${meeting}/actions/close`, headers: bearer(community), payload: {} });
    expect(closed.json().status).toBe('closed');
    const late = await t.app.inject({ method: 'POST', url: `/api/meetings/${meeting}/comments`, headers: bearer(resident), payload: { body: '晚了' } });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('MEETING_STATE_CONFLICT');
    const reopen = await t.app.inject({ method: 'POST', url: `/api/meetings/${meeting}/actions/open`, headers: bearer(community), payload: {} });
    expect(reopen.statusCode).toBe(409);
    const cancel = await t.app.inject({ method: 'POST', url: `/api/meetings/${await newMeeting()}/actions/cancel`, headers: bearer(community), payload: {} });
    expect(cancel.statusCode).toBe(422);
  });
});

describe('votes', () => {
  it('one vote per person: the second by any channel is 409 VOTE_DUPLICATE and the first stands; a retried key answers 201', async () => {
    const meeting = await newMeeting();
    const motion = await newMotion(meeting);
    const page0 = (await t.app.inject({ method: 'GET', url: `/api/meetings/${meeting}`, headers: bearer(resident) })).json();
    expect(page0.motions[0]).toMatchObject({ policies: ['vote'], eligibility: { eligible: true, reason: null }, myVote: { voted: false }, notice: null });
    expect(page0.motions[0].electorateSize).toBeGreaterThan(1);
    const first = await vote(meeting, { motionId: motion, choice: 'for' }, resident, { 'idempotency-key': 'v1' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({ counted: true, motionId: motion, channel: 'phone' });
    const retry = await vote(meeting, { motionId: motion, choice: 'for' }, resident, { 'idempotency-key': 'v1' });
    expect(retry.statusCode).toBe(201);
    const second = await vote(meeting, { motionId: motion, choice: 'against' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('VOTE_DUPLICATE');
    const onSite = await vote(meeting, { motionId: motion, choice: 'against', residentId: reg.residentId, channel: 'assisted' }, community);
    expect(onSite.statusCode).toBe(409);
    const page = (await t.app.inject({ method: 'GET', url: `/api/meetings/${meeting}`, headers: bearer(resident) })).json();
    expect(page.motions[0]).toMatchObject({ castCount: 1, myVote: { voted: true, choice: 'for', channel: 'phone' }, policies: [], result: null });
    const closed = await t.app.inject({ method: 'POST', url: `/api/meetings/${meeting}/motions/${motion}/close`, headers: bearer(community) });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().motions[0].result).toMatchObject({ tally: { for: 1, against: 0, abstain: 0 }, cast: 1, quorumMet: true, passed: true });
    const late = await vote(meeting, { motionId: motion, choice: 'for', residentId: reg.residentId }, community);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('VOTE_CLOSED');
    const again = await t.app.inject({ method: 'POST', url: `/api/meetings/${meeting}/motions/${motion}/close`, headers: bearer(community) });
    expect(again.json().error.code).toBe('VOTE_CLOSED');
  });

  it('100 concurrent votes by one person (phone, on site and assisted mixed) count exactly once', async () => {
    const meeting = await newMeeting();
    const motion = await newMotion(meeting);
    const sends = Array.from({ length: 100 }, (_, i) => {
      const choice = ['for', 'against', 'abstain'][i % 3]!;
      if (i % 3 === 0) return vote(meeting, { motionId: motion, choice });
      return vote(meeting, { motionId: motion, choice, residentId: reg.residentId, channel: i % 3 === 1 ? 'onSite' : 'assisted' }, community);
    });
    const codes = (await Promise.all(sends)).map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(99);
    const voters = await t.db.query<{ n: number }>('select count(*)::int as n from motion_voters where motion_id = $1', [motion]);
    const ballots = await t.db.query<{ n: number }>('select count(*)::int as n from motion_ballots where motion_id = $1', [motion]);
    expect([voters.rows[0]!.n, ballots.rows[0]!.n]).toEqual([1, 1]);
    const audits = await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'participation.vote.cast' and target_id = $1`, [motion]);
    expect(audits.rows[0]!.n).toBe(1);
  }, 120_000);

  it('one vote per household under a household rule; under 18 not eligible (403 with the reason)', async () => {
    const meeting = await newMeeting();
    const motion = await newMotion(meeting, { ...RULES, unit: 'household' });
    const son = await addPerson(t, reg.householdId, { name: '周晓东', idNumber: idNumberOf('19880101', '051'), relation: 'child' });
    const child = await addPerson(t, reg.householdId, { name: '周小宝', idNumber: idNumberOf('20150101', '071'), relation: 'grandchild' });
    expect((await vote(meeting, { motionId: motion, choice: 'for', residentId: son }, community)).statusCode).toBe(201);
    const mine = await vote(meeting, { motionId: motion, choice: 'against' });
    expect(mine.statusCode).toBe(409);
    expect(mine.json().error.code).toBe('VOTE_DUPLICATE');
    const page = (await t.app.inject({ method: 'GET', url: `/api/meetings/${meeting}`, headers: bearer(resident) })).json();
    expect(page.motions[0].myVote).toMatchObject({ voted: true, choice: 'for', channel: 'onSite' });
    const m2 = await newMotion(meeting);
    const young = await vote(meeting, { motionId: m2, choice: 'for', residentId: child }, community);
    expect(young.statusCode).toBe(403);
    expect(young.json().error.code).toBe('VOTE_NOT_ELIGIBLE');
    expect(young.json().error.messageZh).toContain('未满18周岁');
  });

  it('a secret ballot keeps no voter key, no time and no choice in the audit; the voter sees voted, not the choice', async () => {
    const meeting = await newMeeting();
    const motion = await newMotion(meeting, { ...RULES, secret: true });
    expect((await vote(meeting, { motionId: motion, choice: 'against' })).statusCode).toBe(201);
    const b = await t.db.query<{ voter_key: string | null; cast_at: Date | null; choice: string }>('select voter_key, cast_at, choice from motion_ballots where motion_id = $1', [motion]);
    expect(b.rows).toEqual([{ voter_key: null, cast_at: null, choice: 'against' }]);
    const a = await t.db.query<{ detail: Record<string, unknown> }>(`select detail from audit_log where action = 'participation.vote.cast' and target_id = $1`, [motion]);
    expect(a.rows[0]!.detail).not.toHaveProperty('choice');
    const page = (await t.app.inject({ method: 'GET', url: `/api/meetings/${meeting}`, headers: bearer(resident) })).json();
    expect(page.motions[0].myVote).toEqual({ voted: true, choice: null, channel: 'phone' });
  });

  it('loosening the electorate needs a confirmation (422), by a lead (403), audited and shown as a notice', async () => {
    const meeting = await newMeeting({ councilId: gridCouncil, token: gridworker });
    const rules = { ...RULES, electorate: 'anyone' };
    const bare = await t.app.inject({ method: 'POST', url: `/api/meetings/${meeting}/motions`, headers: bearer(gridworker), payload: { title: '放宽', rules, closesAt: inAnHour() } });
    expect(bare.statusCode).toBe(422);
    expect(bare.json().error.code).toBe('VOTE_LOOSENING_UNCONFIRMED');
    const gw = await t.app.inject({ method: 'POST', url: `/api/meetings/${meeting}/motions`, headers: bearer(gridworker), payload: { title: '放宽', rules, closesAt: inAnHour(), loosening: { confirmed: true, reason: '租户也受影响' } } });
    expect(gw.statusCode).toBe(403);
    const ok = await t.app.inject({ method: 'POST', url: `/api/meetings/${meeting}/motions`, headers: bearer(community), payload: { title: '放宽', rules, closesAt: inAnHour(), loosening: { confirmed: true, reason: '租户也受影响' } } });
    expect(ok.statusCode, ok.body).toBe(201);
    const m = ok.json().motions[0];
    expect(m.loosening).toMatchObject({ reason: '租户也受影响', byName: '赵秀兰' });
    expect(m.notice).toContain('租户也受影响');
    const a = await t.db.query(`select detail from audit_log where action = 'participation.vote.loosen' and target_id = $1`, [m.id]);
    expect(a.rows).toHaveLength(1);
    const badRules = await t.app.inject({ method: 'POST', url: `/api/meetings/${meeting}/motions`, headers: bearer(community), payload: { title: 'x', rules: { ...RULES, passShare: 0.3 }, closesAt: inAnHour() } });
    expect(badRules.statusCode).toBe(422);
    expect(badRules.json().error.code).toBe('PARTICIPATION_INVALID');
  });

  it('closing the meeting closes its open motions with their tallies; quorum by share', async () => {
    const meeting = await newMeeting();
    const motion = await newMotion(meeting, { ...RULES, quorum: { kind: 'share', value: 0.5 } });
    expect((await vote(meeting, { motionId: motion, choice: 'for' })).statusCode).toBe(201);
    const closed = await t.app.inject({ method: 'POST', url: `/api/meetings/${meeting}/actions/close`, headers: bearer(community), payload: {} });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().motions[0]).toMatchObject({ status: 'closed', result: { cast: 1, quorumMet: false, passed: false } });
  });

  it('a resident reads nothing of another grid\'s council (404), its staff do', async () => {
    const dispatcher = await t.login('dispatcher');
    const other = await t.db.query<{ id: string }>(
      `select c.id from councils c join org_units g on g.id = c.org_unit_id, org_units mine
        where mine.code = $1 and c.level = 'grid' and g.id <> mine.id and g.parent_id = mine.parent_id limit 1`, [DEMO_GRID]);
    const meeting = await newMeeting({ councilId: other.rows[0]!.id, token: dispatcher });
    expect((await t.app.inject({ method: 'GET', url: `/api/meetings/${meeting}`, headers: bearer(resident) })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/meetings/${meeting}`, headers: bearer(leader) })).statusCode).toBe(200);
    const list = (await t.app.inject({ method: 'GET', url: '/api/meetings', headers: bearer(resident) })).json();
    expect(list.items.map((m: { id: string }) => m.id)).not.toContain(meeting);
    void addHousehold;
  });
});
