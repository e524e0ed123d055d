import type { Polygon } from 'geojson';
import type { Tx } from '../../platform/db/db.ts';
import type { Role } from '../../../shared/roles.ts';

/* What the registry's demo step reads to begin with: who records the registry, which grids, whether it is there. */

export interface DemoAccount {
  id: string;
  username: string;
  name: string;
  roles: Role[];
  scope_org_unit_id: string | null;
  scope_path: string | null;
  grid_ids: string[];
}

export async function findDemoAccount(tx: Tx, username: string): Promise<DemoAccount | null> {
  const r = await tx.query<DemoAccount>(
    `select a.id, a.username, a.name, a.roles, a.scope_org_unit_id, s.path as scope_path,
            array(select g.grid_id from grid_team_members g where g.account_id = a.id order by g.sort) as grid_ids
       from accounts a left join org_units s on s.id = a.scope_org_unit_id
      where a.username = $1 and a.disabled_at is null`, [username]);
  return r.rows[0] ?? null;
}

export interface DemoGridRow {
  id: string;
  code: string;
  name: string;
  path: string;
  parent_id: string;
  geometry: Polygon | null;
}

const GRID = 'select id, code, name, path, parent_id, geometry from org_units';

export async function findGrid(tx: Tx, id: string): Promise<DemoGridRow | null> {
  const r = await tx.query<DemoGridRow>(`${GRID} where id = $1 and level = 'grid' and retired_at is null`, [id]);
  return r.rows[0] ?? null;
}

/** The ordinary grids of a community other than `except`, by code. */
export async function listSiblingGrids(tx: Tx, communityId: string, except: string): Promise<DemoGridRow[]> {
  const r = await tx.query<DemoGridRow>(
    `${GRID} where parent_id = $1 and id <> $2 and level = 'grid' and retired_at is null and geometry is not null order by code`, [communityId, except]);
  return r.rows;
}

/** Whether the grid has a registry already (any building or resident): the demo adds nothing then. */
export async function gridHasRegistry(tx: Tx, gridId: string): Promise<boolean> {
  const r = await tx.query<{ any: boolean }>(
    `select exists (select 1 from registry_buildings where grid_id = $1) or exists (select 1 from registry_residents where grid_id = $1) as any`, [gridId]);
  return r.rows[0]!.any;
}

export async function townOfPath(tx: Tx, path: string): Promise<string | null> {
  const r = await tx.query<{ id: string }>(`select id from org_units where level = 'town' and $1 like path || '%'`, [path]);
  return r.rows[0]?.id ?? null;
}

export async function versionOf(tx: Tx, table: 'registry_residents' | 'registry_households' | 'registry_hazards', id: string): Promise<number> {
  const r = await tx.query<{ version: number }>(`select version from ${table} where id = $1`, [id]);
  return r.rows[0]!.version;
}

/** Table statistics of the registry, so the planner knows their size while the demo fills them. */
export async function analyzeRegistry(tx: Tx): Promise<void> {
  await tx.query('analyze registry_residents, registry_households, registry_buildings, registry_things, registry_changes');
}
