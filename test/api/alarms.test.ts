import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, RURAL_GRID, gridCentre } from '../support/places.ts';
import { insertAlarms, type NewAlarm } from '../../src/server/alarms/raise-alarms.ts';
import { alarmClockService, type AlarmClock } from '../../src/server/alarms/alarm-clock.ts';
import { reportCase } from '../../src/server/cases/report-case.ts';

// The alarms' side of issue 13 on the test app's fake clock: each alarm opens one red care order (or a device check
// task), is escalated step by step until someone acknowledges it, and is cleared with a note; every step on the care
// order's timeline. The clock is ticked by hand.

let t: TestApp;
let clock: AlarmClock;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
let demoGrid: { id: string; path: string; townId: string; here: { lng: number; lat: number } };
let ruralGrid: typeof demoGrid;

const call = (method: 'GET' | 'POST', url: string, who: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(tokens[who]!), ...(payload ? { payload } : {}) });

async function gridOf(code: string) {
  const r = await t.db.query<{ id: string; path: string; town_id: string }>(
    `select g.id, g.path, t.id as town_id from org_units g join org_units t on t.level = 'town' and g.path like t.path || '%' where g.code = $1`, [code]);
  return { ...r.rows[0]!, townId: r.rows[0]!.town_id, here: await gridCentre(t.db, code) };
}

async function device(grid: typeof demoGrid, type: string, profileId: string, name: string): Promise<string> {
  const id = randomUUID();
  await t.db.query(
    `insert into devices (id, town_id, grid_id, org_path, device_type, profile_id, name, binding_kind, binding_id, lng, lat, address, token_hash, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, 'household', $8, $9, $10, '春晖路3栋201', 'x', $11, $11)`,
    [id, grid.townId, grid.id, grid.path, type, profileId, name, randomUUID(), grid.here.lng, grid.here.lat, t.clock.now]);
  return id;
}

const raise = (a: Partial<NewAlarm> & { deviceId: string }) => t.db.transaction((tx) => insertAlarms(tx, [{
  alarmType: 'inactivity', category: 'care', ruleId: 'no-door', level: 'red', matterCode: 'S0101', raisedAt: t.clock.now,
  details: { afterSec: 86400 }, ...a,
}]));

const alarmRow = async (id: string) => (await t.db.query<Record<string, unknown> & { case_id: string | null; escalation_step: number; next_escalation_at: Date | null }>(
  'select * from alarms where id = $1', [id])).rows[0]!;
const timeline = async (caseId: string) => (await t.db.query<{ action: string; actor_name: string | null; data: Record<string, unknown> }>(
  'select action, actor_name, data from case_events where case_id = $1 order by id', [caseId])).rows;
const notified = async (alarmId: string) => (await t.db.query<{ step: number; role: string; recipients: { accountId: string; name: string }[] }>(
  'select step, role, recipients from alarm_notifications where alarm_id = $1 order by step, id', [alarmId])).rows;
const min = (n: number) => n * 60_000;

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'leader', 'dispatcher', 'gridworker', 'community', 'handler', 'resident', 'department']) tokens[u] = await t.login(u);
  for (const r of (await t.db.query<{ id: string; username: string }>('select id, username from accounts')).rows) ids[r.username] = r.id;
  demoGrid = await gridOf(DEMO_GRID);
  ruralGrid = await gridOf(RURAL_GRID);
  clock = alarmClockService({ db: t.db, config: t.config, clock: () => t.clock.now }, { intake: t.app, log: () => undefined }).clock;
});
afterAll(async () => {
  await clock.stop();
  await t.close();
});

