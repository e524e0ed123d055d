// The SLA sweep (src/domain/cases/escalation.ts): which traffic lights changed and which cases escalate, over a
// million open cases. The issue's target: "SLA sweep over 1,000,000 open cases: target < 1 s per sweep".
// 1. the pure domain sweep over 1,000,000 synthetic open cases, against a bare scan of the same array;
// 2. with BENCH_DATABASE_URL, the real sweep (`sweepSla`: due rows by next_check_at, lights, timeline entries,
//    notifications, escalations through the lifecycle) on the same cases loaded into the real `cases` table of a
//    migrated and seeded scratch database, against a full count(*) scan.
import { isDeepStrictEqual } from 'node:util';
import { nextCheckAt, sweep, type SweepCase, type SweepResult } from '../src/domain/cases/escalation.ts';
import { light, suspendedSoFar, type ClockSet, type ClockState } from '../src/domain/sla/clocks.ts';
import type { CaseStatus } from '../src/shared/cases.ts';
import { CLOCK_NAMES, type Tier } from '../src/shared/matters.ts';
import { openPostgres, type Db } from '../src/server/platform/db/db.ts';
import { migrate } from '../src/server/platform/db/migrate.ts';
import { seedDemo } from '../src/server/platform/seed/seed-demo.ts';
import { sweepSla, type SweepReport } from '../src/server/cases/sweep-sla.ts';
import { findCase } from '../src/server/cases/store.ts';
import { toSweepCase } from '../src/server/cases/case-mapping.ts';
import { createScratchDatabase } from '../test/support/scratch-database.ts';
import { consume, fmt, rng, type BenchContext } from './harness.ts';

export const name = 'sla-sweep';
export const description = 'SLA sweep (lights + escalation rules) over 1,000,000 open cases; target < 1 s per sweep';

const MIN = 60_000;
const HOUR = 3_600_000;
/** Tuesday 4 March 2025, 10:00 Beijing time: the sweep being measured. */
const NOW = Date.UTC(2025, 2, 4, 2, 0, 0);
/** The sweep runs every minute: stored lights and next_check_at are those the sweep at NOW − INTERVAL left. */
const INTERVAL = MIN;
const PREV = NOW - INTERVAL;

// The mix (the SQL generator below uses the same figures).
const STATUS_CUM: readonly [CaseStatus, number][] = [
  ['reported', 0.08], ['accepted', 0.13], ['dispatched', 0.25], ['in_progress', 0.8], ['handled', 1],
];
const TIER_CUM: readonly [Tier, number][] = [['grid', 0.5], ['community', 0.8], ['town', 0.95], ['district', 1]];
const ACCEPT_MIN = [15, 30, 60];
const HANDLE_H = [24, 72, 120, 168];
const ESCALATE_AFTER_H = [24, 48, 72, 120, 240];
const P_PAUSED = 0.06; // of in_progress: suspension under way
const P_SUSPENDED_BEFORE = 0.14; // of in_progress: suspended earlier, time added to suspendedMs
const P_ESCALATE_AFTER = 0.25; // the Matter has escalateAfterH
const P_EDGE = 0.02; // of escalatable running cases: a rule runs out during the last interval
const P_ESCALATED = 0.2; // of non-grid dispatched/in_progress cases: they got to their tier by escalation

const pick = <T>(cum: readonly [T, number][], x: number): T => cum.find(([, p]) => x < p)![0];

function clockAt(startedAt: number, span: number, suspendedMs: number, pausedAt: number | null, stoppedAt: number | null): ClockState {
  const c: ClockState = { startedAt, due: startedAt + span, suspendedMs, pausedAt, stoppedAt, light: 'green' };
  const at = stoppedAt ?? PREV;
  c.light = light(c.startedAt, c.due, at, suspendedSoFar(c, at));
  return c;
}

/**
 * One open case as the store holds it after the sweep at PREV: lights as of PREV, and no rule breached at PREV
 * (that sweep would have escalated it) except on cases that cannot escalate (handled, district, suspended).
 */
