export const ROLES = [
  'admin',
  'leader',
  'dispatcher',
  'handler',
  'department',
  'communityStaff',
  'gridWorker',
  'resident',
] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'resident');
