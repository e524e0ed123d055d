import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';
import { NO_COUNTS, type ProgressCounts } from '../../domain/tasks/progress.ts';

/*
 * Progress of grid workers and their units, counted in SQL (group by), never rows loaded to count. Each figure is
 * grouped by the unit's child the row lies under (a task of a grid counts for its community), with the unit's own total,
 * or by worker. Days are Asia/Shanghai days; `fromTs`/`toTs` bound the period (the start of `from`, the end of `to`).
 */

/** The key of the unit's own figures among its children's. */
export const TOTAL = '';
export interface Period { from: string; to: string; today: string; fromTs: Date; toTs: Date }

/** A timestamptz's day in Asia/Shanghai (UTC+8 all year), whatever the session's time zone. */
const day = (col: string) => `((${col} at time zone 'UTC') + interval '8 hours')::date`;
const GRID_WORKER = `'gridWorker' = any(a.roles)`;

type Counts = Map<string, ProgressCounts>;
const add = (m: Counts, key: string | null, part: Partial<ProgressCounts>) => {
  if (key === null) return;
  const c = m.get(key) ?? { ...NO_COUNTS };
  for (const [k, v] of Object.entries(part) as [keyof ProgressCounts, number][]) c[k] += Number(v);
  m.set(key, c);
};

/**
 * Figures of the unit at `underPath` (key `total`) and of each child unit below it (keyed by the child's id, the path
 * segment after the unit's), one pass each with grouping sets — distinct counts (active days, workers) are counted for
 * the unit itself, not added up from its children — and per worker.
 */
export async function countProgress(tx: Tx, underPath: string, p: Period): Promise<{ byUnit: Counts; byWorker: Counts }> {
  const under = likePrefix(underPath);
  const byUnit: Counts = new Map();
  const byWorker: Counts = new Map();
  const child = (col: string, n: number) => `split_part(substr(${col}, $${n}::int + 1), '/', 1)`;
  // a row right at the unit's own path (a grid's tasks when the unit is a grid) belongs to no child
  const keyOf = (r: { k: string; total: number }) => (Number(r.total) === 1 ? TOTAL : r.k === '' ? null : r.k);

  // rates count the tasks due in the period; overdue counts every task still open past its deadline by the period's
  // end, also one that fell due before it (a missed task stays on the list until done, so it is still owed)
  const inPeriod = `t.due_on >= $2::date`;
  const taskFigures = `(count(*) filter (where ${inPeriod}))::int as tasks_due,
      (count(*) filter (where ${inPeriod} and t.status = 'done'))::int as tasks_done,
      (count(*) filter (where t.status = 'open' and t.due_on < $4::date))::int as overdue_open,
      (count(*) filter (where ${inPeriod} and t.kind = 'keyVisit'))::int as key_due,
      (count(*) filter (where ${inPeriod} and t.kind = 'keyVisit' and t.status = 'done' and ${day('t.done_at')} <= t.due_on))::int as key_in_time`;
  const taskWhere = `t.org_path like $1 and t.due_on <= $3::date and (${inPeriod} or t.status = 'open') and t.status <> 'cancelled'`;
  type TaskCounts = { key: string; tasks_due: number; tasks_done: number; overdue_open: number; key_due: number; key_in_time: number };
  const taskPart = (r: TaskCounts) => ({ tasksDue: r.tasks_due, tasksDone: r.tasks_done, overdueOpen: r.overdue_open, keyVisitsDue: r.key_due, keyVisitsInTime: r.key_in_time });

  // activity: a task done, a visit, a report — by grid workers, on a day of the period
  const events = `with ev as (
      select t.done_by as actor, t.org_path, ${day('t.done_at')} as d, 0 as r, 0 as v from tasks t
       where t.status = 'done' and t.done_by is not null and t.done_at >= $2 and t.done_at < $3 and t.org_path like $1
      union all
      select v.visitor_id, v.org_path, ${day('v.at')}, 0, 1 from visits v where v.at >= $2 and v.at < $3 and v.org_path like $1
      union all
      select c.reporter_account_id, c.org_path, ${day('c.created_at')}, 1, 0 from cases c
       where c.reporter_account_id is not null and c.created_at >= $2 and c.created_at < $3 and c.org_path like $1),
    gw as (select ev.*, ${child('ev.org_path', 4)} as k from ev join accounts a on a.id = ev.actor and ${GRID_WORKER})`;
  type ActCounts = { key: string; active_days: number; reports: number; visits: number };
  const actPart = (r: ActCounts) => ({ activeDays: r.active_days, reports: r.reports, visits: r.visits });

  const [unitTasks, workerTasks, unitActs, workerActs, unitWorkers] = await Promise.all([
    tx.query<TaskCounts & { k: string; total: number }>(
      `select x.k, grouping(x.k) as total, ${taskFigures.replaceAll('t.', 'x.')}
         from (select t.status, t.kind, t.due_on, t.done_at, ${child('t.org_path', 5)} as k from tasks t where ${taskWhere}) x
        group by grouping sets ((x.k), ())`, [under, p.from, p.to, p.today, underPath.length]),
    tx.query<TaskCounts>(
      `select t.assignee_id as key, ${taskFigures} from tasks t where ${taskWhere} and t.assignee_id is not null group by t.assignee_id`,
      [under, p.from, p.to, p.today]),
    tx.query<ActCounts & { k: string; total: number }>(
      `${events} select gw.k, grouping(gw.k) as total, count(distinct gw.actor || ' ' || gw.d::text)::int as active_days,
              sum(gw.r)::int as reports, sum(gw.v)::int as visits
         from gw group by grouping sets ((gw.k), ())`, [under, p.fromTs, p.toTs, underPath.length]),
    tx.query<ActCounts>(
      `${events} select gw.actor as key, count(distinct gw.d)::int as active_days, sum(gw.r)::int as reports, sum(gw.v)::int as visits
         from gw group by gw.actor`, [under, p.fromTs, p.toTs, underPath.length]),
    tx.query<{ k: string; total: number; workers: number }>(
      `select x.k, grouping(x.k) as total, count(distinct x.account_id)::int as workers
         from (select m.account_id, ${child('g.path', 2)} as k from grid_team_members m
                 join accounts a on a.id = m.account_id and a.disabled_at is null and ${GRID_WORKER}
                 join org_units g on g.id = m.grid_id
                where g.path like $1 and m.team_role in ('fullTime', 'partTime')) x
        group by grouping sets ((x.k), ())`, [under, underPath.length]),
  ]);
  for (const r of unitTasks.rows) add(byUnit, keyOf(r), taskPart(r));
  for (const r of workerTasks.rows) add(byWorker, r.key, taskPart(r));
  for (const r of unitActs.rows) add(byUnit, keyOf(r), actPart(r));
  for (const r of workerActs.rows) add(byWorker, r.key, actPart(r));
  for (const r of unitWorkers.rows) add(byUnit, keyOf(r), { workers: r.workers });
  for (const [, c] of byWorker) c.workers = 1;
  return { byUnit, byWorker };
}

