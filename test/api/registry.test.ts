// Issue 11, the registry API: buildings, households and residents made through the API, the building view, the household
// file, search (pinyin initials, ID number, tag), masking and the audited reveal, scope (a grid worker of another grid,
// a resident, a department), refusals (bad and duplicate ID numbers, stale versions), Idempotency-Key, sensitive tags.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { idNumberCheckDigit } from '../../src/domain/registry/id-number.ts';

/** the demo grid's neighbour in the same community: the community staff reach it, the demo grid's worker does not */
const NEXT_GRID = '500199001001002';

let t: TestApp;
const tokens: Record<string, string> = {};
let here: { lng: number; lat: number };
let next: { lng: number; lat: number };
let gridId: string;
let nextGridId: string;

/** A valid ID number born on this day, with this sequence (odd: male, even: female). */
const idNumber = (birth: string, seq: number) => {
  const first17 = `500103${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckDigit(first17);
};

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'leader', 'dispatcher', 'gridworker', 'resident', 'community', 'department', 'auditor']) tokens[u] = await t.login(u);
  [here, next] = await Promise.all([gridCentre(t.db, DEMO_GRID), gridCentre(t.db, NEXT_GRID)]);
  const ids = (await t.db.query<{ id: string; code: string }>('select id, code from org_units where code = any($1)', [[DEMO_GRID, NEXT_GRID]])).rows;
  gridId = ids.find((r) => r.code === DEMO_GRID)!.id;
  nextGridId = ids.find((r) => r.code === NEXT_GRID)!.id;
});
afterAll(async () => { await t.close(); });

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, who: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { ...bearer(tokens[who]!), ...headers }, ...(payload ? { payload } : {}) });

async function building(who = 'gridworker', at = here, name = '春晖苑1栋') {
  const r = await call('POST', '/api/registry/buildings', who, { name, address: '春晖路12号', location: at, units: 2, floors: 6, roomsPerFloor: 2 });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().building as { id: string; gridId: string };
}

describe('building → household → residents', () => {
  let buildingId: string;
  let householdId: string;
  let headId: string;

  it('places a building in the grid holding its location, a household in its room, members in the household', async () => {
    const b = await building();
    buildingId = b.id;
    expect(b.gridId).toBe(gridId);

    const h = await call('POST', '/api/registry/households', 'gridworker', { buildingId, unitNo: 1, floorNo: 3, roomNo: '302' });
    expect(h.statusCode, h.body).toBe(201);
    householdId = h.json().household.id;
    expect(h.json().household).toMatchObject({ address: '春晖路12号 1单元 302室', gridId, buildingId, memberCount: 0 });
    expect(h.json()).toMatchObject({ visits: [], devices: [], members: [] });

    const head = await call('POST', '/api/registry/residents', 'gridworker', {
      name: '张淑芬', idNumber: idNumber('1948-05-12', 24), phone: '138 0013 8000', householdId, relation: 'head', tags: ['elderly_alone', 'disabled'],
    });
    expect(head.statusCode, head.body).toBe(201);
    headId = head.json().resident.id;
    expect(head.json().resident).toMatchObject({
      name: '张淑芬', gender: 'female', birthDate: '1948-05-12', gridId, householdId,
      idNumber: '500***********' + idNumber('1948-05-12', 24).slice(-4), phone: '138****8000',
      tags: ['elderly_alone', 'disabled'], hiddenTags: 0,
    });
    expect(head.json().resident.policies).toEqual(expect.arrayContaining(['update', 'leave', 'revealPhone']));
    expect(head.json().resident.policies).not.toContain('revealIdNumber');

    const child = await call('POST', '/api/registry/residents', 'gridworker', { name: '李小明', idNumber: idNumber('2016-09-01', 13), householdId, relation: 'grandchild', tags: ['child_left_behind'] });
    expect(child.statusCode, child.body).toBe(201);

    // stored sealed: neither the ID number nor the phone in the clear
    const raw = (await t.db.query<{ id_number: string; phone: string }>('select id_number, phone from registry_residents where id = $1', [headId])).rows[0]!;
    expect(raw.id_number).not.toContain('500103');
    expect(raw.phone).not.toContain('8000');
  });

  it('draws the building: units × floors (top first) × rooms, the household in 1-302 with its head and tags', async () => {
    const r = await call('GET', `/api/registry/buildings/${buildingId}/layout`, 'gridworker');
    expect(r.statusCode, r.body).toBe(200);
    const layout = r.json();
    expect(layout.units).toHaveLength(2);
    expect(layout.units[0].floors.map((f: { floorNo: number }) => f.floorNo)).toEqual([6, 5, 4, 3, 2, 1]);
    const room = layout.units[0].floors[3].rooms[1];
    expect(room).toMatchObject({ roomNo: '302', householdId, headName: '张淑芬', memberCount: 2 });
    expect(room.tags.sort()).toEqual(['child_left_behind', 'disabled', 'elderly_alone']);
    expect(layout.units[1].floors[3].rooms[1]).toMatchObject({ roomNo: '302', householdId: null, memberCount: 0 });
  });

  it('hides sensitive tags from a leader and says how many', async () => {
    const layout = (await call('GET', `/api/registry/buildings/${buildingId}/layout`, 'leader')).json();
    expect(layout.units[0].floors[3].rooms[1].tags).toEqual(['elderly_alone']);
    expect(layout.hiddenTags).toBe(2);
    const file = (await call('GET', `/api/registry/households/${householdId}`, 'leader')).json();
    const head = file.members.find((m: { id: string }) => m.id === headId);
    expect(head).toMatchObject({ tags: ['elderly_alone'], hiddenTags: 1, policies: [] });
    // nor through the history, nor the tag filter
    expect(JSON.stringify(file.history)).not.toContain('disabled');
    expect((await call('GET', '/api/registry/residents?tag=disabled', 'leader')).statusCode).toBe(403);
    const tags = (await call('GET', '/api/registry/tags', 'leader')).json();
    expect(tags.items.some((x: { sensitive: boolean }) => x.sensitive)).toBe(false);
    expect(tags.hiddenTags).toBeGreaterThan(0);
  });

  it('keeps the household file: members, hazards of its flat, cases reported by a member\'s phone, history', async () => {
    const z = await call('POST', '/api/registry/hazards', 'gridworker', {
      buildingId, householdIds: [householdId], foundOn: '2026-11-20', description: '外墙瓷砖空鼓', actionTaken: '拉警戒线', nextCheckOn: '2026-12-01',
    });
    expect(z.statusCode, z.body).toBe(201);
    const upd = await call('PATCH', `/api/registry/hazards/${z.json().id}`, 'gridworker', { version: 1, actionTaken: '已铲除空鼓瓷砖', status: 'resolved' });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json().followUps.map((f: { status: string }) => f.status)).toEqual(['open', 'resolved']);

    const reported = await call('POST', '/api/cases', 'dispatcher', {
      categoryCode: 'C0101', description: '楼道灯坏了', location: { lng: here.lng + 0.0005, lat: here.lat + 0.0005 }, source: 'hotline',
      reporter: { name: '张淑芬', phone: '13800138000' },
    });
    const file = await call('GET', `/api/registry/households/${householdId}`, 'gridworker');
    expect(file.statusCode, file.body).toBe(200);
    const f = file.json();
    expect(f.members.map((m: { name: string }) => m.name)).toEqual(['张淑芬', '李小明']);
    expect(f.hazards).toHaveLength(1);
    expect(f.hazards[0]).toMatchObject({ description: '外墙瓷砖空鼓', status: 'resolved', actionTaken: '已铲除空鼓瓷砖' });
    expect(reported.statusCode, reported.body).toBe(201);
    expect(f.cases).toEqual([expect.objectContaining({ id: reported.json().id, match: 'phone', categoryName: expect.any(String) })]);
    // a case reported at the building by someone else is found by its location
    t.clock.advance(60_000);
    const near = await call('POST', '/api/cases', 'gridworker', { categoryCode: 'C0101', description: '楼下井盖松动', location: here });
    expect(near.statusCode, near.body).toBe(201);
    const again = (await call('GET', `/api/registry/households/${householdId}`, 'gridworker')).json();
    expect(again.cases.map((c: { id: string; match: string }) => `${c.match}:${c.id}`)).toEqual([`location:${near.json().id}`, `phone:${reported.json().id}`]);
    expect(f.history.map((c: { entityKind: string; action: string }) => `${c.entityKind}.${c.action}`)).toEqual(
      expect.arrayContaining(['household.create', 'resident.create', 'hazard.name']));
    expect(JSON.stringify(f.history)).not.toContain('13800138000');
    // each change has its audit entry too
    const audited = await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'registry.resident.create' and target_id = $1`, [headId]);
    expect(audited.rows[0]!.n).toBe(1);
    expect(f.household).toMatchObject({ headName: '张淑芬', memberCount: 2 });
  });

  it('finds residents by pinyin initials, ID number (exact), phone and tag; lists masked', async () => {
    const ids = (r: { json(): { items: { id: string }[] } }) => r.json().items.map((x) => x.id);
    expect(ids(await call('GET', '/api/registry/residents?q=zsf', 'gridworker'))).toEqual([headId]);
    expect(ids(await call('GET', '/api/registry/residents?q=淑芬', 'gridworker'))).toEqual([headId]);
    expect(ids(await call('GET', `/api/registry/residents?q=${encodeURIComponent('春晖路12号 1单元')}`, 'gridworker')).length).toBe(2);
    // over a town, q is a prefix of the name, its pinyin or initials (index-served); part of a name or an address only
    // within a community or less (community staff, or a community or grid named)
    expect(ids(await call('GET', '/api/registry/residents?q=张淑', 'leader'))).toEqual([headId]);
    expect(ids(await call('GET', '/api/registry/residents?q=zhangshu', 'leader'))).toEqual([headId]);
    expect(ids(await call('GET', '/api/registry/residents?q=淑芬', 'leader'))).toEqual([]);
    expect(ids(await call('GET', `/api/registry/residents?q=淑芬&gridId=${gridId}`, 'leader'))).toEqual([headId]);
    expect(ids(await call('GET', '/api/registry/residents?q=淑芬', 'community'))).toEqual([headId]);
    expect(ids(await call('GET', `/api/registry/residents?idNumber=${idNumber('1948-05-12', 24)}`, 'gridworker'))).toEqual([headId]);
    expect(ids(await call('GET', `/api/registry/residents?idNumber=${idNumber('1948-05-12', 24).slice(0, 10)}`, 'gridworker'))).toEqual([]);
    expect(ids(await call('GET', '/api/registry/residents?phone=13800138000', 'gridworker'))).toEqual([headId]);
    expect(ids(await call('GET', '/api/registry/residents?tag=elderly_alone', 'gridworker'))).toEqual([headId]);
    // a tag within a territory (migration 027's index of tag and unit): the town, its community, the grid named; not the
    // next grid; several tags match any of them
    expect(ids(await call('GET', '/api/registry/residents?tag=elderly_alone', 'leader'))).toEqual([headId]);
    expect(ids(await call('GET', '/api/registry/residents?tag=elderly_alone', 'community'))).toEqual([headId]);
    expect(ids(await call('GET', `/api/registry/residents?tag=elderly_alone&gridId=${gridId}`, 'leader'))).toEqual([headId]);
    expect(ids(await call('GET', `/api/registry/residents?tag=elderly_alone&gridId=${nextGridId}`, 'leader'))).toEqual([]);
    expect(ids(await call('GET', '/api/registry/residents?tag=veteran&tag=elderly_alone', 'leader'))).toEqual([headId]);
    expect((await call('GET', '/api/registry/residents?tag=elderly_alone', 'leader')).json().total).toBe(1);
    const keys = await t.db.query<{ k: string[]; none: string[] }>(
      `select registry_tag_scopes(array['a', 'b'], '/c/t/') as k, registry_tag_scopes('{}', '/c/t/') as none`);
    expect([...keys.rows[0]!.k].sort()).toEqual(['a /c/', 'a /c/t/', 'b /c/', 'b /c/t/']);
    expect(keys.rows[0]!.none).toEqual([]);
    const list = (await call('GET', '/api/registry/residents?q=zsf', 'dispatcher')).json();
    expect(list).toMatchObject({ total: 1, policies: [] });
    expect(list.items[0].phone).toBe('138****8000');
    const hh = (await call('GET', '/api/registry/households?tag=elderly_alone', 'community')).json();
    expect(hh.items.map((x: { id: string }) => x.id)).toEqual([householdId]);
  });

  it('reveals a phone to a carer and an ID number to community staff, each audited; others 403', async () => {
    const phone = await call('POST', `/api/registry/residents/${headId}/reveal`, 'gridworker', { field: 'phone' });
    expect(phone.statusCode, phone.body).toBe(200);
    expect(phone.json()).toEqual({ field: 'phone', value: '13800138000' });
    expect((await call('POST', `/api/registry/residents/${headId}/reveal`, 'gridworker', { field: 'idNumber' })).statusCode).toBe(403);
    const id = await call('POST', `/api/registry/residents/${headId}/reveal`, 'community', { field: 'idNumber' });
    expect(id.json().value).toBe(idNumber('1948-05-12', 24));
    expect((await call('POST', `/api/registry/residents/${headId}/reveal`, 'leader', { field: 'phone' })).statusCode).toBe(403);
    const audit = await t.db.query<{ action: string; actor_name: string; detail: { field: string } }>(
      `select action, actor_name, detail from audit_log where action = 'registry.resident.reveal' and target_id = $1 order by id`, [headId]);
    expect(audit.rows.map((a) => `${a.actor_name}:${a.detail.field}`)).toEqual(['gridworker:phone', 'community:idNumber']);
  });

  it('refuses a bad ID number (422), a duplicate (409, existingId only to who sees it) and a stale version (409)', async () => {
    const bad = await call('POST', '/api/registry/residents', 'gridworker', { name: '王五', idNumber: idNumber('1980-01-01', 11).slice(0, 17) + 'Y', householdId });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: 'ID_NUMBER_INVALID' });
    const sci = await call('POST', '/api/registry/residents', 'gridworker', { name: '王五', idNumber: '5.00103196801011E+17', householdId });
    expect(sci.json().error.details.problem).toBe('ID_NUMBER_SCIENTIFIC');

    const dup = await call('POST', '/api/registry/residents', 'gridworker', { name: '张淑芬', idNumber: idNumber('1948-05-12', 24), householdId });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'ID_NUMBER_TAKEN', details: { existingId: headId } });
    // the community staff add the same person in the next grid, where the demo grid's worker cannot see them
    const other = await call('POST', '/api/registry/residents', 'community', { name: '赵六', idNumber: idNumber('1970-03-03', 31), gridId: nextGridId });
    expect(other.statusCode, other.body).toBe(201);
    const hidden = await call('POST', '/api/registry/residents', 'gridworker', { name: '赵六', idNumber: idNumber('1970-03-03', 31), gridId });
    expect(hidden.statusCode).toBe(409);
    expect(hidden.json().error.details?.existingId).toBeUndefined();

    const r1 = await call('PATCH', `/api/registry/residents/${headId}`, 'gridworker', { version: 1, note: '需每周探访' });
    expect(r1.statusCode, r1.body).toBe(200);
    expect(r1.json().resident.version).toBe(2);
    const stale = await call('PATCH', `/api/registry/residents/${headId}`, 'gridworker', { version: 1, note: '过期' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
  });

  it('keeps scope: a grid worker of another grid 404, a resident, a department and an auditor 403', async () => {
    // the next grid's record is out of the demo grid worker's reach
    const other = (await call('GET', `/api/registry/residents?q=zl`, 'community')).json().items[0];
    expect((await call('GET', `/api/registry/residents/${other.id}`, 'gridworker')).statusCode).toBe(404);
    expect((await call('GET', '/api/registry/residents?q=zl', 'gridworker')).json().items).toEqual([]);
    expect((await call('POST', '/api/registry/buildings', 'gridworker', { name: '邻格楼', location: next, units: 1, floors: 3, roomsPerFloor: 2 })).statusCode).toBe(422);
    for (const who of ['resident', 'department', 'auditor']) {
      expect((await call('GET', `/api/registry/households/${householdId}`, who)).statusCode).toBe(403);
      expect((await call('GET', '/api/registry/residents', who)).statusCode).toBe(403);
    }
  });

  it('answers the first record again for the same Idempotency-Key', async () => {
    const body = { name: '陈七', idNumber: idNumber('1990-07-07', 55), householdId };
    const key = { 'idempotency-key': 'add-chen-qi' };
    const a = await call('POST', '/api/registry/residents', 'gridworker', body, key);
    const b = await call('POST', '/api/registry/residents', 'gridworker', body, key);
    expect(a.statusCode, a.body).toBe(201);
    expect(b.statusCode, b.body).toBe(201);
    expect(b.json().resident.id).toBe(a.json().resident.id);
    // sent three times at once: one record, the same answer
    const body2 = { name: '陈八', idNumber: idNumber('1991-08-08', 57), householdId };
    const at = await Promise.all([1, 2, 3].map(() => call('POST', '/api/registry/residents', 'gridworker', body2, { 'idempotency-key': 'add-chen-ba' })));
    expect(at.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(at.map((r) => r.json().resident.id)).size).toBe(1);
    // the same key on another kind of record makes that record
    const hh = await call('POST', '/api/registry/households', 'gridworker', { address: '春晖路14号', gridId }, key);
    expect(hh.statusCode, hh.body).toBe(201);
    expect(hh.json().household.address).toBe('春晖路14号');
  });

  it('takes a resident who left out of the lists, keeps them in the history', async () => {
    const r = (await call('GET', `/api/registry/residents?q=${encodeURIComponent('陈七')}`, 'gridworker')).json().items[0];
    const left = await call('POST', `/api/registry/residents/${r.id}/leave`, 'gridworker', { reason: 'movedAway' });
    expect(left.statusCode, left.body).toBe(200);
    expect(left.json().resident.leftReason).toBe('movedAway');
    expect((await call('GET', `/api/registry/residents?q=${encodeURIComponent('陈七')}`, 'gridworker')).json().items).toEqual([]);
    expect((await call('GET', `/api/registry/residents?q=${encodeURIComponent('陈七')}&includeLeft=true`, 'gridworker')).json().items).toHaveLength(1);
  });
});