describe('a care alarm', () => {
  let alarmId: string;
  let caseId: string;

  it('opens one red care order through intake, with the first notification on its timeline', async () => {
    const door = await device(demoGrid, 'doorMagnet', 'platform-door-magnet', '3栋201门磁');
    alarmId = (await raise({ deviceId: door }))[0]!;
    const tick = await clock.tick();
    expect(tick).toMatchObject({ dispatched: 1, errors: [] });
    const a = await alarmRow(alarmId!);
    caseId = a.case_id!;
    expect(caseId).toBeTruthy();
    expect(a).toMatchObject({ escalation_step: 0, next_escalation_at: new Date(t.clock.now.getTime() + min(5)), dispatch_error: null });
    const c = (await t.db.query('select source, category_code, reporter_kind, idempotency_key, description, address from cases where id = $1', [caseId])).rows[0];
    expect(c).toMatchObject({ source: 'sensor', category_code: 'S0101', reporter_kind: 'device', idempotency_key: `alarm:${alarmId}`, address: '春晖路3栋201' });
    expect(c!.description).toMatch(/^【红色告警】门磁「3栋201门磁」：24 小时未开门，已超过24小时/);
    expect((await timeline(caseId)).map((e) => e.action)).toEqual(['report', 'alarm_raised', 'alarm_notified']);
    const step0 = await notified(alarmId!);
    expect(step0.map((n) => [n.step, n.role])).toEqual([[0, 'gridWorker'], [0, 'carePost']]);
    expect(step0[0]!.recipients.map((r) => r.accountId)).toContain(ids.gridworker);
    const notice = (await timeline(caseId)).find((e) => e.action === 'alarm_notified')!;
    expect(notice.data).toMatchObject({ alarmId, step: 0, roles: ['gridWorker', 'carePost'] });
  });

  it('the care order reads with the alarm on its timeline, for the grid worker it went to', async () => {
    const res = await call('GET', `/api/cases/${caseId}`, 'gridworker');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ source: 'sensor', categoryCode: 'S0101', reporter: { kind: 'device' } });
    expect(res.json().timeline.map((e: { action: string }) => e.action)).toEqual(['report', 'alarm_raised', 'alarm_notified']);
  });

  it('a second tick makes no second order', async () => {
    expect(await clock.tick()).toMatchObject({ dispatched: 0 });
    expect((await t.db.query('select count(*)::int as n from cases where idempotency_key = $1', [`alarm:${alarmId}`])).rows[0]).toEqual({ n: 1 });
  });

  it('is on the grid worker\'s list, notified to them, with the care order', async () => {
    const res = await call('GET', '/api/alarms?status=active&mine=1', 'gridworker');
    expect(res.statusCode).toBe(200);
    const item = res.json().items.find((x: { id: string }) => x.id === alarmId);
    expect(item).toMatchObject({
      status: 'active', category: 'care', level: 'red', ruleName: '24 小时未开门', notifiedToMe: true, policies: ['acknowledge', 'clear'],
      careOrder: { id: caseId, status: 'reported' }, device: { name: '3栋201门磁', type: 'doorMagnet' }, matterName: '独居老人长时间无活动',
    });
    expect((await call('GET', '/api/alarms?mine=true', 'leader')).json().items.map((x: { id: string }) => x.id)).not.toContain(alarmId);
    expect((await call('GET', '/api/alarms', 'leader')).json().items.map((x: { id: string }) => x.id)).toContain(alarmId);
  });

  it('escalates every step its profile says until someone acknowledges it', async () => {
    t.clock.advance(min(4));
    expect(await clock.tick()).toMatchObject({ escalated: 0 });
    t.clock.advance(min(1));
    expect(await clock.tick()).toMatchObject({ escalated: 1 });
    t.clock.advance(min(5));
    expect(await clock.tick()).toMatchObject({ escalated: 1 });
    t.clock.advance(min(5));
    expect(await clock.tick()).toMatchObject({ escalated: 1 });
    expect((await notified(alarmId)).map((n) => [n.step, n.role])).toEqual([
      [0, 'gridWorker'], [0, 'carePost'], [1, 'communityStaff'], [2, 'dutyOfficer'], [3, 'dutyOfficer'],
    ]);
    const community = (await notified(alarmId)).find((n) => n.role === 'communityStaff')!;
    expect(community.recipients.map((r) => r.accountId)).toContain(ids.community);
    const duty = (await notified(alarmId)).find((n) => n.role === 'dutyOfficer')!;
    expect(duty.recipients.length).toBeGreaterThan(0);
    expect((await timeline(caseId)).map((e) => e.action)).toEqual(['report', 'alarm_raised', 'alarm_notified', 'alarm_escalated', 'alarm_escalated', 'alarm_escalated']);
    expect((await call('GET', `/api/alarms/${alarmId}`, 'community')).json()).toMatchObject({ notifiedToMe: true, escalationStep: 3 });
  });

  it('acknowledging stops the escalation; a stale version or a second acknowledgement is refused', async () => {
    const read = (await call('GET', `/api/alarms/${alarmId}`, 'gridworker')).json();
    expect(read.notifications.map((n: { step: number }) => n.step)).toEqual([0, 0, 1, 2, 3]);
    expect((await call('POST', `/api/alarms/${alarmId}/acknowledge`, 'gridworker', { version: read.version + 1 })).json().error.code).toBe('CONFLICT');
    const ack = await call('POST', `/api/alarms/${alarmId}/acknowledge`, 'gridworker', { version: read.version });
    expect(ack.statusCode).toBe(200);
    expect(ack.json()).toMatchObject({ status: 'acknowledged', acknowledgedByName: '李明辉', nextEscalationAt: null, policies: ['clear'] });
    const again = await call('POST', `/api/alarms/${alarmId}/acknowledge`, 'dispatcher', { version: ack.json().version });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'ALARM_STATE_CONFLICT']);
    t.clock.advance(min(30));
    expect(await clock.tick()).toMatchObject({ escalated: 0 });
    const last = (await timeline(caseId)).at(-1)!;
    expect(last).toMatchObject({ action: 'alarm_acknowledged', actor_name: '李明辉' });
    const audit = (await t.db.query(`select actor_name from audit_log where action = 'alarm.acknowledge' and target_id = $1`, [alarmId])).rows;
    expect(audit).toEqual([{ actor_name: 'gridworker' }]);
  });

  it('clearing a care alarm needs a note; then it is over and the device may raise it again', async () => {
    const v = (await call('GET', `/api/alarms/${alarmId}`, 'gridworker')).json().version;
    const bare = await call('POST', `/api/alarms/${alarmId}/clear`, 'gridworker', { version: v });
    expect([bare.statusCode, bare.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await alarmRow(alarmId)).status).toBe('acknowledged'); // nothing half-written
    const ok = await call('POST', `/api/alarms/${alarmId}/clear`, 'gridworker', { version: v, note: '老人在家，门磁电池松动已更换' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'cleared', clearNote: '老人在家，门磁电池松动已更换', policies: [] });
    expect((await timeline(caseId)).at(-1)).toMatchObject({ action: 'alarm_cleared', data: { note: '老人在家，门磁电池松动已更换' } });
    const twice = await call('POST', `/api/alarms/${alarmId}/clear`, 'gridworker', { version: ok.json().version, note: 'x' });
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'ALARM_STATE_CONFLICT']);
    expect((await call('GET', '/api/alarms?status=cleared', 'gridworker')).json().items.map((x: { id: string }) => x.id)).toContain(alarmId);
  });
});

