import type { Db } from '../platform/db/db.ts';
import { AppError } from '../platform/errors.ts';
import { burnPasswordCheck, verifyPassword } from './password-hash.ts';
import { reservePasswordCheck } from './reserve-password-check.ts';
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

/** Reserves a password check (or refuses, throttled), checks the password; a failure stays recorded, a success opens a session. */
export async function login(db: Db, input: LoginInput): Promise<{ token: string; expiresAt: Date; accountId: string }> {
  const attempt = { at: input.now, actorName: input.username, ip: input.ip, action: 'login' };
  const account = await reservePasswordCheck(db, { username: input.username, ip: input.ip, now: input.now, audit: { ...attempt, actorId: null } });
  const ok = account && !account.disabled_at
    ? await verifyPassword(input.password, account.password_hash)
    : (await burnPasswordCheck(input.password), false);
  if (!ok || !account) {
    await audit(db, { ...attempt, actorId: account?.id ?? null, success: false, detail: { reason: account?.disabled_at ? 'disabled' : 'bad credentials' } });
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
