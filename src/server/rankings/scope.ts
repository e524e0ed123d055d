import type { Principal } from '../platform/auth.ts';
import type { Tx } from '../platform/db/db.ts';
import { forbidden, notFound } from '../platform/errors.ts';
import { likePrefix } from '../platform/db/sql.ts';
import { INDICATOR_EDITORS, INDICATOR_READERS } from '../../shared/indicators.ts';
import type { Role } from '../../shared/roles.ts';
import { townOf } from './rank-units.ts';

/*
 * Which boards a caller reads, decided in SQL on the units' paths:
 *   - staff of a territory read the boards of every unit in their scope;
 *   - and, since 赛马比拼 is meant to be seen inside a town, every board of the town their scope lies in (a grid
 *     worker sees the town's board of grids with their peers' names and figures; a community's staff the town's
 *     board of communities) — never a board above or beside their town;
 *   - accounts without a territory (a district department, a resident) read no board: 403.
 * The default parent is the caller's town (or their scope when it lies above the towns).
 */

export interface BoardUnit {
  id: string;
  name: string;
  level: string;
  path: string;
}

/** The path under which the caller reads boards and bulletins: their town's when their scope lies inside one, else their scope. */
export async function reachOf(tx: Tx, p: Principal): Promise<{ reach: string; town: { id: string; path: string } | null }> {
  if (!p.scopePath) throw forbidden();
  const town = await townOf(tx, p.scopePath);
  return { reach: town && town.path.length < p.scopePath.length ? town.path : p.scopePath, town };
}

/** The unit whose board the caller asks for (default their town), checked against their reach; 404 outside it. */
export async function boardParentFor(tx: Tx, p: Principal, parentId: string | undefined): Promise<BoardUnit> {
  const { reach, town } = await reachOf(tx, p);
  const id = parentId ?? town?.id ?? p.scopeOrgUnitId;
  const r = await tx.query<BoardUnit>(
    `select id, name, level, path from org_units where id = $1 and path like $2`, [id, likePrefix(reach)]);
  const unit = r.rows[0];
  if (!unit) throw notFound('organisation unit');
  return unit;
}

/** Who reads boards and bulletins: the readers of indicators who hold a territory — not a district department. */
export const RANKING_READERS = INDICATOR_READERS.filter((r) => r !== 'department');

/** Who generates a 线上通报: those who edit indicators, and the command center's dispatchers. */
export const BULLETIN_GENERATORS = [...INDICATOR_EDITORS, 'dispatcher'] as const satisfies readonly Role[];

/** Whether the caller may generate a bulletin of this unit: BULLETIN_GENERATORS whose scope holds it. */
export const mayGenerateBulletin = (p: Principal, unitPath: string): boolean =>
  p.scopePath !== null && unitPath.startsWith(p.scopePath) && p.roles.some((r) => (BULLETIN_GENERATORS as readonly Role[]).includes(r));
