// Issue 14, plan triggers: a river's water-level gauge (device type waterLevelGauge, its platform profile) raises
// waterLevelHigh (orange) and waterLevelCritical (red) from readings over HTTP; the alarm clock opens their care orders;
// the plans' trigger service matches them (and hotline cases, and not the sensors' own care orders) against the town's
// active plans: `suggest` matches wait in GET /api/plan-suggestions for the command center, `auto` ones open an incident
// by themselves (once per plan and trigger), a dismissal keeps its reason. The fake clock is ticked by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { seedId } from '../../src/server/platform/seed/demo-town.ts';
import { alarmClockService, type AlarmClock } from '../../src/server/alarms/alarm-clock.ts';
import { runTriggerTick, planTickMs } from '../../src/server/plans/trigger-service.ts';
import { markMatchActivated } from '../../src/server/plans/trigger-store.ts';
import { DEFAULT_PROFILES } from '../../src/server/devices/default-profiles.ts';
import type { PlanBody } from '../../src/shared/plans.ts';

let t: TestApp;
let clock: AlarmClock;
const tokens: Record<string, string> = {};
let here: { lng: number; lat: number };
let gauge: { id: string; token: string };
let planId: string;

const call = (method: 'GET' | 'POST', url: string, who: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { ...bearer(tokens[who]!), ...headers }, ...(payload ? { payload } : {}) });
const read = (value: number) => t.app.inject({
  method: 'POST', url: `/api/devices/${gauge.id}/readings`, headers: bearer(gauge.token),
  payload: { ts: t.clock.now.toISOString(), key: 'waterLevel', value },
});
const tick = () => runTriggerTick(t.db, t.app, t.clock.now);
const matches = async (planOrRef: string) => (await t.db.query<{ id: string; trigger_kind: string; trigger_ref: string; level: string; mode: string; status: string; incident_id: string | null; error: string | null }>(
  `select id, trigger_kind, trigger_ref, level, mode, status, incident_id, error from plan_trigger_matches where plan_id = $1 or trigger_ref = $1 order by matched_at, id`, [planOrRef])).rows;

function floodPlan(): PlanBody {
  return {
    name: '清水河涨水应急预案', hazard: 'flood', matterCode: 'S0302', summary: '清水河水位超警戒时的处置', levels: ['IV', 'III'],
    triggers: [
      { kind: 'alarm', alarmType: 'waterLevelHigh', minLevel: 'orange', level: 'IV', activate: 'suggest' },
      { kind: 'alarm', alarmType: 'waterLevelCritical', minLevel: 'red', level: 'III', activate: 'auto' },
      { kind: 'case', categoryCode: 'S0302', level: 'IV', activate: 'suggest' },
      { kind: 'manual' },
    ],
    roles: [
      { key: 'commander', name: '现场指挥', postCode: 'PA-YJGL', backupAccountIds: [] },
      { key: 'renewal', name: '堡坎巡查', postCode: 'JJ-CSGX', backupAccountIds: [seedId('account', 'handler')] },
    ],
    steps: [
      { key: 'patrol', title: '沿河巡查', roleKey: 'commander', dueOffsetMin: 30, fromLevel: 'IV', checklist: ['查看水位尺', '拍照上报'] },
      { key: 'evacuate', title: '组织低洼处群众转移', roleKey: 'renewal', dueOffsetMin: 60, fromLevel: 'III', checklist: ['逐户敲门'] },
    ],
    resources: [],
    notice: {
      event: '河道涨水', urgency: 'Immediate', severity: null, certainty: 'Likely', headline: '清水河水位上涨，请远离河道',
      description: '清水河水位已超过警戒水位。', instruction: '沿河居民请向高处转移。', areaDesc: '春晖路街道清水河沿岸', expiresAfterH: 12,
    },
  };
}

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'leader', 'dispatcher', 'handler', 'community', 'gridworker']) tokens[u] = await t.login(u);
  here = await gridCentre(t.db, DEMO_GRID);
  clock = alarmClockService({ db: t.db, config: t.config, clock: () => t.clock.now }, { intake: t.app, log: () => undefined }).clock;
  const p = await call('POST', '/api/plans', 'leader', { body: floodPlan() });
  expect(p.statusCode, p.body).toBe(201);
  planId = p.json().id;
});
afterAll(async () => {
  await clock.stop();
  await t.close();
});

