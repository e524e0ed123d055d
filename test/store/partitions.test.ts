import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../support/test-app.ts';
import type { Db, Tx } from '../../src/server/platform/db/db.ts';
import { migrate } from '../../src/server/platform/db/migrate.ts';
import { seedDemo } from '../../src/server/platform/seed/seed-demo.ts';
import { ensureMonthlyPartitions, monthPartitionName, monthStart } from '../../src/server/platform/db/partitions.ts';
import { upkeepPartitions, MONTHS_AHEAD } from '../../src/server/platform/db/partition-upkeep-job.ts';
import * as store from '../../src/server/cases/store.ts';

// Migration 039 (case_events partitioned by the month of its case's creation) against a database that already holds
// cases and timelines, then the partitions' upkeep, on PGlite and on PostgreSQL (TEST_DATABASE_URL).

const MIGRATIONS = fileURLToPath(new URL('../../src/server/platform/db/migrations/', import.meta.url));

/** the migrations before `first`, applied as migrate() does, so the database is as a release before it left it */
async function migrateBefore(db: Db, first: string): Promise<void> {
  const files = (await readdir(MIGRATIONS)).filter((f) => f.endsWith('.sql') && f < first).sort();
  await db.transaction(async (tx) => {
    await tx.exec('create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())');
    for (const f of files) {
      await tx.exec(await readFile(MIGRATIONS + f, 'utf8'));
      await tx.query('insert into schema_migrations (name) values ($1)', [f]);
    }
  });
}

let db: Db;
let close: () => Promise<void>;
// cases reported in three Asia/Shanghai months; the second at 00:30 on 1 March in Shanghai, still February in UTC
const CREATED = ['2026-01-15T10:00:00+08:00', '2026-03-01T00:30:00+08:00', '2026-11-20T09:00:00+08:00'].map((s) => new Date(s));
const ids = ['p-case-jan', 'p-case-mar', 'p-case-nov'];
type Row = Record<string, unknown>;
let before: Row[];

beforeAll(async () => {
  ({ db, close } = await openTestDb());
  await migrateBefore(db, '039');
  await seedDemo(db);
  const grid = (await db.query<{ id: string; town_id: string; path: string }>(
    `select g.id, t.id as town_id, g.path from org_units g join org_units t on g.path like t.path || '%' and t.level = 'town'
      where g.level = 'grid' order by g.code limit 1`)).rows[0]!;
  const matter = (await db.query<{ id: string; code: string }>(`select id, code from matters where town_id = $1 and current limit 1`, [grid.town_id])).rows[0]!;
  await db.query(`insert into files (hash, mime, bytes) values ('p-photo', 'image/jpeg', 1)`);
  for (const [i, id] of ids.entries()) {
    const at = CREATED[i]!;
    await db.query(
      `insert into cases (id, number, status, town_id, grid_id, org_path, matter_id, category_code, tier, description, lng, lat, source,
         reporter_kind, created_at, updated_at)
       values ($1, $2, 'accepted', $3, $4, $5, $6, $7, 'grid', '分区', 106.5, 29.5, 'gridWorker', 'staff', $8, $8)`,
      [id, `P${i}`, grid.town_id, grid.id, grid.path, matter.id, matter.code, at]);
    const report = (await db.query<{ id: number }>(
      `insert into case_events (case_id, at, action, actor_name, to_status, data) values ($1, $2, 'report', '网格员', 'reported', '{"n":1}') returning id`,
      [id, at])).rows[0]!.id;
    await db.query(`insert into case_events (case_id, at, action, actor_name, from_status, to_status, request_key, ip)
                    values ($1, $2, 'accept', '调度员', 'reported', 'accepted', $3, '10.0.0.1')`, [id, new Date(at.getTime() + 60_000), `key-${i}`]);
    await db.query(`insert into case_photos (case_id, event_id, hash, phase) values ($1, $2, 'p-photo', 'before')`, [id, report]);
  }
  before = (await db.query<Row>('select to_jsonb(e) as row from case_events e order by id')).rows.map((r) => r.row as Row);
  await migrate(db);
}, 120_000);
afterAll(async () => { await close(); });

