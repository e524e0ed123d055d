import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';
import type { VisitSubjectKind } from '../../shared/tasks.ts';
import { taskReachSql, type TaskReach } from './task-reach.ts';

/* Visits (走访): SQL only, the caller's reach in every read. */

export interface VisitRow {
  id: string;
  town_id: string;
  grid_id: string;
  grid_name: string;
  org_path: string;
  subject_kind: VisitSubjectKind;
  subject_id: string;
  subject_name: string;
  subject_address: string | null;
  household_id: string | null;
  visitor_id: string;
  visitor_name: string;
  at: Date;
  lng: number | null;
  lat: number | null;
  accuracy_m: number | null;
  distance_m: number | null;
  target_lng: number | null;
  target_lat: number | null;
  far: boolean;
  findings: string | null;
  photos: string[];
  case_id: string | null;
  case_number: string | null;
  task_id: string | null;
  closed_task_ids: string[] | null;
  created_at: Date;
}

const COLUMNS = `v.id, v.town_id, v.grid_id, g.name as grid_name, v.org_path, v.subject_kind, v.subject_id, v.subject_name, v.subject_address,
  v.household_id, v.visitor_id, v.visitor_name, v.at, v.lng, v.lat, v.accuracy_m, v.distance_m, v.target_lng, v.target_lat, v.far,
  v.findings, v.photos, v.case_id, c.number as case_number, v.task_id,
  (select array_agg(t.id order by t.id) from tasks t where t.visit_id = v.id) as closed_task_ids, v.created_at`;
const FROM = 'visits v join org_units g on g.id = v.grid_id left join cases c on c.id = v.case_id';

export async function findVisit(tx: Tx, reach: TaskReach, id: string, forUpdate = false): Promise<VisitRow | null> {
  const params: unknown[] = [id];
  const r = await tx.query<VisitRow>(`select ${COLUMNS} from ${FROM} where v.id = $1 and ${taskReachSql(reach, 'v', params)}${forUpdate ? ' for update of v' : ''}`, params);
  return r.rows[0] ?? null;
}

/** Who recorded the visit; null when there is none. */
export async function visitorOfVisit(tx: Tx, id: string): Promise<string | null> {
  const r = await tx.query<{ visitor_id: string }>('select visitor_id from visits where id = $1', [id]);
  return r.rows[0]?.visitor_id ?? null;
}

/** The visit this visitor recorded with this Idempotency-Key, if any. */
export async function findVisitIdByKey(tx: Tx, visitorId: string, key: string): Promise<string | null> {
  const r = await tx.query<{ id: string }>('select id from visits where visitor_id = $1 and request_key = $2', [visitorId, key]);
  return r.rows[0]?.id ?? null;
}

export type NewVisit = Pick<VisitRow, 'town_id' | 'grid_id' | 'org_path' | 'subject_kind' | 'subject_id' | 'subject_name' | 'subject_address'
  | 'household_id' | 'visitor_id' | 'visitor_name' | 'at' | 'lng' | 'lat' | 'accuracy_m' | 'distance_m' | 'target_lng' | 'target_lat' | 'far'
  | 'findings' | 'task_id' | 'created_at'> & {
  photos: readonly string[];
  request_key: string | null;
};

/** Inserts the visit; null when the visitor's key was taken meanwhile (a retry racing the first). */
export async function insertVisit(tx: Tx, v: NewVisit): Promise<string | null> {
  const keys = Object.keys(v) as (keyof NewVisit)[];
  const r = await tx.query<{ id: string }>(
    `insert into visits (${keys.join(', ')}) values (${keys.map((_, i) => `$${i + 1}`).join(', ')})
     on conflict (visitor_id, request_key) where request_key is not null do nothing returning id`, keys.map((k) => v[k]));
  return r.rows[0]?.id ?? null;
}

/** Keeps the last visit day on the subject (never moving it back: an offline visit sent late may be older). */
export async function markVisited(tx: Tx, kind: VisitSubjectKind, id: string, day: string): Promise<void> {
  const bump = (table: string, where: string) => tx.query(
    `update ${table} set last_visited_on = $2::date where ${where} and (last_visited_on is null or last_visited_on < $2::date)`, [id, day]);
  if (kind === 'resident') await bump('registry_residents', 'id = $1');
  if (kind === 'place') await bump('registry_places', 'id = $1');
  if (kind === 'household') {
    await bump('registry_households', 'id = $1');
    await bump('registry_residents', 'household_id = $1 and left_at is null');
  }
}

/** The ids of the household's present members (a visit to the household covers theirs). */
export async function householdMembers(tx: Tx, householdId: string): Promise<string[]> {
  const r = await tx.query<{ id: string }>('select id from registry_residents where household_id = $1 and left_at is null', [householdId]);
  return r.rows.map((m) => m.id);
}

export async function setVisitCase(tx: Tx, visitId: string, caseId: string): Promise<boolean> {
  const r = await tx.query('update visits set case_id = $2 where id = $1 and case_id is null', [visitId, caseId]);
  return r.rowCount > 0;
}

export interface VisitFilter {
  underPath: string | null;
  from: Date | null;
  to: Date | null;
  visitorId?: string | undefined;
  subjectKind?: VisitSubjectKind | undefined;
  subjectId?: string | undefined;
  far?: boolean | undefined;
}

export async function listVisits(tx: Tx, reach: TaskReach, f: VisitFilter, limit: number, offset: number): Promise<{ rows: VisitRow[]; total: number }> {
  const params: unknown[] = [];
  const where = [taskReachSql(reach, 'v', params)];
  const add = (sql: (n: number) => string, val: unknown) => { params.push(val); where.push(sql(params.length)); };
  if (f.underPath) add((n) => `v.org_path like $${n}`, likePrefix(f.underPath));
  if (f.from) add((n) => `v.at >= $${n}`, f.from);
  if (f.to) add((n) => `v.at < $${n}`, f.to);
  if (f.visitorId) add((n) => `v.visitor_id = $${n}`, f.visitorId);
  if (f.subjectKind) add((n) => `v.subject_kind = $${n}`, f.subjectKind);
  if (f.subjectId) add((n) => `v.subject_id = $${n}`, f.subjectId);
  if (f.far === true) where.push('v.far');
  const w = where.join(' and ');
  const [rows, total] = await Promise.all([
    tx.query<VisitRow>(`select ${COLUMNS} from ${FROM} where ${w} order by v.at desc, v.id limit $${params.length + 1} offset $${params.length + 2}`, [...params, limit, offset]),
    tx.query<{ n: number }>(`select count(*)::int as n from visits v where ${w}`, params),
  ]);
  return { rows: rows.rows, total: total.rows[0]!.n };
}

/** The household file's visits: to the household or any of its members (also those who left), inside the reader's scope, newest first. */
export async function listHouseholdVisits(tx: Tx, householdId: string, scopePath: string, limit: number) {
  const r = await tx.query<{ id: string; at: Date; subject_kind: 'resident' | 'household'; subject_id: string; subject_name: string; visitor_name: string;
    findings: string | null; far: boolean; photos: number; case_id: string | null }>(
    `select v.id, v.at, v.subject_kind, v.subject_id, v.subject_name, v.visitor_name, v.findings, v.far,
            coalesce(array_length(v.photos, 1), 0) as photos, v.case_id
       from visits v where v.household_id = $1 and v.subject_kind in ('resident', 'household') and v.org_path like $2
      order by v.at desc, v.id limit $3`, [householdId, likePrefix(scopePath), limit]);
  return r.rows;
}
