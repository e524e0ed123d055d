// 党员亮身份、践承诺、评星级 and 微阵地 (issue 16): organisers of a scope keep party members' commitments and stars;
// staff read them with names; residents read their community's with names masked; every change is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, RURAL_GRID } from '../support/places.ts';
import { idNumberOf, registerDemoResident, type RegisteredHousehold } from '../support/participation.ts';

let t: TestApp;
let demo: RegisteredHousehold;
const ids: Record<'li' | 'wang' | 'chen' | 'rural', string> = { li: '', wang: '', chen: '', rural: '' };
const unit: Record<'grid1' | 'grid2' | 'community' | 'rural', string> = { grid1: '', grid2: '', community: '', rural: '' };
let postId = '';
let ruralPostId = '';

const as = async (who: string) => bearer(await t.login(who));
const unitOf = async (code: string) => (await t.db.query<{ id: string; parent_id: string }>('select id, parent_id from org_units where code = $1', [code])).rows[0]!;

/** A party member in a grid, straight into the registry (the registry's own commands are tested elsewhere). */
async function partyMember(gridId: string, name: string, seq: string): Promise<string> {
  const g = (await t.db.query<{ path: string; town_id: string }>(
    `select g.path, t.id as town_id from org_units g join org_units t on t.level = 'town' and g.path like t.path || '%' where g.id = $1`, [gridId])).rows[0]!;
  const idNumber = idNumberOf('19700101', seq);
  const id = `party-test-${seq}`;
  const pii = t.app.pii;
  await t.db.query(`insert into registry_residents (id, town_id, grid_id, org_path, name, name_pinyin, name_initials, id_number, id_number_hash,
      id_number_masked, gender, birth_date, party_member, created_at, updated_at)
    values ($1, $2, $3, $4, $5, '', '', $6, $7, '500***********0000', 'male', '1970-01-01', true, now(), now())`,
  [id, g.town_id, gridId, g.path, name, pii.encrypt(idNumber), pii.lookupHash(idNumber)]);
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  demo = await registerDemoResident(t);
  const g1 = await unitOf(DEMO_GRID);
  unit.grid1 = g1.id;
  unit.community = g1.parent_id;
  unit.grid2 = (await unitOf('500199001001002')).id;
  unit.rural = (await unitOf(RURAL_GRID)).id;
  ids.li = await partyMember(unit.grid1, '李建国', '011');
  ids.wang = await partyMember(unit.grid1, '王秀英', '022');
  ids.chen = await partyMember(unit.grid2, '陈志强', '031');
  ids.rural = await partyMember(unit.rural, '赵德明', '041');
  // a post of another town, made straight (no organiser there)
  const r = await t.db.query<{ id: string }>(`insert into party_posts (org_unit_id, org_path, name, created_at)
    select id, path, '青杠村党员服务站', now() from org_units where id = $1 returning id`, [unit.rural]);
  ruralPostId = r.rows[0]!.id;
}, 120_000);

afterAll(async () => { await t?.close(); });

describe('微阵地', () => {
  it('an organiser adds a post of their scope; a retry with the key answers the first', async () => {
    const h = { ...(await as('community')), 'idempotency-key': 'party-post-1' };
    const body = { orgUnitId: unit.community, name: '春晖社区党员服务站', address: '春晖路 18 号', location: { lng: 106.55, lat: 29.56 } };
    const first = await t.app.inject({ method: 'POST', url: '/api/volunteers/party-posts', headers: h, payload: body });
    expect(first.statusCode, first.body).toBe(201);
    postId = first.json().id;
    expect(first.json()).toMatchObject({ name: '春晖社区党员服务站', orgUnitId: unit.community, address: '春晖路 18 号', location: { lng: 106.55, lat: 29.56 }, members: 0, policies: ['assign'] });
    const again = await t.app.inject({ method: 'POST', url: '/api/volunteers/party-posts', headers: h, payload: body });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(postId);
    const audit = await t.db.query(`select 1 from audit_log where action = 'party.post.create' and target_id = $1`, [postId]);
    expect(audit.rows).toHaveLength(1);
  });

  it('refuses a name the unit has, a unit outside the scope, and residents', async () => {
    const dup = await t.app.inject({ method: 'POST', url: '/api/volunteers/party-posts', headers: await as('community'), payload: { orgUnitId: unit.community, name: ' 春晖社区党员服务站 ' } });
    expect(dup.statusCode).toBe(422);
    expect(dup.json().error.code).toBe('VOLUNTEER_INVALID');
    const outside = await t.app.inject({ method: 'POST', url: '/api/volunteers/party-posts', headers: await as('community'), payload: { orgUnitId: unit.rural, name: '越权' } });
    expect(outside.statusCode).toBe(404);
    const grid2 = await t.app.inject({ method: 'POST', url: '/api/volunteers/party-posts', headers: await as('gridworker'), payload: { orgUnitId: unit.grid2, name: '越权' } });
    expect(grid2.statusCode).toBe(404);
    const resident = await t.app.inject({ method: 'POST', url: '/api/volunteers/party-posts', headers: await as('resident'), payload: { orgUnitId: unit.community, name: '居民' } });
    expect(resident.statusCode).toBe(403);
    const bad = await t.app.inject({ method: 'POST', url: '/api/volunteers/party-posts', headers: await as('community'), payload: { orgUnitId: unit.community, name: 'x', location: { lng: 500, lat: 0 } } });
    expect(bad.statusCode).toBe(400);
  });
});

