// The SLA sweep (src/domain/cases/escalation.ts): which traffic lights changed and which cases escalate, over a
// million open cases. The issue's target: "SLA sweep over 1,000,000 open cases: target < 1 s per sweep".
// 1. the pure domain sweep over 1,000,000 synthetic open cases, against a bare scan of the same array;
// 2. with BENCH_DATABASE_URL, the store side of one sweep cycle (due rows by the partial index on next_check_at,
//    the sweep, one batched update) on a 1,000,000-row table shaped like `cases`, against a full count(*) scan.
import type pg from 'pg';
import { nextCheckAt, sweep, type SweepCase, type SweepResult } from '../src/domain/cases/escalation.ts';
import { light, suspendedSoFar, type ClockSet, type ClockState } from '../src/domain/sla/clocks.ts';
import { nextTier } from '../src/domain/matters/routing.ts';
import type { CaseStatus } from '../src/shared/cases.ts';
import { CLOCK_NAMES, type Tier } from '../src/shared/matters.ts';
import { openPostgres } from '../src/server/platform/db/db.ts';
import { consume, fmt, median, rng, type BenchContext } from './harness.ts';

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
    ctx.skip('store cycle (PostgreSQL)', 'set BENCH_DATABASE_URL=postgres://… to time the store side of a sweep');
    return;
  }
  await store(ctx, url, n);
}

// ── the store side ────────────────────────────────────────────────────────────────────────────────────────────────

const TABLE = 'bench_sla_cases';
const inList = (xs: readonly number[]) => `array[${xs.join(',')}]::bigint[]`;
const cumCase = (v: string, cum: readonly [string, number][]) =>
  `case ${cum.map(([s, p]) => `when ${v} < ${p} then '${s}'`).join(' ')} end`;

/**
 * The same mix and the same rules as makeCase, written in SQL; next_check_at is what nextCheckAt gives at PREV.
 * Each step is a CTE with `offset 0`, which keeps the planner from folding the steps into one expression that repeats
 * every earlier step wherever its columns are used (that took 150 s for 1,000,000 rows instead of ~20 s).
 */
