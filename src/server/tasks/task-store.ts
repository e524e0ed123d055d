import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';
import type { TaskKind, TaskStatus, TaskSubjectKind } from '../../shared/tasks.ts';
import { taskReachSql, type TaskReach } from './task-reach.ts';

/* Tasks: SQL only. Every read carries the caller's reach. Days are read as text (YYYY-MM-DD). */

export interface TaskRow {
  id: string;
  version: number;
  town_id: string;
  grid_id: string;
  grid_name: string;
  org_path: string;
  kind: TaskKind;
  duty_code: string | null;
  subject_kind: TaskSubjectKind | null;
  subject_id: string | null;
  title: string;
  detail: string | null;
  campaign_id: string | null;
  campaign_title: string | null;
  campaign_content: string | null;
  campaign_material: string[] | null;
  assignee_id: string | null;
  assignee_name: string | null;
  lng: number | null;
  lat: number | null;
  starts_on: string;
  due_on: string;
  status: TaskStatus;
  done_at: Date | null;
  done_by: string | null;
  done_by_name: string | null;
  note: string | null;
  photos: string[];
  visit_id: string | null;
  completion_key: string | null;
  created_by_name: string | null;
  created_at: Date;
}

const COLUMNS = `t.id, t.version, t.town_id, t.grid_id, g.name as grid_name, t.org_path, t.kind, t.duty_code, t.subject_kind, t.subject_id,
  t.title, t.detail, t.campaign_id, c.title as campaign_title, c.content as campaign_content, c.material as campaign_material,
  t.assignee_id, t.assignee_name, t.lng, t.lat, t.starts_on::text as starts_on, t.due_on::text as due_on, t.status, t.done_at,
  t.done_by, t.done_by_name, t.note, t.photos, t.visit_id, t.completion_key, t.created_by_name, t.created_at`;
const FROM = 'tasks t join org_units g on g.id = t.grid_id left join task_campaigns c on c.id = t.campaign_id';

export async function findTask(tx: Tx, reach: TaskReach, id: string, forUpdate = false): Promise<TaskRow | null> {
  const params: unknown[] = [id];
  const r = await tx.query<TaskRow>(
    `select ${COLUMNS} from ${FROM} where t.id = $1 and ${taskReachSql(reach, 't', params)}${forUpdate ? ' for update of t' : ''}`, params);
  return r.rows[0] ?? null;
}

/**
 * A worker's list for a day: every open task of theirs that starts on or before it (by due day), then those they did
 * that day (newest first). `dayStart`/`dayEnd` bound the day in Asia/Shanghai.
 */
export async function listMine(tx: Tx, reach: TaskReach, day: string, dayStart: Date, dayEnd: Date): Promise<TaskRow[]> {
  // two branches, each on its own index: the open tasks by assignee, the done ones by territory and time
  const params: unknown[] = [reach.accountId, day, dayStart, dayEnd];
  const scope = taskReachSql(reach, 't', params);
  const r = await tx.query<TaskRow>(
    `(select ${COLUMNS} from ${FROM}
       where t.assignee_id = $1 and t.status = 'open' and t.starts_on <= $2::date and ${scope}
       order by t.due_on, t.created_at, t.id)
     union all
     (select ${COLUMNS} from ${FROM}
       where t.status = 'done' and t.done_at >= $3 and t.done_at < $4 and t.done_by = $1 and ${scope}
       order by t.done_at desc, t.id)`, params);
  return r.rows;
}

export interface OversightFilter {
  underPath: string | null;
  status?: TaskStatus | undefined;
  overdue: boolean;
  kind?: TaskKind | undefined;
  assigneeId?: string | undefined;
  campaignId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  today: string;
}

function oversightWhere(reach: TaskReach, f: OversightFilter, params: unknown[]): string {
  const where = [taskReachSql(reach, 't', params)];
  const add = (sql: (n: number) => string, v: unknown) => { params.push(v); where.push(sql(params.length)); };
  if (f.underPath) add((n) => `t.org_path like $${n}`, likePrefix(f.underPath));
  if (f.status) add((n) => `t.status = $${n}`, f.status);
  if (f.overdue) add((n) => `t.status = 'open' and t.due_on < $${n}::date`, f.today);
  if (f.kind) add((n) => `t.kind = $${n}`, f.kind);
  if (f.assigneeId) add((n) => `t.assignee_id = $${n}`, f.assigneeId);
  if (f.campaignId) add((n) => `t.campaign_id = $${n}`, f.campaignId);
  if (f.from) add((n) => `t.due_on >= $${n}::date`, f.from);
  if (f.to) add((n) => `t.due_on <= $${n}::date`, f.to);
  return where.join(' and ');
}

