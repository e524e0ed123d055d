// The generated history (bench/generate/history) read through the app: a town's cases over two years with their
// timelines, written by COPY, must be what the app itself would have written — lists and timelines read, the SLA sweep
// works on the open cases, the screen's figures agree with the rows, numbers agree with the day counters.
// PostgreSQL only (the generator writes with COPY): `generate --scale town` with fewer cases and residents.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { createScratchDatabase } from '../support/scratch-database.ts';
import { openPostgres, type Db } from '../../src/server/platform/db/db.ts';
import { loadConfig } from '../../src/server/platform/config.ts';
import { buildApp, type App } from '../../src/server/app.ts';
import { DEMO_PASSWORD } from '../../src/server/platform/seed/seed-demo.ts';
import { sweepSla } from '../../src/server/cases/sweep-sla.ts';
import { generate } from '../../bench/generate/main.ts';
import { historySteps } from '../../bench/generate/history/index.ts';

const NOW = new Date('2026-11-23T09:00:00+08:00');
const CASES = 1500;
const OPEN = 200;

describe.skipIf(!process.env.TEST_DATABASE_URL)('generated history on PostgreSQL', () => {
  let scratch: { url: string; drop: () => Promise<void> };
  let db: Db;
  let app: App;
  let pool: pg.Pool;
  let dataDir: string;
  let town: string;
  const piiKey = process.env.PII_KEY;

  beforeAll(async () => {
    // the generator seals reporters' contacts with the key the app reads them with
    process.env.PII_KEY = Buffer.alloc(32, 7).toString('base64');
    scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL!, 'zhizhi_genhist');
    dataDir = mkdtempSync(path.join(tmpdir(), 'zhizhi-genhist-'));
    await generate({
      scale: 'town', databaseUrl: scratch.url, now: NOW, seed: 18, dataDir, laterSteps: historySteps, log: () => undefined,
      overrides: { cases: CASES, openCases: OPEN, residentsPerGrid: 8 },
    });
    db = await openPostgres(scratch.url, 4);
    pool = (db.raw as { pool: pg.Pool }).pool;
    town = (await pool.query<{ id: string }>(`select id from org_units where level = 'town' order by path limit 1`)).rows[0]!.id;
    app = await buildApp({ db, config: { ...loadConfig({ DATA_DIR: dataDir }), webDist: '/nonexistent' }, clock: () => NOW, log: { stream: { write: () => undefined } } });
    await app.ready();
  }, 240_000);

  afterAll(async () => {
    await app?.close();
    await db?.close();
    await scratch?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (piiKey === undefined) delete process.env.PII_KEY;
    else process.env.PII_KEY = piiKey;
  });

  const login = async (role: 'dispatcher' | 'leader') => {
    const username = `t0101-${role}`;
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
    expect(res.statusCode).toBe(200);
    return { authorization: `Bearer ${res.json().token as string}` };
  };
  const one = async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows[0] as T;

  it('writes the cases asked for, about the open share asked for, numbered as the day counters say', async () => {
    const c = await one<{ all: number; open: number }>(`select count(*)::int as all, count(*) filter (where status not in ('closed','rejected'))::int as open from cases`);
    expect(c.all).toBe(CASES);
    expect(c.open).toBeGreaterThan(OPEN * 0.8);
    expect(c.open).toBeLessThan(OPEN * 1.25);
    const bad = await one<{ n: number }>(`select count(*)::int as n from cases where number !~ '^[0-9]{9}-[0-9]{8}-[0-9]{4,5}$'`);
    expect(bad.n).toBe(0);
    // each town-day's counter is its last number, and the numbers run 1..n without a gap
    const off = await one<{ n: number }>(
      `select count(*)::int as n from (select town_id, substr(number, 11, 8) as day, max(substr(number, 20)::int) as top, count(*) as n from cases group by 1, 2) x
        full join case_number_counters k on k.town_id = x.town_id and k.day = x.day
        where k.seq is distinct from x.top or x.n <> x.top`);
    expect(off.n).toBe(0);
  });

  it('gives every case a timeline that starts with its report and ends in its status', async () => {
    const r = await one<{ n: number; wrong_first: number; wrong_last: number }>(
      `select count(*)::int as n,
              count(*) filter (where f.action <> 'report' or f.at <> c.created_at)::int as wrong_first,
              count(*) filter (where l.to_status <> c.status)::int as wrong_last
         from cases c
         join lateral (select action, at from case_events e where e.case_id = c.id order by id limit 1) f on true
         join lateral (select to_status from case_events e where e.case_id = c.id order by id desc limit 1) l on true`);
    expect(r.n).toBe(CASES);
    expect(r.wrong_first).toBe(0);
    expect(r.wrong_last).toBe(0);
    const closed = await one<{ n: number }>(`select count(*)::int as n from cases where status in ('closed','rejected') and (closed_at is null or next_check_at is not null)`);
    expect(closed.n).toBe(0);
  });

  it("reads through the API: the dispatcher's lists and a case's timeline", async () => {
    const auth = await login('dispatcher');
    const list = await app.inject({ method: 'GET', url: '/api/cases?limit=30&total=true', headers: auth });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(30);
    const open = await app.inject({ method: 'GET', url: '/api/cases?status=in_progress&status=dispatched&overdue=true&limit=20', headers: auth });
    expect(open.statusCode).toBe(200);
    const busy = await one<{ id: string; n: number }>(
      `select c.id, count(*)::int as n from cases c join case_events e on e.case_id = c.id
        where c.town_id = $1 group by c.id order by 2 desc, 1 limit 1`, [town]);
    const detail = await app.inject({ method: 'GET', url: `/api/cases/${busy.id}`, headers: auth });
    expect(detail.statusCode).toBe(200);
    const body = detail.json();
    expect(body.timeline).toHaveLength(busy.n);
    expect(body.timeline[0].action).toBe('report');
  });

  it('lets the SLA sweep work on the open cases without a failure', async () => {
    const before = await one<{ n: number }>(`select count(*)::int as n from cases where next_check_at <= $1`, [NOW]);
    const report = await sweepSla(db, NOW, 2000, 100);
    expect(report.checked).toBe(before.n);
    const left = await one<{ n: number }>(`select count(*)::int as n from cases where next_check_at <= $1`, [NOW]);
    expect(left.n).toBe(0);
    // six hours later many lights turn and rules fire: the sweep reads them all and leaves nothing due
    const later = new Date(NOW.getTime() + 6 * 3_600_000);
    const due = await one<{ n: number }>(`select count(*)::int as n from cases where next_check_at <= $1`, [later]);
    expect(due.n).toBeGreaterThan(0);
    const after = await sweepSla(db, later, 2000, 100);
    expect(after.checked).toBe(due.n);
    expect((await one<{ n: number }>(`select count(*)::int as n from cases where next_check_at <= $1`, [later])).n).toBe(0);
  });

  it("shows on the town's screen the open and red cases the rows hold", async () => {
    const auth = await login('leader');
    const res = await app.inject({ method: 'GET', url: '/api/screen/summary', headers: auth });
    expect(res.statusCode).toBe(200);
    const children = res.json().children as { openCases: number; redCases: number }[];
    const rows = await one<{ open: number; red: number }>(
      `select count(*)::int as open,
              count(*) filter (where clocks @? '$.* ? (@.light == "red" && @.stoppedAt == null)')::int as red
         from cases c where c.town_id = $1 and c.status not in ('closed','rejected')`, [town]);
    expect(children.reduce((s, c) => s + c.openCases, 0)).toBe(rows.open);
    expect(children.reduce((s, c) => s + c.redCases, 0)).toBe(rows.red);
  });

  it("keeps the points books: each balance is its entries' sum, each transaction's entries sum to zero, no household below zero", async () => {
    const books = await one<{ accounts: number; off: number; negative: number; unbalanced: number; transactions: number }>(
      `select (select count(*) from point_accounts)::int as accounts,
              (select count(*) from point_accounts a where a.balance <> (select coalesce(sum(amount), 0) from point_entries e where e.account_id = a.id))::int as off,
              (select count(*) from point_accounts where kind <> 'issuer' and balance < 0)::int as negative,
              (select count(*) from (select transaction_id from point_entries group by 1 having sum(amount) <> 0) x)::int as unbalanced,
              (select count(*) from point_transactions)::int as transactions`);
    expect(books.transactions).toBeGreaterThan(0);
    expect(books.off).toBe(0);
    expect(books.negative).toBe(0);
    expect(books.unbalanced).toBe(0);
  });

  it("gives the grid workers their duties: past periods' tasks done with their visits, the current ones open", async () => {
    const t = await one<{ done: number; open_past: number; visits: number; linked: number; due_open: number }>(
      `select count(*) filter (where status = 'done')::int as done,
              count(*) filter (where status = 'open' and due_on < ($1::timestamptz at time zone 'Asia/Shanghai')::date)::int as open_past,
              (select count(*) from visits)::int as visits,
              (select count(*) from visits v join tasks k on k.visit_id = v.id and v.task_id = k.id)::int as linked,
              count(*) filter (where status = 'open' and due_on >= ($1::timestamptz at time zone 'Asia/Shanghai')::date)::int as due_open
         from tasks`, [NOW]);
    expect(t.done).toBeGreaterThan(t.open_past * 5);
    expect(t.due_open).toBeGreaterThan(0);
    expect(t.visits).toBeGreaterThan(0);
    expect(t.linked).toBe(t.visits);
  });

  it('registers disputes from the dispute cases, open while their work order is', async () => {
    const d = await one<{ n: number; wrong: number }>(
      `select count(*)::int as n,
              count(*) filter (where c.category_code <> 'D0000' or (d.status = 'open') <> (c.status not in ('closed','rejected')))::int as wrong
         from disputes d join cases c on c.id = d.case_id`);
    expect(d.n).toBeGreaterThan(0);
    expect(d.wrong).toBe(0);
    const res = await app.inject({ method: 'GET', url: '/api/disputes?limit=20', headers: await login('dispatcher') });
    expect(res.statusCode).toBe(200);
  });
});
