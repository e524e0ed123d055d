// Writes the facts of a range of days and adds their change into the roll-ups. Only the indicators job writes here.
//   1. the measures of the days are counted afresh (measure-queries.ts) into a scratch table;
//   2. the change against the stored facts of those days (new minus old, per unit, day and measure) is taken;
//   3. the facts that changed are written (a fact gone to zero is deleted: facts hold non-zero rows only);
//   4. ONE upsert adds each change into the roll-ups of the fact's unit and every unit above it (the ids on its
//      org_units.path) × the day, its month, quarter and year — flow measures only for the longer periods;
//   5. stock measures: a month, quarter or year whose last counted day is among these days takes that day's values.
// A day's change thus never recomputes the year; a range is counted in one statement per step.
import type { Tx } from '../platform/db/db.ts';
import { MEASURES_SQL, STOCK_MEASURES } from './measure-queries.ts';

/** serialises writers of facts and roll-ups (the 10-minute job, the nightly run, a recompute) */
const LOCK_KEY = 1_700_017;

const PERIODS_OF_DAY = `(values (to_char(d.day, 'YYYY-MM-DD'), 'day'), (to_char(d.day, 'YYYY-MM'), 'month'),
  (to_char(d.day, 'YYYY"Q"Q'), 'quarter'), (to_char(d.day, 'YYYY'), 'year')) p(period, kind)`;

export interface CountedRange {
  /** fact rows written (inserted, changed or deleted) */
  changed: number;
  /** fact rows the days hold now */
  factRows: number;
}

/** Counts the days from..to (YYYY-MM-DD, inclusive) inside the caller's transaction. */
export async function countRange(tx: Tx, from: string, to: string, now: Date): Promise<CountedRange> {
  await tx.query('select pg_advisory_xact_lock($1)', [LOCK_KEY]);
  // a month of a district's facts is grouped and joined in memory, not in sort files on disk; and no JIT: compiling the
  // large statements cost more (2.7 of 3.5 s for a day's count of a town's grids) than running them
  await tx.exec(`set local work_mem = '64MB'; set local jit = off`);
  await tx.exec(`
    create temp table if not exists indicator_new_facts (org_unit_id text, day date, measure text, value double precision);
    create temp table if not exists indicator_fact_changes (org_unit_id text, day date, measure text, delta double precision, value double precision);
    truncate indicator_new_facts; truncate indicator_fact_changes;`);
  await tx.query(`insert into indicator_new_facts ${MEASURES_SQL}`, [from, to]);
  await tx.query(
    `insert into indicator_fact_changes
     select coalesce(n.org_unit_id, o.org_unit_id), coalesce(n.day, o.day), coalesce(n.measure, o.measure),
            coalesce(n.value, 0) - coalesce(o.value, 0), n.value
       from indicator_new_facts n
       full join (select org_unit_id, day, measure, value from indicator_facts where day between $1 and $2) o
         on o.org_unit_id = n.org_unit_id and o.day = n.day and o.measure = n.measure
      where coalesce(n.value, 0) <> coalesce(o.value, 0)`,
    [from, to],
  );
  await tx.query(
    `delete from indicator_facts f using indicator_fact_changes c
      where c.value is null and f.day = c.day and f.org_unit_id = c.org_unit_id and f.measure = c.measure`,
  );
  const written = await tx.query(
    `insert into indicator_facts (org_unit_id, day, measure, value)
     select org_unit_id, day, measure, value from indicator_fact_changes where value is not null
     on conflict (day, org_unit_id, measure) do update set value = excluded.value`,
  );
  const changes = await tx.query<{ n: number }>('select count(*)::int as n from indicator_fact_changes');
  // every change summed per fact unit and period first (a month of a grid's days is one row), then into the unit and
  // its ancestors × the day (all measures) and its longer periods (flow measures)
  await tx.query(
    `insert into indicator_rollups (org_unit_id, period, measure, value)
     select a.id, x.period, x.measure, sum(x.delta)
       from (select c.org_unit_id, p.period, c.measure, sum(c.delta) as delta
               from indicator_fact_changes c
               cross join lateral (select c.day) d
               cross join lateral ${PERIODS_OF_DAY}
              where p.kind = 'day' or not (c.measure = any($1))
              group by 1, 2, 3) x
       join org_units u on u.id = x.org_unit_id
       cross join lateral unnest(string_to_array(trim(both '/' from u.path), '/')) a(id)
      group by 1, 2, 3
     on conflict (org_unit_id, period, measure) do update set value = indicator_rollups.value + excluded.value`,
    [STOCK_MEASURES],
  );
  await tx.query(
    `delete from indicator_rollups r using (
       select distinct p.period from generate_series($1::date, $2::date, interval '1 day') g(day)
       cross join lateral (select g.day::date as day) d cross join lateral ${PERIODS_OF_DAY}) x
      where r.period = x.period and r.value = 0`,
    [from, to],
  );
  await tx.query(
    `insert into indicator_counted_days (day, counted_at)
     select g.day::date, $3 from generate_series($1::date, $2::date, interval '1 day') g(day)
     on conflict (day) do update set counted_at = excluded.counted_at`,
    [from, to, now],
  );
  await setStockPeriods(tx, from, to);
  const facts = await tx.query<{ n: number }>('select count(*)::int as n from indicator_facts where day between $1 and $2', [from, to]);
  void written;
  return { changed: changes.rows[0]!.n, factRows: facts.rows[0]!.n };
}

