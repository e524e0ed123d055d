import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../support/test-app.ts';
import { migrate } from '../../src/server/platform/db/migrate.ts';
import { bootstrapAdmin, refuseDemoPassword } from '../../src/server/identity/bootstrap-admin.ts';
import { DEMO_PASSWORD, seedDemo } from '../../src/server/platform/seed/seed-demo.ts';
import { hashPassword } from '../../src/server/identity/password-hash.ts';
import { loadConfig } from '../../src/server/platform/config.ts';
import type { Db } from '../../src/server/platform/db/db.ts';

let db: Db;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await openTestDb());
  await migrate(db);
});
afterAll(async () => close());

const count = async (sql: string) => (await db.query<{ n: number }>(sql)).rows[0]!.n;

describe('production start', () => {
  it('migrations run once: a second run applies nothing', async () => {
    expect(await migrate(db)).toEqual([]);
  });

  it('creates no admin without credentials, refuses a weak password, then creates the first admin once', async () => {
    const prod = (env: Record<string, string>) => loadConfig({ NODE_ENV: 'production', ...env });
    expect(await bootstrapAdmin(db, prod({}))).toMatch(/ADMIN_USERNAME/);
    await expect(bootstrapAdmin(db, prod({ ADMIN_USERNAME: 'root', ADMIN_PASSWORD: 'short' }))).rejects.toThrow(/policy/);
    expect(await count('select count(*)::int as n from accounts')).toBe(0);
    const env = { ADMIN_USERNAME: 'root', ADMIN_PASSWORD: 'Str0ng-enough', ROOT_ORG_NAME: '某市', ROOT_ORG_CODE: '510000000000' };
    expect(await bootstrapAdmin(db, prod(env), env)).toMatch(/created/);
    expect(await bootstrapAdmin(db, prod(env), env)).toMatch(/exists/);
    expect(await count(`select count(*)::int as n from accounts where 'admin' = any(roles)`)).toBe(1);
    expect(await count(`select count(*)::int as n from org_units where name = '某市'`)).toBe(1);
  });

  it('creates the first security administrator, who administers accounts (三员分立), once and under the policy', async () => {
    const env = { ADMIN_USERNAME: 'root', ADMIN_PASSWORD: 'Str0ng-enough' };
    expect(await bootstrapAdmin(db, loadConfig({ NODE_ENV: 'production', ...env }), env)).toMatch(/SECURITY_ADMIN_USERNAME/);
    const weak = { ...env, SECURITY_ADMIN_USERNAME: 'sec', SECURITY_ADMIN_PASSWORD: DEMO_PASSWORD };
    await expect(bootstrapAdmin(db, loadConfig({ NODE_ENV: 'production', ...weak }), weak)).rejects.toThrow(/demo password/);
    const ok = { ...env, SECURITY_ADMIN_USERNAME: 'sec', SECURITY_ADMIN_PASSWORD: 'Anqu4n-guanli' };
    expect(await bootstrapAdmin(db, loadConfig({ NODE_ENV: 'production', ...ok }), ok)).toMatch(/created security administrator sec/);
    expect(await bootstrapAdmin(db, loadConfig({ NODE_ENV: 'production', ...ok }), ok)).toMatch(/a security administrator exists/);
    const rows = (await db.query<{ roles: string[]; scope: string }>(
      `select a.roles, u.name as scope from accounts a join org_units u on u.id = a.scope_org_unit_id where a.username = 'sec'`)).rows;
    expect(rows).toEqual([{ roles: ['securityAdmin'], scope: '某市' }]);
  });

  it('the demo seed only writes into an empty tree', async () => {
    expect(await seedDemo(db)).toBe(false);
  });

  it('refuses the demo password as the first admin\'s', async () => {
    const empty = await openTestDb();
    try {
      await migrate(empty.db);
      const env = { ADMIN_USERNAME: 'root', ADMIN_PASSWORD: DEMO_PASSWORD };
      await expect(bootstrapAdmin(empty.db, loadConfig({ NODE_ENV: 'production', ...env }), env)).rejects.toThrow(/demo password/);
    } finally {
      await empty.close();
    }
  });
});

describe('a production start on a database seeded for the demo', () => {
  let demo: { db: Db; close: () => Promise<void> };
  beforeAll(async () => {
    demo = await openTestDb();
    await migrate(demo.db);
    await seedDemo(demo.db);
  });
  afterAll(async () => demo.close());

  it('refuses to start while any account signs in with the demo password, and starts once none does', async () => {
    await expect(refuseDemoPassword(demo.db)).rejects.toThrow(/admin.*demo password/s);
    await demo.db.query(`update accounts set disabled_at = now() where username <> 'admin'`);
    await expect(refuseDemoPassword(demo.db)).rejects.toThrow(/admin/);
    await demo.db.query(`update accounts set password_hash = $1 where username = 'admin'`, [await hashPassword('An0ther-secret')]);
    await expect(refuseDemoPassword(demo.db)).resolves.toBeUndefined();
    await demo.db.query(`update accounts set disabled_at = null where username = 'town1-leader3'`);
    await expect(refuseDemoPassword(demo.db)).rejects.toThrow(/town1-leader3/);
  });
});
