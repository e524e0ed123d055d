import type { Db } from '../platform/db/db.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import { checkAccountFields } from '../../domain/identity/account-input.ts';
import { accountPolicies } from '../../domain/identity/account-policies.ts';
import { DEFAULT_THROTTLE, isAccountLocked } from '../../domain/identity/login-throttle.ts';
import type { Role } from '../../shared/roles.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { auditActor, type AccountAdmin } from './account-admin.ts';
import { accountNotFound, accountProblems, ownAccount, residentAccount } from './account-refusals.ts';
import { postCommandOf, requireScopeUnits, setPostPlaces } from './account-places.ts';
import * as store from './accounts-store.ts';

export interface AccountEdit {
  name?: string;
  /** null clears it */
  phone?: string | null;
  roles?: string[];
  scopeOrgUnitId?: string;
  postIds?: string[];
}

/**
 * Changes a staff account in the administrator's scope: name, phone, roles, scope (inside the administrator's) and
 * posts (exactly those listed). Not one's own account and not a resident's. Audited with what changed, in the same
 * transaction; the account's live streams re-check their access when it commits (migration 010).
 */
export async function updateAccount(db: Db, pii: PiiCipher, admin: AccountAdmin, id: string, edit: AccountEdit, now: Date): Promise<void> {
  const problems = checkAccountFields({ name: edit.name, phone: edit.phone, roles: edit.roles });
  if (problems.length) throw accountProblems(problems);
  await db.transaction(async (tx) => {
    const since = new Date(now.getTime() - DEFAULT_THROTTLE.windowMs);
    const target = await store.findAccount(tx, id, admin.scopePath, since);
    if (!target) throw accountNotFound();
    const may = accountPolicies({ id: target.id, kind: target.kind, disabled: target.disabled_at !== null, locked: isAccountLocked(target.failures) }, admin.id);
    if (!may.edit) throw target.id === admin.id ? ownAccount() : residentAccount();
    if (edit.scopeOrgUnitId !== undefined) await requireScopeUnits(tx, [edit.scopeOrgUnitId], admin.scopePath);
    await store.updateAccount(tx, id, {
      name: edit.name?.trim(), roles: edit.roles as Role[] | undefined, scopeOrgUnitId: edit.scopeOrgUnitId,
      ...(edit.phone !== undefined ? { phone: edit.phone === null ? null : pii.encrypt(edit.phone) } : {}),
    }, now);
    // a change of roles or scope re-checks the posts kept, as a change of posts does
    const postsChange = edit.postIds !== undefined || edit.roles !== undefined || edit.scopeOrgUnitId !== undefined;
    const posts = postsChange && target.scope_org_unit_id !== null ? await setPostPlaces(tx, postCommandOf(admin, now), id, edit.postIds ?? null) : [];
    await appendAudit(tx, {
      at: now, ...auditActor(admin), action: 'account.update', targetType: 'account', targetId: id, success: true,
      detail: {
        changed: Object.keys(edit).filter((k) => edit[k as keyof AccountEdit] !== undefined),
        ...(edit.roles ? { roles: { from: target.roles, to: edit.roles } } : {}),
        ...(edit.scopeOrgUnitId ? { scopeOrgUnitId: { from: target.scope_org_unit_id, to: edit.scopeOrgUnitId } } : {}),
        ...(posts.length ? { posts } : {}),
      },
    });
  });
}
