import type { Polygon } from 'geojson';
import type { Tx } from '../../platform/db/db.ts';
import type { Role } from '../../../shared/roles.ts';

/** What the demo generator reads of the seeded town: SQL only. */

export interface DemoTownRow {
  id: string;
  code: string;
  path: string;
}

export async function findTownByCode(tx: Tx, code: string): Promise<DemoTownRow | null> {
  const r = await tx.query<DemoTownRow>(`select id, code, path from org_units where code = $1 and level = 'town'`, [code]);
  return r.rows[0] ?? null;
}

export async function countCasesOfTown(tx: Tx, townId: string): Promise<number> {
  const r = await tx.query<{ n: number }>('select count(*)::int as n from cases where town_id = $1', [townId]);
  return r.rows[0]?.n ?? 0;
}

export interface DemoGridRow {
  id: string;
  name: string;
  level: 'grid' | 'dedicatedGrid';
  geometry: Polygon;
  community_id: string;
  community_sort: number;
}

/** The town's grids and dedicated grids with their outlines, in code order. */
export async function listGridsOfTown(tx: Tx, townPath: string): Promise<DemoGridRow[]> {
  const r = await tx.query<DemoGridRow>(
    `select g.id, g.name, g.level, g.geometry, c.id as community_id, c.sort as community_sort
       from org_units g join org_units c on c.id = g.parent_id
      where g.path like $1 || '%' and g.level in ('grid', 'dedicatedGrid') and g.geometry is not null and g.retired_at is null
      order by g.code`,
    [townPath],
  );
  return r.rows;
}

export interface DemoAccountRow {
  id: string;
  username: string;
  name: string;
  kind: 'staff' | 'resident';
  roles: Role[];
  scope_path: string | null;
  home_org_unit_id: string | null;
  post_ids: string[];
  department_ids: string[];
  grid_ids: string[];
}

/** Every active account with what it holds: posts (A, B or back-up), departments and grid teams. */
export async function listActiveAccounts(tx: Tx): Promise<DemoAccountRow[]> {
  const r = await tx.query<DemoAccountRow>(
    `select a.id, a.username, a.name, a.kind, a.roles, s.path as scope_path, a.home_org_unit_id,
            array(select p.id from posts p where a.id in (p.a_holder_id, p.b_holder_id, p.backup_holder_id) and p.retired_at is null order by p.code) as post_ids,
            array(select d.department_id from department_members d where d.account_id = a.id) as department_ids,
            array(select g.grid_id from grid_team_members g where g.account_id = a.id) as grid_ids
       from accounts a left join org_units s on s.id = a.scope_org_unit_id
      where a.disabled_at is null
      order by a.username`,
  );
  return r.rows;
}

export interface DemoPostRow {
  id: string;
  code: string;
  a_holder_id: string | null;
  b_holder_id: string | null;
}

export async function listPostsOfTown(tx: Tx, townId: string): Promise<DemoPostRow[]> {
  const r = await tx.query<DemoPostRow>(
    'select id, code, a_holder_id, b_holder_id from posts where town_id = $1 and retired_at is null order by code', [townId]);
  return r.rows;
}

/** The open cases of a town, oldest first (what the live demo moves along). */
export async function listOpenCaseIds(tx: Tx, townId: string, limit: number): Promise<string[]> {
  const r = await tx.query<{ id: string }>(
    `select id from cases where town_id = $1 and status not in ('closed', 'rejected') order by created_at, id limit $2`, [townId, limit]);
  return r.rows.map((x) => x.id);
}

/** The earliest instant a sweep has something to do, or null. */
export async function nextCheckOfAll(tx: Tx): Promise<Date | null> {
  const r = await tx.query<{ at: Date | null }>('select min(next_check_at) as at from cases');
  return r.rows[0]?.at ? new Date(r.rows[0].at) : null;
}

/** The cases a command changed at this instant (the sweep's escalations and resumptions). */
export async function listCasesChangedAt(tx: Tx, at: Date): Promise<string[]> {
  const r = await tx.query<{ id: string }>('select id from cases where updated_at = $1 order by id', [at]);
  return r.rows.map((x) => x.id);
}
