// What a staff account may be made of: a username, a name, a phone, roles. Checked the same way for one account
// (POST/PATCH /api/accounts) and for every row of an Excel import, so both refuse with the same words.
import { ROLES, SEPARATED_DUTIES, type Role } from '../../shared/roles.ts';

export type AccountField = 'username' | 'name' | 'phone' | 'roles';
export type AccountProblemCode =
  | 'USERNAME_FORMAT' | 'NAME_BLANK' | 'NAME_TOO_LONG' | 'PHONE_FORMAT'
  | 'ROLES_EMPTY' | 'ROLE_UNKNOWN' | 'ROLE_NOT_STAFF' | 'ROLE_REPEATED' | 'SEPARATION_OF_DUTIES';

export interface AccountProblem {
  field: AccountField;
  code: AccountProblemCode;
  message: string;
  messageZh: string;
}

export interface AccountFields {
  username?: string;
  name?: string;
  /** null clears it */
  phone?: string | null;
  roles?: readonly string[];
}

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$/;
const MOBILE = /^1[3-9][0-9]{9}$/;
const NAME_MAX = 40;

const DUTY_ZH: Record<(typeof SEPARATED_DUTIES)[number], string> = { admin: '系统管理员', securityAdmin: '安全管理员', auditor: '审计管理员' };

export const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);

/** The separated duties (三员分立: system, security, audit administrator) among the roles, when more than one is held. */
export function separatedDutiesHeld(roles: readonly string[]): Role[] {
  const held = SEPARATED_DUTIES.filter((d) => roles.includes(d));
  return held.length > 1 ? held : [];
}

/** The problems of the roles of a staff account; none means they can be saved. */
export function checkStaffRoles(roles: readonly string[]): AccountProblem[] {
  const problem = (code: AccountProblemCode, message: string, messageZh: string): AccountProblem => ({ field: 'roles', code, message, messageZh });
  if (roles.length === 0) return [problem('ROLES_EMPTY', 'Give the account at least one role.', '请至少选择一个角色。')];
  const out: AccountProblem[] = [];
  const unknown = roles.filter((r) => !isRole(r));
  if (unknown.length) out.push(problem('ROLE_UNKNOWN', `Unknown role: ${unknown.join(', ')}.`, `角色不存在：${unknown.join('、')}。`));
  if (roles.includes('resident')) {
    out.push(problem('ROLE_NOT_STAFF', 'Residents register themselves; a staff account cannot be a resident.', '居民账号由居民自行注册，工作人员账号不能具有居民角色。'));
  }
  if (new Set(roles).size !== roles.length) out.push(problem('ROLE_REPEATED', 'A role is listed twice.', '角色重复。'));
  const duties = separatedDutiesHeld(roles);
  if (duties.length) {
    out.push(problem('SEPARATION_OF_DUTIES',
      `Separation of duties: one account cannot be ${duties.join(' and ')} at once.`,
      `三员分立：同一账号不能同时担任${duties.map((d) => DUTY_ZH[d as keyof typeof DUTY_ZH]).join('和')}。`));
  }
  return out;
}

/** The problems of the fields given (a field left out is not checked): for a new account give them all. */
export function checkAccountFields(f: AccountFields): AccountProblem[] {
  const out: AccountProblem[] = [];
  if (f.username !== undefined && !USERNAME.test(f.username)) {
    out.push({ field: 'username', code: 'USERNAME_FORMAT',
      message: 'The username needs 3–32 letters, digits, dots, dashes or underscores, starting with a letter or digit.',
      messageZh: '用户名须为 3–32 位字母、数字、点、横线或下划线，并以字母或数字开头。' });
  }
  if (f.name !== undefined) {
    if (f.name.trim().length === 0) out.push({ field: 'name', code: 'NAME_BLANK', message: 'Enter the name.', messageZh: '请填写姓名。' });
    else if ([...f.name.trim()].length > NAME_MAX) {
      out.push({ field: 'name', code: 'NAME_TOO_LONG', message: `The name is longer than ${NAME_MAX} characters.`, messageZh: `姓名不能超过 ${NAME_MAX} 个字。` });
    }
  }
  if (f.phone !== undefined && f.phone !== null && !MOBILE.test(f.phone)) {
    out.push({ field: 'phone', code: 'PHONE_FORMAT', message: 'The phone must be an 11-digit mobile number.', messageZh: '手机号须为 11 位手机号码。' });
  }
  if (f.roles !== undefined) out.push(...checkStaffRoles(f.roles));
  return out;
}
