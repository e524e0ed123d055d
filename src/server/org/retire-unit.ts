import type { Db } from '../platform/db/db.ts';
import { notFound } from '../platform/errors.ts';
import { appendAudit, type AuditEntry } from '../audit/audit-log.ts';
import { retireRefusal, retiresAlong } from '../../domain/org/unit-admin.ts';
import { findUnitToAdminister, retireUnit as storeRetire, unitOccupancy } from './unit-admin-store.ts';
import { retireRefused, unitRetired } from './unit-admin-errors.ts';
import { bumpGeometryRevision } from './store.ts';

/**
 * Retires a unit once nothing lives on it (no open case in its area, no unit under it in use; a grid's micro-grids
 * retire with it): it leaves the lists and
 * the grid map, no point locates to it any more, and closed cases keep pointing at it.
 */
export async function retireUnit(db: Db, id: string, scopePath: string, actor: Pick<AuditEntry, 'actorId' | 'actorName' | 'ip'>, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const unit = await findUnitToAdminister(tx, id, scopePath);
    if (!unit || !['community', 'grid', 'dedicatedGrid', 'microGrid'].includes(unit.level)) throw notFound('organisation unit');
    if (unit.retired_at) throw unitRetired();
    const along = retiresAlong(unit.level);
    const refusal = retireRefusal(await unitOccupancy(tx, unit.id, unit.path, along));
    if (refusal) throw retireRefused(refusal);
    await storeRetire(tx, id, along, now);
    await bumpGeometryRevision(tx);
    await appendAudit(tx, { at: now, ...actor, action: 'org.retire_unit', targetType: 'org_unit', targetId: id, success: true, detail: { level: unit.level, code: unit.code, name: unit.name } });
  });
}
