import type { Tx } from '../platform/db/db.ts';
import type { Principal } from '../platform/auth.ts';
import { resolveTown } from '../org/town-of.ts';
import type { TownRow } from '../org/town-store.ts';
import { listUnitsByIds } from '../org/store.ts';

/** The town whose catalog the caller reads: staff one in their scope (named, or theirs), a resident their home's. */
export async function catalogTown(tx: Tx, p: Principal, townId: string | undefined): Promise<TownRow> {
  const home = !p.scopePath && p.homeOrgUnitId ? (await listUnitsByIds(tx, [p.homeOrgUnitId]))[0]?.path ?? null : null;
  return resolveTown(tx, p.scopePath ?? home, townId);
}