describe('践承诺 and 评星级', () => {
  it('a grid worker saves a member\'s commitments and post; a second save replaces the first', async () => {
    const h = await as('gridworker');
    const url = `/api/volunteers/party-members/${ids.li}/commitments`;
    const first = await t.app.inject({ method: 'PUT', url, headers: h, payload: { year: 2026, postId, commitments: ['每周走访独居老人', '  ', '每周走访独居老人'] } });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ residentId: ids.li, name: '李建国', year: 2026, postId, postName: '春晖社区党员服务站', commitments: ['每周走访独居老人'], stars: null, policies: ['commit', 'rate'] });
    const second = await t.app.inject({ method: 'PUT', url, headers: h, payload: { year: 2026, postId, commitments: ['每周走访独居老人', '带头垃圾分类'] } });
    expect(second.json().commitments).toEqual(['每周走访独居老人', '带头垃圾分类']);
    const row = (await t.db.query<{ version: number }>('select version from party_commitments where resident_id = $1 and year = 2026', [ids.li])).rows[0]!;
    expect(row.version).toBe(2);
    const audits = await t.db.query(`select 1 from audit_log where action = 'party.commitments.save' and detail->>'residentId' = $1`, [ids.li]);
    expect(audits.rows).toHaveLength(2);
  });

  it.each([
    ['a person who is not a party member', () => demo.residentId, { year: 2026, commitments: ['带头'] }, 422],
    ['a year out of range', () => ids.li, { year: 2024, commitments: ['带头'] }, 422],
    ['only blanks', () => ids.li, { year: 2026, commitments: ['   '] }, 422],
    ['six commitments', () => ids.li, { year: 2026, commitments: ['1', '2', '3', '4', '5', '6'] }, 400],
    ['a post of another town', () => ids.li, { year: 2026, postId: 'RURAL', commitments: ['带头'] }, 422],
    ['a member outside the grid worker\'s grid', () => ids.chen, { year: 2026, commitments: ['带头'] }, 404],
    ['a member of another town', () => ids.rural, { year: 2026, commitments: ['带头'] }, 404],
    ['nobody', () => 'no-such-person', { year: 2026, commitments: ['带头'] }, 404],
  ])('refuses %s', async (_, who, body, status) => {
    const payload = { ...body, ...('postId' in body ? { postId: ruralPostId } : {}) };
    const headers = await as('gridworker');
    const before = (await t.db.query('select count(*)::int as n from audit_log')).rows[0];
    const res = await t.app.inject({ method: 'PUT', url: `/api/volunteers/party-members/${who()}/commitments`, headers, payload });
    expect(res.statusCode, res.body).toBe(status);
    if (status === 422) expect(res.json().error.code).toBe('VOLUNTEER_INVALID');
    expect((await t.db.query('select count(*)::int as n from audit_log')).rows[0]).toEqual(before);
    expect((await t.db.query('select commitments from party_commitments where resident_id = $1 and year = 2026', [ids.li])).rows[0])
      .toEqual({ commitments: ['每周走访独居老人', '带头垃圾分类'] });
  });

  it('stars need the year\'s commitments, this year or earlier', async () => {
    const h = await as('community');
    const none = await t.app.inject({ method: 'POST', url: `/api/volunteers/party-members/${ids.wang}/stars`, headers: h, payload: { year: 2026, stars: 4 } });
    expect(none.statusCode).toBe(422);
    const next = await t.app.inject({ method: 'POST', url: `/api/volunteers/party-members/${ids.li}/stars`, headers: h, payload: { year: 2027, stars: 4 } });
    expect(next.statusCode).toBe(422);
    const zero = await t.app.inject({ method: 'POST', url: `/api/volunteers/party-members/${ids.li}/stars`, headers: h, payload: { year: 2026, stars: 0 } });
    expect(zero.statusCode).toBe(400);
    const ok = await t.app.inject({ method: 'POST', url: `/api/volunteers/party-members/${ids.li}/stars`, headers: h, payload: { year: 2026, stars: 5, note: '走访记录完整' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ stars: 5, starsNote: '走访记录完整', ratedAt: t.clock.now.toISOString() });
    const audit = await t.db.query<{ detail: { stars: number } }>(`select detail from audit_log where action = 'party.stars.rate' and target_type = 'party_commitment'`);
    expect(audit.rows.map((r) => r.detail.stars)).toEqual([5]);
    const resident = await t.app.inject({ method: 'POST', url: `/api/volunteers/party-members/${ids.li}/stars`, headers: await as('resident'), payload: { year: 2026, stars: 1 } });
    expect(resident.statusCode).toBe(403);
  });
});

