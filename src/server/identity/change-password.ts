import type { Db } from '../platform/db/db.ts';
import { AppError } from '../platform/errors.ts';
import { checkPasswordPolicy } from '../../domain/identity/password-policy.ts';
import { appendAudit, audit } from '../audit/audit-log.ts';
import { hashPassword, verifyPassword } from './password-hash.ts';
import { reservePasswordCheck } from './reserve-password-check.ts';
import * as store from './store.ts';

export interface ChangePasswordInput {
  accountId: string;
  username: string;
  /** the session asking, which stays signed in */
  tokenHash: string;
  ip: string;
  currentPassword: string;
  newPassword: string;
  now: Date;
}

const POLICY_MESSAGES = {
  TOO_SHORT: ['The new password needs at least 8 characters.', '新密码至少 8 位。'],
  TOO_LONG: ['The new password is longer than 128 characters.', '新密码不能超过 128 位。'],
  TOO_SIMPLE: ['Mix at least two of letters, digits and other characters.', '新密码须包含字母、数字、符号中的至少两种。'],
} as const;

/**
 * Changes one's own password and signs out the account's other sessions; a one-time password given by an administrator
 * stops holding (and must not be kept as the new one). The current password is checked under the
 * same throttle as sign-in, on the same counter (a wrong one is a failed sign-in of the account), and every refusal
 * is audited. The new password's policy is checked first, so a weak one costs no attempt.
 */
export async function changePassword(db: Db, input: ChangePasswordInput): Promise<void> {
  const problem = checkPasswordPolicy(input.newPassword);
  if (problem) {
    const [en, zh] = POLICY_MESSAGES[problem];
    throw new AppError('VALIDATION_FAILED', en, zh, [{ field: 'newPassword', problem }]);
  }
  const entry = {
    at: input.now, actorId: input.accountId, actorName: input.username, ip: input.ip,
    action: 'account.password', targetType: 'account', targetId: input.accountId,
  };
  const account = await reservePasswordCheck(db, { username: input.username, ip: input.ip, now: input.now, audit: entry });
  if (!account || !(await verifyPassword(input.currentPassword, account.password_hash))) {
    await audit(db, { ...entry, success: false, detail: { reason: 'wrong current password' } });
    throw new AppError('BAD_CREDENTIALS', 'The current password is wrong.', '当前密码不正确。');
  }
  if (account.must_change_password && input.newPassword === input.currentPassword) {
    throw new AppError('VALIDATION_FAILED', 'Choose a password of your own, not the one-time password.', '请设置您自己的密码，不能继续使用一次性密码。',
      [{ field: 'newPassword', problem: 'SAME_AS_ONE_TIME' }]);
  }
  const hash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await store.setPasswordHash(tx, input.accountId, hash, input.now);
    await store.revokeOtherSessions(tx, input.accountId, input.tokenHash, input.now);
    await store.clearLoginFailures(tx, input.username);
    await appendAudit(tx, { ...entry, success: true });
  });
}
