import type { Db } from '../platform/db/db.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { hashPassword } from './password-hash.ts';
import { newOneTimePassword } from './one-time-password.ts';
import { auditActor, type AccountAdmin } from './account-admin.ts';
import { accountNotFound, ownAccount } from './account-refusals.ts';
import { clearLoginFailures } from './store.ts';
import * as store from './accounts-store.ts';

/**
 * Gives an account in the administrator's scope a new one-time password, which its holder must change at the next
 * sign-in: its sessions end, its sign-in failures are cleared, the change is audited in the same transaction.
 * Not one's own account (one changes one's own password instead).
 */
export async function resetPassword(db: Db, admin: AccountAdmin, id: string, now: Date): Promise<{ oneTimePassword: string }> {
  const oneTimePassword = newOneTimePassword();
  const hash = await hashPassword(oneTimePassword);
  await db.transaction(async (tx) => {
    const target = await store.findAccount(tx, id, admin.scopePath, now);
    if (!target) throw accountNotFound();
    if (target.id === admin.id) throw ownAccount();
    await store.setOneTimePassword(tx, id, hash, now);
    await store.revokeAllSessions(tx, id, now);
    await clearLoginFailures(tx, target.username);
    await appendAudit(tx, { at: now, ...auditActor(admin), action: 'account.resetPassword', targetType: 'account', targetId: id, success: true });
  });
  return { oneTimePassword };
}