describe('exactly once', () => {
  it('a node that made the care order and died before recording it leaves one order, linked', async () => {
    const band = await device(demoGrid, 'wristband', 'platform-wristband', '王阿姨手环');
    const [alarmId] = await raise({ deviceId: band, alarmType: 'sos', ruleId: 'sos', matterCode: 'S0102', details: {} });
    // the first node's reportCase went through (same key), then it crashed: the alarm is still in the outbox
    const first = await reportCase(t.db, t.app, {
      categoryCode: 'S0102', description: '先前节点', location: demoGrid.here, source: 'sensor',
      reporter: { kind: 'device', accountId: null, name: null, phone: null }, actorName: null, actorId: null, idempotencyKey: `alarm:${alarmId}`,
    }, t.clock.now);
    const tick = await clock.tick();
    expect(tick.caseIds).toEqual([first.caseId]);
    expect((await alarmRow(alarmId!)).case_id).toBe(first.caseId);
    expect((await t.db.query('select count(*)::int as n from cases where idempotency_key = $1', [`alarm:${alarmId}`])).rows[0]).toEqual({ n: 1 });
  });

  it('two clocks ticking at once dispatch each alarm once', async () => {
    const other = alarmClockService({ db: t.db, config: t.config, clock: () => t.clock.now }, { intake: t.app, log: () => undefined }).clock;
    const smoke = await device(demoGrid, 'smokeDetector', 'platform-smoke-detector', '小吃店烟感');
    const [alarmId] = await raise({ deviceId: smoke, alarmType: 'smoke', category: 'safety', ruleId: 'smoke', matterCode: 'S0201', details: { count: 1 } });
    const [a, b] = await Promise.all([clock.tick(), other.tick()]);
    expect(a.dispatched + b.dispatched).toBe(1);
    expect((await notified(alarmId!)).filter((n) => n.step === 0)).toHaveLength(2);
    const events = await timeline((await alarmRow(alarmId!)).case_id!);
    expect(events.filter((e) => e.action === 'alarm_raised')).toHaveLength(1);
  });
});

