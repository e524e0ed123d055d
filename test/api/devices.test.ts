// Issue 13, the devices API: registering a device bound to a registry record (grid and point from it, token shown once,
// Idempotency-Key), the binding masked, scope (a grid worker's grids, another town's records), readings over HTTP with
// the device's token (wrong, unknown, rotated, retired tokens refused; retries stored once; bad batches refused whole),
// changes with versions, the bound person's overrides (rule editors only), figures, the audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, RURAL_GRID, gridCentre } from '../support/places.ts';
import { idNumberCheckDigit } from '../../src/domain/registry/id-number.ts';
import { hashDeviceToken } from '../../src/server/devices/device-auth.ts';

const NEXT_GRID = '500199001001002';

let t: TestApp;
const tokens: Record<string, string> = {};
let here: { lng: number; lat: number };
let next: { lng: number; lat: number };
let gridId: string;
let householdId: string;
let residentId: string;
let placeNext: string;
let placeRural: string;

const idNumber = (birth: string, seq: number) => {
  const first17 = `500103${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckDigit(first17);
};

const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, who: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { ...bearer(tokens[who]!), ...headers }, ...(payload ? { payload } : {}) });
const send = (id: string, token: string | null, payload: unknown) =>
  t.app.inject({ method: 'POST', url: `/api/devices/${id}/readings`, headers: token === null ? {} : { authorization: `Bearer ${token}` }, payload: payload as object });

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'leader', 'dispatcher', 'gridworker', 'community', 'resident', 'department']) tokens[u] = await t.login(u);
  [here, next] = await Promise.all([gridCentre(t.db, DEMO_GRID), gridCentre(t.db, NEXT_GRID)]);
  gridId = (await t.db.query<{ id: string }>('select id from org_units where code = $1', [DEMO_GRID])).rows[0]!.id;
  const b = await call('POST', '/api/registry/buildings', 'community', { name: '设备测试楼', address: '春晖路88号', location: here, units: 1, floors: 6, roomsPerFloor: 2 });
  expect(b.statusCode, b.body).toBe(201);
  const h = await call('POST', '/api/registry/households', 'community', { buildingId: b.json().building.id, unitNo: 1, floorNo: 2, roomNo: '201' });
  expect(h.statusCode, h.body).toBe(201);
  householdId = h.json().household.id;
  const r = await call('POST', '/api/registry/residents', 'community', { name: '欧阳秀英', idNumber: idNumber('1941-03-02', 22), householdId, relation: 'head' });
  expect(r.statusCode, r.body).toBe(201);
  residentId = r.json().resident.id;
  const p = await call('POST', '/api/registry/places', 'community', { kind: 'shop', name: '隔壁网格小卖部', location: next });
  expect(p.statusCode, p.body).toBe(201);
  placeNext = p.json().place.id;
  const rural = await gridCentre(t.db, RURAL_GRID);
  const q = await call('POST', '/api/registry/places', 'admin', { kind: 'shop', name: '乡镇小卖部', location: rural });
  expect(q.statusCode, q.body).toBe(201);
  placeRural = q.json().place.id;
});
afterAll(async () => { await t.close(); });

describe('registering and reading devices', () => {
  let doorId: string;
  let doorToken: string;
  let bandId: string;
  let smokeId: string;

  it('binds a door magnet to a household: grid, point and address from it, the head\'s name masked, the token once', async () => {
    const r = await call('POST', '/api/devices', 'community', { type: 'doorMagnet', binding: { kind: 'household', id: householdId }, name: '201 门磁', serialNo: 'DM-0001' }, { 'idempotency-key': 'door-1' });
    expect(r.statusCode, r.body).toBe(201);
    const { id, token, device } = r.json();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(device).toMatchObject({
      id, type: 'doorMagnet', profileId: 'platform-door-magnet', gridId, status: 'active', state: 'never', battery: null, activeAlarms: 0,
      binding: { kind: 'household', id: householdId, name: '欧***', address: '春晖路88号 1单元 201室' },
      address: '春晖路88号 1单元 201室', policies: ['update', 'retire', 'rotateToken'],
    });
    expect(device.location.lng).toBeCloseTo(here.lng, 6);
    doorId = id;
    doorToken = token;
    // only the hash is kept
    const row = (await t.db.query<{ token_hash: string }>('select token_hash from devices where id = $1', [id])).rows[0]!;
    expect(row.token_hash).toBe(hashDeviceToken(token));
    // its rules are armed from its creation: the door's 24 h and the offline hour count from now
    const states = (await t.db.query<{ rule_id: string; deadline_at: Date | null }>('select rule_id, deadline_at from device_rule_states where device_id = $1 order by rule_id', [id])).rows;
    expect(states.map((s) => s.rule_id)).toEqual(['no-door', 'offline']);
    expect(new Date(states[0]!.deadline_at!).getTime()).toBe(t.clock.now.getTime() + 24 * 3600_000);
  });

  it('answers a retried Idempotency-Key with the same device and no token', async () => {
    const r = await call('POST', '/api/devices', 'community', { type: 'doorMagnet', binding: { kind: 'household', id: householdId }, name: '201 门磁' }, { 'idempotency-key': 'door-1' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ id: doorId, token: null });
    expect((await t.db.query('select 1 from devices where binding_id = $1', [householdId])).rows).toHaveLength(1);
  });

  it('binds a wristband to a resident (the household\'s point) and a smoke detector to a place', async () => {
    t.clock.advance(1000);
    const w = await call('POST', '/api/devices', 'dispatcher', { type: 'wristband', binding: { kind: 'resident', id: residentId }, name: '手环' });
    expect(w.statusCode, w.body).toBe(201);
    expect(w.json().device).toMatchObject({ binding: { kind: 'resident', name: '欧***', address: '春晖路88号 1单元 201室' }, gridId, profileId: 'platform-wristband' });
    bandId = w.json().id;
    t.clock.advance(1000);
    const s = await call('POST', '/api/devices', 'community', { type: 'smokeDetector', binding: { kind: 'place', id: placeNext }, name: '烟感' });
    expect(s.statusCode, s.body).toBe(201);
    expect(s.json().device.binding).toMatchObject({ kind: 'place', name: '隔壁网格小卖部' });
    smokeId = s.json().id;
  });

  it('lists the household\'s care devices in its file (一户一档): the door magnet on the household and the wristband on a member', async () => {
    const f = await call('GET', `/api/registry/households/${householdId}`, 'community');
    expect(f.statusCode, f.body).toBe(200);
    expect(f.json().devices).toEqual([
      { id: doorId, name: '201 门磁', type: 'doorMagnet', boundTo: 'household', residentId: null, state: 'never', battery: null, lastSeenAt: null, activeAlarms: 0 },
      { id: bandId, name: '手环', type: 'wristband', boundTo: 'resident', residentId, state: 'never', battery: null, lastSeenAt: null, activeAlarms: 0 },
    ]);
  });

  it('refuses a binding outside the caller\'s reach, an unknown one, a profile of another type, and callers who only read', async () => {
    const outside = await call('POST', '/api/devices', 'community', { type: 'smokeDetector', binding: { kind: 'place', id: placeRural }, name: '烟感' });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.code).toBe('DEVICE_BINDING_INVALID');
    const unknown = await call('POST', '/api/devices', 'community', { type: 'wristband', binding: { kind: 'resident', id: householdId }, name: '手环' });
    expect(unknown.json().error.code).toBe('DEVICE_BINDING_INVALID');
    const wrongProfile = await call('POST', '/api/devices', 'community', { type: 'wristband', profileId: 'platform-door-magnet', binding: { kind: 'resident', id: residentId }, name: '手环' });
    expect(wrongProfile.statusCode).toBe(422);
    expect(wrongProfile.json().error.code).toBe('DEVICE_INVALID');
    expect((await call('POST', '/api/devices', 'gridworker', { type: 'doorMagnet', binding: { kind: 'household', id: householdId }, name: 'x' })).statusCode).toBe(403);
    expect((await call('GET', '/api/devices', 'resident')).statusCode).toBe(403);
    expect((await call('GET', '/api/devices', 'department')).statusCode).toBe(403);
    expect((await t.db.query('select 1 from devices')).rows).toHaveLength(3);
  });

  it('lists inside the territory: a grid worker sees its grid\'s devices only, 404 for the others', async () => {
    const all = await call('GET', '/api/devices', 'community');
    expect(all.json().items.map((d: { id: string }) => d.id)).toEqual([smokeId, bandId, doorId]);
    expect(all.json().policies).toEqual(['create']);
    const mine = await call('GET', '/api/devices', 'gridworker');
    expect(mine.json().items.map((d: { id: string }) => d.id).sort()).toEqual([bandId, doorId].sort());
    expect(mine.json().policies).toEqual([]);
    expect(mine.json().items[0].policies).toEqual([]);
    expect((await call('GET', `/api/devices/${smokeId}`, 'gridworker')).statusCode).toBe(404);
    expect((await call('GET', `/api/devices/${smokeId}/readings`, 'gridworker')).statusCode).toBe(404);
    const paged = await call('GET', '/api/devices?limit=2', 'community');
    expect(paged.json().items).toHaveLength(2);
    const rest = await call('GET', `/api/devices?limit=2&cursor=${paged.json().nextCursor}`, 'community');
    expect(rest.json().items.map((d: { id: string }) => d.id)).toEqual([doorId]);
    expect(rest.json().nextCursor).toBeNull();
    expect((await call('GET', '/api/devices?type=smokeDetector', 'community')).json().items).toHaveLength(1);
    expect((await call('GET', '/api/devices?q=DM-0001', 'community')).json().items.map((d: { id: string }) => d.id)).toEqual([doorId]);
    expect((await call('GET', '/api/devices?state=never', 'community')).json().items).toHaveLength(3);
    expect((await call('GET', '/api/devices?cursor=bogus', 'community')).statusCode).toBe(400);
  });

  it('takes readings with the device\'s token only, stores a retry once and refuses a bad batch whole', async () => {
    expect((await send(doorId, null, { ts: t.clock.now.toISOString(), key: 'door', value: 'open' })).json().error.code).toBe('DEVICE_TOKEN_INVALID');
    expect((await send(doorId, 'wrong-token', { ts: t.clock.now.toISOString(), key: 'door' })).statusCode).toBe(401);
    expect((await send('no-such-device', doorToken, { ts: t.clock.now.toISOString(), key: 'door' })).statusCode).toBe(401);
    expect((await send(bandId, doorToken, { ts: t.clock.now.toISOString(), key: 'heartRate', value: 70 })).statusCode).toBe(401);
    // a session token is not a device token
    expect((await send(doorId, tokens.community!, { ts: t.clock.now.toISOString(), key: 'door' })).statusCode).toBe(401);

    const one = await send(doorId, doorToken, { ts: t.clock.now.toISOString(), key: 'door', value: 'open', battery: 87 });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toEqual({ stored: 1, duplicates: 0 });
    expect((await send(doorId, doorToken, { ts: t.clock.now.toISOString(), key: 'door', value: 'open', battery: 87 })).json()).toEqual({ stored: 0, duplicates: 1 });
    const batch = await send(doorId, doorToken, { readings: [
      { messageId: 'm-1', kind: 'keepalive' },
      { ts: t.clock.now.getTime() - 60_000, key: 'door', value: 'closed' },
    ] });
    expect(batch.json()).toEqual({ stored: 2, duplicates: 0 });
    const bad = await send(doorId, doorToken, { readings: [{ messageId: 'm-2', kind: 'keepalive' }, { key: 'door' }] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('READING_INVALID');
    expect(bad.json().error.details.readings).toEqual([{ index: 1, refusal: 'noTimeOrMessageId' }]);
    expect((await t.db.query('select 1 from device_readings where device_id = $1', [doorId])).rows).toHaveLength(3);
    expect((await send(doorId, doorToken, { readings: [] })).statusCode).toBeGreaterThanOrEqual(400);
  });

  it('shows the device online with its battery, last seen, figures and readings', async () => {
    const r = await call('GET', `/api/devices/${doorId}`, 'gridworker');
    expect(r.statusCode, r.body).toBe(200);
    const d = r.json();
    expect(d.device).toMatchObject({ state: 'online', battery: 87, lastSeenAt: t.clock.now.toISOString() });
    expect(d.rules.map((x: { id: string }) => x.id)).toEqual(['no-door', 'offline']);
    expect(d.figures.readingsPerDay).toHaveLength(30);
    expect(d.figures.readingsPerDay[29]).toEqual({ day: '2026-11-23', count: 3 });
    expect(d.figures.alarmsByType).toEqual([]);
    const list = await call('GET', `/api/devices/${doorId}/readings`, 'gridworker');
    expect(list.json().items.map((x: { kind: string; textValue: string | null }) => [x.kind, x.textValue])).toEqual([['event', 'open'], ['keepalive', null], ['event', 'closed']]);
    const page = await call('GET', `/api/devices/${doorId}/readings?limit=2`, 'gridworker');
    const rest = await call('GET', `/api/devices/${doorId}/readings?limit=2&cursor=${page.json().nextCursor}`, 'gridworker');
    expect(rest.json().items).toHaveLength(1);
    expect((await call('GET', `/api/devices/${doorId}/readings?from=2026-01-01T00:00:00Z`, 'gridworker')).statusCode).toBe(400);
    expect((await call('GET', '/api/devices?state=online', 'community')).json().items.map((x: { id: string }) => x.id)).toEqual([doorId]);
  });

  it('changes a device with the version read; overrides by rule editors only, naming the profile\'s rules', async () => {
    const stale = await call('PATCH', `/api/devices/${bandId}`, 'community', { version: 9, name: '新名字' });
    expect(stale.statusCode).toBe(409);
    const ok = await call('PATCH', `/api/devices/${bandId}`, 'community', { version: 1, name: '欧阳的手环' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ name: '欧阳的手环', version: 2 });
    expect((await call('PATCH', `/api/devices/${bandId}`, 'community', { version: 2, overrides: { 'hr-low': { value: 40 } } })).statusCode).toBe(403);
    const unknownRule = await call('PATCH', `/api/devices/${bandId}`, 'leader', { version: 2, overrides: { nope: { value: 40 } } });
    expect(unknownRule.statusCode).toBe(422);
    expect(unknownRule.json().error.code).toBe('RULE_INVALID');
    const notParam = await call('PATCH', `/api/devices/${bandId}`, 'leader', { version: 2, overrides: { sos: { value: 3 } } });
    expect(notParam.json().error.code).toBe('RULE_INVALID');
    const o = await call('PATCH', `/api/devices/${bandId}`, 'leader', { version: 2, overrides: { 'hr-low': { value: 40 }, 'hr-high': { enabled: false } } });
    expect(o.statusCode, o.body).toBe(200);
    const detail = (await call('GET', `/api/devices/${bandId}`, 'leader')).json();
    expect(detail.overrides).toEqual({ 'hr-low': { value: 40 }, 'hr-high': { enabled: false } });
    expect(detail.rules.find((r: { id: string }) => r.id === 'hr-low').value).toBe(40);
    expect(detail.device.policies).toEqual(['update', 'editOverrides', 'retire', 'rotateToken']);
    // the rule switched off for this person is not armed
    const armed = (await t.db.query<{ rule_id: string }>('select rule_id from device_rule_states where device_id = $1', [bandId])).rows.map((x) => x.rule_id);
    expect(armed).not.toContain('hr-high');
  });

  it('rebinds a device: it moves to the new record\'s grid and point, and the person\'s overrides stay behind', async () => {
    const v = (await call('GET', `/api/devices/${bandId}`, 'community')).json().device.version;
    const r = await call('PATCH', `/api/devices/${bandId}`, 'community', { version: v, binding: { kind: 'place', id: placeNext } });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().binding).toMatchObject({ kind: 'place', id: placeNext });
    expect(r.json().gridId).not.toBe(gridId);
    expect((await call('GET', `/api/devices/${bandId}`, 'community')).json().overrides).toEqual({});
    expect((await call('GET', `/api/devices/${bandId}`, 'gridworker')).statusCode).toBe(404);
    const outside = await call('PATCH', `/api/devices/${bandId}`, 'community', { version: v + 1, binding: { kind: 'place', id: placeRural } });
    expect(outside.json().error.code).toBe('DEVICE_BINDING_INVALID');
  });

  it('rotates a token: the old one is refused at once, the new one works', async () => {
    const r = await call('POST', `/api/devices/${doorId}/token`, 'community');
    expect(r.statusCode, r.body).toBe(200);
    const fresh = r.json().token as string;
    expect(fresh).not.toBe(doorToken);
    t.clock.advance(1000);
    expect((await send(doorId, doorToken, { ts: t.clock.now.toISOString(), key: 'door' })).statusCode).toBe(401);
    expect((await send(doorId, fresh, { ts: t.clock.now.toISOString(), key: 'door' })).statusCode).toBe(200);
    doorToken = fresh;
    expect((await call('POST', `/api/devices/${doorId}/token`, 'gridworker')).statusCode).toBe(403);
  });

  it('retires a device: its token is refused, its rules stop, it cannot be changed', async () => {
    const v = (await call('GET', `/api/devices/${doorId}`, 'community')).json().device.version;
    const r = await call('POST', `/api/devices/${doorId}/retire`, 'community', { version: v });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'retired', policies: [] });
    expect((await send(doorId, doorToken, { ts: t.clock.now.toISOString(), key: 'door' })).statusCode).toBe(401);
    const armed = (await t.db.query('select 1 from device_rule_states where device_id = $1 and deadline_at is not null', [doorId])).rows;
    expect(armed).toHaveLength(0);
    expect((await call('POST', `/api/devices/${doorId}/retire`, 'community', { version: v + 1 })).json().error.code).toBe('DEVICE_INVALID');
    expect((await call('PATCH', `/api/devices/${doorId}`, 'community', { version: v + 1, name: 'x' })).json().error.code).toBe('DEVICE_INVALID');
    expect((await call('POST', `/api/devices/${doorId}/token`, 'community')).json().error.code).toBe('DEVICE_INVALID');
    expect((await call('GET', '/api/devices?status=retired', 'community')).json().items.map((d: { id: string }) => d.id)).toEqual([doorId]);
  });

  it('writes every change to the audit log', async () => {
    const rows = (await t.db.query<{ action: string; target_id: string }>(
      `select action, target_id from audit_log where target_type = 'device' order by id`)).rows;
    expect(rows.map((x) => x.action)).toEqual([
      'device.create', 'device.create', 'device.create', 'device.update', 'device.overrides', 'device.update', 'device.rotateToken', 'device.retire',
    ]);
  });
});

describe('the device authenticator (HTTP and MQTT alike)', () => {
  it('believes a verified token a few seconds only: another node stops a rotated or retired token within that time', async () => {
    const { DeviceAuthenticator, DEVICE_AUTH_CACHE_MS } = await import('../../src/server/devices/device-auth.ts');
    let now = 1_000_000;
    const otherNode = new DeviceAuthenticator(t.db, { now: () => now });
    const r = await call('POST', '/api/devices', 'community', { type: 'gasSensor', binding: { kind: 'household', id: householdId }, name: '燃气' });
    const { id, token } = r.json() as { id: string; token: string };
    expect(await otherNode.verify(id, token)).toBe(true);
    expect(await otherNode.verify(id, `${token}x`)).toBe(false);
    expect(await otherNode.verify(id, '')).toBe(false);
    expect(await otherNode.verify('unknown', token)).toBe(false);
    // rotated on this node: the other still believes the old token until its cache runs out, then refuses it
    const fresh = (await call('POST', `/api/devices/${id}/token`, 'community')).json().token as string;
    now += 1000;
    expect(await otherNode.verify(id, token)).toBe(true);
    expect(await otherNode.verify(id, fresh)).toBe(false);
    now += DEVICE_AUTH_CACHE_MS;
    expect(await otherNode.verify(id, token)).toBe(false);
    expect(await otherNode.verify(id, fresh)).toBe(true);
    // retired: refused once the cache runs out
    await call('POST', `/api/devices/${id}/retire`, 'community', { version: 2 });
    now += DEVICE_AUTH_CACHE_MS + 1;
    expect(await otherNode.verify(id, fresh)).toBe(false);
  });

  it('limits the requests of one device per minute, counted after its token is checked', async () => {
    const { PerDeviceLimit } = await import('../../src/server/devices/reading-routes.ts');
    const limit = new PerDeviceLimit(3);
    expect([1, 2, 3, 4].map(() => limit.take('a', 0))).toEqual([0, 0, 0, 60]);
    expect(limit.take('b', 0)).toBe(0);
    expect(limit.take('a', 30_000)).toBe(30);
    expect(limit.take('a', 60_000)).toBe(0);
  });
});
