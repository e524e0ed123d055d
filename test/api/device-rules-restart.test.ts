import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createScratchDatabase } from '../support/scratch-database.ts';
import { openPglite, openPostgres, type Db } from '../../src/server/platform/db/db.ts';
import { migrate } from '../../src/server/platform/db/migrate.ts';
import { seedDemo } from '../../src/server/platform/seed/seed-demo.ts';
import { loadConfig } from '../../src/server/platform/config.ts';
import { buildApp, type App } from '../../src/server/app.ts';
import { armDevice } from '../../src/server/devices/rule-state-store.ts';
import { fireDueDeadlines } from '../../src/server/devices/fire-deadlines.ts';
import { DEFAULT_PROFILES } from '../../src/server/devices/default-profiles.ts';

// A restart in the middle of an inactivity window loses nothing and doubles nothing: the rule's state and deadline live
// in the database, so the app closed and opened again on the same data (PGlite's data directory, or the same
// PostgreSQL database with TEST_DATABASE_URL) fires the door alarm once, at the instant 24 h after the last door event.
const H = 3600_000;
const T0 = new Date('2026-11-23T09:00:00+08:00');
const dataDir = mkdtempSync(path.join(tmpdir(), 'zhizhi-restart-'));
let scratch: { url: string; drop: () => Promise<void> } | null = null;

async function open(): Promise<Db> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) return openPglite(path.join(dataDir, 'pglite'));
  scratch ??= await createScratchDatabase(server, 'zhizhi_test');
  return openPostgres(scratch.url, 4);
}

async function start(db: Db, clock: () => Date): Promise<App> {
  const config = { ...loadConfig({ DATA_DIR: dataDir }), webDist: '/nonexistent' };
  const app = await buildApp({ db, config, clock, log: { stream: { write: () => undefined } } });
  await app.ready();
  return app;
}

afterAll(async () => {
  await scratch?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a restart in the middle of an inactivity window', () => {
  it('fires the door alarm once, at the right instant', async () => {
    let now = T0;
    const clock = () => now;

    // first life: a door magnet registered at T0, its door opened at T0 + 1 h
    let db = await open();
    await migrate(db);
    await seedDemo(db);
    let app = await start(db, clock);
    const profile = DEFAULT_PROFILES.find((p) => p.id === 'platform-door-magnet')!;
    const stored = await db.query<{ rules: unknown[] }>(`select rules from device_profiles where id = $1`, [profile.id]);
    expect(stored.rows[0]!.rules).toEqual(profile.rules);
    const grid = (await db.query<{ id: string; path: string; town: string }>(
      `select g.id, g.path, t.id as town from org_units g join org_units t on g.path like t.path || '%' and t.level = 'town'
        where g.level = 'grid' order by g.code limit 1`,
    )).rows[0]!;
    await db.transaction(async (tx) => {
      await tx.query(
        `insert into devices (id, town_id, grid_id, org_path, device_type, profile_id, name, binding_kind, binding_id, token_hash, created_at, updated_at)
         values ('door-1', $1, $2, $3, 'doorMagnet', $4, '王奶奶家门磁', 'household', 'h-1', 'x', $5, $5)`,
        [grid.town, grid.id, grid.path, profile.id, T0],
      );
      await armDevice(tx, 'door-1', profile.rules, T0);
    });
    now = new Date(T0.getTime() + H);
    expect(await app.ingest.submit('door-1', [{ ts: now.getTime(), key: 'door', value: 'open' }])).toEqual({ stored: 1, duplicates: 0, alarmIds: [] });
    // keep-alives every half hour until T0 + 10 h: they keep it online and never count as activity
    for (let t = T0.getTime() + 1.5 * H; t <= T0.getTime() + 10 * H; t += 0.5 * H) {
      now = new Date(t);
      await app.ingest.submit('door-1', [{ ts: t, kind: 'keepalive' }]);
      expect((await fireDueDeadlines(db, now)).alarmIds).toEqual([]);
    }
    await app.close();
    await db.close();

    // second life, 10 h later: the device went silent at T0 + 10 h, so its offline rule (1 h) fired at T0 + 11 h as a
    // maintenance alarm; the door's inactivity is not due before T0 + 25 h
    now = new Date(T0.getTime() + 20 * H);
    db = await open();
    await migrate(db);
    app = await start(db, clock);
    const offlineFired = await fireDueDeadlines(db, now);
    expect(offlineFired.fired).toBe(1);
    const offline = (await db.query<{ id: string; raised_at: Date; category: string }>(`select id, raised_at, category from alarms where device_id = 'door-1'`)).rows;
    expect(offline.map((x) => [x.id, new Date(x.raised_at).getTime(), x.category])).toEqual([[offlineFired.alarmIds[0], T0.getTime() + 11 * H, 'maintenance']]);
    now = new Date(T0.getTime() + 25 * H - 1);
    expect((await fireDueDeadlines(db, now)).alarmIds).toEqual([]);
    // the alarm clock ticks late (every 30 s here): the alarm still says T0 + 25 h
    now = new Date(T0.getTime() + 25 * H + 30_000);
    const [a, b] = await Promise.all([fireDueDeadlines(db, now), fireDueDeadlines(db, now)]);
    const c = await fireDueDeadlines(db, now);
    const alarms = (await db.query<{ id: string; alarm_type: string; raised_at: Date; matter_code: string; category: string }>(
      `select id, alarm_type, raised_at, matter_code, category from alarms where device_id = 'door-1' and alarm_type = 'inactivity'`,
    )).rows;
    expect(alarms).toHaveLength(1);
    expect(new Date(alarms[0]!.raised_at).getTime()).toBe(T0.getTime() + 25 * H);
    expect(alarms[0]).toMatchObject({ matter_code: 'S0101', category: 'care' });
    expect([...a.alarmIds, ...b.alarmIds, ...c.alarmIds].filter((id) => id === alarms[0]!.id)).toHaveLength(1);
    expect((await db.query(`select 1 from alarms where device_id = 'door-1'`)).rows).toHaveLength(2);
    await app.close();
    await db.close();
  }, 120_000);
});
