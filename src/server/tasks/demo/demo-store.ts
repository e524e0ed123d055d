import type { Tx } from '../../platform/db/db.ts';
import type { TaskKind, TaskSubjectKind } from '../../../shared/tasks.ts';

/*
 * What the tasks' demo step reads between its commands: who acts, which grids, whether the town has tasks, which tasks
 * are open on a worker's list or nobody's. Reads only; every change goes through the tasks' (and others') commands.
 */

export { findDemoAccount as findAccount, type DemoAccount } from '../../registry/demo/demo-store.ts';

export async function townHasTasks(tx: Tx, townId: string): Promise<boolean> {
  const r = await tx.query<{ any: boolean }>('select exists (select 1 from tasks where town_id = $1) as any', [townId]);
  return r.rows[0]!.any;
}

export interface DemoGrid { id: string; code: string; name: string; path: string; level: string }

/** The grids (ordinary and dedicated) of a community, by code. */
export async function gridsOfCommunity(tx: Tx, communityId: string): Promise<DemoGrid[]> {
  return (await tx.query<DemoGrid>(
    `select id, code, name, path, level from org_units where parent_id = $1 and level in ('grid', 'dedicatedGrid') and retired_at is null order by code`,
    [communityId])).rows;
}

/** The ordinary grids of a town's communities other than `except`, by code. */
export async function gridsOfOtherCommunities(tx: Tx, townPath: string, except: string): Promise<DemoGrid[]> {
  return (await tx.query<DemoGrid>(
    `select g.id, g.code, g.name, g.path, g.level from org_units g
      where g.path like $1 and g.level = 'grid' and g.retired_at is null and g.parent_id <> $2 order by g.code`,
    [`${townPath}%`, except])).rows;
}

export interface OpenTask {
  id: string;
  kind: TaskKind;
  grid_id: string;
  subject_kind: TaskSubjectKind | null;
  subject_id: string | null;
  title: string;
  lng: number | null;
  lat: number | null;
  starts_on: string;
  due_on: string;
  /** a resident's household, for the visit that covers its members */
  household_id: string | null;
  /** the tags of the resident and of the household's members (what the findings are about) */
  tags: string[];
}

const OPEN = `select t.id, t.kind, t.grid_id, t.subject_kind, t.subject_id, t.title, t.lng, t.lat,
                     to_char(t.starts_on, 'YYYY-MM-DD') as starts_on, to_char(t.due_on, 'YYYY-MM-DD') as due_on,
                     r.household_id,
                     coalesce(case when r.household_id is null then r.tags
                                   else array(select distinct unnest(m.tags) from registry_residents m where m.household_id = r.household_id and m.left_at is null) end,
                              '{}') as tags
                from tasks t left join registry_residents r on t.subject_kind = 'resident' and r.id = t.subject_id`;
/** in an order that does not depend on generated ids, so the same seed walks the same list */
const ORDER = 'order by t.due_on, t.kind, t.lat nulls last, t.lng nulls last, t.title, t.starts_on';

/** The account's open tasks on its list on `day` (started by then), most urgent first. */
export async function openTasksOf(tx: Tx, accountId: string, day: string): Promise<OpenTask[]> {
  return (await tx.query<OpenTask>(`${OPEN} where t.assignee_id = $1 and t.status = 'open' and t.starts_on <= $2::date ${ORDER}`, [accountId, day])).rows;
}

/** Open tasks nobody holds in these grids, of these kinds, started by `day`. */
export async function openUnassigned(tx: Tx, gridIds: readonly string[], kinds: readonly TaskKind[], day: string): Promise<OpenTask[]> {
  return (await tx.query<OpenTask>(
    `${OPEN} where t.grid_id = any($1::text[]) and t.kind = any($2::text[]) and t.assignee_id is null and t.status = 'open' and t.starts_on <= $3::date
      order by t.grid_id, t.due_on, t.kind, t.title`, [gridIds, kinds, day])).rows;
}

/** The tasks a visit closed. */
export async function tasksOfVisit(tx: Tx, visitId: string): Promise<string[]> {
  return (await tx.query<{ id: string }>('select id from tasks where visit_id = $1', [visitId])).rows.map((r) => r.id);
}

/**
 * When a case was last reported handled: the generation replayed for a past day reads today's cases, so a check of a
 * case handled later waits for that day.
 */
export async function caseHandledAt(tx: Tx, caseId: string): Promise<Date | null> {
  const r = await tx.query<{ at: Date | null }>(
    `select max(at) as at from case_events
      where case_id = $1 and case_created_at = (select created_at from cases where id = $1) and action in ('report_done', 'resolve_on_spot')`, [caseId]);
  return r.rows[0]?.at ? new Date(r.rows[0].at) : null;
}
