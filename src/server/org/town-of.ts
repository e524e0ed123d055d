import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';
import { AppError, notFound } from '../platform/errors.ts';

/**
 * The town a request is about: the given one if it lies in the caller's scope, else the town that holds
 * (or is) the caller's scope. Callers scoped above a town must name one.
 */
export async function resolveTown(tx: Tx, scopePath: string | null, townId: string | undefined): Promise<{ id: string; path: string; code: string }> {
  if (!scopePath) throw notFound('town');
  if (townId) {
    const r = await tx.query<{ id: string; path: string; code: string }>(
      `select id, path, code from org_units where id = $1 and level = 'town' and (path like $2 or $3 like path || '%')`,
      [townId, likePrefix(scopePath), scopePath]);
    if (!r.rows[0]) throw notFound('town');
    return r.rows[0];
  }
  const r = await tx.query<{ id: string; path: string; code: string }>(
    `select id, path, code from org_units where level = 'town' and $1 like path || '%'`, [scopePath]);
  if (!r.rows[0]) {
    throw new AppError('VALIDATION_FAILED', 'Name the town (townId): your scope spans several.', '请指定镇街（townId）：您的数据范围包含多个镇街。');
  }
  return r.rows[0];
}
