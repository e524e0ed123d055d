import type { Db } from '../platform/db/db.ts';
import { checkPasswordPolicy } from '../../domain/identity/password-policy.ts';
import { hashPassword } from './password-hash.ts';
import { insertAccount } from './store.ts';

/**
 * Production start: accounts are the security administrator's (三员分立), so when none exists the first one comes from
 * SECURITY_ADMIN_USERNAME / SECURITY_ADMIN_PASSWORD, scoped to the root unit. It then creates every other account.
 */
export async function bootstrapSecurityAdmin(db: Db, env: NodeJS.ProcessEnv, refusedPasswords: readonly string[]): Promise<string> {
  const existing = await db.query<{ n: number }>(`select count(*)::int as n from accounts where 'securityAdmin' = any(roles)`);
  if ((existing.rows[0]?.n ?? 0) > 0) return 'a security administrator exists';
  const username = env.SECURITY_ADMIN_USERNAME;
  const password = env.SECURITY_ADMIN_PASSWORD;
  if (!username || !password) return 'no security administrator yet (accounts are created by one): set SECURITY_ADMIN_USERNAME and SECURITY_ADMIN_PASSWORD and restart';
  const problem = checkPasswordPolicy(password);
  if (problem) throw new Error(`SECURITY_ADMIN_PASSWORD is refused by the password policy: ${problem}`);
  if (refusedPasswords.includes(password)) throw new Error('SECURITY_ADMIN_PASSWORD is refused: it is the demo password');
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const root = await tx.query<{ id: string }>('select id from org_units where parent_id is null order by code limit 1');
    if (!root.rows[0]) throw new Error('no root unit to scope the security administrator to');
    await insertAccount(tx, { username, name: '安全管理员', kind: 'staff', roles: ['securityAdmin'], scopeOrgUnitId: root.rows[0].id, passwordHash: hash });
  });
  return `created security administrator ${username}`;
}
