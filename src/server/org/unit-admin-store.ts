import type { Geometry } from 'geojson';
import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';
import type { OrgLevel } from '../../shared/org-levels.ts';
import type { RegistryHeld } from '../../domain/org/unit-admin.ts';
import type { Role } from '../../shared/roles.ts';
import type { UnitRow } from './store.ts';

export type AdminUnitRow = Pick<UnitRow, 'id' | 'parent_id' | 'level' | 'kind' | 'code' | 'name' | 'path'>
  & { retired_at: Date | null; parent_code: string | null };

/** A unit inside the administrator's scope (retired ones too), locked for the change that follows. */
export async function findUnitToAdminister(tx: Tx, id: string, scopePath: string): Promise<AdminUnitRow | null> {
  const r = await tx.query<AdminUnitRow>(
    `select u.id, u.parent_id, u.level, u.kind, u.code, u.name, u.path, u.retired_at, p.code as parent_code
       from org_units u left join org_units p on p.id = u.parent_id
      where u.id = $1 and u.path like $2 for update of u`,
    [id, likePrefix(scopePath)],
  );
  return r.rows[0] ?? null;
}

export async function insertUnit(
  tx: Tx, u: { parentId: string; parentPath: string; level: OrgLevel; kind: string | null; code: string; name: string; geometry: Geometry | null },
): Promise<string | null> {
  const r = await tx.query<{ id: string }>(
    `insert into org_units (parent_id, level, kind, code, name, path, geometry) values ($1, $2, $3, $4, $5, '', $6)
     on conflict (code) do nothing returning id`,
    [u.parentId, u.level, u.kind, u.code, u.name, u.geometry ? JSON.stringify(u.geometry) : null],
  );
  const id = r.rows[0]?.id ?? null;
  if (id) await tx.query('update org_units set path = $2 where id = $1', [id, `${u.parentPath}${id}/`]);
  return id;
}

export async function renameUnit(tx: Tx, id: string, name: string, now: Date): Promise<void> {
  await tx.query('update org_units set name = $2, updated_at = $3 where id = $1', [id, name, now]);
}

export async function setUnitGeometry(tx: Tx, id: string, geometry: Geometry, now: Date): Promise<void> {
  await tx.query('update org_units set geometry = $2, updated_at = $3 where id = $1', [id, JSON.stringify(geometry), now]);
}

/** Retires the unit and those of its children at `along`'s level. */
export async function retireUnit(tx: Tx, id: string, along: OrgLevel | null, now: Date): Promise<void> {
  await tx.query(
    `update org_units set retired_at = $2, updated_at = $2
      where retired_at is null and (id = $1 or (parent_id = $1 and level = $3::text))`, [id, now, along]);
}

/**
 * What still lives on a unit: open cases in its area, units under it not retired (but those of `along`'s level), and
 * the registry records in its area (buildings, households, places and things not retired, residents not left).
 */
export async function unitOccupancy(tx: Tx, id: string, path: string, along: OrgLevel | null): Promise<{ openCases: number; liveChildren: number; registry: RegistryHeld }> {
  const r = await tx.query<{ open_cases: number; live_children: number } & Record<`${keyof RegistryHeld}s`, number>>(
    `select (select count(*)::int from cases c where c.org_path like $2 and c.closed_at is null) as open_cases,
            (select count(*)::int from org_units c where c.parent_id = $1 and c.retired_at is null
               and c.level is distinct from $3::text) as live_children,
            (select count(*)::int from registry_buildings r where r.org_path like $2 and r.retired_at is null) as buildings,
            (select count(*)::int from registry_households r where r.org_path like $2 and r.retired_at is null) as households,
            (select count(*)::int from registry_residents r where r.org_path like $2 and r.left_at is null) as residents,
            (select count(*)::int from registry_places r where r.org_path like $2 and r.retired_at is null) as places,
            (select count(*)::int from registry_things r where r.org_path like $2 and r.retired_at is null) as things`,
    [id, likePrefix(path), along],
  );
  const row = r.rows[0]!;
  return {
    openCases: row.open_cases, liveChildren: row.live_children,
    registry: { building: row.buildings, household: row.households, resident: row.residents, place: row.places, thing: row.things },
  };
}

export interface BoundaryRow { geometry: Geometry; valid_until: Date }