describe('migration 039', () => {
  it('keeps every event with its id and columns, each in the month of its case', async () => {
    const after = (await db.query<{ row: Row; part: string }>(
      `select to_jsonb(e) - 'case_created_at' as row, e.tableoid::regclass::text as part, e.case_created_at, c.created_at
         from case_events e join cases c on c.id = e.case_id order by e.id`)).rows;
    expect(after.map((r) => r.row)).toEqual(before);
    expect(after.map((r) => r.part)).toEqual(['case_events_y2026m01', 'case_events_y2026m01', 'case_events_y2026m03', 'case_events_y2026m03',
      'case_events_y2026m11', 'case_events_y2026m11']);
    expect((await db.query('select 1 from case_events_default')).rows).toEqual([]);
    // the months between are there too, and the current one with three ahead
    const parts = new Set((await db.query<{ name: string }>(
      `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'case_events'::regclass`)).rows.map((r) => r.name));
    for (let m = monthStart(CREATED[0]!); m.getTime() <= monthStart(new Date(), MONTHS_AHEAD).getTime(); m = monthStart(m, 1)) {
      expect(parts.has(monthPartitionName('case_events', m)), monthPartitionName('case_events', m)).toBe(true);
    }
  });

  it('goes on numbering past the old ids, keeps the timelines and their Idempotency-Keys', async () => {
    const maxBefore = Math.max(...before.map((r) => Number(r.id)));
    const id = await store.insertEvent(db, { case_id: ids[1]!, at: new Date(), action: 'comment', actor_id: null, actor_name: '调度员',
      from_status: null, to_status: null, reason: null, data: null, request_key: 'key-new' });
    expect(id).toBe(maxBefore + 1);
    const timeline = await store.listEvents(db, ids[1]!);
    expect(timeline.map((e) => e.action)).toEqual(['report', 'accept', 'comment']);
    expect(await store.findEventByRequestKey(db, ids[1]!, 'key-1')).toBe(timeline[1]!.id);
    expect(await store.findEventByRequestKey(db, ids[1]!, 'key-new')).toBe(id);
    // the same key on the same case is still refused by the unique index
    await expect(store.insertEvent(db, { case_id: ids[1]!, at: new Date(), action: 'comment', actor_id: null, actor_name: null,
      from_status: null, to_status: null, reason: null, data: null, request_key: 'key-1' })).rejects.toThrow(/unique|duplicate/i);
    const photos = (await db.query<{ event_id: number }>('select event_id from case_photos where case_id = $1', [ids[1]])).rows;
    expect(photos).toEqual([{ event_id: timeline[0]!.id }]);
  });

  it('keeps the timeline append-only', async () => {
    await expect(db.query(`update case_events set reason = 'x' where case_id = $1`, [ids[0]])).rejects.toThrow(/append-only/);
    await expect(db.query(`delete from case_events where case_id = $1`, [ids[0]])).rejects.toThrow(/append-only/);
  });

  it('reads a timeline from one partition', async () => {
    // the store's own statements, explained: a Tx that runs each with EXPLAIN ANALYZE and keeps the plan
    let plan: string[] = [];
    const explain: Tx = {
      query: async (sql, params) => {
        const r = await db.query<Record<string, string>>(`explain (analyze, costs off, timing off, summary off) ${sql}`, params);
        plan = r.rows.map((x) => Object.values(x)[0]!);
        return { rows: [], rowCount: 0 };
      },
      exec: (sql) => db.exec(sql),
    };
    const touched = () => plan.filter((line) => / on case_events_\w+/.test(line) && !line.includes('never executed'))
      .map((line) => / on (case_events_\w+)/.exec(line)![1]);
    await store.listEvents(explain, ids[2]!);
    expect(touched()).toEqual(['case_events_y2026m11']);
    await store.listEvents(explain, ids[0]!);
    expect(touched()).toEqual(['case_events_y2026m01']);
    await store.findEventByRequestKey(explain, ids[1]!, 'key-1');
    expect(touched()).toEqual(['case_events_y2026m03']);
  });
});

