import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';
import { NO_COUNTS, type ProgressCounts } from '../../domain/tasks/progress.ts';

/*
 * Progress of grid workers and their units, counted in SQL (group by), never rows loaded to count. Each figure is
 * grouped by unit (the unit itself and each of its children: a task of a grid counts for its community and its town)
 * or by worker. Days are Asia/Shanghai days; `fromTs`/`toTs` bound the period (the start of `from`, the end of `to`).
 */

export interface UnitRef { id: string; path: string }
export interface Period { from: string; to: string; today: string; fromTs: Date; toTs: Date }

/** A timestamptz's day in Asia/Shanghai (UTC+8 all year), whatever the session's time zone. */
const day = (col: string) => `((${col} at time zone 'UTC') + interval '8 hours')::date`;
const GRID_WORKER = `'gridWorker' = any(a.roles)`;

type Counts = Map<string, ProgressCounts>;
const add = (m: Counts, key: string, part: Partial<ProgressCounts>) => {
  const c = m.get(key) ?? { ...NO_COUNTS };
  for (const [k, v] of Object.entries(part) as [keyof ProgressCounts, number][]) c[k] += Number(v);
  m.set(key, c);
};

/** Figures per unit of `units` (rows under a unit's path count for it) and per worker, inside `underPath`. */
export async function countProgress(tx: Tx, underPath: string, units: readonly UnitRef[], p: Period): Promise<{ byUnit: Counts; byWorker: Counts }> {
  const u = JSON.stringify(units);
  const under = likePrefix(underPath);
  const byUnit: Counts = new Map();
  const byWorker: Counts = new Map();

  const taskFigures = `count(*)::int as tasks_due, (count(*) filter (where t.status = 'done'))::int as tasks_done,
      (count(*) filter (where t.status = 'open' and t.due_on < $4::date))::int as overdue_open,
      (count(*) filter (where t.kind = 'keyVisit'))::int as key_due,
      (count(*) filter (where t.kind = 'keyVisit' and t.status = 'done' and ${day('t.done_at')} <= t.due_on))::int as key_in_time`;
  const taskWhere = `t.org_path like $1 and t.due_on >= $2::date and t.due_on <= $3::date and t.status <> 'cancelled'`;
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
       where c.reporter_account_id is not null and c.created_at >= $2 and c.created_at < $3 and c.org_path like $1)`;
  type ActCounts = { key: string; active_days: number; reports: number; visits: number };
  const actPart = (r: ActCounts) => ({ activeDays: r.active_days, reports: r.reports, visits: r.visits });

  const [unitTasks, workerTasks, unitActs, workerActs, unitWorkers] = await Promise.all([
    tx.query<TaskCounts>(
      `select ch.id as key, ${taskFigures} from tasks t
         join jsonb_to_recordset($5::jsonb) as ch(id text, path text) on left(t.org_path, length(ch.path)) = ch.path
        where ${taskWhere} group by ch.id`, [under, p.from, p.to, p.today, u]),
    tx.query<TaskCounts>(
      `select t.assignee_id as key, ${taskFigures} from tasks t where ${taskWhere} and t.assignee_id is not null group by t.assignee_id`,
      [under, p.from, p.to, p.today]),
    tx.query<ActCounts>(
      `${events} select ch.id as key, count(distinct ev.actor || ' ' || ev.d::text)::int as active_days, sum(ev.r)::int as reports, sum(ev.v)::int as visits
         from ev join accounts a on a.id = ev.actor and ${GRID_WORKER}
         join jsonb_to_recordset($4::jsonb) as ch(id text, path text) on left(ev.org_path, length(ch.path)) = ch.path
        group by ch.id`, [under, p.fromTs, p.toTs, u]),
    tx.query<ActCounts>(
      `${events} select ev.actor as key, count(distinct ev.d)::int as active_days, sum(ev.r)::int as reports, sum(ev.v)::int as visits
         from ev join accounts a on a.id = ev.actor and ${GRID_WORKER} group by ev.actor`, [under, p.fromTs, p.toTs]),
    tx.query<{ key: string; workers: number }>(
      `select ch.id as key, count(distinct m.account_id)::int as workers from grid_team_members m
         join accounts a on a.id = m.account_id and a.disabled_at is null and ${GRID_WORKER}
         join org_units g on g.id = m.grid_id
         join jsonb_to_recordset($2::jsonb) as ch(id text, path text) on left(g.path, length(ch.path)) = ch.path
        where g.path like $1 and m.team_role in ('fullTime', 'partTime') group by ch.id`, [under, u]),
  ]);
  for (const r of unitTasks.rows) add(byUnit, r.key, taskPart(r));
  for (const r of workerTasks.rows) add(byWorker, r.key, taskPart(r));
  for (const r of unitActs.rows) add(byUnit, r.key, actPart(r));
  for (const r of workerActs.rows) add(byWorker, r.key, actPart(r));
  for (const r of unitWorkers.rows) add(byUnit, r.key, { workers: r.workers });
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