/** Tasks for overseers: overdue open ones first, then by due day; one page, with the counts of all matches. */
export async function listOversight(tx: Tx, reach: TaskReach, f: OversightFilter, limit: number, offset: number, dayStart: Date, dayEnd: Date) {
  const params: unknown[] = [];
  const where = oversightWhere(reach, f, params);
  const n = params.length;
  const [rows, counts] = await Promise.all([
    tx.query<TaskRow>(
      `select ${COLUMNS} from ${FROM} where ${where}
        order by (t.status = 'open' and t.due_on < $${n + 1}::date) desc, (t.status = 'open') desc, t.due_on, t.id
        limit $${n + 2} offset $${n + 3}`, [...params, f.today, limit, offset]),
    tx.query<{ total: number; open: number; overdue: number; done_today: number }>(
      `select count(*)::int as total, (count(*) filter (where t.status = 'open'))::int as open,
              (count(*) filter (where t.status = 'open' and t.due_on < $${n + 1}::date))::int as overdue,
              (count(*) filter (where t.status = 'done' and t.done_at >= $${n + 2} and t.done_at < $${n + 3}))::int as done_today
         from tasks t where ${where}`, [...params, f.today, dayStart, dayEnd]),
  ]);
  return { rows: rows.rows, counts: counts.rows[0]! };
}

export interface Completion {
  id: string;
  version: number;
  doneAt: Date;
  doneBy: string;
  doneByName: string;
  note: string | null;
  photos: readonly string[];
  visitId: string | null;
  completionKey: string | null;
  /** the worker takes a task nobody held */
  takeOver: boolean;
  now: Date;
}

/** Marks an open task done, if it is still the version read; false when it changed meanwhile. */
export async function completeTask(tx: Tx, c: Completion): Promise<boolean> {
  const r = await tx.query(
    `update tasks set status = 'done', done_at = $3, done_by = $4, done_by_name = $5, note = $6, photos = $7, visit_id = $8,
            completion_key = $9, assignee_id = case when $10 then $4 else assignee_id end,
            assignee_name = case when $10 then $5 else assignee_name end, version = version + 1, updated_at = $11
      where id = $1 and version = $2 and status = 'open'`,
    [c.id, c.version, c.doneAt, c.doneBy, c.doneByName, c.note, c.photos, c.visitId, c.completionKey, c.takeOver, c.now]);
  return r.rowCount > 0;
}

export type NewTask = Pick<TaskRow, 'town_id' | 'grid_id' | 'org_path' | 'kind' | 'duty_code' | 'subject_kind' | 'subject_id' | 'title' | 'detail'
  | 'campaign_id' | 'assignee_id' | 'assignee_name' | 'lng' | 'lat' | 'starts_on' | 'due_on' | 'created_at'> & {
  dedupe_key: string;
  created_by: string;
  created_by_name: string;
};

/** Inserts a task unless one with its dedupe key exists in the town; the id of the one inserted, or of the existing one. */
export async function insertTask(tx: Tx, t: NewTask): Promise<{ id: string; created: boolean }> {
  const keys = Object.keys(t) as (keyof NewTask)[];
  const r = await tx.query<{ id: string }>(
    `insert into tasks (${keys.join(', ')}, updated_at) values (${keys.map((_, i) => `$${i + 1}`).join(', ')}, $${keys.length + 1})
     on conflict (town_id, dedupe_key) do nothing returning id`, [...keys.map((k) => t[k]), t.created_at]);
  if (r.rows[0]) return { id: r.rows[0].id, created: true };
  const e = await tx.query<{ id: string }>('select id from tasks where town_id = $1 and dedupe_key = $2', [t.town_id, t.dedupe_key]);
  return { id: e.rows[0]!.id, created: false };
}

/** The task with this dedupe key, in whichever town (an ad hoc task's key names its creator). */
export async function findTaskIdByDedupeKey(tx: Tx, dedupeKey: string): Promise<string | null> {
  const r = await tx.query<{ id: string }>('select id from tasks where dedupe_key = $1', [dedupeKey]);
  return r.rows[0]?.id ?? null;
}

/** The task found by its dedupe key in a town (an ad hoc task retried with its Idempotency-Key). */
export async function findTaskIdByKey(tx: Tx, townId: string, dedupeKey: string): Promise<string | null> {
  const r = await tx.query<{ id: string }>('select id from tasks where town_id = $1 and dedupe_key = $2', [townId, dedupeKey]);
  return r.rows[0]?.id ?? null;
}

/** Open key-visit tasks of these subjects held by the visitor (or by nobody) that have started by the day: a visit closes them. */
export async function openVisitTasks(tx: Tx, subjects: readonly { kind: string; id: string }[], visitorId: string, day: string): Promise<{ id: string; version: number; assignee_id: string | null }[]> {
  if (subjects.length === 0) return [];
  const r = await tx.query<{ id: string; version: number; assignee_id: string | null }>(
    `select t.id, t.version, t.assignee_id from tasks t
       join jsonb_to_recordset($1::jsonb) as s(kind text, id text) on t.subject_kind = s.kind and t.subject_id = s.id
      where t.status = 'open' and t.kind = 'keyVisit' and (t.assignee_id = $2 or t.assignee_id is null) and t.starts_on <= $3::date
      for update of t`, [JSON.stringify(subjects), visitorId, day]);
  return r.rows;
}
