import type { Geometry } from 'geojson';
import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';

/* The organisation units the tasks' routes read (a filter's unit, a grid's shape): SQL only. */

/** The path of the unit with this id; null when there is none. */
export async function unitPath(tx: Tx, id: string): Promise<string | null> {
  const r = await tx.query<{ path: string }>('select path from org_units where id = $1', [id]);
  return r.rows[0]?.path ?? null;
}

/** The path of the unit with this id if it lies under `scopePath`; null otherwise. */
export async function unitPathUnder(tx: Tx, id: string, scopePath: string): Promise<string | null> {
  const r = await tx.query<{ path: string }>('select path from org_units where id = $1 and path like $2', [id, likePrefix(scopePath)]);
  return r.rows[0]?.path ?? null;
}

export async function unitGeometry(tx: Tx, id: string): Promise<Geometry | null> {
  const r = await tx.query<{ geometry: Geometry | null }>('select geometry from org_units where id = $1', [id]);
  return r.rows[0]?.geometry ?? null;
}
