import { describe, expect, it } from 'vitest';
import { checkAccountFields, checkStaffRoles, separatedDutiesHeld } from '../../../src/domain/identity/account-input.ts';

const codes = (roles: string[]) => checkStaffRoles(roles).map((p) => p.code);

describe('三员分立: no account holds two of the system, security and audit administrator', () => {
  it.each([
    [['admin'], []],
    [['securityAdmin'], []],
    [['auditor'], []],
    [['admin', 'leader'], []],
    [['admin', 'securityAdmin'], ['admin', 'securityAdmin']],
    [['auditor', 'admin'], ['admin', 'auditor']],
    [['securityAdmin', 'auditor'], ['securityAdmin', 'auditor']],
    [['admin', 'securityAdmin', 'auditor'], ['admin', 'securityAdmin', 'auditor']],
    [['dispatcher', 'handler', 'gridWorker'], []],
  ])('%j → %j', (roles, held) => {
    expect(separatedDutiesHeld(roles)).toEqual(held);
    expect(codes(roles).includes('SEPARATION_OF_DUTIES')).toBe(held.length > 0);
  });

  it('names the duties in both languages', () => {
    const [p] = checkStaffRoles(['admin', 'auditor']);
    expect(p).toMatchObject({ field: 'roles', code: 'SEPARATION_OF_DUTIES' });
    expect(p!.message).toContain('admin and auditor');
    expect(p!.messageZh).toContain('系统管理员和审计管理员');
  });
});

describe('the roles of a staff account', () => {
  it.each([
    [['gridWorker'], []],
    [['handler', 'dispatcher'], []],
    [[], ['ROLES_EMPTY']],
    [['janitor'], ['ROLE_UNKNOWN']],
    [['resident'], ['ROLE_NOT_STAFF']],
    [['gridWorker', 'resident'], ['ROLE_NOT_STAFF']],
    [['handler', 'handler'], ['ROLE_REPEATED']],
    [['admin', 'auditor', 'boss'], ['ROLE_UNKNOWN', 'SEPARATION_OF_DUTIES']],
  ])('%j → %j', (roles, expected) => {
    expect(codes(roles)).toEqual(expected);
  });
});

describe('the fields of an account', () => {
  it.each([
    [{ username: 'wang.wei', name: '王伟', phone: '13800001111', roles: ['gridWorker'] }, []],
    [{ username: 'wang_wei-2' }, []],
    [{ username: 'ab' }, ['username:USERNAME_FORMAT']],
    [{ username: '.wang' }, ['username:USERNAME_FORMAT']],
    [{ username: '王伟' }, ['username:USERNAME_FORMAT']],
    [{ username: 'a'.repeat(33) }, ['username:USERNAME_FORMAT']],
    [{ name: '  ' }, ['name:NAME_BLANK']],
    [{ name: '王'.repeat(41) }, ['name:NAME_TOO_LONG']],
    [{ name: '欧阳'.repeat(20) }, []],
    [{ phone: '1380000111' }, ['phone:PHONE_FORMAT']],
    [{ phone: '12800001111' }, ['phone:PHONE_FORMAT']],
    [{ phone: null }, []],
    [{}, []],
    [{ username: 'x', phone: '1', roles: [] }, ['username:USERNAME_FORMAT', 'phone:PHONE_FORMAT', 'roles:ROLES_EMPTY']],
  ])('%j → %j', (fields, expected) => {
    expect(checkAccountFields(fields).map((p) => `${p.field}:${p.code}`)).toEqual(expected);
  });

  it('says every problem in English and Chinese', () => {
    for (const p of checkAccountFields({ username: '', name: '', phone: 'x', roles: ['resident', 'resident', 'admin', 'auditor', 'x'] })) {
      expect(p.message.length, p.code).toBeGreaterThan(5);
      expect(p.messageZh, p.code).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
