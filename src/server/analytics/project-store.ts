import type { Principal } from '../platform/auth.ts';
import type { Tx } from '../platform/db/db.ts';
import { notFound } from '../platform/errors.ts';
import type { CircleProjectStatus } from '../../shared/analytics.ts';
import { projectReadSql } from './scope.ts';

/* The circle projects as rows, read under the caller's scope (scope.ts): the list, one project, its cases and steps. */

export interface ProjectRow {
  id: string; town_id: string; community_id: string; community_name: string; org_path: string;
  name: string; category_code: string | null; category_name: string | null; description: string;
  owner_account_id: string | null; owner_name: string; status: CircleProjectStatus; due_on: string | null;
  lng: number | null; lat: number | null; cells: string[]; span_from: string | null; span_to: string | null; result: string | null;
  cases: number; cases_closed: number;
  version: number; created_at: Date; updated_at: Date; started_at: Date | null; finished_at: Date | null; dropped_at: Date | null;
}

const SELECT = `select x.id, x.town_id, x.community_id, u.name as community_name, x.org_path, x.name, x.category_code,
    (select min(m.name) from matters m where m.code = x.category_code and m.current) as category_name,
    x.description, x.owner_account_id, x.owner_name, x.status, to_char(x.due_on, 'YYYY-MM-DD') as due_on, x.lng, x.lat, x.cells,
    to_char(x.span_from, 'YYYY-MM-DD') as span_from, to_char(x.span_to, 'YYYY-MM-DD') as span_to, x.result,
    (select count(*)::int from circle_project_cases pc where pc.project_id = x.id) as cases,
    (select count(*)::int from circle_project_cases pc join cases c on c.id = pc.case_id where pc.project_id = x.id and c.status = 'closed') as cases_closed,
    x.version, x.created_at, x.updated_at, x.started_at, x.finished_at, x.dropped_at
  from circle_projects x join org_units u on u.id = x.community_id`;

export async function listProjects(tx: Tx, p: Principal, f: { id?: string; path?: string; status?: CircleProjectStatus; limit?: number; lock?: boolean }): Promise<ProjectRow[]> {
  const params: unknown[] = [];
  const where = [projectReadSql(p, 'x', params)];
  if (f.id) { params.push(f.id); where.push(`x.id = $${params.length}`); }
  if (f.path) { params.push(f.path.replace(/[\\%_]/g, (c) => `\\${c}`) + '%'); params.push(f.path); where.push(`(x.org_path like $${params.length - 1} or left($${params.length}::text, length(x.org_path)) = x.org_path)`); }
  if (f.status) { params.push(f.status); where.push(`x.status = $${params.length}`); }
  params.push(f.limit ?? 100);
  const r = await tx.query<ProjectRow>(`${SELECT} where ${where.join(' and ')}
    order by case x.status when 'underway' then 0 when 'planned' then 1 when 'done' then 2 else 3 end, x.created_at desc, x.id limit $${params.length}${f.lock ? ' for update of x' : ''}`, params);
  return r.rows.map((x) => ({ ...x, lng: x.lng === null ? null : Number(x.lng), lat: x.lat === null ? null : Number(x.lat) }));
}

export async function projectOf(tx: Tx, p: Principal, id: string, lock = false): Promise<ProjectRow> {
  const row = (await listProjects(tx, p, { id, lock, limit: 1 }))[0];
  if (!row) throw notFound('project');
  return row;
}

export interface LinkedCaseRow {
  id: string; number: string; status: string; category_name: string; address: string | null; grid_name: string;
  created_at: Date; closed_at: Date | null; linked_at: Date;
}

export async function linkedCases(tx: Tx, projectId: string): Promise<LinkedCaseRow[]> {
  const r = await tx.query<LinkedCaseRow>(
    `select c.id, c.number, c.status, m.name as category_name, c.address, g.name as grid_name, c.created_at, c.closed_at, pc.linked_at
       from circle_project_cases pc join cases c on c.id = pc.case_id join matters m on m.id = c.matter_id join org_units g on g.id = c.grid_id
      where pc.project_id = $1 order by c.created_at desc, c.id`, [projectId]);
  return r.rows;
}

export interface EventRow { at: Date; action: string; actor_name: string; from_status: string | null; to_status: string | null; note: string | null }

export async function projectEvents(tx: Tx, projectId: string): Promise<EventRow[]> {
  return (await tx.query<EventRow>('select at, action, actor_name, from_status, to_status, note from circle_project_events where project_id = $1 order by id', [projectId])).rows;
}