describe('the water-level gauge', () => {
  it('has a platform profile: ≥ 3.0 m for a minute orange, ≥ 3.5 m red, on the river-rising matter, offline after an hour', () => {
    const p = DEFAULT_PROFILES.find((x) => x.deviceType === 'waterLevelGauge')!;
    expect(p.rules.map((r) => [r.id, r.kind, r.alarmType, r.level, r.matterCode ?? null])).toEqual([
      ['level-high', 'threshold', 'waterLevelHigh', 'orange', 'S0302'],
      ['level-critical', 'threshold', 'waterLevelCritical', 'red', 'S0302'],
      ['offline', 'offline', 'offline', 'yellow', null],
    ]);
    expect(p.rules[2]).toMatchObject({ afterSec: 3600 });
  });

  it('is registered at a river place and gets the water-level profile', async () => {
    const place = await call('POST', '/api/registry/places', 'community', { kind: 'other', name: '清水河春晖桥水位站', location: here });
    expect(place.statusCode, place.body).toBe(201);
    const d = await call('POST', '/api/devices', 'community', { type: 'waterLevelGauge', binding: { kind: 'place', id: place.json().place.id }, name: '清水河春晖桥水位计', serialNo: 'WLG-0001' });
    expect(d.statusCode, d.body).toBe(201);
    expect(d.json().device).toMatchObject({ type: 'waterLevelGauge', profileId: 'platform-water-level' });
    gauge = { id: d.json().device.id, token: d.json().token };
  });

  it('raises waterLevelHigh (orange, safety) after a minute above the warning level; its care order is a S0302 order', async () => {
    expect((await read(2.4)).statusCode).toBeLessThan(300);
    t.clock.advance(10_000);
    expect((await read(3.2)).statusCode).toBeLessThan(300);
    t.clock.advance(61_000);
    expect((await read(3.3)).statusCode).toBeLessThan(300);
    await clock.tick();
    const a = (await t.db.query<{ alarm_type: string; level: string; category: string; case_id: string | null }>(
      `select alarm_type, level, category, case_id from alarms where device_id = $1`, [gauge.id])).rows;
    expect(a).toEqual([expect.objectContaining({ alarm_type: 'waterLevelHigh', level: 'orange', category: 'safety' })]);
    expect(a[0]!.case_id).toBeTruthy();
    const c = (await t.db.query<{ category_code: string; source: string }>(`select category_code, source from cases where id = $1`, [a[0]!.case_id])).rows[0];
    expect(c).toEqual({ category_code: 'S0302', source: 'sensor' });
  });
});

