import type { Db } from '../platform/db/db.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { auditActor, type AccountAdmin } from './account-admin.ts';
import { accountNotFound } from './account-refusals.ts';
import { clearLoginFailures } from './store.ts';
import * as store from './accounts-store.ts';

/** Clears the sign-in failures that locked an account in the administrator's scope. */
export async function unlockAccount(db: Db, admin: AccountAdmin, id: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const target = await store.findAccount(tx, id, admin.scopePath, now);
    if (!target) throw accountNotFound();
    await clearLoginFailures(tx, target.username);
    await appendAudit(tx, { at: now, ...auditActor(admin), action: 'account.unlock', targetType: 'account', targetId: id, success: true });
  });
}
