import type { Tx } from '../platform/db/db.ts';
import type { Principal, PrincipalSource } from '../platform/auth.ts';
import { territorialScope } from '../../domain/identity/scope.ts';
import { findAccountBySession } from './store.ts';
import { tokenHash } from './tokens.ts';

/** The account behind a live session token, with the posts and grids it holds; null if the token is dead. */
export async function loadPrincipal(db: Tx, hash: string, now: Date): Promise<Principal | null> {
  const row = await findAccountBySession(db, hash, now);
  if (!row) return null;
  return {
    accountId: row.id,
    username: row.username,
    name: row.name,
    kind: row.kind,
    roles: row.roles,
    scopeOrgUnitId: row.scope_org_unit_id,
    scopePath: territorialScope(row.roles, row.scope_path),
    homeOrgUnitId: row.home_org_unit_id,
    posts: row.posts,
    grids: row.grids,
    departmentIds: row.department_ids,
    mustChangePassword: row.must_change_password,
    tokenHash: hash,
  };
}

/** What the platform's authentication asks identity on every request: the caller behind a bearer token. */
export const principalOfToken: PrincipalSource = (db, token, now) => loadPrincipal(db, tokenHash(token), now);
