import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';

export interface TownRow {
  id: string;
  code: string;
  path: string;
  name: string;
}

/** The town with this code (the demo finds its town so). */
export async function findTownByCode(tx: Tx, code: string): Promise<TownRow | null> {
  const r = await tx.query<TownRow>(`select id, code, path, name from org_units where code = $1 and level = 'town'`, [code]);
  return r.rows[0] ?? null;
}

/** The town with this id, if it lies in the scope or holds it. */
export async function findTownInScope(tx: Tx, townId: string, scopePath: string): Promise<TownRow | null> {
  const r = await tx.query<TownRow>(
    `select id, code, path, name from org_units where id = $1 and level = 'town' and (path like $2 or $3 like path || '%')`,
    [townId, likePrefix(scopePath), scopePath]);
  return r.rows[0] ?? null;
}

/** The town that is or holds the unit at this path; null when the path lies above every town. */
export async function findTownHoldingPath(tx: Tx, path: string): Promise<TownRow | null> {
  const r = await tx.query<TownRow>(`select id, code, path, name from org_units where level = 'town' and $1 like path || '%'`, [path]);
  return r.rows[0] ?? null;
}

/** The town that is or holds this unit. */
export async function findTownOfUnit(tx: Tx, unitId: string): Promise<TownRow | null> {
  const r = await tx.query<TownRow>(
    `select t.id, t.code, t.path, t.name from org_units u join org_units t on t.level = 'town' and u.path like t.path || '%' where u.id = $1`,
    [unitId]);
  return r.rows[0] ?? null;
}
