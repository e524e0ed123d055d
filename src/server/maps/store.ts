import type { Geometry } from 'geojson';
import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';
import type { OrgLevel } from '../../shared/org-levels.ts';

export interface MapUnitRow {
  id: string;
  level: OrgLevel;
  name: string;
  path: string;
}

/** The units a map or a search can be about, by id. */
export async function findMapUnit(tx: Tx, id: string): Promise<MapUnitRow | null> {
  const r = await tx.query<MapUnitRow>('select id, level, name, path from org_units where id = $1 and retired_at is null', [id]);
  return r.rows[0] ?? null;
}

/** The unit of this level that is or holds the unit at `path` (a grid's community, a unit's town). */
export async function findHolding(tx: Tx, path: string, level: OrgLevel): Promise<MapUnitRow | null> {
  const r = await tx.query<MapUnitRow>(
    `select id, level, name, path from org_units where level = $2 and retired_at is null and $1 like path || '%'`, [path, level]);
  return r.rows[0] ?? null;
}

/** The town a map opens on for people with no place of their own: the first in the tree's order. */
export async function findDefaultTown(tx: Tx): Promise<MapUnitRow | null> {
  const r = await tx.query<MapUnitRow>(
    `select t.id, t.level, t.name, t.path from org_units t
      where t.level = 'town' and t.retired_at is null
        and exists (select 1 from org_units g where g.path like t.path || '%' and g.level in ('grid','dedicatedGrid') and g.geometry is not null and g.retired_at is null)
      order by t.sort, t.code limit 1`);
  return r.rows[0] ?? null;
}

export interface PlaceUnitRow {
  id: string;
  level: OrgLevel;
  code: string;
  name: string;
  parent_name: string | null;
  town_name: string | null;
  geometry: Geometry;
}

/** Units with a boundary that a search can find, under `path` (everything when null). */
export async function listPlaceUnits(tx: Tx, path: string | null, levels: readonly OrgLevel[]): Promise<PlaceUnitRow[]> {
  const r = await tx.query<PlaceUnitRow>(
    `select u.id, u.level, u.code, u.name, p.name as parent_name,
            (select t.name from org_units t where t.level = 'town' and u.path like t.path || '%') as town_name, u.geometry
       from org_units u left join org_units p on p.id = u.parent_id
      where ($1::text is null or u.path like $1) and u.level = any($2) and u.geometry is not null and u.retired_at is null`,
    [path === null ? null : likePrefix(path), levels]);
  return r.rows;
}
