// SQL of boundary changes (勘界) on the registry side: the grids of a town as they are, the registry records and open
// cases a change can reach, and the writes that move records to another grid with their history rows.
import type { Geometry } from 'geojson';
import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';
import type { MovingKind } from '../../domain/registry/boundary-moves.ts';

export interface BoundaryGridRow {
  id: string; level: 'grid' | 'dedicatedGrid'; code: string; name: string; path: string; town_id: string;
  parent_id: string; geometry: Geometry | null; retired: boolean;
}

export type LockedGridRow = BoundaryGridRow & { parent_code: string; parent_geometry: Geometry | null };

const LOCKED_GRID = `select u.id, u.level, u.code, u.name, u.path, u.parent_id, u.geometry, u.retired_at is not null as retired,
            p.code as parent_code, p.geometry as parent_geometry,
            (select t.id from org_units t where t.level = 'town' and starts_with(u.path, t.path)) as town_id
       from org_units u join org_units p on p.id = u.parent_id`;

/** The grids and dedicated grids to be redrawn, in the caller's scope, locked for the change. */
export async function lockGridsToRedraw(tx: Tx, ids: readonly string[], scopePath: string): Promise<LockedGridRow[]> {
  const r = await tx.query<LockedGridRow>(`${LOCKED_GRID} where u.id = any($1) and u.path like $2 order by u.code for update of u`, [ids, likePrefix(scopePath)]);
  return r.rows;
}

/** The grids and dedicated grids of these codes as they are (an import's, before it writes), locked. */
export async function lockGridsByCodes(tx: Tx, codes: readonly string[]): Promise<LockedGridRow[]> {
  const r = await tx.query<LockedGridRow>(
    `${LOCKED_GRID} where u.code = any($1) and u.level in ('grid','dedicatedGrid') order by u.code for update of u`, [codes]);
  return r.rows;
}

/** Every live grid and dedicated grid of a town with its boundary: where a record can land. */
export async function listTownGrids(tx: Tx, townId: string): Promise<BoundaryGridRow[]> {
  const r = await tx.query<BoundaryGridRow>(
    `select u.id, u.level, u.code, u.name, u.path, u.parent_id, u.geometry, false as retired, t.id as town_id
       from org_units t join org_units u on starts_with(u.path, t.path)
      where t.id = $1 and u.level in ('grid','dedicatedGrid') and u.retired_at is null`,
    [townId]);
  return r.rows;
}

export interface PlacedRow {
  kind: MovingKind; id: string; name: string; grid_id: string;
  lng: number | null; lat: number | null; follows_kind: MovingKind | null; follows_id: string | null;
}

/** the redrawn grids, the box of their new boundaries, and the caller's scope: records outside it are never read or moved */
export interface Reach { gridIds: readonly string[]; box: readonly [number, number, number, number]; scopePath: string }

const IN_REACH = '(grid_id = any($1) or (lng between $2 and $4 and lat between $3 and $5)) and org_path like $6';

/**
 * The registry records a change of these grids can reach: those placed by a point in the grids or inside the box of
 * their new boundaries, and their followers (households of those buildings, residents of those households, hazards of
 * those things and buildings). Retired records and residents who left are not moved.
 */
export async function listPlacedRecords(tx: Tx, reach: Reach): Promise<PlacedRow[]> {
  const p = [reach.gridIds, ...reach.box, likePrefix(reach.scopePath)];
  const roots = await tx.query<PlacedRow>(
    `select 'building' as kind, id, name, grid_id, lng, lat, null as follows_kind, null as follows_id
       from registry_buildings where retired_at is null and ${IN_REACH}
     union all
     select 'place', id, name, grid_id, lng, lat, null, null from registry_places where retired_at is null and ${IN_REACH}
     union all
     select 'thing', id, name, grid_id, lng, lat, null, null from registry_things where retired_at is null and ${IN_REACH}
     union all
     select 'household', id, address, grid_id, lng, lat, null, null from registry_households
      where retired_at is null and building_id is null and lng is not null and lat is not null and ${IN_REACH}`, p);
  const ids = (kind: MovingKind, rows: readonly PlacedRow[]) => rows.filter((x) => x.kind === kind).map((x) => x.id);
  const buildings = ids('building', roots.rows);
  const households = await tx.query<PlacedRow>(
    `select 'household' as kind, id, address as name, grid_id, null::float8 as lng, null::float8 as lat, 'building' as follows_kind, building_id as follows_id
       from registry_households where retired_at is null and building_id = any($1) and org_path like $2`, [buildings, likePrefix(reach.scopePath)]);
  const allHouseholds = [...ids('household', roots.rows), ...households.rows.map((h) => h.id)];
  const followers = await tx.query<PlacedRow>(
    `select 'resident' as kind, id, name, grid_id, null::float8 as lng, null::float8 as lat, 'household' as follows_kind, household_id as follows_id
       from registry_residents where left_at is null and household_id = any($1) and org_path like $4
     union all
     select 'hazard', id, left(description, 40), grid_id, null, null,
            case when thing_id is not null then 'thing' else 'building' end, coalesce(thing_id, building_id)
       from registry_hazards where (thing_id = any($2) or (thing_id is null and building_id = any($3))) and org_path like $4`,
    [allHouseholds, ids('thing', roots.rows), buildings, likePrefix(reach.scopePath)]);
  return [...roots.rows, ...households.rows, ...followers.rows];
}

