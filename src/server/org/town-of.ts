import type { Tx } from '../platform/db/db.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { findTownHoldingPath, findTownInScope, type TownRow } from './town-store.ts';

/**
 * The town a request is about: the given one if it lies in the caller's scope, else the town that holds
 * (or is) the caller's scope. Callers scoped above a town must name one.
 */
export async function resolveTown(tx: Tx, scopePath: string | null, townId: string | undefined): Promise<TownRow> {
  if (!scopePath) throw notFound('town');
  if (townId) {
    const town = await findTownInScope(tx, townId, scopePath);
    if (!town) throw notFound('town');
    return town;
  }
  const town = await findTownHoldingPath(tx, scopePath);
  if (!town) {
    throw new AppError('VALIDATION_FAILED', 'Name the town (townId): your scope spans several.', '请指定镇街（townId）：您的数据范围包含多个镇街。');
  }
  return town;
}
