import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../support/test-app.ts';
import { migrate } from '../../src/server/platform/db/migrate.ts';
import { seedDemo } from '../../src/server/platform/seed/seed-demo.ts';
import type { Db } from '../../src/server/platform/db/db.ts';
import { ReadingIngest } from '../../src/server/devices/ingest.ts';
import { fireDueDeadlines, nextDeadlineAt } from '../../src/server/devices/fire-deadlines.ts';
import { armDevice } from '../../src/server/devices/rule-state-store.ts';
import { ensureDefaultProfiles } from '../../src/server/devices/setup.ts';
import { DEFAULT_PROFILES } from '../../src/server/devices/default-profiles.ts';
import { upkeepPartitions } from '../../src/server/platform/db/partition-upkeep-job.ts';
import { monthPartitionName } from '../../src/server/platform/db/partitions.ts';
import { AppError } from '../../src/server/platform/errors.ts';

// The ingest and the deadlines against the real schema (PGlite, or PostgreSQL with TEST_DATABASE_URL), on a fake clock.
const T0 = new Date('2026-11-23T09:00:00+08:00');
let db: Db;
let close: () => Promise<void>;
let now = T0;
const clock = () => now;
let n = 0;

/** a device of the platform profile, bound to nothing real (the store does not care), armed at `createdAt` */
async function addDevice(profileId: string, createdAt: Date): Promise<string> {
  const id = `dev-${++n}`;
  const grid = await db.query<{ id: string; path: string; town: string }>(
    `select g.id, g.path, t.id as town from org_units g join org_units t on g.path like t.path || '%' and t.level = 'town'
      where g.level = 'grid' order by g.code limit 1`,
  );
  const g = grid.rows[0]!;
  const p = DEFAULT_PROFILES.find((x) => x.id === profileId)!;
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into devices (id, town_id, grid_id, org_path, device_type, profile_id, name, binding_kind, binding_id, token_hash, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, 'household', 'h-1', 'x', $8, $8)`,
      [id, g.town, g.id, g.path, p.deviceType, p.id, `测试 ${id}`, createdAt],
    );
    await armDevice(tx, id, p.rules, createdAt);
  });
  return id;
}

const alarmsOf = async (deviceId: string) =>
  (await db.query<{ alarm_type: string; raised_at: Date; category: string; status: string }>(`select alarm_type, raised_at, category, status from alarms where device_id = $1 order by raised_at`, [deviceId])).rows;

beforeAll(async () => {
  ({ db, close } = await openTestDb());
  await migrate(db);
  await seedDemo(db);
  await ensureDefaultProfiles(db, T0);
});
afterAll(async () => close());

describe('ReadingIngest', () => {
  it('stores a batch once, counts retries as duplicates, and updates last seen and battery', async () => {
    const ingest = new ReadingIngest(db, { clock });
    const id = await addDevice('platform-door-magnet', T0);
    const ts = T0.getTime() + 60_000;
    now = new Date(ts + 1000);
    const first = await ingest.submit(id, [{ ts, key: 'door', value: 'open' }, { ts, key: 'door', value: 'closed' }, { messageId: 'k-1', battery: 80 }]);
    expect(first).toEqual({ stored: 3, duplicates: 0, alarmIds: [] });
    now = new Date(ts + 5000);
    const retry = await ingest.submit(id, [{ ts, key: 'door', value: 'open' }, { messageId: 'k-1', battery: 80 }, { ts: ts + 1, key: 'door', value: 'open' }]);
    expect(retry).toEqual({ stored: 1, duplicates: 2, alarmIds: [] });
    const d = (await db.query<{ last_seen_at: Date; last_event_at: Date; battery: number }>(`select last_seen_at, last_event_at, battery from devices where id = $1`, [id])).rows[0]!;
    expect(new Date(d.last_event_at).getTime()).toBe(ts + 1);
    // the message-id-only keep-alive took its arrival time
    expect(new Date(d.last_seen_at).getTime()).toBe(ts + 1000);
    expect(d.battery).toBe(80);
    await ingest.close();
  });

  it('refuses a batch with one bad payload whole, naming it', async () => {
    const ingest = new ReadingIngest(db, { clock });
    const id = await addDevice('platform-door-magnet', T0);
    const err = await ingest.submit(id, [{ ts: now.getTime(), key: 'door' }, { key: 'door' }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('READING_INVALID');
    expect((err as AppError).details).toEqual({ readings: [{ index: 1, refusal: 'noTimeOrMessageId' }] });
    expect((await db.query(`select 1 from device_readings where device_id = $1`, [id])).rows).toHaveLength(0);
    await ingest.close();
  });

  it('gathers concurrent submissions into few transactions and answers each its own counts', async () => {
    const ingest = new ReadingIngest(db, { clock, maxBatch: 1000 });
    const ids = await Promise.all(Array.from({ length: 20 }, () => addDevice('platform-wristband', T0)));
    const base = now.getTime();
    const results = await Promise.all(ids.flatMap((id, i) => [0, 1, 2, 3, 4].map((k) =>
      ingest.submit(id, [{ ts: base + k * 1000, key: 'heartRate', value: 70 + i }, { ts: base + k * 1000, kind: 'keepalive' }]))));
    expect(results.every((r) => r.stored === 2 && r.duplicates === 0)).toBe(true);
    const count = (await db.query<{ n: number }>(`select count(*)::int as n from device_readings where device_id = any($1::text[])`, [ids])).rows[0]!.n;
    expect(count).toBe(200);
    await ingest.close();
  });

  it('puts submissions arriving together into one transaction', async () => {
    let transactions = 0;
    const counting: Db = { ...db, transaction: (fn) => { transactions++; return db.transaction(fn); } };
    const ingest = new ReadingIngest(counting, { clock });
    const ids = await Promise.all(Array.from({ length: 10 }, () => addDevice('platform-smoke-detector', T0)));
    const t = now.getTime();
    const results = await Promise.all(ids.map((id, i) => ingest.submit(id, [{ ts: t + i, kind: 'keepalive' }])));
    expect(results.map((r) => r.stored)).toEqual(Array(10).fill(1));
    expect(transactions).toBe(1);
    await ingest.close();
  });

  it('raises the alarm with the reading that meets the rule, once, and tells onAlarms after commit', async () => {
    const kicked: string[][] = [];
    const ingest = new ReadingIngest(db, { clock, onAlarms: (ids) => kicked.push(ids) });
    const id = await addDevice('platform-wristband', T0);
    const t = now.getTime();
    const a = await ingest.submit(id, [{ ts: t, key: 'heartRate', value: 40 }, { ts: t + 60_000, key: 'heartRate', value: 41 }]);
    expect(a.alarmIds).toEqual([]);
    now = new Date(t + 121_000);
    const b = await ingest.submit(id, [{ ts: t + 120_000, key: 'heartRate', value: 42 }, { ts: t + 120_000, key: 'sos' }]);
    expect(b.alarmIds).toHaveLength(2);
    expect(kicked).toEqual([b.alarmIds]);
    const alarms = await alarmsOf(id);
    expect(alarms.map((x) => [x.alarm_type, new Date(x.raised_at).getTime(), x.category]).sort()).toEqual([
      ['heartRateLow', t + 120_000, 'care'], ['sos', t + 120_000, 'care'],
    ]);
    // still low: no second alarm
    const c = await ingest.submit(id, [{ ts: t + 130_000, key: 'heartRate', value: 40 }]);
    expect(c.alarmIds).toEqual([]);
    await ingest.close();
  });
});

describe('fireDueDeadlines', () => {
  it('fires an inactivity at its own instant, once, however often and late it is called', async () => {
    const created = new Date(now.getTime() + 1000);
    const id = await addDevice('platform-door-magnet', created);
    const due = created.getTime() + 24 * 3600_000;
    const later = new Date(due + 3 * 60_000);
    // offline fires first (1 h), then the door at 24 h; double and concurrent calls
    const results = await Promise.all([fireDueDeadlines(db, later), fireDueDeadlines(db, later)]);
    const again = await fireDueDeadlines(db, later);
    expect(again.alarmIds).toEqual([]);
    const all = results.flatMap((r) => r.alarmIds);
    const alarms = await alarmsOf(id);
    expect(alarms.map((a) => [a.alarm_type, new Date(a.raised_at).getTime()])).toEqual([
      ['offline', created.getTime() + 3600_000],
      ['inactivity', due],
    ]);
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect((await db.query<{ offline_since: Date }>(`select offline_since from devices where id = $1`, [id])).rows[0]!.offline_since).not.toBeNull();
    // hearing it again clears the offline alarm (maintenance) and not the inactivity (a person must check)
    now = new Date(due + 5 * 60_000);
    const ingest = new ReadingIngest(db, { clock });
    await ingest.submit(id, [{ ts: now.getTime(), kind: 'keepalive' }]);
    await ingest.close();
    expect((await alarmsOf(id)).map((a) => [a.alarm_type, a.status])).toEqual([['offline', 'cleared'], ['inactivity', 'active']]);
    expect((await db.query<{ offline_since: Date | null }>(`select offline_since from devices where id = $1`, [id])).rows[0]!.offline_since).toBeNull();
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('skips a device the ingest holds, and fires it once the ingest committed', async () => {
    const created = new Date(now.getTime() + 1000);
    const id = await addDevice('platform-smoke-detector', created);
    const due = new Date(created.getTime() + 24 * 3600_000 + 1000);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    // another transaction (the ingest on another node) holds the device
    const holder = db.transaction(async (tx) => {
      await tx.query(`select 1 from devices where id = $1 for update`, [id]);
      locked();
      await held;
    });
    await isLocked;
    await fireDueDeadlines(db, due);
    expect(await alarmsOf(id)).toEqual([]);
    release();
    await holder;
    await fireDueDeadlines(db, due);
    await fireDueDeadlines(db, due);
    expect((await alarmsOf(id)).map((a) => [a.alarm_type, new Date(a.raised_at).getTime()])).toEqual([['offline', created.getTime() + 24 * 3600_000]]);
  });

  it('answers the next deadline', async () => {
    const next = await nextDeadlineAt(db);
    expect(next).toBeInstanceOf(Date);
  });
});

describe('partitions', () => {
  const readings = async (now: Date) => (await upkeepPartitions(db, now, { device_readings: 2 })).find((t) => t.table === 'device_readings')!;
  it('makes the months from retention back to three ahead, moves the default partition\'s readings, drops old months', async () => {
    const before = (await db.query<{ n: number }>(`select count(*)::int as n from device_readings`)).rows[0]!.n;
    expect(before).toBeGreaterThan(200);
    const r = await readings(T0);
    expect(r.created).toEqual(['device_readings_y2026m09', 'device_readings_y2026m10', 'device_readings_y2026m11', 'device_readings_y2026m12',
      'device_readings_y2027m01', 'device_readings_y2027m02']);
    const inDefault = (await db.query<{ n: number }>(`select count(*)::int as n from device_readings_default`)).rows[0]!.n;
    expect(inDefault).toBe(0);
    expect((await db.query<{ n: number }>(`select count(*)::int as n from device_readings`)).rows[0]!.n).toBe(before);
    // a second run does nothing
    expect((await readings(T0)).created).toEqual([]);
    // in February, two months back is December: September to November go, with their readings
    const later = await readings(new Date('2027-02-10T00:00:00+08:00'));
    expect(later.dropped.sort()).toEqual(['device_readings_y2026m09', 'device_readings_y2026m10', 'device_readings_y2026m11']);
    expect((await db.query<{ n: number }>(`select count(*)::int as n from device_readings`)).rows[0]!.n).toBe(0);
    expect(later.created).toEqual(['device_readings_y2027m03', 'device_readings_y2027m04', 'device_readings_y2027m05']);
    expect(monthPartitionName('device_readings', new Date('2026-11-30T23:30:00Z'))).toBe('device_readings_y2026m12');
  });
});
