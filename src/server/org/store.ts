import type { Geometry } from 'geojson';
import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';
import type { OrgLevel, TeamRole } from '../../shared/org-levels.ts';

export interface UnitRow {
  id: string;
  parent_id: string | null;
  level: OrgLevel;
  kind: string | null;
  code: string;
  name: string;
  path: string;
  population: number | null;
  households: number | null;
  child_count: number;
  retired: boolean;
}

const UNIT_COLUMNS = `u.id, u.parent_id, u.level, u.kind, u.code, u.name, u.path, u.population, u.households, u.retired_at is not null as retired,
  (select count(*)::int from org_units c where c.parent_id = u.id and c.retired_at is null) as child_count`;

export async function findUnitRef(tx: Tx, id: string): Promise<{ id: string; name: string; level: string } | null> {
  const r = await tx.query<{ id: string; name: string; level: string }>('select id, name, level from org_units where id = $1', [id]);
  return r.rows[0] ?? null;
}

export interface UnitQuery {
  scopePath: string;
  parentId?: string;
  level?: OrgLevel;
  q?: string;
  afterCode?: string;
  limit: number;
}

export async function listUnits(tx: Tx, f: UnitQuery): Promise<UnitRow[]> {
  const r = await tx.query<UnitRow>(
    `select ${UNIT_COLUMNS} from org_units u
      where u.path like $1 and u.retired_at is null
        and ($2::text is null or u.parent_id = $2)
        and ($3::text is null or u.level = $3)
        and ($4::text is null or u.name like $4 or u.code like $4)
        and ($5::text is null or u.code > $5)
      order by u.code limit $6`,
    [likePrefix(f.scopePath), f.parentId ?? null, f.level ?? null, f.q ? `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null,
      f.afterCode ?? null, f.limit],
  );
  return r.rows;
}

export async function getUnit(tx: Tx, id: string, scopePath: string): Promise<(UnitRow & { geometry: Geometry | null }) | null> {
  const r = await tx.query<UnitRow & { geometry: Geometry | null }>(
    `select ${UNIT_COLUMNS}, u.geometry from org_units u where u.id = $1 and u.path like $2`,
    [id, likePrefix(scopePath)],
  );
  return r.rows[0] ?? null;
}

/** A unit that holds (is or contains the grid of) a case ever sent to one of these departments. */
export async function getUnitHoldingCasesOf(tx: Tx, id: string, departmentIds: readonly string[]): Promise<(UnitRow & { geometry: Geometry | null }) | null> {
  const r = await tx.query<UnitRow & { geometry: Geometry | null }>(
    `select ${UNIT_COLUMNS}, u.geometry from org_units u
      where u.id = $1 and exists (select 1 from cases c where c.department_ids && $2::text[] and starts_with(c.org_path, u.path))`,
    [id, departmentIds],
  );
  return r.rows[0] ?? null;
}

export async function listUnitsByIds(tx: Tx, ids: readonly string[]): Promise<UnitRow[]> {
  const r = await tx.query<UnitRow>(`select ${UNIT_COLUMNS} from org_units u where u.id = any($1) order by length(u.path)`, [ids]);
  return r.rows;
}

export interface FeatureRow {
  id: string;
  parent_id: string | null;
  level: OrgLevel;
  kind: string | null;
  code: string;
  name: string;
  geometry: Geometry;
  population: number | null;
  households: number | null;
}

/** Units with a boundary under `rootPath`, limited to the caller's scope. */
export async function listFeatures(tx: Tx, rootPath: string, scopePath: string, levels: readonly OrgLevel[]): Promise<FeatureRow[]> {
  const r = await tx.query<FeatureRow>(
    `select id, parent_id, level, kind, code, name, geometry, population, households from org_units
      where path like $1 and path like $2 and level = any($3) and geometry is not null and retired_at is null
      order by code`,
    [likePrefix(rootPath), likePrefix(scopePath), levels],
  );
  return r.rows;
}

/** Units of these levels that have a boundary, in no particular order. */
export async function listLocatableAreas(tx: Tx, levels: readonly OrgLevel[]): Promise<{ id: string; level: OrgLevel; code: string; geometry: Geometry }[]> {
  const r = await tx.query<{ id: string; level: OrgLevel; code: string; geometry: Geometry }>(
    'select id, level, code, geometry from org_units where level = any($1) and geometry is not null and retired_at is null', [levels]);
  return r.rows;
}

export async function geometryRevision(tx: Tx): Promise<number> {
  const r = await tx.query<{ revision: number }>('select revision from org_geometry_revision where id = 1');
  return r.rows[0]?.revision ?? 0;
}

export async function bumpGeometryRevision(tx: Tx): Promise<void> {
  await tx.query('update org_geometry_revision set revision = revision + 1 where id = 1');
}

export interface TeamMemberRow {
  id: string;
  team_role: TeamRole;
  name: string;
  /** sealed (PiiCipher) */
  phone: string | null;
  account_id: string | null;
}

export async function listTeam(tx: Tx, gridId: string): Promise<TeamMemberRow[]> {
  const r = await tx.query<TeamMemberRow>(
    'select id, team_role, name, phone, account_id from grid_team_members where grid_id = $1 order by sort, name',
    [gridId],
  );
  return r.rows;
}

export interface PostRow {
  id: string;
  board_id: string;
  board_code: string;
  board_name: string;
  board_kind: string;
  code: string;
  name: string;
  special: boolean;
  a_holder_id: string | null;
  a_holder_name: string | null;
  b_holder_id: string | null;
  b_holder_name: string | null;
}

export async function listBoardPosts(tx: Tx, townId: string): Promise<PostRow[]> {
  const r = await tx.query<PostRow>(
    `select p.id, b.id as board_id, b.code as board_code, b.name as board_name, b.kind as board_kind, p.code, p.name, p.special,
            p.a_holder_id, a.name as a_holder_name, p.b_holder_id, bh.name as b_holder_name
       from boards b
       left join posts p on p.board_id = b.id and p.retired_at is null
       left join accounts a on a.id = p.a_holder_id
       left join accounts bh on bh.id = p.b_holder_id
      where b.town_id = $1
      order by b.sort, p.sort`,
    [townId],
  );
  return r.rows;
}

/** Departments of the districts on a unit's path (a town's district, or the district itself). */
export async function listDepartmentsAbove(tx: Tx, pathIds: readonly string[]): Promise<{ id: string; name: string }[]> {
  const r = await tx.query<{ id: string; name: string }>('select id, name from departments where district_id = any($1) order by name', [pathIds]);
  return r.rows;
}

export async function findUnitsByCodes(tx: Tx, codes: readonly string[]): Promise<(UnitRow & { geometry: Geometry | null })[]> {
  const r = await tx.query<UnitRow & { geometry: Geometry | null }>(
    `select ${UNIT_COLUMNS}, u.geometry from org_units u where u.code = any($1)`, [codes]);
  return r.rows;
}

export async function listGridsOfCommunities(tx: Tx, communityIds: readonly string[]): Promise<{ code: string; geometry: Geometry | null }[]> {
  const r = await tx.query<{ code: string; geometry: Geometry | null }>(
    `select code, geometry from org_units where parent_id = any($1) and level in ('grid','dedicatedGrid') and retired_at is null`, [communityIds]);
  return r.rows;
}

export interface NewUnit {
  id?: string;
  parentId: string | null;
  parentPath: string;
  level: OrgLevel;
  kind?: string | null;
  code: string;
  name: string;
  geometry?: Geometry | null;
  population?: number | null;
  households?: number | null;
  sort?: number;
}

/** Inserts a unit, or on an existing code replaces its name and boundary (same parent only). */
export async function upsertUnit(tx: Tx, u: NewUnit): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `insert into org_units (id, parent_id, level, kind, code, name, path, geometry, population, households, sort)
     values (coalesce($1, gen_random_uuid()::text), $2, $3, $4, $5, $6, '', $7, $8, $9, $10)
     on conflict (code) do update set name = excluded.name, geometry = excluded.geometry, kind = excluded.kind, updated_at = now()
       where org_units.parent_id is not distinct from excluded.parent_id and org_units.level = excluded.level
     returning id`,
    [u.id ?? null, u.parentId, u.level, u.kind ?? null, u.code, u.name, u.geometry ? JSON.stringify(u.geometry) : null,
      u.population ?? null, u.households ?? null, u.sort ?? 0],
  );
  const id = r.rows[0]?.id;
  if (!id) throw new Error(`unit ${u.code} exists under another parent or level`);
  await tx.query(`update org_units set path = $2 where id = $1 and path = ''`, [id, `${u.parentPath}${id}/`]);
  return id;
}
