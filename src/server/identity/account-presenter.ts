import type { PiiCipher } from '../platform/pii-cipher.ts';
import { accountPolicies } from '../../domain/identity/account-policies.ts';
import { DEFAULT_THROTTLE, isAccountLocked } from '../../domain/identity/login-throttle.ts';
import { maskPhone } from '../../domain/identity/personal-data.ts';
import type { AdministeredAccountRow } from './accounts-store.ts';

/**
 * An account as its administrator sees it: the phone masked (it is set, never read back), the posts held, and what
 * the administrator may do to it (`policies`).
 */
export function presentAccount(a: AdministeredAccountRow, adminId: string, pii: PiiCipher) {
  const locked = isAccountLocked(a.failures, DEFAULT_THROTTLE);
  const disabled = a.disabled_at !== null;
  const phone = a.phone === null ? null : pii.tryDecrypt(a.phone);
  return {
    id: a.id,
    username: a.username,
    name: a.name,
    kind: a.kind,
    roles: a.roles,
    scopeOrgUnitId: a.scope_org_unit_id,
    scopeName: a.scope_name,
    phone: phone === null ? null : maskPhone(phone),
    posts: a.posts,
    disabled,
    locked,
    mustChangePassword: a.must_change_password,
    policies: accountPolicies({ id: a.id, kind: a.kind, disabled, locked }, adminId),
  };
}
export type PresentedAccount = ReturnType<typeof presentAccount>;
