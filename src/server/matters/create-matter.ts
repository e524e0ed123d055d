import type { Db } from '../platform/db/db.ts';
import { AppError } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import * as store from './store.ts';
import { checkMatterInput, matterAudit, versionFrom, type MatterChange, type MatterInput } from './matter-input.ts';

/** Adds a Matter (version 1) to a town's catalog; the audit entry is written in the same transaction. */
export async function createMatter(db: Db, c: MatterChange, input: MatterInput): Promise<store.MatterRow> {
  return db.transaction(async (tx) => {
    await checkMatterInput(tx, c.townId, c.code, input);
    await store.lockMatterCode(tx, c.townId, c.code);
    if (await store.findCurrentMatter(tx, c.townId, c.code)) {
      throw new AppError('CONFLICT', `Matter ${c.code} exists already; edit it instead.`, `事项 ${c.code} 已存在，请编辑。`);
    }
    const saved = await store.insertMatterVersion(tx, versionFrom(c.townId, c.code, input, null, c.actor.actorId));
    await appendAudit(tx, matterAudit('matter.create', c, saved));
    return saved;
  });
}
