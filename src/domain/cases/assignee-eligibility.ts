import { HANDLING_ROLES, type Role } from '../../shared/roles.ts';
import { idsOnPath, isWithinScope, territorialScope } from '../identity/scope.ts';

/** A staff account a dispatcher names as the assignee of a case, as far as eligibility goes. */
export interface StaffCandidate {
  kind: 'staff' | 'resident';
  roles: readonly Role[];
  disabled: boolean;
  /** path of the account's scope unit, if it has one */
  scopePath: string | null;
  /** the districts of the departments the account is a member of */
  departmentDistrictIds: readonly string[];
}

export type Ineligible = 'not_staff' | 'disabled' | 'no_handling_role' | 'outside_jurisdiction';

/**
 * May this staff member be sent a case of the grid at `caseOrgPath`? Only an active staff account with a role that
 * handles cases, whose territory holds the case's grid, or who belongs to a department of the case's district.
 * Admins, leaders and auditors never handle cases, whatever their scope.
 */
export function staffIneligibility(c: StaffCandidate, caseOrgPath: string): Ineligible | null {
  if (c.kind !== 'staff') return 'not_staff';
  if (c.disabled) return 'disabled';
  const handling = c.roles.filter((r) => (HANDLING_ROLES as readonly Role[]).includes(r));
  if (handling.length === 0) return 'no_handling_role';
  const territory = territorialScope(handling, c.scopePath);
  if (territory !== null && isWithinScope(caseOrgPath, territory)) return null;
  const unitsOfCase = idsOnPath(caseOrgPath);
  if (handling.includes('department') && c.departmentDistrictIds.some((d) => unitsOfCase.includes(d))) return null;
  return 'outside_jurisdiction';
}