describe('亮身份: who reads the party members', () => {
  const list = async (who: string, query = '') => {
    const res = await t.app.inject({ method: 'GET', url: `/api/volunteers/party-members${query}`, headers: await as(who) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { year: number; total: number; items: { residentId: string | null; name: string; gridName: string; commitments: string[]; stars: number | null; starsNote: string | null; mine: boolean; policies: string[] }[]; policies: string[] };
  };

  it('staff read the members of their scope with names; the grid worker only their grid', async () => {
    const community = await list('community');
    expect(community.items.map((m) => m.residentId).filter((id) => Object.values(ids).includes(id!)).sort()).toEqual([ids.li, ids.wang, ids.chen].sort());
    expect(community.items.find((m) => m.residentId === ids.li)).toMatchObject({ name: '李建国', gridName: '春晖社区第1网格', stars: 5, starsNote: '走访记录完整', policies: ['commit', 'rate'] });
    expect(community.items.find((m) => m.residentId === ids.wang)).toMatchObject({ commitments: [], stars: null, policies: ['commit'] });
    expect(community.policies).toEqual(['createPost']);
    const gw = await list('gridworker');
    expect(gw.items.map((m) => m.residentId)).toContain(ids.li);
    expect(gw.items.map((m) => m.residentId)).not.toContain(ids.chen);
    const admin = await list('admin');
    expect(admin.items.map((m) => m.residentId)).toContain(ids.rural);
    expect(admin.items.find((m) => m.residentId === ids.rural)!.policies).toEqual([]);
    const leader = await list('leader');
    expect(leader.items.map((m) => m.residentId)).not.toContain(ids.rural);
    expect(leader.policies).toEqual([]);
  });

  it('a year without commitments lists the members bare; orgUnitId narrows', async () => {
    const last = await list('community', '?year=2025');
    expect(last.items.find((m) => m.residentId === ids.li)).toMatchObject({ commitments: [], stars: null, policies: ['commit'] });
    const grid2 = await list('community', `?orgUnitId=${unit.grid2}`);
    expect(grid2.items.map((m) => m.residentId)).toEqual([ids.chen]);
    expect(grid2.total).toBe(1);
    const outside = await list('community', `?orgUnitId=${unit.rural}`);
    expect(outside.items).toEqual([]);
  });

  it('a resident reads their community\'s members with masked names, no ids or star notes', async () => {
    const r = await list('resident');
    const names = r.items.map((m) => m.name);
    expect(names).toEqual(expect.arrayContaining(['李**', '王**', '陈**']));
    expect(names).not.toContain('赵**');
    expect(r.items.every((m) => m.residentId === null && m.starsNote === null && m.policies.length === 0)).toBe(true);
    expect(r.items.find((m) => m.name === '李**')).toMatchObject({ commitments: ['每周走访独居老人', '带头垃圾分类'], stars: 5, mine: false });
    expect(r.policies).toEqual([]);
    expect(JSON.stringify(r)).not.toContain('李建国');
  });

  it('a resident who is a party member sees their own name', async () => {
    await t.db.query('update registry_residents set party_member = true where id = $1', [demo.residentId]);
    const r = await list('resident');
    expect(r.items.find((m) => m.mine)).toMatchObject({ name: '周淑芬', residentId: null });
    await t.db.query('update registry_residents set party_member = false where id = $1', [demo.residentId]);
  });

  it('posts: the resident sees their community\'s with the members serving there; not another town\'s', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/volunteers/party-posts', headers: await as('resident') });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; members: number; policies: string[] }[];
    expect(items.find((p) => p.id === postId)).toMatchObject({ members: 1, policies: [] });
    expect(items.map((p) => p.id)).not.toContain(ruralPostId);
    const gw = await t.app.inject({ method: 'GET', url: '/api/volunteers/party-posts', headers: await as('gridworker') });
    expect((gw.json().items as { id: string; policies: string[] }[]).find((p) => p.id === postId)!.policies).toEqual(['assign']);
    expect(gw.json().policies).toEqual(['create']);
    const admin = await t.app.inject({ method: 'GET', url: '/api/volunteers/party-posts', headers: await as('admin') });
    expect((admin.json().items as { id: string }[]).map((p) => p.id)).toEqual(expect.arrayContaining([postId, ruralPostId]));
  });
});
