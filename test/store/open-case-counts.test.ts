import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../support/test-app.ts';
import { migrate } from '../../src/server/platform/db/migrate.ts';
import type { Db, Tx } from '../../src/server/platform/db/db.ts';
import { visibleTo, type Viewer } from '../../src/server/cases/store.ts';
import { caseFigures } from '../../src/server/cases/figures-store.ts';
import { foldOpenCountChanges, rebuildOpenCounts } from '../../src/server/cases/open-counts-store.ts';
import { children } from '../../src/server/screen/screen-store.ts';
import { rng } from '../../bench/harness.ts';

// The dashboards' open-case roll-ups (migration 040) against the cases themselves: after inserts, single and bulk
// updates (status, lights, escalation, posts, a move to another town), a delete, a fold and a rebuild, the figures and
// the screen's tiles read from the roll-ups equal those counted straight from the cases by the queries they replaced.

const TOWNS = ['T1', 'T2', 'T3'];
const STATUSES = ['reported', 'accepted', 'dispatched', 'in_progress', 'handled', 'closed', 'rejected'];
const LIGHTS = ['green', 'yellow', 'red', 'none'];
const pathOf = (town: string, grid: number) => `/C/D${town === 'T3' ? 2 : 1}/${town}/${town}C/${town}G${grid}/`;

const viewers: Record<string, Viewer> = {
  city: { accountId: 'acc-city', scopePath: '/C/', postIds: [], departmentIds: [] },
  district: { accountId: 'acc-d1', scopePath: '/C/D1/', postIds: ['P3'], departmentIds: [] },
  town: { accountId: 'acc-t1', scopePath: '/C/D1/T1/', postIds: ['P1', 'P2', 'P3'], departmentIds: ['dep'] },
  community: { accountId: 'acc-c1', scopePath: '/C/D1/T1/T1C/', postIds: [], departmentIds: [] },
  department: { accountId: 'acc-dep', scopePath: null, postIds: [], departmentIds: ['dep'] },
};

/** The figures as they were counted before the roll-ups: every visible case, straight from the table. */
async function countedFromCases(tx: Tx, viewer: Viewer) {
  const w = visibleTo(viewer, 1);
  const open = `c.status not in ('closed','rejected')`;
  const totals = await tx.query(
    `with worst as (select (select max(case k.value->>'light' when 'red' then 3 when 'yellow' then 2 when 'green' then 1 end)
                              from jsonb_each(c.clocks) k where k.value->>'stoppedAt' is null) as rank, c.escalated_at
                      from cases c where ${open} and ${w.sql})
     select count(*)::int as open, (count(*) filter (where escalated_at is not null))::int as escalated,
            (count(*) filter (where rank = 1))::int as green, (count(*) filter (where rank = 2))::int as yellow,
            (count(*) filter (where rank = 3))::int as red, (count(*) filter (where rank is null))::int as none from worst`, w.params);
  const byCategory = await tx.query(
    `select c.category_code as code, m.name, count(*)::int as count from cases c join matters m on m.id = c.matter_id
      where ${open} and ${w.sql} group by c.category_code, m.name order by count desc, code, name`, w.params);
  const byBoard = await tx.query(
    `select b.id as board_id, b.name, count(*)::int as count from cases c
       left join posts p on p.id = c.assignee->>'postId' left join boards b on b.id = p.board_id
      where ${open} and ${w.sql} group by b.id, b.name, b.sort order by count desc, b.sort nulls last, b.id`, w.params);
  return { totals: totals.rows[0], byCategory: byCategory.rows, byBoard: byBoard.rows };
}

async function tilesFromCases(tx: Tx, unitPath: string) {
  const r = await tx.query<{ child: string; open_cases: number; red_cases: number }>(
    `select split_part(substr(c.org_path, $2), '/', 1) as child, count(*)::int as open_cases,
            (count(*) filter (where c.clocks @? '$.* ? (@.light == "red" && @.stoppedAt == null)'))::int as red_cases
       from cases c where c.org_path like $1 and c.status not in ('closed','rejected') group by 1`, [`${unitPath}%`, unitPath.length + 1]);
  return Object.fromEntries(r.rows.map((x) => [x.child, { open: x.open_cases, red: x.red_cases }]));
}

