import type { Db } from '../platform/db/db.ts';
import { notFound } from '../platform/errors.ts';
import { appendAudit, type AuditEntry } from '../audit/audit-log.ts';
import { findUnitToAdminister, renameUnit as storeRename } from './unit-admin-store.ts';
import { unitRefused, unitRetired } from './unit-admin-errors.ts';

/** Renames a unit of the administrator's scope; its code, place and cases stay. */
export async function renameUnit(db: Db, id: string, name: string, scopePath: string, actor: Pick<AuditEntry, 'actorId' | 'actorName' | 'ip'>, now: Date): Promise<void> {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw unitRefused(['NAME_REQUIRED']);
  await db.transaction(async (tx) => {
    const unit = await findUnitToAdminister(tx, id, scopePath);
    if (!unit) throw notFound('organisation unit');
    if (unit.retired_at) throw unitRetired();
    await storeRename(tx, id, trimmed, now);
    await appendAudit(tx, { at: now, ...actor, action: 'org.rename_unit', targetType: 'org_unit', targetId: id, success: true, detail: { from: unit.name, to: trimmed } });
  });
}