describe('places and things', () => {
  it('adds a place with a sealed contact phone, revealed to a carer only; a thing with inspections', async () => {
    const pl = await call('POST', '/api/registry/places', 'gridworker', { kind: 'shop', name: '春晖便利店', location: here, contactName: '刘老板', contactPhone: '13900001111' });
    expect(pl.statusCode, pl.body).toBe(201);
    expect(pl.json().place).toMatchObject({ contactPhone: '139****1111', gridId });
    expect((await call('POST', `/api/registry/places/${pl.json().place.id}/reveal`, 'gridworker', {})).json().value).toBe('13900001111');

    const th = await call('POST', '/api/registry/things', 'gridworker', { kind: 'hydrant', name: '春晖路消防栓', location: here, riskLevel: 'medium', inspectionEveryDays: 30 });
    expect(th.statusCode, th.body).toBe(201);
    const id = th.json().thing.id;
    const ins = await call('POST', `/api/registry/things/${id}/inspections`, 'gridworker', { inspectedOn: '2026-11-22', result: 'normal' });
    expect(ins.statusCode, ins.body).toBe(201);
    expect(ins.json().thing).toMatchObject({ lastInspectedOn: '2026-11-22', nextInspectionOn: '2026-12-22' });
    expect(ins.json().inspections).toHaveLength(1);
    expect(ins.json().cases).toEqual([]);
    const future = await call('POST', `/api/registry/things/${id}/inspections`, 'gridworker', { inspectedOn: '2026-12-22', result: 'normal' });
    expect(future.statusCode).toBe(422);
  });
});
