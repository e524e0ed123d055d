// What an account administrator may do to one account in their scope, sent with every account (`policies`) so the
// web never works it out from roles. The scope itself is the store's filter: an account outside it is never shown.
import { ACCOUNT_ADMINS, holdsAnyRole, type Role } from '../../shared/roles.ts';

export interface AdministeredAccount {
  id: string;
  kind: 'staff' | 'resident';
  disabled: boolean;
  locked: boolean;
}

export interface AccountPolicies {
  edit: boolean;
  disable: boolean;
  enable: boolean;
  unlock: boolean;
  resetPassword: boolean;
}

/**
 * One's own account is changed by another administrator: nobody widens their own roles or scope, disables themselves
 * or takes a one-time password for themselves (they change their password instead). Residents register themselves:
 * their name, roles and scope are not an administrator's to edit.
 */
export function accountPolicies(target: AdministeredAccount, adminId: string): AccountPolicies {
  const self = target.id === adminId;
  return {
    edit: !self && target.kind === 'staff',
    disable: !self && !target.disabled,
    enable: target.disabled,
    unlock: target.locked,
    resetPassword: !self,
  };
}

/** What may be done to the account list itself: create staff accounts one by one or import them from Excel. */
export const ACCOUNT_LIST_ACTIONS = ['create', 'import'] as const;
export type AccountListAction = (typeof ACCOUNT_LIST_ACTIONS)[number];

/** Account administrators (the security administrator, 三员分立) create and import accounts inside their scope. */
export function accountListPolicies(roles: readonly Role[]): AccountListAction[] {
  return holdsAnyRole(roles, ACCOUNT_ADMINS) ? [...ACCOUNT_LIST_ACTIONS] : [];
}
