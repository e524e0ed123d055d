import type { Tx } from '../platform/db/db.ts';
import type { HeldTask } from '../../domain/tasks/absences.ts';

/*
 * SQL of staff absences. A caller reaches an absence when its account works (grid leader, full-time or part-time) on
 * the team of a grid inside the caller's scope: `scopePath` is in every query.
 */

const WORKS_IN = (account: string, param: string) => `exists (select 1 from grid_team_members m join org_units g on g.id = m.grid_id
   where m.account_id = ${account} and m.team_role in ('gridLeader', 'fullTime', 'partTime') and g.path like ${param} || '%')`;

export interface AbsenceRow {
  id: string;
  account_id: string;
  account_name: string;
  grids: { id: string; name: string }[];
  from_day: string;
  to_day: string;
  reason: string | null;
  handed_over: number;
  created_by_name: string;
  created_at: Date;
}

const SELECT = (scopeParam: string) => `
  select s.id, s.account_id, a.name as account_name, to_char(s.from_on, 'YYYY-MM-DD') as from_day, to_char(s.to_on, 'YYYY-MM-DD') as to_day,
         s.reason, s.handed_over, coalesce(c.name, '') as created_by_name, s.created_at,
         (select coalesce(json_agg(json_build_object('id', g.id, 'name', g.name) order by g.code), '[]'::json)
            from grid_team_members m join org_units g on g.id = m.grid_id
           where m.account_id = s.account_id and m.team_role in ('gridLeader', 'fullTime', 'partTime') and g.path like ${scopeParam} || '%') as grids
    from staff_absences s join accounts a on a.id = s.account_id left join accounts c on c.id = s.created_by`;

/** Whether the account works on a team of a grid inside the path; its name when it does. */
export async function workerInScope(tx: Tx, accountId: string, path: string): Promise<{ id: string; name: string } | null> {
  const r = await tx.query<{ id: string; name: string }>(
    `select a.id, a.name from accounts a where a.id = $1 and ${WORKS_IN('a.id', '$2')}`, [accountId, path]);
  return r.rows[0] ?? null;
}

export async function listAbsences(
  tx: Tx, unitPath: string, f: { today: string | null }, limit: number, offset: number,
): Promise<{ rows: AbsenceRow[]; total: number }> {
  const where = `${WORKS_IN('s.account_id', '$1')} and ($2::date is null or s.to_on >= $2::date)`;
  const [rows, count] = await Promise.all([
    tx.query<AbsenceRow>(`${SELECT('$1')} where ${where} order by s.from_on desc, s.id limit $3 offset $4`, [unitPath, f.today, limit, offset]),
    tx.query<{ n: number }>(`select count(*)::int as n from staff_absences s where ${where}`, [unitPath, f.today]),
  ]);
  return { rows: rows.rows, total: Number(count.rows[0]?.n ?? 0) };
}

export async function findAbsence(tx: Tx, id: string, scopePath: string): Promise<AbsenceRow | null> {
  const r = await tx.query<AbsenceRow>(`${SELECT('$2')} where s.id = $1 and ${WORKS_IN('s.account_id', '$2')}`, [id, scopePath]);
  return r.rows[0] ?? null;
}

export async function findAbsenceByKey(tx: Tx, createdBy: string, key: string): Promise<string | null> {
  const r = await tx.query<{ id: string }>(`select id from staff_absences where created_by = $1 and request_key = $2`, [createdBy, key]);
  return r.rows[0]?.id ?? null;
}

/** Inserts an absence; null when the same key of the same account made one meanwhile. */
export async function insertAbsence(
  tx: Tx, a: { accountId: string; from: string; to: string; reason: string | null; createdBy: string; at: Date; key: string | null },
): Promise<string | null> {
  const r = await tx.query<{ id: string }>(
    `insert into staff_absences (account_id, from_on, to_on, reason, created_by, created_at, request_key)
     values ($1, $2::date, $3::date, $4, $5, $6, $7)
     on conflict (created_by, request_key) where request_key is not null do nothing returning id`,
    [a.accountId, a.from, a.to, a.reason, a.createdBy, a.at, a.key]);
  return r.rows[0]?.id ?? null;
}

export async function setHandedOver(tx: Tx, id: string, n: number): Promise<void> {
  await tx.query(`update staff_absences set handed_over = $2 where id = $1`, [id, n]);
}

export async function deleteAbsence(tx: Tx, id: string): Promise<void> {
  await tx.query(`delete from staff_absences where id = $1`, [id]);
}

/** The account's open tasks in grids inside the path that start between two days, locked for the hand-over. */
export async function openTasksStarting(tx: Tx, accountId: string, path: string, from: string, to: string): Promise<HeldTask[]> {
  const r = await tx.query<{ id: string; grid_id: string; starts_on: string; stick: string; handled_by: string | null }>(
    `select t.id, t.grid_id, to_char(t.starts_on, 'YYYY-MM-DD') as starts_on,
            coalesce(r.household_id, t.subject_kind || ':' || coalesce(t.subject_id, t.id)) as stick, c.handled_by
       from tasks t
       left join registry_residents r on t.subject_kind = 'resident' and r.id = t.subject_id
       left join cases c on t.subject_kind = 'case' and c.id = t.subject_id
      where t.assignee_id = $1 and t.status = 'open' and t.org_path like $2 || '%' and t.starts_on between $3::date and $4::date
      order by t.starts_on, t.id
      for update of t`, [accountId, path, from, to]);
  return r.rows.map((x) => ({ id: x.id, gridId: x.grid_id, startsOn: x.starts_on, stickKey: x.stick, exclude: x.handled_by ? [x.handled_by] : [] }));
}

/** Gives tasks to new assignees (a new version each, so a phone that held the old one sees the change). */
export async function reassignTasks(tx: Tx, moves: readonly { taskId: string; to: string; toName: string }[], from: string, at: Date): Promise<number> {
  if (moves.length === 0) return 0;
  const r = await tx.query(
    `update tasks t set assignee_id = x.to_id, assignee_name = x.to_name, version = t.version + 1, updated_at = $4
       from unnest($1::text[], $2::text[], $3::text[]) as x(task_id, to_id, to_name)
      where t.id = x.task_id and t.status = 'open' and t.assignee_id = $5`,
    [moves.map((m) => m.taskId), moves.map((m) => m.to), moves.map((m) => m.toName), at, from]);
  return r.rowCount;
}