describe('matching', () => {
  let highAlarm: string;

  it('puts the flood plan before the command center at level IV for the orange alarm, and not for its care order', async () => {
    const r = await tick();
    expect(r.errors).toEqual([]);
    expect(r.matched).toBe(1);
    expect(r.activated).toEqual([]);
    highAlarm = (await t.db.query<{ id: string }>(`select id from alarms where device_id = $1 and alarm_type = 'waterLevelHigh'`, [gauge.id])).rows[0]!.id;
    expect(await matches(planId)).toEqual([expect.objectContaining({ trigger_kind: 'alarm', trigger_ref: highAlarm, level: 'IV', mode: 'suggest', status: 'open' })]);
    // nothing unchecked is left, and the next tick matches nothing again
    expect((await t.db.query(`select 1 from alarms where plans_checked_at is null`)).rows).toEqual([]);
    expect((await t.db.query(`select 1 from cases where plans_checked_at is null`)).rows).toEqual([]);
    expect((await tick()).matched).toBe(0);
  });

  it('lists the suggestion to the town\'s readers; commanders may start or dismiss it', async () => {
    const d = await call('GET', '/api/plan-suggestions?status=open', 'dispatcher');
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json().items).toEqual([expect.objectContaining({
      plan: { id: planId, name: '清水河涨水应急预案', version: 1, hazard: 'flood' },
      trigger: { kind: 'alarm', id: highAlarm, key: `alarm:${highAlarm}`, title: '清水河春晖桥水位计', alarmLevel: 'orange' },
      level: 'IV', mode: 'suggest', status: 'open', incident: null, policies: ['activate', 'dismiss'],
    })]);
    const h = await call('GET', `/api/plan-suggestions?triggerKind=alarm&triggerRef=${highAlarm}`, 'handler');
    expect(h.json().items).toEqual([expect.objectContaining({ status: 'open', policies: [] })]);
    expect((await call('GET', '/api/plan-suggestions', 'gridworker')).statusCode).toBe(403);
  });

  it('marks the match activated when the plan is started for that alarm', async () => {
    const a = await call('POST', `/api/plans/${planId}/activate`, 'dispatcher', { level: 'IV', reason: '水位超警戒', trigger: { kind: 'alarm', id: highAlarm } });
    expect(a.statusCode, a.body).toBe(201);
    const incidentId = a.json().id as string;
    expect(await matches(planId)).toEqual([expect.objectContaining({ trigger_ref: highAlarm, status: 'activated', incident_id: incidentId })]);
    const s = await call('GET', '/api/plan-suggestions?status=activated', 'leader');
    expect(s.json().items).toEqual([expect.objectContaining({ status: 'activated', incident: { id: incidentId, number: expect.stringMatching(/^YA/) }, decidedByName: '刘晓燕', policies: [] })]);
  });

  it('starts the plan by itself at level III on the red alarm, once, named as the system', async () => {
    expect((await read(3.6)).statusCode).toBeLessThan(300);
    t.clock.advance(61_000);
    expect((await read(3.7)).statusCode).toBeLessThan(300);
    await clock.tick();
    const critical = (await t.db.query<{ id: string }>(`select id from alarms where device_id = $1 and alarm_type = 'waterLevelCritical'`, [gauge.id])).rows[0]!.id;
    const r = await tick();
    expect(r.errors).toEqual([]);
    expect(r.activated).toHaveLength(1);
    const m = (await matches(critical))[0]!;
    expect(m).toMatchObject({ level: 'III', mode: 'auto', status: 'activated', incident_id: r.activated[0] });
    const i = (await t.db.query<{ level: string; trigger_kind: string; trigger_key: string; activated_by: string | null; activated_by_name: string | null }>(
      `select level, trigger_kind, trigger_key, activated_by, activated_by_name from incidents where id = $1`, [r.activated[0]])).rows[0];
    expect(i).toEqual({ level: 'III', trigger_kind: 'alarm', trigger_key: `alarm:${critical}`, activated_by: null, activated_by_name: '系统自动启动' });
    // the work orders of the plan's steps start no plan themselves
    expect((await tick()).matched).toBe(0);
    expect((await t.db.query(`select 1 from incidents where plan_id = $1`, [planId])).rows).toHaveLength(2);
  });

  it('an auto start that fails keeps the reason on the match and tries no more', async () => {
    // a plan whose only role's post has nobody and no back-ups: activation is refused 422 PLAN_ROLE_UNSTAFFED
    const body = floodPlan();
    body.name = '无人值守预案';
    body.roles = [{ key: 'commander', name: '现场指挥', postCode: null, backupAccountIds: [seedId('account', 'handler')] }];
    body.steps = [body.steps[0]!];
    body.levels = ['IV'];
    body.triggers = [{ kind: 'case', categoryCode: 'S0302', level: 'IV', activate: 'auto' }];
    const p = await call('POST', '/api/plans', 'leader', { body });
    expect(p.statusCode, p.body).toBe(201);
    // the back-up leaves the town's staff: nobody takes the role any more
    await t.db.query(`update plans set current_version = current_version where id = $1`, [p.json().id]);
    await t.db.query(`update plan_versions set body = jsonb_set(body, '{roles,0,backupAccountIds}', '[]'::jsonb) where plan_id = $1`, [p.json().id]);
    const c = await call('POST', '/api/cases', 'dispatcher', { categoryCode: 'S0302', description: '群众来电：清水河水位上涨漫过步道', location: here, source: 'hotline', reporter: { name: '李先生', phone: '13900001111' } });
    expect(c.statusCode, c.body).toBe(201);
    const r = await tick();
    expect(r.errors).toEqual([]);
    expect(r.failed).toBe(1);
    const ms = await matches(c.json().id ?? c.json().case?.id);
    expect(ms.map((x) => [x.status, x.mode])).toEqual(expect.arrayContaining([['failed', 'auto'], ['open', 'suggest']]));
    expect(ms.find((x) => x.status === 'failed')!.error).toMatch(/PLAN_ROLE_UNSTAFFED/);
    expect((await tick()).failed).toBe(0);
  });
});

