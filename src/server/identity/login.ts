import type { Db } from '../platform/db/db.ts';
import { AppError } from '../platform/errors.ts';
import { decideLoginThrottle, DEFAULT_THROTTLE } from '../../domain/identity/login-throttle.ts';
import { burnPasswordCheck, verifyPassword } from './password-hash.ts';
import { newToken, tokenHash } from './tokens.ts';
import * as store from './store.ts';
import { appendAudit, audit } from '../audit/audit-log.ts';

export interface LoginInput {
  username: string;
  password: string;
  ip: string;
  userAgent: string | null;
  now: Date;
  ttlSeconds: number;
}

const badCredentials = () =>
  new AppError('BAD_CREDENTIALS', 'Wrong username or password.', '用户名或密码错误。');

/** Checks the throttle, then the password; a failure is recorded, a success opens a session. */
export async function login(db: Db, input: LoginInput): Promise<{ token: string; expiresAt: Date; accountId: string }> {
  const since = new Date(input.now.getTime() - DEFAULT_THROTTLE.windowMs);
  const failures = await store.recentLoginFailures(db, input.username, input.ip, since);
  const throttle = decideLoginThrottle(failures, input.now);
  if (!throttle.allowed) {
    await audit(db, { at: input.now, actorId: null, actorName: input.username, ip: input.ip, action: 'login', success: false, detail: { reason: 'throttled' } });
    const minutes = Math.ceil(throttle.retryAfterSeconds / 60);
    throw new AppError(
      'RATE_LIMITED',
      `Too many failed sign-ins. Try again in ${minutes} min.`,
      `登录失败次数过多，请 ${minutes} 分钟后再试。`,
      { retryAfterSeconds: throttle.retryAfterSeconds },
      { 'retry-after': String(throttle.retryAfterSeconds) },
    );
  }
  const account = await store.findAccountByUsername(db, input.username);
  const ok = account && !account.disabled_at
    ? await verifyPassword(input.password, account.password_hash)
    : (await burnPasswordCheck(input.password), false);
  if (!ok || !account) {
    await db.transaction(async (tx) => {
      await store.recordLoginFailure(tx, input.username, input.ip, input.now);
      await appendAudit(tx, {
        at: input.now, actorId: account?.id ?? null, actorName: input.username, ip: input.ip, action: 'login', success: false,
        detail: { reason: account?.disabled_at ? 'disabled' : 'bad credentials' },
      });
    });
    throw badCredentials();
  }
  const token = newToken();
  const expiresAt = new Date(input.now.getTime() + input.ttlSeconds * 1000);
  await db.transaction(async (tx) => {
    await store.clearLoginFailures(tx, input.username);
    await store.insertSession(tx, { tokenHash: tokenHash(token), accountId: account.id, expiresAt, ip: input.ip, userAgent: input.userAgent });
    await appendAudit(tx, { at: input.now, actorId: account.id, actorName: account.username, ip: input.ip, action: 'login', success: true });
  });
  return { token, expiresAt, accountId: account.id };
}
