import type { Db } from '../db/db.ts';
import type { Config } from '../config.ts';
import { hashPassword } from '../../identity/password-hash.ts';
import { checkPasswordPolicy } from '../../../domain/identity/password-policy.ts';
import { insertAccount } from '../../identity/store.ts';
import { upsertUnit } from '../../org/store.ts';

/**
 * Production start: no demo data and no default password. When no admin exists, the first one comes
 * from ADMIN_USERNAME / ADMIN_PASSWORD, scoped to the root unit (ROOT_ORG_CODE / ROOT_ORG_NAME).
 */
export async function bootstrapAdmin(db: Db, config: Config, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const admins = await db.query<{ n: number }>(`select count(*)::int as n from accounts where 'admin' = any(roles)`);
  if ((admins.rows[0]?.n ?? 0) > 0) return 'an admin account exists';
  if (!config.bootstrapAdmin) return 'no admin account yet: set ADMIN_USERNAME and ADMIN_PASSWORD and restart';
  const problem = checkPasswordPolicy(config.bootstrapAdmin.password);
  if (problem) throw new Error(`ADMIN_PASSWORD is refused by the password policy: ${problem}`);
  const hash = await hashPassword(config.bootstrapAdmin.password);
  await db.transaction(async (tx) => {
    const root = await tx.query<{ id: string }>('select id from org_units where parent_id is null order by code limit 1');
    const rootId = root.rows[0]?.id ?? await upsertUnit(tx, {
      parentId: null, parentPath: '/', level: 'city', code: env.ROOT_ORG_CODE ?? '000000000000', name: env.ROOT_ORG_NAME ?? '本级',
    });
    await insertAccount(tx, {
      username: config.bootstrapAdmin!.username, name: '系统管理员', kind: 'staff', roles: ['admin'], scopeOrgUnitId: rootId, passwordHash: hash,
    });
  });
  return `created admin account ${config.bootstrapAdmin.username}`;
}
