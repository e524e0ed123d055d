import type { Db } from '../platform/db/db.ts';
import type { Config } from '../platform/config.ts';
import { hashPassword, verifyPassword } from './password-hash.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../platform/seed/seed-demo.ts';
import { checkPasswordPolicy } from '../../domain/identity/password-policy.ts';
import { insertAccount } from './store.ts';
import { upsertUnit } from '../org/store.ts';
import { bootstrapSecurityAdmin } from './bootstrap-security-admin.ts';

/**
 * Production start: no demo data and no default password. When no admin exists, the first one comes
 * from ADMIN_USERNAME / ADMIN_PASSWORD, scoped to the root unit (ROOT_ORG_CODE / ROOT_ORG_NAME); then the first
 * security administrator, who creates the other accounts (三员分立, bootstrap-security-admin.ts).
 */
export async function bootstrapAdmin(db: Db, config: Config, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const admin = await bootstrapSystemAdmin(db, config, env);
  const roots = await db.query<{ n: number }>('select count(*)::int as n from org_units where parent_id is null');
  return (roots.rows[0]?.n ?? 0) > 0 ? `${admin}; ${await bootstrapSecurityAdmin(db, env, [DEMO_PASSWORD])}` : admin;
}

async function bootstrapSystemAdmin(db: Db, config: Config, env: NodeJS.ProcessEnv): Promise<string> {
  const admins = await db.query<{ n: number }>(`select count(*)::int as n from accounts where 'admin' = any(roles)`);
  if ((admins.rows[0]?.n ?? 0) > 0) return 'an admin account exists';
  if (!config.bootstrapAdmin) return 'no admin account yet: set ADMIN_USERNAME and ADMIN_PASSWORD and restart';
  const problem = checkPasswordPolicy(config.bootstrapAdmin.password);
  if (problem) throw new Error(`ADMIN_PASSWORD is refused by the password policy: ${problem}`);
  if (config.bootstrapAdmin.password === DEMO_PASSWORD) throw new Error('ADMIN_PASSWORD is refused: it is the demo password');
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

/**
 * A production start refuses a database in which an enabled account still signs in with the demo password: the demo
 * accounts of a database seeded outside production, or any other account given that password. Checked on the demo
 * usernames and on password hashes several accounts share (the demo seed hashes its password once for all of them),
 * so the start-up cost stays a handful of hashes whatever the number of accounts.
 */
export async function refuseDemoPassword(db: Db): Promise<void> {
  const r = await db.query<{ password_hash: string; usernames: string[] }>(
    `select password_hash, array_agg(username order by username) filter (where disabled_at is null) as usernames from accounts
      group by password_hash having (count(*) > 1 or bool_or(username = any($1))) and bool_or(disabled_at is null)`,
    [DEMO_ACCOUNTS.map((a) => a.username)],
  );
  for (const row of r.rows) {
    if (await verifyPassword(DEMO_PASSWORD, row.password_hash)) {
      throw new Error(`production refuses to start: ${row.usernames.slice(0, 5).join(', ')}${row.usernames.length > 5 ? ` and ${row.usernames.length - 5} more` : ''}`
        + ` still sign in with the demo password; disable them or set their passwords, or start without NODE_ENV=production`);
    }
  }
}
