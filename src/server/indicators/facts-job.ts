// The indicators job: counts the measures per grid and day into facts and roll-ups (rollup-store.ts), records each
// run in indicator_runs. A full run counts a range of days (the demo: its whole history; a recompute); the incremental
// run counts today, yesterday and the days a correction marked dirty.
import type { Db, Tx } from '../platform/db/db.ts';
import { shanghaiDay } from '../../domain/indicators/periods.ts';
import { countRange } from './rollup-store.ts';

export interface CountRange {
  /** first day counted (YYYY-MM-DD, Asia/Shanghai), inclusive */
  from: string;
  /** last day counted, inclusive */
  to: string;
  kind: 'full' | 'incremental';
  /** a run already recorded (startRun): a recompute answered before it finishes */
  runId?: number;
}

export interface CountResult {
  days: number;
  /** fact rows (grid × day × measure, non-zero) the counted days hold after the run */
  factRows: number;
  /** fact rows that changed (written, changed or deleted) */
  changed?: number;
}

/** days per transaction of a long range: a month of facts is written and rolled up at once */
const BATCH_DAYS = 31;
const DAY_MS = 86_400_000;

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}
export function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/**
 * Counts every measure of the days from..to per grid, writes the facts that changed and adds their change into the
 * roll-ups of the grid and every unit above it, for the day, its month, quarter and year; records the run. A long
 * range is counted a month per transaction.
 */
export async function countDays(db: Db, range: CountRange, now: Date): Promise<CountResult> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(range.from) || !/^\d{4}-\d{2}-\d{2}$/.test(range.to) || range.from > range.to) {
    throw new Error(`bad day range ${range.from}..${range.to}`);
  }
  const days = dayCount(range.from, range.to);
  const runId = range.runId ?? await startRun(db, range.kind, range.from, range.to, days, now);
  try {
    let factRows = 0;
    let changed = 0;
    for (let from = range.from; from <= range.to; from = addDays(from, BATCH_DAYS)) {
      const to = addDays(from, BATCH_DAYS - 1) < range.to ? addDays(from, BATCH_DAYS - 1) : range.to;
      const r = await db.transaction((tx) => countRange(tx, from, to, now));
      factRows += r.factRows;
      changed += r.changed;
    }
    await finishRun(db, runId, factRows, null);
    return { days, factRows, changed };
  } catch (err) {
    await finishRun(db, runId, 0, (err as Error).message);
    throw err;
  }
}

/**
 * The incremental run: yesterday and today, then each day marked dirty (a correction touched it after it was
 * counted); a mark is taken off in the transaction that counts its day, so a mark made meanwhile stays for the next run.
 */
export async function runIncremental(db: Db, now: Date): Promise<CountResult> {
  const today = shanghaiDay(now);
  const yesterday = addDays(today, -1);
  const dirty = (await db.query<{ day: string }>(
    `select to_char(day, 'YYYY-MM-DD') as day from indicator_dirty_days where day < $1 order by day`, [yesterday],
  )).rows.map((r) => r.day);
  const from = dirty[0] ?? yesterday;
  const runId = await startRun(db, 'incremental', from, today, 2 + dirty.length, now);
  try {
    let factRows = 0;
    let changed = 0;
    for (const day of dirty) {
      const r = await db.transaction(async (tx) => {
        const marked = await tx.query<{ marked_at: Date }>('select marked_at from indicator_dirty_days where day = $1 for update', [day]);
        const counted = await countRange(tx, day, day, now);
        if (marked.rows[0]) await tx.query('delete from indicator_dirty_days where day = $1 and marked_at <= $2', [day, marked.rows[0].marked_at]);
        return counted;
      });
      factRows += r.factRows;
      changed += r.changed;
    }
    const r = await db.transaction(async (tx) => {
      const counted = await countRange(tx, yesterday, today, now);
      await tx.query('delete from indicator_dirty_days where day between $1 and $2', [yesterday, today]);
      return counted;
    });
    factRows += r.factRows;
    changed += r.changed;
    await finishRun(db, runId, factRows, null);
    return { days: 2 + dirty.length, factRows, changed };
  } catch (err) {
    await finishRun(db, runId, 0, (err as Error).message);
    throw err;
  }
}

/**
 * Marks a past day (YYYY-MM-DD, or the instant of the corrected fact) to be counted again by the next run — call it in
 * the transaction of a correction that changes a fact dated before today.
 */
export async function markDirty(tx: Tx, day: string | Date, now: Date = new Date()): Promise<void> {
  const d = typeof day === 'string' ? day : shanghaiDay(day);
  await tx.query(
    `insert into indicator_dirty_days (day, marked_at) values ($1, $2) on conflict (day) do update set marked_at = excluded.marked_at`,
    [d, now],
  );
}

/**
 * A handling sent back (`reopen`) changes the facts of the day it was handled (it no longer counts as handled on
 * time) and of the day its handling deadline fell on (the clock restarts): call before the case is saved, in the
 * action's transaction.
 */
export async function markCaseReopened(tx: Tx, caseId: string, now: Date): Promise<void> {
  await tx.query(
    `insert into indicator_dirty_days (day, marked_at)
     select distinct d, $2::timestamptz from (
       select (max(e.at) at time zone 'Asia/Shanghai')::date as d from case_events e
        where e.case_id = $1 and e.case_created_at = (select created_at from cases where id = $1) and e.action in ('report_done', 'resolve_on_spot')
       union all
       select (to_timestamp((((c.clocks->'handle'->>'due')::bigint) + coalesce((c.clocks->'handle'->>'suspendedMs')::bigint, 0)) / 1000.0)
               at time zone 'Asia/Shanghai')::date
         from cases c where c.id = $1 and c.clocks ? 'handle') x
      where d is not null and d < ($2::timestamptz at time zone 'Asia/Shanghai')::date
     on conflict (day) do update set marked_at = excluded.marked_at`,
    [caseId, now],
  );
}

/** Records a run as started; its id. */
export async function startRun(db: Tx, kind: 'full' | 'incremental', from: string, to: string, days: number, now: Date): Promise<number> {
  const r = await db.query<{ id: string }>(
    `insert into indicator_runs (kind, from_day, to_day, days, started_at) values ($1, $2, $3, $4, $5) returning id`,
    [kind, from, to, days, now],
  );
  const id = Number(r.rows[0]!.id);
  startedReally.set(id, new Date());
  return id;
}

/** finished at the run's `now` plus the time it took (a test's clock stands still; the run's length is real) */
async function finishRun(db: Db, id: number, factRows: number, error: string | null): Promise<void> {
  await db.query(
    `update indicator_runs set finished_at = started_at + (clock_timestamp() - $4::timestamptz), fact_rows = $2, error = $3 where id = $1`,
    [id, factRows, error?.slice(0, 1000) ?? null, startedReally.get(id) ?? new Date()],
  );
  startedReally.delete(id);
}
const startedReally = new Map<number, Date>();