const GENERATE = `
insert into ${TABLE} (id, status, tier, clocks, next_check_at, escalated_at, created_at, escalate_after_ms)
with r as (
  select i, random() rs, random() rt, random() rp, random() rq, random() rq2, random() ra, random() re, random() rx,
         random() rl, random() ru, random() rd, random() rd2, random() rd3, random() rj, random() rk
  from generate_series(1, $1::int) i offset 0
), s as (
  select r.*, ${cumCase('rs', STATUS_CUM)} as status, ${cumCase('rt', TIER_CUM)} as tier from r offset 0
), f as (
  select s.*,
    status in ('dispatched', 'in_progress') as handle_runs,
    status <> 'handled' and tier <> 'district' as escalatable,
    status = 'in_progress' and rp < ${P_PAUSED} as paused,
    case when status = 'in_progress' and rq < ${P_SUSPENDED_BEFORE} then floor(${2 * HOUR} + rq2 * ${46 * HOUR})::bigint else 0 end as susp,
    (${inList(HANDLE_H)})[1 + floor(rl * ${HANDLE_H.length})::int] * ${HOUR} as handle_span,
    re < ${P_ESCALATE_AFTER} as wants_e
  from s offset 0
), g as (
  select f.*,
    case when paused then ${PREV} - floor(${HOUR} + ra * ${47 * HOUR})::bigint end as paused_at,
    case when not (escalatable and not paused and rx < ${P_EDGE}) then null when wants_e then 'escalateAfter'
         when handle_runs or status = 'reported' then 'clock' else 'escalateAfter' end as edge_rule,
    case status when 'reported' then (${inList(ACCEPT_MIN)})[1 + floor(rl * ${ACCEPT_MIN.length})::int] * ${MIN}
                when 'accepted' then ${30 * MIN} when 'handled' then ${24 * HOUR} else handle_span end as span
  from f offset 0
), u as (
  select g.*,
    case when edge_rule = 'clock' then span - floor(rj * ${INTERVAL})::bigint
         when status = 'dispatched' then floor(ru * ${90 * MIN})::bigint
         when status = 'in_progress' then floor(ru * (case when escalatable and not paused then 0.999 else 1.2 end) * span)::bigint
         when status = 'reported' then floor(ru * (case when escalatable then 0.999 else 1.3 end) * span)::bigint
         else floor(ru * 1.3 * span)::bigint end as used
  from g offset 0
), t as (
  select u.*, coalesce(paused_at, ${PREV}) - used - susp as start from u offset 0
), c as (
  select t.*,
    case status when 'handled' then start - floor((0.2 + rd3 * 0.9) * handle_span)::bigint else start end as dispatched_at
  from t offset 0
), d as (
  select c.*, case when status = 'accepted' then start else dispatched_at - floor(rd * ${60 * MIN})::bigint end as accepted_at from c offset 0
), e as (
  select d.*, case when status = 'reported' then start else accepted_at - floor(rd2 * ${40 * MIN})::bigint end as created,
    case when tier <> 'grid' and handle_runs and rk < ${P_ESCALATED} then start end as escalated,
    case when handle_runs then susp else 0 end as susp_counted
  from d offset 0
), k as (
  select e.*, coalesce(escalated, created) as tier_since from e offset 0
), x as (
  select k.*,
    case when edge_rule = 'escalateAfter' then ${NOW} - tier_since - susp_counted - floor(rj * ${INTERVAL})::bigint
         when wants_e then case ${ESCALATE_AFTER_H.map((h) => `when ${h * HOUR}::bigint > ${PREV} - tier_since - susp_counted then ${h * HOUR}::bigint`).join(' ')} end
    end as e_ms
  from k offset 0
)
select md5(i::text)::uuid::text, status, tier,
  case status
    when 'reported' then jsonb_build_object('accept', pg_temp.bench_clock(start, span, 0, null, null))
    when 'accepted' then jsonb_build_object(
      'accept', pg_temp.bench_clock(created, ${30 * MIN}, 0, null, accepted_at),
      'dispatch', pg_temp.bench_clock(start, span, 0, null, null))
    when 'dispatched' then jsonb_build_object(
      'accept', pg_temp.bench_clock(created, ${30 * MIN}, 0, null, accepted_at),
      'dispatch', pg_temp.bench_clock(accepted_at, ${30 * MIN}, 0, null, dispatched_at),
      'arrive', pg_temp.bench_clock(start, ${60 * MIN}, 0, null, null),
      'handle', pg_temp.bench_clock(start, span, 0, null, null))
    when 'in_progress' then jsonb_build_object(
      'accept', pg_temp.bench_clock(created, ${30 * MIN}, 0, null, accepted_at),
      'dispatch', pg_temp.bench_clock(accepted_at, ${30 * MIN}, 0, null, dispatched_at),
      'arrive', pg_temp.bench_clock(start, ${60 * MIN}, 0, null, start + least(floor(rd3 * ${120 * MIN})::bigint, used / 2)),
      'handle', pg_temp.bench_clock(start, span, susp, paused_at, null))
    else jsonb_build_object(
      'accept', pg_temp.bench_clock(created, ${30 * MIN}, 0, null, accepted_at),
      'dispatch', pg_temp.bench_clock(accepted_at, ${30 * MIN}, 0, null, dispatched_at),
      'arrive', pg_temp.bench_clock(dispatched_at, ${60 * MIN}, 0, null, dispatched_at + floor(rd3 * ${120 * MIN})::bigint),
      'handle', pg_temp.bench_clock(dispatched_at, handle_span, 0, null, start),
      'verify', pg_temp.bench_clock(start, span, 0, null, null))
  end,
  pg_temp.bench_ts(least(
    pg_temp.bench_next(start, span, susp, paused_at),
    case when status = 'dispatched' then pg_temp.bench_next(start, ${60 * MIN}, 0, null) end,
    case when e_ms is not null and escalatable and not paused then greatest(${PREV}, tier_since + susp_counted + e_ms) end)),
  pg_temp.bench_ts(escalated), pg_temp.bench_ts(created), e_ms
from x`;

const FUNCTIONS = [
  // a clock with its light at PREV (or when it stopped), as ClockState in jsonb
  // (single-expression SQL functions without FROM and no more immutable than their body, so that the planner inlines
  // them: called, they cost ~10 µs each)
  `create function pg_temp.bench_light(used bigint, span bigint) returns text language sql immutable as
   $$ select case when used > span then 'red' when used * 5 <= span * 4 then 'green' else 'yellow' end $$`,
  `create function pg_temp.bench_clock(s bigint, span bigint, susp bigint, paused bigint, stopped bigint) returns jsonb
   language sql stable as $$
     select jsonb_build_object('startedAt', s, 'due', s + span, 'suspendedMs', susp, 'pausedAt', paused, 'stoppedAt', stopped,
       'light', pg_temp.bench_light(coalesce(stopped, ${PREV}) - s - susp - coalesce(coalesce(stopped, ${PREV}) - paused, 0), span)) $$`,
  // a running clock's next light change after PREV (as nextCheckAt), null when paused or already red
  `create function pg_temp.bench_next(s bigint, span bigint, susp bigint, paused bigint) returns bigint
   language sql immutable as $$
     select case when paused is not null then null
                 when s + susp + span * 4 / 5 + 1 > ${PREV} then s + susp + span * 4 / 5 + 1
                 when s + span + susp + 1 > ${PREV} then s + span + susp + 1 end $$`,
  `create function pg_temp.bench_ts(ms bigint) returns timestamptz language sql stable as
   $$ select timestamptz 'epoch' + ms * interval '1 millisecond' $$`,
];

