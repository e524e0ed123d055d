export const ROLES = [
  'admin',
  'leader',
  'dispatcher',
  'handler',
  'department',
  'communityStaff',
  'gridWorker',
  'auditor',
  'securityAdmin',
  'resident',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * The staff roles that work with cases, the organisation and the duty catalog: every role but residents, the
 * auditor and the security administrator. Routes use it for "any staff member". The auditor (审计管理员) and the
 * security administrator (安全管理员: accounts, roles, lockouts, password resets), two of the three separated duties
 * (三员分立 of GB/T 22239), are staff too, but do their own duty and nothing else, so they are deliberately left out here.
 */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'resident' && r !== 'auditor' && r !== 'securityAdmin');

/** 三员分立: the system, security and audit administrators. No account holds two of them. */
export const SEPARATED_DUTIES = ['admin', 'securityAdmin', 'auditor'] as const satisfies readonly Role[];

/** Who administers accounts (create, edit, roles, scope, posts, lockouts, password resets): the security administrator. */
export const ACCOUNT_ADMINS = ['securityAdmin'] as const satisfies readonly Role[];

/** Who may read and verify the audit log: the audit administrator, and the system administrator. */
export const AUDIT_READERS = ['admin', 'auditor'] as const satisfies readonly Role[];

/**
 * The roles whose scope is territory: they see what happens inside their OrgUnit subtree. A district department
 * (区县部门) is not one: it sees the cases sent to it, wherever they are, and nothing else of its district; the
 * auditor and residents have no territory either.
 */
export const TERRITORIAL_ROLES = ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff', 'gridWorker'] as const satisfies readonly Role[];

/** The roles that handle cases when one is sent to them; admins, leaders and auditors never do. */
export const HANDLING_ROLES = ['handler', 'dispatcher', 'communityStaff', 'gridWorker', 'department'] as const satisfies readonly Role[];

export function hasTerritory(roles: readonly Role[]): boolean {
  return roles.some((r) => (TERRITORIAL_ROLES as readonly Role[]).includes(r));
}

/** Who edits a town's duty catalog (事项清单): the system administrator and the town's leaders. */
export const CATALOG_EDITORS = ['admin', 'leader'] as const satisfies readonly Role[];

/** Who enters the working calendar (the State Council's holidays and swapped working days): the system administrator. */
export const CALENDAR_EDITORS = ['admin'] as const satisfies readonly Role[];

/** Who changes the organisation tree (units and grid boundaries): the system administrator. */
export const ORG_EDITORS = ['admin'] as const satisfies readonly Role[];

/** Whether an account with these roles is in the list (an access list of a route, a menu entry). */
export function holdsAnyRole(roles: readonly Role[], list: readonly Role[]): boolean {
  return roles.some((r) => list.includes(r));
}
