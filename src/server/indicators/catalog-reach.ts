import type { Tx } from '../platform/db/db.ts';
import type { Principal } from '../platform/auth.ts';
import { likePrefix } from '../platform/db/sql.ts';
import type { OrgLevel } from '../../shared/org-levels.ts';

/*
 * Which units and towns a caller reaches through the indicators' routes, always as a condition in the SQL:
 *   - values (a unit's values, a trend): the units inside the caller's scope, and the units holding it from the town
 *     down (a grid worker reads their grid, their community and their town; a community's staff their community and
 *     town) — never a district or the city from below;
 *   - children's values: the children of any unit read so, so the peers of one's own unit inside the town are seen
 *     (赛马比拼 is meant to be seen: names and figures of peers are public inside the town); a leader of a town does
 *     not see the other towns of the district;
 *   - the catalog: the standard indicators for every reader, and a town's own indicators and targets for callers in
 *     the town or above it;
 *   - changes (a town's own indicators, its targets): INDICATOR_EDITORS whose scope holds the town.
 * A unit or town out of reach answers 404, as if it did not exist.
 */

export interface UnitRow {
  id: string;
  name: string;
  level: OrgLevel;
  path: string;
  parent_id: string | null;
}

const TOWN_AND_BELOW = `('town','community','grid','microGrid','dedicatedGrid')`;

/** A unit the caller reads values of: inside the scope, or holding it from the town down. */
export async function readableUnit(tx: Tx, p: Principal, orgUnitId: string): Promise<UnitRow | null> {
  if (p.scopePath === null) return null;
  const { rows } = await tx.query<UnitRow>(
    `select id, name, level, path, parent_id from org_units
      where id = $1 and (path like $2 or ($3 like path || '%' and level in ${TOWN_AND_BELOW}))`,
    [orgUnitId, likePrefix(p.scopePath), p.scopePath],
  );
  return rows[0] ?? null;
}

/** The children of a unit, in the org tree's order. */
export async function childrenOf(tx: Tx, parentId: string): Promise<UnitRow[]> {
  const { rows } = await tx.query<UnitRow>(
    'select id, name, level, path, parent_id from org_units where parent_id = $1 order by sort, name, id',
    [parentId],
  );
  return rows;
}

/** The town holding the caller's scope (the scope itself when it is a town); null above the towns or without scope. */
export async function callerTown(tx: Tx, p: Principal): Promise<UnitRow | null> {
  if (p.scopePath === null) return null;
  const { rows } = await tx.query<UnitRow>(
    `select id, name, level, path, parent_id from org_units
      where level = 'town' and left($1, length(path)) = path order by length(path) desc limit 1`,
    [p.scopePath],
  );
  return rows[0] ?? null;
}

/** A town whose catalog the caller reads: inside the scope, or holding it. */
export async function readableTown(tx: Tx, p: Principal, townId: string): Promise<UnitRow | null> {
  if (p.scopePath === null) return null;
  const { rows } = await tx.query<UnitRow>(
    `select id, name, level, path, parent_id from org_units
      where id = $1 and level = 'town' and (path like $2 or $3 like path || '%')`,
    [townId, likePrefix(p.scopePath), p.scopePath],
  );
  return rows[0] ?? null;
}

/** A unit inside the caller's scope (any level), for changes; the caller checks it is a town. */
export async function unitInScope(tx: Tx, p: Principal, orgUnitId: string): Promise<UnitRow | null> {
  if (p.scopePath === null) return null;
  const { rows } = await tx.query<UnitRow>(
    'select id, name, level, path, parent_id from org_units where id = $1 and path like $2',
    [orgUnitId, likePrefix(p.scopePath)],
  );
  return rows[0] ?? null;
}

/** The town of the catalog a caller asks about: the one named (it must be readable), else the caller's own. */
export async function catalogTown(tx: Tx, p: Principal, townId: string | undefined): Promise<UnitRow | null | 'unreachable'> {
  if (townId === undefined) return callerTown(tx, p);
  return (await readableTown(tx, p, townId)) ?? 'unreachable';
}

/** Whether the caller's scope holds a path (for policies). */
export const holds = (p: Principal, path: string | null): boolean => p.scopePath !== null && path !== null && path.startsWith(p.scopePath);
