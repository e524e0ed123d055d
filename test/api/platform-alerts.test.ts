import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, RURAL_GRID, gridCentre } from '../support/places.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
let townId: string;
let here: { lng: number; lat: number };
let rural: { lng: number; lat: number };

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'leader', 'dispatcher']) tokens[u] = await t.login(u);
  townId = (await t.db.query<{ id: string }>(
    `select t.id from org_units g join org_units t on t.level = 'town' and g.path like t.path || '%' where g.code = $1`, [DEMO_GRID])).rows[0]!.id;
  here = await gridCentre(t.db, DEMO_GRID);
  rural = await gridCentre(t.db, RURAL_GRID);
});
afterAll(async () => { await t.close(); });

const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { ...bearer(tokens[who]!), ...headers }, ...(payload ? { payload } : {}) });
const alert = (key: string | null, payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/alerts', headers: key ? { 'x-api-key': key } : {}, payload });

async function register(id: string, typeMatters: Record<string, string>) {
  const res = await call('POST', '/api/alert-platforms', 'admin', { id, name: '消防AI平台', orgUnitId: townId, typeMatters });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { platform: { id: string; version: number }; apiKey: string };
}

describe('alert platforms', () => {
  it('the admin registers one; the key is answered once and kept only as a hash', async () => {
    const { platform, apiKey } = await register('fire-ai', { 'fire.smoke': 'S0201', 'fire.flame': 'S0301' });
    expect(apiKey).toMatch(/^zk_/);
    expect(platform).toMatchObject({ id: 'fire-ai', name: '消防AI平台', orgUnitId: townId, typeMatters: { 'fire.smoke': 'S0201' }, matterNames: { S0201: '烟感告警', S0301: '森林火情' }, active: true, alertCount: 0, policies: ['edit', 'rotateKey'] });
    const row = (await t.db.query<{ key_hash: string }>('select key_hash from alert_platforms where id = $1', [platform.id])).rows[0]!;
    expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
    const list = await call('GET', '/api/alert-platforms', 'admin');
    expect(list.body).not.toContain(apiKey);
    expect(list.json().items.map((p: { id: string }) => p.id)).toContain('fire-ai');
    expect((await t.db.query(`select 1 from audit_log where action = 'platform.register' and target_id = 'fire-ai'`)).rows).toHaveLength(1);
  });

  it('refuses a map to a matter the catalog does not have, a taken id, and anyone but the admin', async () => {
    const bad = await call('POST', '/api/alert-platforms', 'admin', { id: 'fraud', name: '反诈平台', orgUnitId: townId, typeMatters: { 'fraud.call': 'X9999' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: 'ALERT_INVALID', details: { refusals: [{ code: 'matterUnknown', type: 'fraud.call', matterCode: 'X9999' }] } });
    expect((await call('POST', '/api/alert-platforms', 'admin', { id: 'fire-ai', name: 'x', orgUnitId: townId, typeMatters: {} })).statusCode).toBe(409);
    expect((await call('GET', '/api/alert-platforms', 'leader')).statusCode).toBe(403);
    expect((await call('POST', '/api/alert-platforms', 'dispatcher', { id: 'x1', name: 'x', orgUnitId: townId, typeMatters: {} })).statusCode).toBe(403);
    expect((await t.db.query(`select 1 from alert_platforms where id in ('fraud', 'x1')`)).rows).toHaveLength(0);
  });
});

describe('POST /api/alerts', () => {
  let key = '';
  beforeAll(async () => {
    key = (await register('fraud-ai', { 'fraud.call': 'S0401', 'fire.smoke': 'S0201' })).apiKey;
  });

  it('an alert becomes a case of the mapped matter, source platform; the same externalId answers the first case', async () => {
    const body = { platform: 'fraud-ai', type: 'fraud.call', level: 'red', location: here, address: '春晖路8号', text: '疑似电信诈骗来电，通话时长已超过20分钟', externalId: 'F-0001' };
    const first = await alert(key, body);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ created: true, caseNumber: expect.any(String) });
    const again = await alert(key, { ...body, text: '重发' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ ...first.json(), created: false });
    const c = (await call('GET', `/api/cases/${first.json().caseId}`, 'dispatcher')).json();
    expect(c).toMatchObject({ source: 'platform', categoryCode: 'S0401' });
    expect(c.description).toContain('疑似电信诈骗来电');
    expect(c.description).toContain('消防AI平台');
    expect((await t.db.query(`select count(*)::int as n from platform_alerts where platform_id = 'fraud-ai' and external_id = 'F-0001'`)).rows[0]).toEqual({ n: 1 });
    expect((await t.db.query<{ n: number }>(`select count(*)::int as n from cases where idempotency_key = 'alert:fraud-ai:F-0001'`)).rows[0]!.n).toBe(1);
  });

  it('two sends of one alert at once make one case', async () => {
    const body = { platform: 'fraud-ai', type: 'fire.smoke', level: 'orange', location: here, text: '烟雾识别', externalId: 'F-race' };
    const [a, b] = await Promise.all([alert(key, body), alert(key, body)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().caseId).toBe(b.json().caseId);
    expect((await t.db.query<{ n: number }>(`select count(*)::int as n from cases where idempotency_key = 'alert:fraud-ai:F-race'`)).rows[0]!.n).toBe(1);
  });

  it('401 API_KEY_INVALID for no key, a wrong key, another platform\'s name; nothing stored', async () => {
    const body = { platform: 'fraud-ai', type: 'fraud.call', level: 'red', location: here, text: 'x', externalId: 'F-401' };
    for (const [k, b] of [[null, body], ['zk_wrong', body], [key, { ...body, platform: 'fire-ai' }]] as const) {
      const res = await alert(k, b);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('API_KEY_INVALID');
    }
    expect((await t.db.query(`select 1 from platform_alerts where external_id = 'F-401'`)).rows).toHaveLength(0);
  });

  it('422 ALERT_INVALID for an unmapped type, a point outside the ground, an unknown address; nothing stored', async () => {
    const base = { platform: 'fraud-ai', level: 'yellow', text: 'x' };
    const cases = [
      { ...base, type: 'enterprise.leak', location: here, externalId: 'F-422a' },
      { ...base, type: 'fraud.call', location: rural, externalId: 'F-422b' },
      { ...base, type: 'fraud.call', address: '不存在的地址99号', externalId: 'F-422c' },
      { ...base, type: 'fraud.call', externalId: 'F-422d' },
    ];
    const before = (await t.db.query<{ n: number }>('select count(*)::int as n from cases')).rows[0]!.n;
    for (const b of cases) {
      const res = await alert(key, b);
      expect(res.statusCode, b.externalId).toBe(422);
      expect(res.json().error.code).toBe('ALERT_INVALID');
    }
    expect((await t.db.query<{ n: number }>('select count(*)::int as n from cases')).rows[0]!.n).toBe(before);
    expect((await t.db.query(`select 1 from platform_alerts where external_id like 'F-422%'`)).rows).toHaveLength(0);
  });

  it('an address alone is placed at the registered building or place with that address', async () => {
    const b = (await t.db.query<{ address: string }>(
      `select address from registry_buildings where address is not null and org_path like (select path from org_units where id = $1) || '%' limit 1`, [townId])).rows[0];
    if (!b) return;
    const res = await alert(key, { platform: 'fraud-ai', type: 'fraud.call', level: 'red', address: b.address, text: '按地址', externalId: 'F-addr' });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('rotating the key stops the old one at once; a stopped platform is refused', async () => {
    const list = (await call('GET', '/api/alert-platforms', 'admin')).json().items;
    const p = list.find((x: { id: string }) => x.id === 'fraud-ai');
    expect(p.alertCount).toBeGreaterThanOrEqual(2);
    const stale = await call('POST', '/api/alert-platforms/fraud-ai/key', 'admin', { version: p.version + 5 });
    expect(stale.statusCode).toBe(409);
    const rotated = await call('POST', '/api/alert-platforms/fraud-ai/key', 'admin', { version: p.version });
    expect(rotated.statusCode).toBe(200);
    const newKey = rotated.json().apiKey as string;
    expect(newKey).not.toBe(key);
    const body = { platform: 'fraud-ai', type: 'fraud.call', level: 'red', location: here, text: '新密钥', externalId: 'F-rot' };
    expect((await alert(key, body)).statusCode).toBe(401);
    expect((await alert(newKey, body)).statusCode).toBe(201);

    const v = rotated.json().platform.version;
    const stop = await call('PUT', '/api/alert-platforms/fraud-ai', 'admin', { name: '反诈平台', orgUnitId: townId, typeMatters: { 'fraud.call': 'S0401' }, active: false, version: v });
    expect(stop.statusCode, stop.body).toBe(200);
    expect(stop.json()).toMatchObject({ name: '反诈平台', active: false, typeMatters: { 'fraud.call': 'S0401' } });
    expect((await alert(newKey, { ...body, externalId: 'F-stop' })).statusCode).toBe(401);
    expect((await call('PUT', '/api/alert-platforms/fraud-ai', 'admin', { name: 'x', orgUnitId: townId, typeMatters: {}, active: true, version: v })).statusCode).toBe(409);
  });
});