function makeCase(r: () => number, i: number): SweepCase {
  const status = pick(STATUS_CUM, r());
  const tier = pick(TIER_CUM, r());
  const handleRuns = status === 'dispatched' || status === 'in_progress';
  const escalatable = status !== 'handled' && tier !== 'district';
  const paused = status === 'in_progress' && r() < P_PAUSED;
  const susp = status === 'in_progress' && r() < P_SUSPENDED_BEFORE ? Math.floor(2 * HOUR + r() * 46 * HOUR) : 0;
  const pausedAt = paused ? PREV - Math.floor(HOUR + r() * 47 * HOUR) : null;
  const wantsE = r() < P_ESCALATE_AFTER;
  const edge = escalatable && !paused && r() < P_EDGE;
  // which rule runs out during the last interval: the open clock's (accept when reported, handle once dispatched) or escalateAfterH
  const edgeRule = !edge ? null : wantsE ? 'escalateAfter' : handleRuns || status === 'reported' ? 'clock' : 'escalateAfter';
  const rl = r(), ru = r(), rd = r(), rd2 = r(), rd3 = r(), rj = r();

  const handleSpan = HANDLE_H[Math.floor(rl * HANDLE_H.length)]! * HOUR;
  const span = status === 'reported' ? ACCEPT_MIN[Math.floor(rl * ACCEPT_MIN.length)]! * MIN
    : status === 'accepted' ? 30 * MIN : status === 'handled' ? 24 * HOUR : handleSpan;
  // time used on the running clock at PREV, suspension not counted
  // (an escalatable case is not yet red on the clock its rule reads: the sweep at PREV would have escalated it)
  const used = edgeRule === 'clock' ? span - Math.floor(rj * INTERVAL)
    : status === 'dispatched' ? Math.floor(ru * 90 * MIN)
    : status === 'in_progress' ? Math.floor(ru * (escalatable && !paused ? 0.999 : 1.2) * span)
    : status === 'reported' ? Math.floor(ru * (escalatable ? 0.999 : 1.3) * span)
    : Math.floor(ru * 1.3 * span);
  const start = (pausedAt ?? PREV) - used - susp;

  const clocks: ClockSet = {};
  let createdAt: number;
  if (status === 'reported') {
    clocks.accept = clockAt(start, span, 0, null, null);
    createdAt = start;
  } else {
    // the stages before the current one, backwards from its start
    let dispatchedAt = start;
    if (status === 'handled') {
      const handleStart = start - Math.floor((0.2 + rd3 * 0.9) * handleSpan);
      clocks.handle = clockAt(handleStart, handleSpan, 0, null, start);
      clocks.arrive = clockAt(handleStart, 60 * MIN, 0, null, handleStart + Math.floor(rd3 * 120 * MIN));
      clocks.verify = clockAt(start, span, 0, null, null);
      dispatchedAt = handleStart;
    } else if (status === 'in_progress') {
      clocks.arrive = clockAt(start, 60 * MIN, 0, null, start + Math.min(Math.floor(rd3 * 120 * MIN), Math.floor(used / 2)));
      clocks.handle = clockAt(start, span, susp, pausedAt, null);
    } else if (status === 'dispatched') {
      clocks.arrive = clockAt(start, 60 * MIN, 0, null, null);
      clocks.handle = clockAt(start, span, 0, null, null);
    }
    const acceptedAt = status === 'accepted' ? start : dispatchedAt - Math.floor(rd * 60 * MIN);
    if (status === 'accepted') clocks.dispatch = clockAt(start, span, 0, null, null);
    else clocks.dispatch = clockAt(acceptedAt, 30 * MIN, 0, null, dispatchedAt);
    createdAt = acceptedAt - Math.floor(rd2 * 40 * MIN);
    clocks.accept = clockAt(createdAt, 30 * MIN, 0, null, acceptedAt);
  }
  const escalated = tier !== 'grid' && handleRuns && r() < P_ESCALATED; // escalation restarted the handle clock
  const tierSince = escalated ? start : createdAt;
  const suspCounted = handleRuns ? susp : 0; // the handle clock started at or after tierSince
  let escalateAfterMs: number | null = null;
  if (edgeRule === 'escalateAfter') escalateAfterMs = NOW - tierSince - suspCounted - Math.floor(rj * INTERVAL);
  else if (wantsE) {
    const age = PREV - tierSince - suspCounted;
    const h = ESCALATE_AFTER_H.find((x) => x * HOUR > age);
    escalateAfterMs = h === undefined ? null : h * HOUR;
  }
  return { id: `c${i}`, status, tier, clocks, tierSince, escalateAfterMs };
}

