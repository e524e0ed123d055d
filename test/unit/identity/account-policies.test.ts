import { describe, expect, it } from 'vitest';
import { accountListPolicies, accountPolicies, type AccountPolicies, type AdministeredAccount } from '../../../src/domain/identity/account-policies.ts';

const staff: AdministeredAccount = { id: 'other', kind: 'staff', disabled: false, locked: false };
const all = (p: AccountPolicies) => Object.entries(p).filter(([, v]) => v).map(([k]) => k).sort();

describe('what a security administrator may do to an account of its scope', () => {
  it.each([
    ['an active staff account', staff, ['disable', 'edit', 'resetPassword']],
    ['a disabled staff account', { ...staff, disabled: true }, ['edit', 'enable', 'resetPassword']],
    ['a locked staff account', { ...staff, locked: true }, ['disable', 'edit', 'resetPassword', 'unlock']],
    ['a resident', { ...staff, kind: 'resident' }, ['disable', 'resetPassword']],
    ['a disabled, locked resident', { ...staff, kind: 'resident', disabled: true, locked: true }, ['enable', 'resetPassword', 'unlock']],
    ['its own account', { ...staff, id: 'me' }, []],
    ['its own account, locked', { ...staff, id: 'me', locked: true }, ['unlock']],
  ] as const)('%s → %j', (_, target, expected) => {
    expect(all(accountPolicies(target as AdministeredAccount, 'me'))).toEqual(expected);
  });
});

describe('what may be done to the account list', () => {
  it.each([
    [['securityAdmin'], ['create', 'import']],
    [['admin'], []],
    [['auditor'], []],
  ] as const)('%j → %j', (roles, expected) => {
    expect(accountListPolicies(roles)).toEqual(expected);
  });
});
