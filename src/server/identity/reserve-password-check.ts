import type { Db } from '../platform/db/db.ts';
import { AppError } from '../platform/errors.ts';
import { decideLoginThrottle, DEFAULT_THROTTLE, type ThrottleDecision } from '../../domain/identity/login-throttle.ts';
import { appendAudit, type AuditEntry } from '../audit/audit-log.ts';
import * as store from './store.ts';
import type { AccountRow } from './store.ts';

export interface PasswordCheckRequest {
  username: string;
  ip: string;
  now: Date;
  /** the audit entry a refusal is written as (with `success: false` and the reason added) */
  audit: Omit<AuditEntry, 'success' | 'detail'>;
}

function throttled(d: Extract<ThrottleDecision, { allowed: false }>): AppError {
  const headers = { 'retry-after': String(d.retryAfterSeconds) };
  const details = { retryAfterSeconds: d.retryAfterSeconds, limit: d.limit };
  if (d.limit === 'address') {
    return new AppError('RATE_LIMITED',
      `Too many failed sign-ins from this network. Try again in ${d.retryAfterSeconds} s.`,
      `此网络登录失败次数过多，请 ${d.retryAfterSeconds} 秒后再试。`, details, headers);
  }
  const minutes = Math.ceil(d.retryAfterSeconds / 60);
  return new AppError('RATE_LIMITED',
    `Too many failed sign-ins. Try again in ${minutes} min.`,
    `登录失败次数过多，请 ${minutes} 分钟后再试。`, details, headers);
}

/**
 * Reserves one password check for the account name and the address, or refuses with 429 (audited). The reservation is
 * written as a failure BEFORE the password is checked, under advisory locks on both keys, so requests sent at once, on
 * any number of nodes, can never check more passwords than the rule allows; a success deletes it. The transaction is
 * short on purpose: the check itself (scrypt) runs after it commits, holding no connection.
 */
export async function reservePasswordCheck(db: Db, r: PasswordCheckRequest): Promise<AccountRow | null> {
  const since = new Date(r.now.getTime() - DEFAULT_THROTTLE.windowMs);
  const outcome = await db.transaction(async (tx) => {
    await store.lockPasswordChecks(tx, r.username, r.ip);
    const decision = decideLoginThrottle(await store.recentLoginFailures(tx, r.username, r.ip, since), r.now, DEFAULT_THROTTLE);
    if (!decision.allowed) {
      await appendAudit(tx, { ...r.audit, success: false, detail: { reason: 'throttled', limit: decision.limit } });
      return { refused: decision, account: null };
    }
    await store.recordLoginFailure(tx, r.username, r.ip, r.now);
    await store.pruneLoginFailures(tx, since);
    return { refused: null, account: await store.findAccountByUsername(tx, r.username) };
  });
  if (outcome.refused) throw throttled(outcome.refused);
  return outcome.account;
}