export async function run(ctx: BenchContext): Promise<void> {
  const n = Math.max(10_000, Math.round(1_000_000 * ctx.scale));
  let t0 = process.hrtime.bigint();
  const random = rng(0x51a);
  const cases: SweepCase[] = new Array(n);
  for (let i = 0; i < n; i++) cases[i] = makeCase(random, i);
  const genMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const byStatus = new Map<string, number>();
  let running = 0, paused = 0, withE = 0;
  for (const c of cases) {
    byStatus.set(c.status, (byStatus.get(c.status) ?? 0) + 1);
    for (const k of CLOCK_NAMES) {
      const clock = c.clocks[k];
      if (clock && clock.stoppedAt === null) running++;
    }
    if (c.clocks.handle?.pausedAt != null && c.clocks.handle.stoppedAt === null) paused++;
    if (c.escalateAfterMs !== null) withE++;
  }
  const pct = (x: number, of = n) => `${fmt((x / of) * 100, 2)} %`;
  ctx.log(
    `${fmt(n)} open cases in ${fmt(genMs)} ms (${[...byStatus].map(([s, k]) => `${s} ${pct(k)}`).join(', ')}); ` +
      `${fmt(running)} running clocks, ${fmt(paused)} suspended, ${pct(withE)} with escalateAfterH`,
  );

  const now = new Date(NOW);
  let due = 0;
  await ctx.measure('bare scan (read handle due)', { ops: n, unit: 'cases', rounds: 7, warmup: 2 }, () => {
    let s = 0;
    for (let i = 0; i < cases.length; i++) {
      const h = cases[i]!.clocks.handle;
      if (h !== undefined) s += h.due;
    }
    consume(s);
  });
  let result: SweepResult = { lightChanges: [], escalations: [], resumptions: [] };
  const m = await ctx.measure(
    'sweep (lights + rules)',
    { ops: n, unit: 'cases', rounds: 7, warmup: 2, vs: 'bare scan (read handle due)', target: 1_000_000 },
    () => {
      result = sweep(cases, now);
    },
  );
  const rules = new Map<string, number>();
  for (const e of result.escalations) rules.set(e.rule, (rules.get(e.rule) ?? 0) + 1);
  ctx.log(
    `${fmt(m.medianNs / 1e6, 1)} ms per sweep of ${fmt(n)} (target < 1,000 ms for 1,000,000, i.e. ≥ 1,000,000 cases/s); ` +
      `${fmt(result.lightChanges.length)} light changes, ${fmt(result.escalations.length)} escalations (${pct(result.escalations.length)}: ` +
      `${[...rules].map(([k, v]) => `${k} ${fmt(v)}`).join(', ')})`,
  );

  // next_check_at is what lets the store read only due cases: a case not due reports nothing
  const notDue: SweepCase[] = [];
  for (const c of cases) {
    const at = nextCheckAt(c, new Date(PREV));
    if (at !== null && at <= NOW) due++;
    else notDue.push(c);
  }
  const quiet = sweep(notDue, now);
  ctx.check(
    'cases not due by next_check_at report nothing',
    quiet.lightChanges.length === 0 && quiet.escalations.length === 0,
    `${fmt(notDue.length)} not due, ${fmt(quiet.lightChanges.length)} light changes and ${fmt(quiet.escalations.length)} escalations among them; ` +
      `${fmt(due)} due (${pct(due)})`,
  );

  const url = ctx.env.BENCH_DATABASE_URL;
  if (!url) {
    ctx.skip('sweep cycle (PostgreSQL)', 'set BENCH_DATABASE_URL=postgres://user:pass@host/db (a role that may create databases)');
    return;
  }
  await store(ctx, url, cases);
}

// ── the store side: the real sweep on the real `cases` table ────────────────────────────────────────────────────────