export async function listBoundaryHistory(tx: Tx, id: string): Promise<BoundaryRow[]> {
  const r = await tx.query<BoundaryRow>(
    'select geometry, valid_until from org_unit_boundaries where unit_id = $1 order by valid_until desc limit 100', [id]);
  return r.rows;
}

export type MoveRow = AdminUnitRow & { geometry: Geometry | null; town_id: string | null };

/** A unit of the scope with its boundary and its town, locked for a move (the unit moved or the parent it goes under) unless only read. */
export async function findMovePlace(tx: Tx, id: string, scopePath: string, o: { lock: boolean } = { lock: true }): Promise<MoveRow | null> {
  const r = await tx.query<MoveRow>(
    `select u.id, u.parent_id, u.level, u.kind, u.code, u.name, u.path, u.retired_at, u.geometry, p.code as parent_code,
            (select t.id from org_units t where t.level = 'town' and starts_with(u.path, t.path)) as town_id
       from org_units u left join org_units p on p.id = u.parent_id
      where u.id = $1 and u.path like $2 ${o.lock ? 'for update of u' : ''}`,
    [id, likePrefix(scopePath)],
  );
  return r.rows[0] ?? null;
}

/** Every code (retired units' too) that starts with this prefix. */
export async function codesStartingWith(tx: Tx, prefix: string): Promise<string[]> {
  const r = await tx.query<{ code: string }>('select code from org_units where code like $1', [likePrefix(prefix)]);
  return r.rows.map((x) => x.code);
}

/** The accounts on the teams of grids under `path`, with the roles and scope path that decide what they see. */
export async function teamAccountsUnder(tx: Tx, path: string): Promise<{ name: string; account_id: string; roles: Role[]; scope_path: string | null }[]> {
  const r = await tx.query<{ name: string; account_id: string; roles: Role[]; scope_path: string | null }>(
    `select m.name, a.id as account_id, a.roles, s.path as scope_path
       from grid_team_members m join org_units g on g.id = m.grid_id join accounts a on a.id = m.account_id
       left join org_units s on s.id = a.scope_org_unit_id
      where g.path like $1 order by m.sort, m.name`, [likePrefix(path)]);
  return r.rows;
}

/**
 * Hangs a unit under a new parent: its parent, code and path, its descendants' codes and paths and the path of every
 * case located in them (open or closed: the path is what scope reads) change in three statements; the accounts whose
 * scope lies in the subtree are told their access changed (their live streams re-check it).
 */
export async function moveSubtree(tx: Tx, m: { id: string; parentId: string; oldPath: string; newPath: string; oldCode: string; newCode: string; now: Date }): Promise<{ units: number; cases: number }> {
  await tx.query('update org_units set parent_id = $2 where id = $1', [m.id, m.parentId]);
  const units = await tx.query(
    `update org_units set path = $3 || substr(path, length($2) + 1), code = case when starts_with(code, $4) then $5 || substr(code, length($4) + 1) else code end, updated_at = $6
      where path like $1`,
    [likePrefix(m.oldPath), m.oldPath, m.newPath, m.oldCode, m.newCode, m.now]);
  const cases = await tx.query(
    'update cases set org_path = $3 || substr(org_path, length($2) + 1) where org_path like $1',
    [likePrefix(m.oldPath), m.oldPath, m.newPath]);
  await tx.query(
    `select pg_notify('zhizhi_access_changes', a.id) from accounts a join org_units s on s.id = a.scope_org_unit_id where s.path like $1`,
    [likePrefix(m.newPath)]);
  return { units: units.rowCount ?? 0, cases: cases.rowCount ?? 0 };
}

export interface MoveTargetRow { id: string; level: OrgLevel; code: string; name: string; parent_id: string | null; parent_name: string | null; geometry: Geometry | null }

/** Units of a level in a town and in the scope, in use, outside a subtree: where a unit of that town may go. */
export async function listMoveTargets(tx: Tx, q: { level: OrgLevel; townPath: string; scopePath: string; outsidePath: string }): Promise<MoveTargetRow[]> {
  const r = await tx.query<MoveTargetRow>(
    `select u.id, u.level, u.code, u.name, u.parent_id, p.name as parent_name, u.geometry
       from org_units u left join org_units p on p.id = u.parent_id
      where u.level = $1 and u.path like $2 and u.path like $3 and u.path not like $4 and u.retired_at is null
      order by u.code limit 2000`,
    [q.level, likePrefix(q.townPath), likePrefix(q.scopePath), likePrefix(q.outsidePath)]);
  return r.rows;
}
