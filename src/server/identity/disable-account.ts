import type { Db } from '../platform/db/db.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { auditActor, type AccountAdmin } from './account-admin.ts';
import { accountNotFound, ownAccount } from './account-refusals.ts';
import * as store from './accounts-store.ts';

/** Disables an account in the administrator's scope (not one's own): its sessions end at once, on every node. */
export async function disableAccount(db: Db, admin: AccountAdmin, id: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const target = await store.findAccount(tx, id, admin.scopePath, now);
    if (!target) throw accountNotFound();
    if (target.id === admin.id) throw ownAccount();
    await store.setDisabled(tx, id, now, now);
    await store.revokeAllSessions(tx, id, now);
    await appendAudit(tx, { at: now, ...auditActor(admin), action: 'account.disable', targetType: 'account', targetId: id, success: true });
  });
}
