import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { seedDemoRegistry } from '../../src/server/registry/demo/demo-step.ts';
import { seedDemoDevices, type DemoDevicesReport } from '../../src/server/devices/demo/seed-devices.ts';
import { DEMO_DEVICES } from '../../src/server/devices/demo/readings-plan.ts';
import { fireDueDeadlines } from '../../src/server/devices/fire-deadlines.ts';
import { demoDevicesLiveJob } from '../../src/server/devices/demo/demo-live-job.ts';

/**
 * The devices' demo: one device of each kind in the demo grid worker's grid, three weeks of readings through the ingest,
 * an old woman's door not opened for a day and a low heart rate one night, both answered and their care orders closed
 * through the case loop, and a water-leak sensor gone silent with its maintenance task. README's commands use its ids
 * and tokens.
 */
const NOW = new Date('2026-11-23T09:00:00+08:00');
const SEED = 20_261_123;

describe('the demo devices', () => {
  let t: TestApp;
  let report: DemoDevicesReport;
  let seconds = 0;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoRegistry(t.db, { now: NOW, seed: SEED, pii: t.app.pii });
    const started = performance.now();
    report = (await seedDemoDevices(t.db, { now: NOW, seed: SEED, pii: t.app.pii }))!;
    seconds = (performance.now() - started) / 1000;
    t.clock.set(NOW);
  }, 600_000);
  afterAll(async () => t?.close());

  it('installs a device of each kind and replays three weeks of readings through the commands, none refused, well under 30 s', async () => {
    console.log(`demo devices in ${seconds.toFixed(1)} s`, report);
    expect(report.failures).toEqual([]);
    expect(report.devices).toBe(5);
    expect(report.readings).toBeGreaterThan(3000);
    expect(seconds).toBeLessThan(30);
    const rows = (await t.db.query<{ id: string; device_type: string; grid: string; binding_kind: string }>(
      `select d.id, d.device_type, g.username as grid, d.binding_kind from devices d
         join accounts g on g.username = 'gridworker' and d.grid_id = any(array(select grid_id from grid_team_members where account_id = g.id))
        order by d.id`)).rows;
    expect(rows.map((r) => [r.id, r.device_type, r.binding_kind])).toEqual([
      ['demo-band-1', 'wristband', 'resident'], ['demo-door-1', 'doorMagnet', 'household'], ['demo-gas-1', 'gasSensor', 'household'],
      ['demo-smoke-1', 'smokeDetector', 'place'], ['demo-water-1', 'waterLeakSensor', 'household'],
    ]);
    // the door magnet is at the home of an old person living alone
    const tags = (await t.db.query<{ tags: string[] }>(
      `select r.tags from devices d join registry_residents r on r.household_id = d.binding_id where d.id = 'demo-door-1' and r.left_at is null`)).rows;
    expect(tags.some((r) => r.tags.includes('elderly_alone'))).toBe(true);
  });

  it('closes the care orders of the past alarms through the case loop, with the escalation and the answer on their timelines', async () => {
    const orders = (await t.db.query<{ alarm_type: string; status: string; number: string; actions: string[] }>(
      `select a.alarm_type, c.status, c.number, array(select e.action from case_events e where e.case_id = c.id order by e.id) as actions
         from alarms a join cases c on c.id = a.case_id order by a.raised_at`)).rows;
    expect(orders.map((o) => [o.alarm_type, o.status])).toEqual([['inactivity', 'closed'], ['heartRateLow', 'closed']]);
    for (const o of orders) {
      for (const step of ['alarm_raised', 'alarm_notified', 'alarm_escalated', 'alarm_acknowledged', 'start', 'report_done', 'alarm_cleared', 'verify']) {
        expect(o.actions, `${o.number}: ${step}`).toContain(step);
      }
    }
    const alarms = (await t.db.query<{ alarm_type: string; status: string; raised_at: Date }>(
      `select alarm_type, status, raised_at from alarms where category <> 'maintenance' order by raised_at`)).rows;
    expect(alarms.map((a) => a.status)).toEqual(['cleared', 'cleared']);
    // the door's last event at 08:40 nine days before (14 November), the alarm 24 h later (the rule's own number)
    expect(alarms[0]!.raised_at.toISOString()).toBe('2026-11-15T00:40:00.000Z');
  });

  it('leaves the water-leak sensor offline with a maintenance task for the grid worker, and nothing else due', async () => {
    const offline = (await t.db.query<{ device_id: string; status: string; task_id: string | null }>(
      `select device_id, status, task_id from alarms where category = 'maintenance'`)).rows;
    expect(offline).toEqual([{ device_id: 'demo-water-1', status: 'active', task_id: expect.any(String) }]);
    const task = (await t.db.query<{ kind: string; status: string; username: string }>(
      `select t.kind, t.status, a.username from tasks t join accounts a on a.id = t.assignee_id where t.id = $1`, [offline[0]!.task_id])).rows[0]!;
    expect(task).toMatchObject({ kind: 'deviceCheck', status: 'open' });
    // on the grid worker's list of today, as a task of its own kind
    const token = await t.login('gridworker');
    const list = await t.app.inject({ method: 'GET', url: '/api/tasks?assignee=me&date=today', headers: bearer(token) });
    expect(list.statusCode, list.body).toBe(200);
    expect((list.json().items as { id: string; kind: string }[]).find((x) => x.id === offline[0]!.task_id)?.kind).toBe('deviceCheck');
    // the other devices were heard up to now: no rule of theirs is overdue
    expect((await fireDueDeadlines(t.db, NOW)).alarmIds).toEqual([]);
  });

  it('answers the demo tokens published in README: a smoke reading over HTTP raises a smoke alarm', async () => {
    const smoke = DEMO_DEVICES.find((d) => d.key === 'smoke')!;
    const wrong = await t.app.inject({ method: 'POST', url: `/api/devices/${smoke.id}/readings`, headers: bearer('not-the-token'), payload: { key: 'smoke', value: 1, ts: NOW.toISOString() } });
    expect(wrong.statusCode).toBe(401);
    const res = await t.app.inject({ method: 'POST', url: `/api/devices/${smoke.id}/readings`, headers: bearer(smoke.token), payload: { key: 'smoke', value: 1, ts: NOW.toISOString() } });
    expect(res.statusCode, res.body).toBe(200);
    const raised = (await t.db.query<{ alarm_type: string }>(`select alarm_type from alarms where device_id = $1 and status = 'active'`, [smoke.id])).rows;
    expect(raised).toEqual([{ alarm_type: 'smoke' }]);
  });

  it('shows the grid worker the past alarms on the phone\'s list, masked', async () => {
    const token = await t.login('gridworker');
    const res = await t.app.inject({ method: 'GET', url: '/api/alarms?status=cleared&mine=1', headers: bearer(token) });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { alarmType: string; binding: { name: string | null }; careOrder: { status: string } | null }[];
    expect(items.map((a) => a.alarmType).sort()).toEqual(['heartRateLow', 'inactivity']);
    for (const a of items) {
      expect(a.careOrder?.status).toBe('closed');
      expect(a.binding.name).toMatch(/\*/);
    }
  });

  it('keeps the devices heard while the demo runs (DEMO_LIVE): a tick stores its readings once, however often it runs', async () => {
    const at = new Date(NOW.getTime() + 40 * 60_000);
    const job = demoDevicesLiveJob(t.db, SEED, () => at);
    await job.handler({});
    await job.handler({});
    const seen = (await t.db.query<{ id: string; last_seen_at: Date | null }>(`select id, last_seen_at from devices order by id`)).rows;
    expect(seen.filter((d) => d.last_seen_at?.getTime() === at.getTime()).map((d) => d.id)).toEqual(['demo-band-1', 'demo-door-1', 'demo-gas-1', 'demo-smoke-1']);
    const stored = (await t.db.query<{ n: number }>(`select count(*)::int as n from device_readings where at = $1`, [at])).rows[0]!.n;
    expect(stored).toBeGreaterThanOrEqual(4);
    expect(stored).toBeLessThanOrEqual(5);
    // the door's offline rule (an hour) does not fire while the ticks come
    expect((await fireDueDeadlines(t.db, new Date(at.getTime() + 30 * 60_000))).alarmIds).toEqual([]);
  });

  it('adds nothing the second time', async () => {
    expect(await seedDemoDevices(t.db, { now: NOW, seed: SEED, pii: t.app.pii })).toBeNull();
  });
});