describe('dismissing', () => {
  it('needs a reason, keeps it, and answers 409 the second time', async () => {
    const open = (await call('GET', '/api/plan-suggestions?status=open', 'dispatcher')).json().items as { id: string; trigger: { kind: string } }[];
    const s = open.find((x) => x.trigger.kind === 'case')!;
    expect(s).toBeTruthy();
    expect((await call('POST', `/api/plan-suggestions/${s.id}/dismiss`, 'dispatcher', { reason: ' ' })).statusCode).toBe(400);
    expect((await call('POST', `/api/plan-suggestions/${s.id}/dismiss`, 'handler', { reason: '已核实' })).statusCode).toBe(403);
    const d = await call('POST', `/api/plan-suggestions/${s.id}/dismiss`, 'dispatcher', { reason: '已核实：步道低洼处积水，未达启动条件' });
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json()).toMatchObject({ status: 'dismissed', dismissReason: '已核实：步道低洼处积水，未达启动条件', decidedByName: '刘晓燕', policies: [] });
    const again = await call('POST', `/api/plan-suggestions/${s.id}/dismiss`, 'dispatcher', { reason: '再次' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('INCIDENT_STATE_CONFLICT');
    const audit = (await t.db.query<{ action: string; actor_name: string }>(`select action, actor_name from audit_log where action = 'plan.suggestion.dismiss'`)).rows;
    expect(audit).toEqual([{ action: 'plan.suggestion.dismiss', actor_name: '刘晓燕' }]);
  });

  it('is 404 outside the caller\'s scope and for an unknown id', async () => {
    expect((await call('POST', '/api/plan-suggestions/nope/dismiss', 'dispatcher', { reason: '无' })).statusCode).toBe(404);
  });
});

describe('marking a match without a suggestion', () => {
  it('writes an activated row for a trigger the service never matched (so the alarm shows the plan it started)', async () => {
    const inc = (await t.db.query<{ id: string }>(`select id from incidents where plan_id = $1 order by activated_at limit 1`, [planId])).rows[0]!.id;
    await t.db.transaction((tx) => markMatchActivated(tx, planId, 'case:some-case', inc, t.clock.now, seedId('account', 'dispatcher')));
    expect((await matches('some-case'))).toEqual([expect.objectContaining({ trigger_kind: 'case', status: 'activated', incident_id: inc })]);
  });
});

describe('PLAN_TICK_MS', () => {
  it('defaults to 2 s and refuses nonsense', () => {
    expect(planTickMs({})).toBe(2000);
    expect(planTickMs({ PLAN_TICK_MS: '500' })).toBe(500);
    expect(() => planTickMs({ PLAN_TICK_MS: 'soon' })).toThrow(/PLAN_TICK_MS/);
  });
});