export interface OpenCaseRow { id: string; number: string; grid_id: string; lng: number; lat: number }

/** Open cases located in these grids or inside the box. */
export async function listOpenCasesInReach(tx: Tx, reach: Reach): Promise<OpenCaseRow[]> {
  const r = await tx.query<OpenCaseRow>(
    `select id, number, grid_id, lng, lat from cases where closed_at is null and ${IN_REACH}`, [reach.gridIds, ...reach.box, likePrefix(reach.scopePath)]);
  return r.rows;
}

const TABLES: Record<MovingKind, string> = {
  building: 'registry_buildings', household: 'registry_households', resident: 'registry_residents',
  place: 'registry_places', thing: 'registry_things', hazard: 'registry_hazards',
};
/** the kinds whose rows carry a version (hazards are not edited by versions) */
const VERSIONED: ReadonlySet<MovingKind> = new Set(['building', 'household', 'resident', 'place', 'thing']);

export interface RecordMoveRow {
  kind: MovingKind; id: string;
  from: { gridId: string; gridName: string };
  to: { gridId: string; gridName: string; path: string; townId: string };
}

/** who changed (the history names the account's display name, the username when there is no account) and why */
export interface ChangeStamp { at: Date; actorId: string | null; actorName: string | null; reason: string }

/**
 * Moves records to their new grid (grid, path and town follow) and writes one history row each (action 'boundary',
 * the reason, the grid before and after). One statement per kind for the rows, one for the history.
 */
export async function moveRecords(tx: Tx, moves: readonly RecordMoveRow[], stamp: ChangeStamp): Promise<void> {
  for (const kind of Object.keys(TABLES) as MovingKind[]) {
    const rows = moves.filter((m) => m.kind === kind);
    if (rows.length === 0) continue;
    await tx.query(
      `update ${TABLES[kind]} r set grid_id = m.grid_id, org_path = m.org_path, town_id = m.town_id, updated_at = $5
              ${VERSIONED.has(kind) ? ', version = r.version + 1' : ''}
         from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as m(id, grid_id, org_path, town_id)
        where r.id = m.id`,
      [rows.map((m) => m.id), rows.map((m) => m.to.gridId), rows.map((m) => m.to.path), rows.map((m) => m.to.townId), stamp.at]);
  }
  if (moves.length === 0) return;
  await tx.query(
    `insert into registry_changes (entity_kind, entity_id, household_id, org_path, at, actor_id, actor_name, action, reason, before, after)
     select m.kind, m.id,
            case m.kind when 'household' then m.id when 'resident' then (select household_id from registry_residents where id = m.id) end,
            m.org_path, $7, $8, coalesce((select a.name from accounts a where a.id = $8), $9), 'boundary', $10,
            jsonb_build_object('gridId', m.from_grid, 'gridName', m.from_name), jsonb_build_object('gridId', m.to_grid, 'gridName', m.to_name)
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $11::text[]) as m(kind, id, from_grid, from_name, to_grid, to_name, org_path)`,
    [moves.map((m) => m.kind), moves.map((m) => m.id), moves.map((m) => m.from.gridId), moves.map((m) => m.from.gridName),
      moves.map((m) => m.to.gridId), moves.map((m) => m.to.gridName), stamp.at, stamp.actorId, stamp.actorName, stamp.reason,
      moves.map((m) => m.to.path)]);
}

/**
 * A unit moved in the tree: the registry rows located under it and their history rows take the new path prefix (their
 * grid stays), as cases' do. Returns how many records changed.
 */
export async function rewriteRegistryPaths(tx: Tx, oldPath: string, newPath: string): Promise<number> {
  let n = 0;
  for (const table of [...Object.values(TABLES), 'registry_changes']) {
    const r = await tx.query(
      `update ${table} set org_path = $3 || substr(org_path, length($2) + 1) where org_path like $1`,
      [likePrefix(oldPath), oldPath, newPath]);
    if (table !== 'registry_changes') n += r.rowCount ?? 0;
  }
  return n;
}