describe('ensureMonthlyPartitions', () => {
  it('makes the missing months once, also when two transactions ask at the same time', async () => {
    const from = new Date('2030-01-10T00:00:00+08:00');
    const to = new Date('2030-06-30T23:59:59+08:00');
    const runs = await Promise.all([0, 1].map(() => db.transaction((tx) => ensureMonthlyPartitions(tx, 'case_events', from, to))));
    const expected = ['01', '02', '03', '04', '05', '06'].map((m) => `case_events_y2030m${m}`);
    expect([...runs[0]!, ...runs[1]!].sort()).toEqual(expected);
    expect(await db.transaction((tx) => ensureMonthlyPartitions(tx, 'case_events', from, to))).toEqual([]);
    // Asia/Shanghai months: 1 March 00:30 in Shanghai is March
    expect(monthPartitionName('case_events', new Date('2026-02-28T16:30:00Z'))).toBe('case_events_y2026m03');
  });

  it('moves what the default partition holds of a new month into it', async () => {
    const created = new Date('2031-05-10T12:00:00+08:00');
    await db.query(`insert into cases (id, number, status, town_id, grid_id, org_path, matter_id, category_code, tier, description, lng, lat,
                      source, reporter_kind, created_at, updated_at)
                    select 'p-case-2031', 'P2031', status, town_id, grid_id, org_path, matter_id, category_code, tier, description, lng, lat,
                      source, reporter_kind, $1, $1 from cases where id = $2`, [created, ids[0]]);
    const id = await store.insertEvent(db, { case_id: 'p-case-2031', at: created, action: 'report', actor_id: null, actor_name: null,
      from_status: null, to_status: 'reported', reason: null, data: null });
    const where = async () => (await db.query<{ part: string }>('select tableoid::regclass::text as part from case_events where id = $1', [id])).rows[0]!.part;
    expect(await where()).toBe('case_events_default');
    expect(await db.transaction((tx) => ensureMonthlyPartitions(tx, 'case_events', created, created))).toEqual(['case_events_y2031m05']);
    expect(await where()).toBe('case_events_y2031m05');
    expect((await store.listEvents(db, 'p-case-2031')).map((e) => e.id)).toEqual([id]);
  });

  it('finds the timeline of a case created with microseconds (a bulk load), which a JavaScript Date cannot name', async () => {
    await db.query(`insert into cases (id, number, status, town_id, grid_id, org_path, matter_id, category_code, tier, description, lng, lat,
                      source, reporter_kind, created_at, updated_at)
                    select 'p-case-micro', 'PMICRO', status, town_id, grid_id, org_path, matter_id, category_code, tier, description, lng, lat,
                      source, reporter_kind, timestamptz '2026-11-20 09:00:00.123456+08', now() from cases where id = $1`, [ids[0]]);
    const id = await store.insertEvent(db, { case_id: 'p-case-micro', at: new Date(), action: 'report', actor_id: null, actor_name: null,
      from_status: null, to_status: 'reported', reason: null, data: null, request_key: 'micro' });
    expect((await store.listEvents(db, 'p-case-micro')).map((e) => e.id)).toEqual([id]);
    expect(await store.findEventByRequestKey(db, 'p-case-micro', 'micro')).toBe(id);
  });
});

describe('partition upkeep', () => {
  it('makes the next months of every partitioned table and drops the readings past their retention', async () => {
    const now = new Date('2027-08-20T09:00:00+08:00');
    // readings of a month 15 months back (kept in a month of their own) and of last month
    const old = new Date('2026-05-10T09:00:00+08:00');
    await db.transaction((tx) => ensureMonthlyPartitions(tx, 'device_readings', old, old));
    for (const at of [old, new Date('2027-07-10T09:00:00+08:00')]) {
      await db.query(`insert into device_readings (device_id, at, dedupe_key, received_at, kind) values ('p-dev', $1, 'k', $1, 'status')`, [at]);
    }
    const report = await upkeepPartitions(db, now, { device_readings: 13 });
    const of = (table: string) => report.find((t) => t.table === table)!;
    expect(report.map((t) => t.table).sort()).toEqual(['case_events', 'device_readings']);
    expect(of('case_events').created).toEqual(['2027m08', '2027m09', '2027m10', '2027m11'].map((m) => `case_events_y${m}`));
    expect(of('case_events').dropped).toEqual([]);
    expect(of('device_readings').created).toContain('device_readings_y2027m11');
    expect(of('device_readings').dropped).toEqual(['device_readings_y2026m05']);
    const left = (await db.query<{ at: Date }>(`select at from device_readings where device_id = 'p-dev'`)).rows;
    expect(left.map((r) => new Date(r.at).toISOString())).toEqual([new Date('2027-07-10T09:00:00+08:00').toISOString()]);
    // again the same day: nothing to do
    expect((await upkeepPartitions(db, now, { device_readings: 13 })).every((t) => t.created.length + t.dropped.length === 0)).toBe(true);
  });
});
