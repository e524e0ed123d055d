export const ROLES = [
  'admin',
  'leader',
  'dispatcher',
  'handler',
  'department',
  'communityStaff',
  'gridWorker',
  'auditor',
  'resident',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * The staff roles that work with cases, the organisation and the duty catalog: every role but residents and
 * the auditor. Routes use it for "any staff member". The auditor (审计管理员, 三员分立 of GB/T 22239) is staff
 * too, but reads the audit log and nothing else, so it is deliberately left out here.
 */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'resident' && r !== 'auditor');

/** Who may read and verify the audit log: the audit administrator, and the system administrator. */
export const AUDIT_READERS = ['admin', 'auditor'] as const satisfies readonly Role[];