/** The grid workers on the teams of the unit's grids, and any other account counted, with their names and grids. */
export async function workersOf(tx: Tx, underPath: string, otherIds: readonly string[]): Promise<{ id: string; name: string; grid_names: string[] }[]> {
  const r = await tx.query<{ id: string; name: string; grid_names: string[] | null }>(
    `select a.id, a.name,
            (select array_agg(distinct g.name) from grid_team_members m join org_units g on g.id = m.grid_id
              where m.account_id = a.id and g.path like $1) as grid_names
       from accounts a
      where a.id = any($2::text[])
         or (a.disabled_at is null and ${GRID_WORKER} and exists (select 1 from grid_team_members m join org_units g on g.id = m.grid_id
              where m.account_id = a.id and g.path like $1 and m.team_role in ('fullTime', 'partTime')))`,
    [likePrefix(underPath), otherIds]);
  return r.rows.map((x) => ({ id: x.id, name: x.name, grid_names: x.grid_names ?? [] }));
}

export async function findUnitInScope(tx: Tx, id: string, scopePath: string): Promise<{ id: string; name: string; level: string; path: string } | null> {
  const r = await tx.query<{ id: string; name: string; level: string; path: string }>(
    'select id, name, level, path from org_units where id = $1 and path like $2', [id, likePrefix(scopePath)]);
  return r.rows[0] ?? null;
}

export async function findUnitByPath(tx: Tx, path: string): Promise<{ id: string; name: string; level: string; path: string } | null> {
  const r = await tx.query<{ id: string; name: string; level: string; path: string }>('select id, name, level, path from org_units where path = $1', [path]);
  return r.rows[0] ?? null;
}

export async function childUnits(tx: Tx, parentId: string): Promise<{ id: string; name: string; level: string; path: string }[]> {
  const r = await tx.query<{ id: string; name: string; level: string; path: string }>(
    'select id, name, level, path from org_units where parent_id = $1 and retired_at is null order by sort, code', [parentId]);
  return r.rows;
}