describe('a maintenance alarm', () => {
  it('is a device check task for the grid\'s worker, not a care order', async () => {
    const gas = await device(demoGrid, 'gasSensor', 'platform-gas-sensor', '厨房燃气');
    const [alarmId] = await raise({ deviceId: gas, alarmType: 'offline', category: 'maintenance', ruleId: 'offline', level: 'yellow', matterCode: null, details: { afterSec: 3600 } });
    const tick = await clock.tick();
    expect(tick.taskIds).toHaveLength(1);
    const a = await alarmRow(alarmId!);
    expect(a).toMatchObject({ case_id: null, task_id: tick.taskIds[0], next_escalation_at: null });
    const task = (await t.db.query('select kind, subject_kind, subject_id, assignee_id, title from tasks where id = $1', [tick.taskIds[0]])).rows[0];
    expect(task).toMatchObject({ kind: 'deviceCheck', subject_kind: 'device', subject_id: gas, assignee_id: ids.gridworker, title: '设备检查：燃气报警器「厨房燃气」（设备离线）' });
    const clear = await call('POST', `/api/alarms/${alarmId}/clear`, 'gridworker', { version: (await alarmRow(alarmId!)).version });
    expect(clear.json()).toMatchObject({ status: 'cleared', clearNote: null });
    const list = await call('GET', '/api/tasks?assignee=me', 'gridworker');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toContainEqual(expect.objectContaining({ id: tick.taskIds[0], kind: 'deviceCheck' }));
  });
});

describe('an alarm over before the clock came by', () => {
  it('a device heard again before its offline alarm was dispatched gets no task', async () => {
    const water = await device(demoGrid, 'waterLeakSensor', 'platform-water-leak', '卫生间水浸');
    const [alarmId] = await raise({ deviceId: water, alarmType: 'offline', category: 'maintenance', ruleId: 'offline', level: 'yellow', matterCode: null, details: {} });
    await t.db.query(`update alarms set status = 'cleared', cleared_at = $2 where id = $1`, [alarmId, t.clock.now]);
    expect(await clock.tick()).toMatchObject({ dispatched: 1, taskIds: [], caseIds: [] });
    expect(await alarmRow(alarmId!)).toMatchObject({ task_id: null, case_id: null, next_escalation_at: null });
  });
});

describe('who sees which alarm', () => {
  let rural: string;
  beforeAll(async () => {
    const door = await device(ruralGrid, 'doorMagnet', 'platform-door-magnet', '村口门磁');
    rural = (await raise({ deviceId: door }))[0]!;
    await clock.tick();
  });

  it('an alarm outside the grid worker\'s territory is not listed and answers 404', async () => {
    expect((await call('GET', '/api/alarms', 'gridworker')).json().items.map((x: { id: string }) => x.id)).not.toContain(rural);
    expect((await call('GET', `/api/alarms/${rural}`, 'gridworker')).statusCode).toBe(404);
    const v = (await alarmRow(rural)).version;
    expect((await call('POST', `/api/alarms/${rural}/acknowledge`, 'gridworker', { version: v })).statusCode).toBe(404);
    expect((await alarmRow(rural)).status).toBe('active');
    expect((await call('GET', `/api/alarms/${rural}`, 'admin')).statusCode).toBe(200);
  });

  it('residents and departments are refused; an orgUnitId filter never widens', async () => {
    expect((await call('GET', '/api/alarms', 'resident')).statusCode).toBe(403);
    expect((await call('GET', '/api/alarms', 'department')).statusCode).toBe(403);
    const res = await call('GET', `/api/alarms?orgUnitId=${ruralGrid.id}`, 'gridworker');
    expect(res.json().items).toEqual([]);
  });

  it('pages newest first by cursor', async () => {
    const one = (await call('GET', '/api/alarms?limit=1', 'leader')).json();
    expect(one.items).toHaveLength(1);
    const two = (await call('GET', `/api/alarms?limit=1&cursor=${one.nextCursor}`, 'leader')).json();
    expect(two.items[0].id).not.toBe(one.items[0].id);
    expect(two.items[0].raisedAt <= one.items[0].raisedAt).toBe(true);
    expect((await call('GET', '/api/alarms?cursor=nonsense', 'leader')).statusCode).toBe(400);
  });
});
