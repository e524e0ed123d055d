import type { Db } from '../platform/db/db.ts';
import { notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import * as store from './store.ts';
import { checkMatterInput, matterAudit, versionFrom, type MatterChange, type MatterInput } from './matter-input.ts';

/** Writes the next version of a Matter; cases keep the version they were reported under. Audited in the same transaction. */
export async function updateMatter(db: Db, c: MatterChange, input: MatterInput): Promise<store.MatterRow> {
  return db.transaction(async (tx) => {
    await checkMatterInput(tx, c.townId, c.code, input);
    await store.lockMatterCode(tx, c.townId, c.code);
    const current = await store.findCurrentMatter(tx, c.townId, c.code);
    if (!current) throw notFound('matter');
    const saved = await store.insertMatterVersion(tx, versionFrom(c.townId, c.code, input, current, c.actor.actorId));
    await appendAudit(tx, matterAudit('matter.update', c, saved));
    return saved;
  });
}