/**
 * The months, quarters and years of the days from..to whose last counted day lies in from..to take that day's roll-ups
 * of the stock measures (a period's open cases, residents… are those at the end of its last counted day).
 */
async function setStockPeriods(tx: Tx, from: string, to: string): Promise<void> {
  const periods = await tx.query<{ period: string; last: string }>(
    `select x.period, to_char(max(k.day), 'YYYY-MM-DD') as last
       from (select distinct p.period, p.kind
               from generate_series($1::date, $2::date, interval '1 day') g(day)
               cross join lateral (select g.day::date as day) d cross join lateral ${PERIODS_OF_DAY}
              where p.kind <> 'day') x
       join indicator_counted_days k on to_char(k.day, case x.kind when 'month' then 'YYYY-MM' when 'quarter' then 'YYYY"Q"Q' else 'YYYY' end) = x.period
      group by x.period
     having max(k.day) between $1::date and $2::date`,
    [from, to],
  );
  if (periods.rows.length === 0) return;
  const keys = periods.rows.map((r) => r.period);
  const lasts = periods.rows.map((r) => r.last);
  await tx.query('delete from indicator_rollups where period = any($1) and measure = any($2)', [keys, STOCK_MEASURES]);
  await tx.query(
    `insert into indicator_rollups (org_unit_id, period, measure, value)
     select r.org_unit_id, x.period, r.measure, r.value
       from unnest($1::text[], $2::text[]) x(period, last)
       join indicator_rollups r on r.period = x.last and r.measure = any($3)`,
    [keys, lasts, STOCK_MEASURES],
  );
}

/**
 * The roll-ups computed from scratch: every stored fact summed into its unit and every unit above it × its day, month,
 * quarter and year in one GROUP BY (stock measures: the period's last counted day). What the tests and the benchmark
 * compare the incremental roll-ups with ($1: the stock measures).
 */
export const NAIVE_ROLLUPS_SQL = `
with anc as (
  select a.id as unit, f.day, f.measure, f.value
    from indicator_facts f join org_units u on u.id = f.org_unit_id
    cross join lateral unnest(string_to_array(trim(both '/' from u.path), '/')) a(id)
),
lasts as (
  select p.period, max(k.day) as last
    from indicator_counted_days k cross join lateral (select k.day) d cross join lateral ${PERIODS_OF_DAY}
   where p.kind <> 'day' group by p.period
)
select unit as org_unit_id, p.period, measure, sum(value) as value
  from anc cross join lateral (select anc.day) d cross join lateral ${PERIODS_OF_DAY}
 where p.kind = 'day' or not (measure = any($1))
 group by 1, 2, 3
union all
select unit, l.period, measure, sum(value)
  from anc join lasts l on l.last = anc.day
 where measure = any($1)
 group by 1, 2, 3`;