let db: Db;
let close: () => Promise<void>;
const day = { from: new Date('2026-12-04T00:00:00+08:00'), before: new Date('2026-12-05T00:00:00+08:00') };

async function expectSameFigures(): Promise<void> {
  for (const [name, v] of Object.entries(viewers)) {
    const got = await caseFigures(db, v, day);
    const want = await countedFromCases(db, v);
    const { open, escalated, green, yellow, red, none } = got.totals;
    expect({ open, escalated, green, yellow, red, none }, name).toEqual(want.totals);
    if (name === 'city') expect(open * green * red * none, 'a table with something of each to count').toBeGreaterThan(0);
    const sorted = <T extends { count: number }>(xs: T[]) => [...xs].sort((a, b) => b.count - a.count || JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(sorted(got.byCategory), name).toEqual(sorted(want.byCategory as typeof got.byCategory));
    expect(sorted(got.byBoard), name).toEqual(sorted(want.byBoard as typeof got.byBoard));
  }
  for (const [id, path] of [['C', '/C/'], ['D1', '/C/D1/'], ['T1', '/C/D1/T1/']] as const) {
    const level = id === 'C' ? 'city' : id === 'D1' ? 'district' : 'town';
    const tiles = await children(db, { id, name: id, level, path, geometry: null }, false);
    const want = await tilesFromCases(db, path);
    for (const t of tiles) expect({ open: t.open_cases, red: t.red_cases }, `${id} › ${t.id}`).toEqual(want[t.id] ?? { open: 0, red: 0 });
  }
}

beforeAll(async () => {
  ({ db, close } = await openTestDb());
  await migrate(db);
  await db.query(`insert into org_units (id, parent_id, level, code, name, path) values ('C', null, 'city', 'C', 'c', '/C/'),
    ('D1', 'C', 'district', 'D1', 'd1', '/C/D1/'), ('D2', 'C', 'district', 'D2', 'd2', '/C/D2/')`);
  for (const t of TOWNS) {
    const d = t === 'T3' ? 'D2' : 'D1';
    await db.query(`insert into org_units (id, parent_id, level, code, name, path) values ($1, $2, 'town', $1, $1, $3),
      ($1 || 'C', $1, 'community', $1 || 'C', $1, $4)`, [t, d, `/C/${d}/${t}/`, `/C/${d}/${t}/${t}C/`]);
    for (const g of [1, 2]) {
      await db.query(`insert into org_units (id, parent_id, level, code, name, path) values ($1, $2, 'grid', $1, $1, $3)`, [`${t}G${g}`, `${t}C`, pathOf(t, g)]);
    }
    for (const k of ['A', 'B']) {
      await db.query(`insert into matters (id, town_id, code, version, name, class, list, tier, sla) values ($1, $2, $3, 1, $4, 'x', 'basic', 'grid', '{}')`,
        [`m-${t}-${k}`, t, k, k === 'A' ? '垃圾' : `占道${t === 'T3' ? '（新）' : ''}`]);
    }
  }
  await db.query(`insert into boards (id, town_id, code, name, kind, sort) values ('B1', 'T1', 'b1', '一组', 'board', 1), ('B2', 'T1', 'b2', '二组', 'board', 2)`);
  await db.query(`insert into posts (id, board_id, town_id, code, name) values ('P1', 'B1', 'T1', 'p1', 'p1'), ('P2', 'B2', 'T1', 'p2', 'p2'), ('P3', 'B2', 'T3', 'p3', 'p3')`);
  for (const v of Object.values(viewers)) {
    await db.query(`insert into accounts (id, username, name, kind, roles, password_hash) values ($1, $1, $1, 'staff', '{}', 'x')`, [v.accountId]);
  }
});
afterAll(async () => close());

const random = rng(18);
const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
const clocksOf = (light: string, stopped: boolean) => light === 'none' ? {} : {
  handle: { light, due: 1, startedAt: 0, suspendedMs: 0, ...(stopped ? { stoppedAt: 5 } : { stoppedAt: null }) },
  ...(random() < 0.3 ? { accept: { light: pick(LIGHTS.slice(0, 3)), due: 1, startedAt: 0, stoppedAt: random() < 0.5 ? 3 : null } } : {}),
};

describe('open-case roll-ups', () => {
  it('count what the cases count, through inserts, updates, a move, a delete, a fold and a rebuild', async () => {
    // one statement with many rows, then single ones
    const rows = Array.from({ length: 80 }, (_, i) => {
      const town = pick(TOWNS);
      return {
        id: `k${i}`, status: pick(STATUSES), town, path: pathOf(town, 1 + (i % 2)), matter: `m-${town}-${pick(['A', 'B'])}`,
        assignee: random() < 0.6 ? { postId: pick(['P1', 'P2', 'P3', 'P9']) } : random() < 0.5 ? { staffId: 'acc-c1' } : null,
        clocks: clocksOf(pick(LIGHTS), random() < 0.2), escalated: random() < 0.2, deps: random() < 0.2 ? ['dep'] : [],
      };
    });
    const insert = (rs: typeof rows) => db.query(
      `insert into cases (id, number, status, town_id, grid_id, org_path, matter_id, category_code, tier, description, lng, lat, source,
                          reporter_kind, reporter_account_id, assignee, clocks, escalated_at, department_ids, created_at, updated_at)
       select x.id, 'N' || x.id, x.status, x.town, x.town || 'G1', x.path, x.matter, right(x.matter, 1), 'grid', 'd', 0, 0, 'hotline', 'staff',
              case when x.id like '%7' then 'acc-t1' end, x.assignee, x.clocks, case when x.escalated then now() end, x.deps, now(), now()
         from jsonb_to_recordset($1::jsonb) x(id text, status text, town text, path text, matter text, assignee jsonb, clocks jsonb, escalated boolean, deps text[])`,
      [JSON.stringify(rs)]);
    await insert(rows.slice(0, 60));
    for (const r of rows.slice(60)) await insert([r]);
    await expectSameFigures();

    // lifecycle-like single updates, a bulk light change (as the sweep's), a dispatch to a post
    for (const r of rows.slice(0, 20)) {
      await db.query(`update cases set status = $2, version = version + 1 where id = $1`, [r.id, pick(STATUSES)]);
    }
    await db.query(`update cases c set clocks = x.clocks from jsonb_to_recordset($1::jsonb) x(id text, clocks jsonb) where c.id = x.id`,
      [JSON.stringify(rows.slice(20, 50).map((r) => ({ id: r.id, clocks: clocksOf(pick(LIGHTS), random() < 0.2) })))]);
    await db.query(`update cases set assignee = '{"postId":"P2"}', escalated_at = now() where id = any($1)`, [rows.slice(50, 60).map((r) => r.id)]);
    await db.query(`update cases set version = version + 1`); // touches every row, changes no key
    await expectSameFigures();

    await db.transaction((tx) => foldOpenCountChanges(tx));
    await expectSameFigures();

    // a community moved to another town (unit administration rewrites the paths), then a case deleted
    await db.query(`update cases set org_path = '/C/D2/T3/T3C/T3G1/', town_id = 'T3' where town_id = 'T2'`);
    await db.query(`delete from case_photos where case_id = 'k3'`);
    await db.query(`delete from cases where id = 'k3'`);
    await expectSameFigures();

    await db.transaction((tx) => foldOpenCountChanges(tx));
    await db.query(`update cases set status = 'closed' where id = any($1)`, [rows.slice(60, 70).map((r) => r.id)]);
    await expectSameFigures();

    await db.transaction((tx) => rebuildOpenCounts(tx));
    await expectSameFigures();
    const left = await db.query<{ n: number }>(`select count(*)::int as n from case_open_count_changes`);
    expect(left.rows[0]!.n).toBe(0);
  });
});
