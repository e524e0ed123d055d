import type { Db } from '../platform/db/db.ts';
import { notFound } from '../platform/errors.ts';
import type { AuditEntry } from '../audit/audit-log.ts';
import { isGridLike } from '../../domain/org/unit-admin.ts';
import { importGrids } from './import-grids.ts';
import { findUnitToAdminister } from './unit-admin-store.ts';
import { boundaryNotHere, unitRetired } from './unit-admin-errors.ts';

/**
 * A grid's new boundary, drawn on the map: the same checks and the same all-or-nothing write as a GeoJSON import of
 * that one grid. The boundary it replaces goes into the unit's history (a trigger of migration 018).
 */
export async function setUnitBoundary(db: Db, id: string, geometry: unknown, scopePath: string, actor: Pick<AuditEntry, 'actorId' | 'actorName' | 'ip'>, now: Date): Promise<void> {
  const unit = await db.transaction((tx) => findUnitToAdminister(tx, id, scopePath));
  if (!unit) throw notFound('organisation unit');
  if (unit.retired_at) throw unitRetired();
  if (!isGridLike(unit.level) || !unit.parent_code) throw boundaryNotHere();
  await importGrids(db, {
    features: [{ geometry, properties: { code: unit.code, name: unit.name, communityCode: unit.parent_code, level: unit.level as 'grid' | 'dedicatedGrid', kind: unit.kind ?? undefined } }],
    scopePath, actor, now,
  });
}
