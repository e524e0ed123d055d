// Issue 13, device profiles: the list, a profile's rules read and saved as versions (checked as a set, matters of the
// catalog, escalation in order, stale saves refused, rule editors only, devices re-armed), and the preview of saved and
// draft rules over a device's last day of readings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
let deviceId: string;
let deviceToken: string;
/** an hour before the test clock's start: the first reading */
let start: number;

const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(tokens[who]!), ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'leader', 'dispatcher', 'gridworker', 'community', 'resident']) tokens[u] = await t.login(u);
  const here = await gridCentre(t.db, DEMO_GRID);
  const p = await call('POST', '/api/registry/places', 'community', { kind: 'shop', name: '规则测试店', location: here });
  expect(p.statusCode, p.body).toBe(201);
  const d = await call('POST', '/api/devices', 'community', { type: 'wristband', binding: { kind: 'place', id: p.json().place.id }, name: '测试手环' });
  expect(d.statusCode, d.body).toBe(201);
  deviceId = d.json().id;
  deviceToken = d.json().token;
  // the last day: a heart rate that fell below 45 for five minutes an hour ago, and an SOS
  start = t.clock.now.getTime() - 3600_000;
  const readings = [
    ...[0, 60, 120, 180, 240, 300].map((s) => ({ ts: start + s * 1000, key: 'heartRate', value: 40 })),
    { ts: start + 360_000, key: 'heartRate', value: 72 },
    { ts: start + 600_000, key: 'sos', value: 1 },
  ];
  const r = await t.app.inject({ method: 'POST', url: `/api/devices/${deviceId}/readings`, headers: { authorization: `Bearer ${deviceToken}` }, payload: { readings } });
  expect(r.json(), r.body).toMatchObject({ stored: 8 });
});
afterAll(async () => { await t.close(); });

interface Profile { id: string; version: number; rules: { id: string }[]; escalation: unknown; devices: number; policies: string[] }

