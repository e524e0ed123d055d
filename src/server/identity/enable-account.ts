import type { Db } from '../platform/db/db.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { auditActor, type AccountAdmin } from './account-admin.ts';
import { accountNotFound } from './account-refusals.ts';
import * as store from './accounts-store.ts';

/** Enables a disabled account in the administrator's scope. */
export async function enableAccount(db: Db, admin: AccountAdmin, id: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await store.findAccount(tx, id, admin.scopePath, now))) throw accountNotFound();
    await store.setDisabled(tx, id, null, now);
    await appendAudit(tx, { at: now, ...auditActor(admin), action: 'account.enable', targetType: 'account', targetId: id, success: true });
  });
}
