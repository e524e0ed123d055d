import type { Geometry } from 'geojson';
import type { Tx } from '../platform/db/db.ts';
import type { Principal } from '../platform/auth.ts';
import { notFound } from '../platform/errors.ts';
import * as store from './store.ts';

/**
 * A unit the caller may read: one in its territory; for a district department, a unit that holds a case ever sent to
 * it (what its work needs). Anything else is 404, like a unit that does not exist.
 */
export async function unitInReach(tx: Tx, id: string, p: Principal): Promise<store.UnitRow & { geometry: Geometry | null }> {
  const unit = p.scopePath ? await store.getUnit(tx, id, p.scopePath)
    : p.departmentIds.length > 0 ? await store.getUnitHoldingCasesOf(tx, id, p.departmentIds) : null;
  if (!unit) throw notFound('organisation unit');
  return unit;
}