describe('device profiles', () => {
  it('lists the platform\'s profiles with the devices the caller sees; editRules for rule editors who govern their devices', async () => {
    const r = await call('GET', '/api/device-profiles', 'leader');
    expect(r.statusCode, r.body).toBe(200);
    const band = r.json().items.find((p: Profile) => p.id === 'platform-wristband') as Profile;
    expect(band).toMatchObject({ devices: 1, policies: ['editRules'], townId: null, type: 'wristband' });
    expect((await call('GET', '/api/device-profiles?type=wristband', 'community')).json().items.map((p: Profile) => [p.id, p.policies]))
      .toEqual([['platform-wristband', []]]);
    expect((await call('GET', '/api/device-profiles', 'resident')).statusCode).toBe(403);
    // a profile used by a device outside the leader's town is the administrator's
    await t.db.query(`update devices set org_path = 'elsewhere/' where id = $1`, [deviceId]);
    expect((await call('GET', '/api/device-profiles?type=wristband', 'leader')).json().items[0].policies).toEqual([]);
    expect((await call('GET', '/api/device-profiles?type=wristband', 'admin')).json().items[0].policies).toEqual(['editRules']);
    await t.db.query(`update devices set org_path = (select path from org_units where id = devices.grid_id) where id = $1`, [deviceId]);
  });

  it('saves rules as the next version, refuses stale saves, bad sets, unknown matters, non-editors', async () => {
    const read = await call('GET', '/api/device-profiles/platform-wristband/rules', 'leader');
    expect(read.statusCode, read.body).toBe(200);
    const p = read.json() as Profile & { rules: Record<string, unknown>[] };
    expect(p.version).toBe(1);
    const rules = p.rules.map((r) => (r.id === 'hr-low' ? { ...r, value: 42 } : r));
    const saved = await call('PUT', '/api/device-profiles/platform-wristband/rules', 'leader', { version: 1, rules, escalation: p.escalation });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, updatedByName: '陈志明' });
    expect(saved.json().rules.find((r: { id: string }) => r.id === 'hr-low').value).toBe(42);

    const stale = await call('PUT', '/api/device-profiles/platform-wristband/rules', 'leader', { version: 1, rules, escalation: p.escalation });
    expect(stale.statusCode).toBe(409);
    const dup = await call('PUT', '/api/device-profiles/platform-wristband/rules', 'leader', { version: 2, rules: [...rules, rules[0]], escalation: p.escalation });
    expect(dup.statusCode).toBe(422);
    expect(dup.json().error.code).toBe('RULE_INVALID');
    expect(dup.json().error.details.refusals[0]).toMatchObject({ code: 'duplicate' });
    const badMatter = await call('PUT', '/api/device-profiles/platform-wristband/rules', 'leader', {
      version: 2, rules: rules.map((r) => (r.id === 'sos' ? { ...r, matterCode: 'Z9999' } : r)), escalation: p.escalation,
    });
    expect(badMatter.json().error.code).toBe('RULE_INVALID');
    const badEscalation = await call('PUT', '/api/device-profiles/platform-wristband/rules', 'leader', {
      version: 2, rules, escalation: { steps: [{ notify: ['gridWorker'], afterMin: 5 }], repeatEveryMin: 5 },
    });
    expect(badEscalation.json().error.code).toBe('RULE_INVALID');
    expect((await call('PUT', '/api/device-profiles/platform-wristband/rules', 'community', { version: 2, rules, escalation: p.escalation })).statusCode).toBe(403);
    expect((await call('GET', '/api/device-profiles/nope/rules', 'leader')).statusCode).toBe(404);
    const audit = (await t.db.query<{ action: string }>(`select action from audit_log where target_type = 'device_profile'`)).rows;
    expect(audit.map((a) => a.action)).toEqual(['device_profile.save_rules']);
    // the threshold changed and was re-armed; the others were not
    expect((await t.db.query<{ detail: { changed: string[] } }>(`select detail from audit_log where target_type = 'device_profile'`)).rows[0]!.detail.changed).toEqual(['hr-low']);
  });

  it('re-arms only the rules that changed: the others keep counting; a changed offline rule counts from the last sign of life', async () => {
    const deadline = async (rule: string) => (await t.db.query<{ deadline_at: Date | null; state: { lastHeardAt?: number } }>(
      'select deadline_at, state from device_rule_states where device_id = $1 and rule_id = $2', [deviceId, rule])).rows[0];
    const before = await deadline('offline');
    expect(before?.deadline_at).not.toBeNull();
    t.clock.advance(60_000);
    const p = (await call('GET', '/api/device-profiles/platform-wristband/rules', 'leader')).json();
    // the escalation alone: nothing re-armed
    const steps = { ...p.escalation, repeatEveryMin: p.escalation.repeatEveryMin + 1 };
    expect((await call('PUT', '/api/device-profiles/platform-wristband/rules', 'leader', { version: p.version, rules: p.rules, escalation: steps })).statusCode).toBe(200);
    expect((await deadline('offline'))!.deadline_at).toEqual(before!.deadline_at);
    // the offline window doubled: from the last reading heard, not from now
    const rules = p.rules.map((r: { id: string; afterSec?: number }) => (r.id === 'offline' ? { ...r, afterSec: r.afterSec! * 2 } : r));
    const offline = p.rules.find((r: { id: string }) => r.id === 'offline');
    expect((await call('PUT', '/api/device-profiles/platform-wristband/rules', 'leader', { version: p.version + 1, rules, escalation: steps })).statusCode).toBe(200);
    const after = await deadline('offline');
    expect(new Date(after!.deadline_at!).getTime()).toBe(before!.state.lastHeardAt! + offline.afterSec * 2 * 1000);
  });

  it('previews the saved rules over the device\'s last day: the low heart rate and the SOS, when', async () => {
    const r = await call('GET', `/api/device-profiles/platform-wristband/rules/preview?deviceId=${deviceId}`, 'gridworker');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().readings).toBe(8);
    expect(r.json().alarms.map((a: { alarmType: string; at: string }) => [a.alarmType, a.at])).toEqual([
      ['heartRateLow', new Date(start + 120_000).toISOString()],
      ['sos', new Date(start + 600_000).toISOString()],
    ]);
  });

  it('previews draft rules before saving, checked like a save; devices outside the territory are 404', async () => {
    const draft = [{ id: 'hr-high', name: '心率 > 70', enabled: true, kind: 'threshold', key: 'heartRate', op: '>', value: 70, forSec: 0, alarmType: 'heartRateHigh', level: 'red', matterCode: 'S0102' }];
    const r = await call('POST', '/api/device-profiles/platform-wristband/rules/preview', 'leader', { deviceId, rules: draft });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().alarms.map((a: { ruleId: string }) => a.ruleId)).toEqual(['hr-high']);
    const bad = await call('POST', '/api/device-profiles/platform-wristband/rules/preview', 'leader', { deviceId, rules: [{ ...draft[0], forSec: -1 }] });
    expect(bad.statusCode).toBe(400);
    const noMatter = await call('POST', '/api/device-profiles/platform-wristband/rules/preview', 'leader', { deviceId, rules: [{ ...draft[0], matterCode: undefined }] });
    expect(noMatter.json().error.code).toBe('RULE_INVALID');
    expect((await call('GET', '/api/device-profiles/platform-wristband/rules/preview?deviceId=nope', 'leader')).statusCode).toBe(404);
  });
});