interface DueRow {
  id: string;
  status: CaseStatus;
  tier: Tier;
  clocks: ClockSet;
  next_ms: number;
  tier_since: number;
  escalate_after_ms: number | null;
}

const SELECT_DUE = `select id, status, tier, clocks, (extract(epoch from next_check_at) * 1000)::int8 as next_ms,
    (extract(epoch from coalesce(escalated_at, created_at)) * 1000)::int8 as tier_since, escalate_after_ms
  from ${TABLE} where next_check_at <= $1 order by next_check_at limit $2`;

const UPDATE = `update ${TABLE} b
  set clocks = u.clocks, next_check_at = pg_temp.bench_ts(u.next), tier = u.tier,
      escalated_at = coalesce(pg_temp.bench_ts(u.escalated), b.escalated_at)
  from unnest($1::text[], $2::jsonb[], $3::int8[], $4::text[], $5::int8[]) as u(id, clocks, next, tier, escalated)
  where b.id = u.id`;

const toSweepCase = (r: DueRow): SweepCase => ({
  id: r.id, status: r.status, tier: r.tier, clocks: r.clocks, tierSince: r.tier_since, escalateAfterMs: r.escalate_after_ms,
});

async function store(ctx: BenchContext, url: string, n: number): Promise<void> {
  const db = await openPostgres(url, 1);
  if (!('pool' in db.raw)) throw new Error('expected a PostgreSQL pool');
  // one session: the table and its helper functions are temporary
  const client: pg.PoolClient = await db.raw.pool.connect();
  try {
    const version = (await client.query<{ v: string; tb: string }>(
      `select split_part(version(), ' ', 2) as v, current_setting('temp_buffers') as tb`)).rows[0]!;
    await client.query('set jit = off');
    ctx.log(`PostgreSQL ${version.v} (jit off for this session; temp_buffers ${version.tb})`);
    await client.query(`drop table if exists ${TABLE}`);
    // the columns of `cases` the sweep reads or writes; escalate_after_ms stands for the join to matters.escalate_after_h
    await client.query(`create temp table ${TABLE} (
      id text not null, status text not null, tier text not null, clocks jsonb not null default '{}',
      next_check_at timestamptz, escalated_at timestamptz, created_at timestamptz not null, escalate_after_ms bigint)`);
    for (const f of FUNCTIONS) await client.query(f);
    let t0 = process.hrtime.bigint();
    await client.query('select setseed(0.51)');
    await client.query(GENERATE, [n]);
    const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
    t0 = process.hrtime.bigint();
    // indexes built after the load: a sorted build beats a million random inserts through 8 MB of temp buffers
    await client.query(`alter table ${TABLE} add primary key (id)`);
    await client.query(`create index ${TABLE}_next_check on ${TABLE} (next_check_at) where next_check_at is not null`);
    await client.query(`analyze ${TABLE}`);
    const indexMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const stats = (await client.query<{ n: number; due: number; mb: number }>(
      `select count(*)::int as n, count(*) filter (where next_check_at <= $1)::int as due,
              pg_total_relation_size('${TABLE}')::float8 / 1048576 as mb from ${TABLE}`, [new Date(NOW)])).rows[0]!;
    ctx.log(
      `${fmt(stats.n)} rows generated by SQL in ${fmt(loadMs)} ms (${fmt(stats.mb)} MB with indexes), primary key, partial index and ANALYZE in ` +
        `${fmt(indexMs)} ms; ${fmt(stats.due)} due at the sweep (${fmt((stats.due / stats.n) * 100, 2)} %)`,
    );

    // the SQL generator against the domain: next_check_at as nextCheckAt would have stored it at PREV
    const sample = (await client.query<DueRow>(
      `select id, status, tier, clocks, (extract(epoch from next_check_at) * 1000)::int8 as next_ms,
              (extract(epoch from coalesce(escalated_at, created_at)) * 1000)::int8 as tier_since, escalate_after_ms
       from ${TABLE} tablesample system (2) repeatable (7)`)).rows;
    let off = 0;
    const offs: string[] = [];
    for (const row of sample) {
      const want = nextCheckAt(toSweepCase(row), new Date(PREV));
      if (want !== row.next_ms) {
        off++;
        if (offs.length < 3) offs.push(`${row.id} ${row.status}: ${row.next_ms} ≠ ${want}`);
      }
    }
    ctx.check('SQL next_check_at = nextCheckAt', off === 0 && sample.length > 0,
      `${fmt(sample.length)} sampled rows, ${off} differ${offs.length ? `: ${offs.join('; ')}` : ''}`);

    const batch = Math.max(500, Math.round(5_000 * ctx.scale));
    const plan = JSON.stringify((await client.query(`explain (format json) ${SELECT_DUE.replace('$1', `'${new Date(NOW).toISOString()}'`).replace('$2', String(batch))}`)).rows);
    ctx.log(`due query uses the partial index: ${plan.includes(`${TABLE}_next_check`) ? 'yes' : `NO (${plan.slice(0, 200)})`}`);

    await ctx.measure('count(*) full scan', { ops: 1, unit: 'scans', rounds: 3 }, async () => {
      consume((await client.query(`select count(*) from ${TABLE}`)).rows[0]);
    });

    // one cycle as the store runs it: due rows locked, the sweep, one update for all of them, commit
    const now = new Date(NOW);
    const read: number[] = [];
    let changes = 0, escalations = 0, stillDue = 0;
    const processed: string[] = [];
    const phases = { select: [] as number[], sweep: [] as number[], update: [] as number[] };
    const lap = (since: bigint, into: number[]) => {
      const t = process.hrtime.bigint();
      into.push(Number(t - since) / 1e6);
      return t;
    };
    const cycle = await ctx.measure(
      `store cycle (${fmt(batch)} due rows)`,
      { ops: 1, unit: 'cycles', rounds: 3, warmup: 1, vs: 'count(*) full scan' },
      async () => {
        let t = process.hrtime.bigint();
        await client.query('begin');
        const rows = (await client.query<DueRow>(`${SELECT_DUE} for update skip locked`, [now, batch])).rows;
        t = lap(t, phases.select);
        const open = rows.map(toSweepCase);
        const res = sweep(open, now);
        const escalate = new Map(res.escalations.map((e) => [e.caseId, e]));
        const byId = new Map(open.map((c) => [c.id, c]));
        for (const ch of res.lightChanges) byId.get(ch.caseId)!.clocks[ch.clock]!.light = ch.to;
        const ids: string[] = [], clocks: string[] = [], next: (number | null)[] = [], tiers: string[] = [], escalated: (number | null)[] = [];
        for (const c of open) {
          const e = escalate.get(c.id);
          const after = e ? { ...c, tier: e.toTier, tierSince: NOW } : c;
          ids.push(c.id);
          clocks.push(JSON.stringify(c.clocks));
          const at = nextCheckAt(after, now);
          next.push(at);
          if (at !== null && at <= NOW) stillDue++;
          tiers.push(after.tier);
          escalated.push(e ? NOW : null);
        }
        t = lap(t, phases.sweep);
        await client.query(UPDATE, [ids, clocks, next, tiers, escalated]);
        await client.query('commit');
        lap(t, phases.update);
        read.push(rows.length);
        changes += res.lightChanges.length;
        escalations += res.escalations.length;
        processed.push(...ids);
      },
    );
    const cycles = read.length;
    const left = (await client.query<{ n: number }>(`select count(*)::int as n from ${TABLE} where next_check_at <= $1`, [now])).rows[0]!.n;
    const back = (await client.query<{ n: number }>(
      `select count(*)::int as n from ${TABLE} where id = any($1) and next_check_at <= $2`, [processed, now])).rows[0]!.n;
    ctx.log(
      `${fmt(cycle.medianNs / 1e6, 1)} ms per cycle of ${fmt(batch)} rows; ${cycles} cycles read ${read.map((x) => fmt(x)).join(', ')} rows: ` +
        `${fmt(changes)} light changes, ${fmt(escalations)} escalations (tier and escalated_at written, clocks not restarted, no events); ` +
        `median phases: select + decode ${fmt(median(phases.select), 1)} ms, sweep + encode ${fmt(median(phases.sweep), 1)} ms, ` +
        `update + commit ${fmt(median(phases.update), 1)} ms; ` +
        `${fmt(stats.due)} due at the start → a full sweep ≈ ${Math.ceil(stats.due / batch)} cycles ≈ ` +
        `${fmt((Math.ceil(stats.due / batch) * cycle.medianNs) / 1e6)} ms; ${fmt(left)} still due after ${cycles} cycles`,
    );
    ctx.check(
      'store cycles move processed rows past the sweep',
      read.every((x) => x === batch) && back === 0 && stillDue === 0 && left === Math.max(0, stats.due - cycles * batch),
      `${fmt(processed.length)} rows processed, ${back} of them still due; ${fmt(left)} due left of ${fmt(stats.due)}` +
        `${read.every((x) => x === batch) ? '' : ` (a cycle read fewer than ${fmt(batch)} rows)`}`,
    );
  } finally {
    await client.query('rollback').catch(() => undefined);
    await client.query(`drop table if exists ${TABLE}`).catch(() => undefined);
    client.release();
    await db.close();
  }
}
