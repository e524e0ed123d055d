import type { Geometry } from 'geojson';
import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';
import type { OrgLevel } from '../../shared/org-levels.ts';
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

/** What still lives on a unit: open cases in its area and units under it not retired (but those of `along`'s level). */
export async function unitOccupancy(tx: Tx, id: string, path: string, along: OrgLevel | null): Promise<{ openCases: number; liveChildren: number }> {
  const r = await tx.query<{ open_cases: number; live_children: number }>(
    `select (select count(*)::int from cases c where c.org_path like $2 and c.closed_at is null) as open_cases,
            (select count(*)::int from org_units c where c.parent_id = $1 and c.retired_at is null
               and c.level is distinct from $3::text) as live_children`,
    [id, likePrefix(path), along],
  );
  return { openCases: r.rows[0]!.open_cases, liveChildren: r.rows[0]!.live_children };
}

export interface BoundaryRow { geometry: Geometry; valid_until: Date }

export async function listBoundaryHistory(tx: Tx, id: string): Promise<BoundaryRow[]> {
  const r = await tx.query<BoundaryRow>(
    'select geometry, valid_until from org_unit_boundaries where unit_id = $1 order by valid_until desc limit 100', [id]);
  return r.rows;
}