/** The urban town of the demo district (seedDemo), its grids and a grid-tier Matter to copy. */
const TOWN_CODE = '500199001000';
const BASE_MATTER = 'E0101';
const LOAD_BATCH = 10_000;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
/** The Matter's escalate_after_h a case needs, as text for `numeric`. */
const hoursOf = (c: SweepCase) => (c.escalateAfterMs === null ? 'none' : String(c.escalateAfterMs / HOUR));

/**
 * The generated cases as rows of `cases` in the demo town's grids, as the sweep at PREV left them (next_check_at by
 * `nextCheckAt`). A case's escalateAfterMs comes from its Matter, so each distinct value gets a copy of one catalog
 * Matter with that escalate_after_h. tierSince is stored as created_at (no escalated_at): the sweep reads the same.
 */
async function load(db: Db, cases: readonly SweepCase[]): Promise<void> {
  const town = (await db.query<{ id: string }>('select id from org_units where code = $1', [TOWN_CODE])).rows[0]!.id;
  const grids = (await db.query<{ id: string; path: string }>(
    `select g.id, g.path from org_units g join org_units t on t.id = $1 where g.level = 'grid' and g.path like t.path || '%' order by g.code`,
    [town])).rows;
  const hours = [...new Set(cases.map(hoursOf))];
  const matters = (await db.query<{ code: string; id: string }>(
    `insert into matters (town_id, code, version, name, class, list, tier, post_code, department_name, sla, escalate_after_h, on_spot, urgent, duplicate_radius_m)
     select m.town_id, 'BENCH-' || x.k, 1, m.name, m.class, m.list, m.tier, m.post_code, m.department_name, m.sla,
            case when x.h = 'none' then null else x.h::numeric end, m.on_spot, m.urgent, m.duplicate_radius_m
       from matters m, unnest($3::text[]) with ordinality as x(h, k)
      where m.town_id = $1 and m.code = $2 and m.current
     returning code, id`, [town, BASE_MATTER, hours])).rows;
  const matterOf = new Map(matters.map((m) => [hours[Number(m.code.slice(6)) - 1]!, m]));
  for (let i = 0; i < cases.length; i += LOAD_BATCH) {
    const part = cases.slice(i, i + LOAD_BATCH);
    const cols = part.map((c, k) => {
      const grid = grids[(i + k) % grids.length]!;
      const matter = matterOf.get(hoursOf(c))!;
      const paused = c.clocks.handle?.pausedAt != null && c.clocks.handle.stoppedAt === null;
      return [
        c.id, `B${i + k}`, c.status, grid.id, grid.path, matter.id, matter.code, c.tier, JSON.stringify(c.clocks),
        iso(nextCheckAt(c, new Date(PREV))), iso(c.tierSince),
        paused ? JSON.stringify({ state: 'active', reason: '压测', until: null, requestedBy: null, requestedAt: iso(c.clocks.handle!.pausedAt), approvedAt: iso(c.clocks.handle!.pausedAt) }) : null,
      ];
    });
    await db.query(
      `insert into cases (id, number, status, town_id, grid_id, org_path, matter_id, category_code, tier, description, lng, lat, source,
                          reporter_kind, clocks, next_check_at, suspension, created_at, updated_at)
       select id, number, status, $1, grid_id, org_path, matter_id, code, tier, '压测', 0, 0, 'gridWorker', 'gridWorker', clocks, next, suspension, created, created
         from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::jsonb[], $11::timestamptz[],
                     $12::timestamptz[], $13::jsonb[])
           as x(id, number, status, grid_id, org_path, matter_id, code, tier, clocks, next, created, suspension)`,
      [town, ...Array.from({ length: 12 }, (_, col) => cols.map((r) => r[col]))],
    );
  }
  await db.exec('analyze cases; analyze matters');
}

