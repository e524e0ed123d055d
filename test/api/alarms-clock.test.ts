import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { insertAlarms } from '../../src/server/alarms/raise-alarms.ts';
import { alarmClockService, alarmTickMs, type AlarmClock } from '../../src/server/alarms/alarm-clock.ts';
import type { IntakeServices } from '../../src/server/cases/report-case.ts';

// The alarm clock as a running service: a reading that raises an alarm kicks it at once (the care order follows within
// a second although its tick is a minute), a failing part is logged and retried, never thrown out of the loop.

let t: TestApp;
let grid: { id: string; path: string; townId: string; here: { lng: number; lat: number } };
const logs: string[] = [];

async function wristband(): Promise<string> {
  const id = randomUUID();
  await t.db.query(
    `insert into devices (id, town_id, grid_id, org_path, device_type, profile_id, name, binding_kind, binding_id, lng, lat, address, token_hash, created_at, updated_at)
     values ($1, $2, $3, $4, 'wristband', 'platform-wristband', '手环', 'resident', $5, $6, $7, '春晖路1号', 'x', $8, $8)`,
    [id, grid.townId, grid.id, grid.path, randomUUID(), grid.here.lng, grid.here.lat, t.clock.now]);
  return id;
}
const caseOf = async (alarmId: string) =>
  (await t.db.query<{ case_id: string | null }>('select case_id from alarms where id = $1', [alarmId])).rows[0]!.case_id;

beforeAll(async () => {
  t = await createTestApp();
  const r = await t.db.query<{ id: string; path: string; town_id: string }>(
    `select g.id, g.path, t.id as town_id from org_units g join org_units t on t.level = 'town' and g.path like t.path || '%' where g.code = $1`, [DEMO_GRID]);
  grid = { id: r.rows[0]!.id, path: r.rows[0]!.path, townId: r.rows[0]!.town_id, here: await gridCentre(t.db, DEMO_GRID) };
});
afterAll(async () => { await t.close(); });

describe('ALARM_TICK_MS', () => {
  it('defaults to a second and refuses nonsense', () => {
    expect(alarmTickMs({})).toBe(1000);
    expect(alarmTickMs({ ALARM_TICK_MS: '250' })).toBe(250);
    expect(() => alarmTickMs({ ALARM_TICK_MS: '10' })).toThrow(/ALARM_TICK_MS/);
    expect(() => alarmTickMs({ ALARM_TICK_MS: 'soon' })).toThrow(/ALARM_TICK_MS/);
  });
});

describe('the running clock', () => {
  it('opens the care order of an SOS within a second of the reading, kicked by the ingest (its tick is a minute)', async () => {
    const service = alarmClockService({ db: t.db, config: { ...t.config, env: { ...t.config.env, ALARM_TICK_MS: '60000' } }, clock: () => t.clock.now },
      { intake: t.app, log: (l) => logs.push(l) });
    await service.start();
    await service.clock.tick(); // the start-up tick is over: from now on only a kick ticks within the minute
    const latencies: number[] = [];
    try {
      for (let i = 0; i < 10; i++) {
        const band = await wristband();
        t.clock.advance(1000);
        const started = performance.now();
        const outcome = await t.app.ingest.submit(band, [{ ts: t.clock.now.toISOString(), key: 'sos', value: 1 }]);
        expect(outcome.alarmIds).toHaveLength(1);
        let caseId: string | null = null;
        while (!caseId && performance.now() - started < 3000) {
          caseId = await caseOf(outcome.alarmIds[0]!);
          if (!caseId) await new Promise((r) => setTimeout(r, 5));
        }
        latencies.push(performance.now() - started);
        expect(caseId).toBeTruthy();
      }
    } finally {
      await service.stop();
    }
    latencies.sort((a, b) => a - b);
    const p95 = latencies[Math.ceil(latencies.length * 0.95) - 1]!;
    console.log(`alarm → care order: median ${latencies[latencies.length >> 1]!.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms over ${latencies.length} SOS readings`);
    expect(p95).toBeLessThan(1000);
    expect(logs).toEqual([]);
  });

  it('a part that fails is logged, not thrown; the alarm is tried again when its lease runs out', async () => {
    const band = await wristband();
    const [alarmId] = await t.db.transaction((tx) => insertAlarms(tx, [{
      deviceId: band, alarmType: 'sos', category: 'care', ruleId: 'sos', level: 'red', matterCode: 'S0102', raisedAt: t.clock.now, details: {},
    }]));
    const broken: IntakeServices = { ...t.app, locator: { current: () => Promise.reject(new Error('map unavailable')) } as unknown as IntakeServices['locator'] };
    const bad: AlarmClock = alarmClockService({ db: t.db, config: t.config, clock: () => t.clock.now }, { intake: broken, log: (l) => logs.push(l) }).clock;
    const good: AlarmClock = alarmClockService({ db: t.db, config: t.config, clock: () => t.clock.now }, { intake: t.app, log: (l) => logs.push(l) }).clock;
    await expect(bad.tick()).resolves.toMatchObject({ dispatched: 0 });
    expect(logs.some((l) => l.includes(alarmId!) && l.includes('map unavailable'))).toBe(true);
    expect(await good.tick()).toMatchObject({ dispatched: 0 }); // still leased by the node that failed
    t.clock.advance(31_000);
    expect(await good.tick()).toMatchObject({ dispatched: 1 });
    expect(await caseOf(alarmId!)).toBeTruthy();
  });

  it('a point outside every grid still tells people, with no care order', async () => {
    const band = await wristband();
    await t.db.query('update devices set lng = 100, lat = 20 where id = $1', [band]);
    const [alarmId] = await t.db.transaction((tx) => insertAlarms(tx, [{
      deviceId: band, alarmType: 'sos', category: 'care', ruleId: 'sos', level: 'red', matterCode: 'S0102', raisedAt: t.clock.now, details: {},
    }]));
    const clock = alarmClockService({ db: t.db, config: t.config, clock: () => t.clock.now }, { intake: t.app, log: (l) => logs.push(l) }).clock;
    expect(await clock.tick()).toMatchObject({ dispatched: 1, caseIds: [] });
    const a = (await t.db.query('select case_id, dispatch_error, dispatched_at from alarms where id = $1', [alarmId])).rows[0];
    expect(a).toMatchObject({ case_id: null, dispatch_error: 'LOCATION_OUTSIDE_GRIDS' });
    expect((await t.db.query('select count(*)::int as n from alarm_notifications where alarm_id = $1 and step = 0', [alarmId])).rows[0]).toEqual({ n: 2 });
  });
});
