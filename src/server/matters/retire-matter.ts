import type { Db } from '../platform/db/db.ts';
import { notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import * as store from './store.ts';
import { matterAudit, type MatterChange } from './matter-input.ts';

/** Retires a Matter: a new version that no new case can be reported under. Audited in the same transaction. */
export async function retireMatter(db: Db, c: MatterChange): Promise<store.MatterRow> {
  return db.transaction(async (tx) => {
    await store.lockMatterCode(tx, c.townId, c.code);
    const current = await store.findCurrentMatter(tx, c.townId, c.code);
    if (!current || current.retired_at) throw notFound('matter');
    const { id: _id, version: _v, current: _c, created_at: _at, ...rest } = current;
    const saved = await store.insertMatterVersion(tx, { ...rest, retired_at: c.now, created_by: c.actor.actorId });
    await appendAudit(tx, matterAudit('matter.retire', c, saved));
    return saved;
  });
}