async function store(ctx: BenchContext, server: string, cases: readonly SweepCase[]): Promise<void> {
  const scratch = await createScratchDatabase(server, 'zhizhi_bench');
  const db = await openPostgres(scratch.url, 2);
  try {
    await migrate(db);
    await seedDemo(db);
    const version = (await db.query<{ v: string }>(`select split_part(version(), ' ', 2) as v`)).rows[0]!.v;
    let t0 = process.hrtime.bigint();
    await load(db, cases);
    const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const now = new Date(NOW);
    const stats = (await db.query<{ n: number; due: number; mb: number }>(
      `select count(*)::int as n, count(*) filter (where next_check_at <= $1)::int as due,
              pg_total_relation_size('cases')::float8 / 1048576 as mb from cases`, [now])).rows[0]!;
    ctx.log(
      `PostgreSQL ${version}: ${fmt(stats.n)} cases loaded into \`cases\` in ${fmt(loadMs)} ms (${fmt(stats.mb)} MB with its indexes); ` +
        `${fmt(stats.due)} due at the sweep (${fmt((stats.due / stats.n) * 100, 2)} %)`,
    );

    // what the store gives back is what was generated, read by the store and the converter the sweep uses
    const random = rng(0x5e);
    const sample = Array.from({ length: Math.min(500, cases.length) }, () => cases[Math.floor(random() * cases.length)]!);
    const differ: string[] = [];
    for (const c of sample) {
      const row = (await findCase(db, c.id, null))!;
      const back = toSweepCase(row, row.escalate_after_h);
      // escalate_after_h is stored in hours: the milliseconds come back within a rounding error
      const same = isDeepStrictEqual({ ...back, escalateAfterMs: null }, { resumeAt: null, ...c, escalateAfterMs: null })
        && (back.escalateAfterMs === null) === (c.escalateAfterMs === null) && Math.abs((back.escalateAfterMs ?? 0) - (c.escalateAfterMs ?? 0)) < 1e-3;
      if (!same) differ.push(c.id);
    }
    ctx.check('the store reads back the generated cases', differ.length === 0,
      `${fmt(sample.length)} sampled through findCase and toSweepCase, ${differ.length} differ${differ.length ? `: ${differ.slice(0, 3).join(', ')}` : ''}`);

    await ctx.measure('count(*) full scan', { ops: 1, unit: 'scans', rounds: 3 }, async () => {
      consume((await db.query('select count(*) from cases')).rows[0]);
    });

    // one run of the job's work, one batch: due rows locked, lights stored, overdue entries, notifications, commit;
    // then each escalation and resumption through applyCaseAction, one transaction each
    const batch = Math.max(200, Math.round(2_000 * ctx.scale));
    const reports: SweepReport[] = [];
    const cycle = await ctx.measure(
      `sweep cycle (sweepSla, ${fmt(batch)} due rows)`,
      { ops: 1, unit: 'cycles', rounds: 3, warmup: 1, vs: 'count(*) full scan' },
      async () => {
        reports.push(await sweepSla(db, now, batch, 1));
      },
    );
    const sum = (k: keyof SweepReport) => reports.reduce((a, r) => a + r[k], 0);
    const after = (await db.query<{ left: number; postponed: number; escalated: number; overdue: number }>(
      `select (select count(*)::int from cases where next_check_at <= $1) as left,
              (select count(*)::int from cases where next_check_at = $2) as postponed,
              (select count(*)::int from case_events where action = 'escalate') as escalated,
              (select count(*)::int from case_events where action = 'overdue') as overdue`,
      [now, new Date(NOW + 60_000)])).rows[0]!;
    ctx.log(
      `${fmt(cycle.medianNs / 1e6, 1)} ms per cycle of ${fmt(batch)} rows; ${reports.length} cycles checked ${fmt(sum('checked'))} rows: ` +
        `${fmt(sum('lightChanges'))} with light changes (${fmt(after.overdue)} overdue entries), ${fmt(sum('escalated'))} escalated, ` +
        `${fmt(sum('resumed'))} resumed; ${fmt(stats.due)} due at the start → a full sweep ≈ ${Math.ceil(stats.due / batch)} cycles ≈ ` +
        `${fmt((Math.ceil(stats.due / batch) * cycle.medianNs) / 1e9, 1)} s`,
    );
    ctx.check(
      'sweep cycles move every row they read past the sweep, escalations applied',
      reports.every((r) => r.checked === batch) && after.left === stats.due - sum('checked') && after.postponed === 0 && after.escalated === sum('escalated'),
      `${fmt(sum('checked'))} rows checked, ${fmt(after.left)} due left of ${fmt(stats.due)}, ${fmt(after.postponed)} escalations refused and postponed`,
    );
  } finally {
    await db.close();
    await scratch.drop();
  }
}
