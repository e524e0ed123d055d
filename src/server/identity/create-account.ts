import type { Db } from '../platform/db/db.ts';
import type { PiiCipher, Sealed } from '../platform/pii-cipher.ts';
import { AppError } from '../platform/errors.ts';
import { checkAccountFields } from '../../domain/identity/account-input.ts';
import type { Role } from '../../shared/roles.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { hashPassword } from './password-hash.ts';
import { newOneTimePassword } from './one-time-password.ts';
import { auditActor, type AccountAdmin } from './account-admin.ts';
import { accountNotFound, accountProblems, usernameTaken } from './account-refusals.ts';
import { postCommandOf, requireScopeUnits, setPostPlaces } from './account-places.ts';
import * as store from './accounts-store.ts';

export interface NewAccountInput {
  username: string;
  name: string;
  phone?: string | null;
  roles: string[];
  scopeOrgUnitId: string;
  postIds?: string[];
}

export interface CreatedAccount {
  accountId: string;
  oneTimePassword: string;
  /** the answer to an earlier request with the same Idempotency-Key */
  replayed: boolean;
}

const passwordGone = () => new AppError('CONFLICT',
  'This Idempotency-Key created the account, whose one-time password has since been set or reset: reset it to get a new one.',
  '该 Idempotency-Key 已创建过此账号，其一次性密码已被修改或重置；如需新密码请重置密码。');

/**
 * Creates a staff account with a random one-time password its holder must change at the first sign-in, in the
 * administrator's scope, holding the posts named; audited in the same transaction. A retry with the same
 * Idempotency-Key answers the first result (the one-time password is kept sealed for that, until it is set or reset).
 */
export async function createAccount(db: Db, pii: PiiCipher, admin: AccountAdmin, input: NewAccountInput,
  idempotencyKey: string | null, now: Date): Promise<CreatedAccount> {
  const problems = checkAccountFields({ username: input.username, name: input.name, phone: input.phone ?? null, roles: input.roles });
  if (problems.length) throw accountProblems(problems);
  const oneTimePassword = newOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  try {
    return await db.transaction(async (tx) => {
      if (idempotencyKey) {
        await store.lockIdempotencyKey(tx, admin.id, idempotencyKey);
        const first = await store.findCreatedWithKey(tx, admin.id, idempotencyKey);
        if (first) {
          if (!(await store.findAccount(tx, first.id, admin.scopePath, now))) throw accountNotFound();
          const kept = first.one_time_password === null ? null : pii.tryDecrypt(first.one_time_password);
          if (kept === null) throw passwordGone();
          return { accountId: first.id, oneTimePassword: kept, replayed: true };
        }
      }
      await requireScopeUnits(tx, [input.scopeOrgUnitId], admin.scopePath);
      if ((await store.takenUsernames(tx, [input.username])).length) throw usernameTaken(input.username);
      const accountId = await store.insertStaffAccount(tx, {
        username: input.username, name: input.name.trim(), roles: input.roles as Role[], scopeOrgUnitId: input.scopeOrgUnitId,
        phone: input.phone ? pii.encrypt(input.phone) : null, passwordHash, createdBy: admin.id, idempotencyKey,
        oneTimePassword: idempotencyKey ? pii.encrypt(oneTimePassword) as Sealed : null, now,
      });
      const posts = input.postIds?.length
        ? await setPostPlaces(tx, postCommandOf(admin, now), accountId, input.postIds)
        : [];
      await appendAudit(tx, {
        at: now, ...auditActor(admin), action: 'account.create', targetType: 'account', targetId: accountId, success: true,
        detail: { username: input.username, roles: input.roles, scopeOrgUnitId: input.scopeOrgUnitId, posts },
      });
      return { accountId, oneTimePassword, replayed: false };
    });
  } catch (err) {
    // two creates of one username at once: the second meets the unique index
    if ((err as { code?: string }).code === '23505') throw usernameTaken(input.username);
    throw err;
  }
}
