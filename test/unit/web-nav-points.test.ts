import { describe, expect, it } from 'vitest';
import { desktopAllowed, navFor } from '../../src/web/app/nav.ts';
import type { Me } from '../../src/web/features/identity/api.ts';
import type { Role } from '../../src/shared/roles.ts';

// Who gets the 积分与志愿 menu group (issue 16): the points pages for POINTS_READERS staff, 对账 for keepers and the
// town's admin and leader, the volunteer pages for VOLUNTEER_READERS staff; never a resident or a post holder alone.
const community = { id: 'c', name: '春晖社区', level: 'community' as const };
const grid = { id: 'g', name: '春晖社区第1网格', level: 'grid' as const };
function me(roles: Role[], scope: NonNullable<Me['scopeOrgUnit']> = community, kind: Me['kind'] = 'staff'): Me {
  return {
    id: 'a', username: 'u', name: '某人', kind, roles, scopeOrgUnitId: scope.id, scopeOrgUnit: scope, homeOrgUnitId: null, homeOrgUnit: null,
    posts: [], grids: scope.level === 'grid' ? [{ gridId: scope.id, teamRole: 'fullTime' }] : [], departmentIds: [], mustChangePassword: false,
  };
}
const group = (m: Me) => navFor(m).filter((e) => e.group === 'pointsVolunteers').map((e) => e.key);

describe('积分与志愿 in the menu', () => {
  it('gives the community staff every page of the group, in order', () => {
    expect(group(me(['communityStaff']))).toEqual([
      'pointRules', 'pointAccounts', 'pointAssessments', 'pointSupermarket', 'pointCivility', 'pointReconciliations',
      'volunteerTeams', 'volunteerActivities', 'partyMembers',
    ]);
  });

  it('gives a grid worker the pages but not the reconciliation', () => {
    const keys = group(me(['gridWorker'], grid));
    expect(keys).toContain('pointAssessments');
    expect(keys).toContain('volunteerActivities');
    expect(keys).not.toContain('pointReconciliations');
    expect(desktopAllowed(me(['gridWorker'], grid), '/points/accounts/household:h1')).toBe(true);
  });

  it.each([['handler'], ['department'], ['auditor'], ['securityAdmin']] as const)('gives %s none of it', (role) => {
    expect(group(me([role as Role]))).toEqual([]);
  });

  it('gives a resident no desktop page of it', () => {
    expect(group(me(['resident'], grid, 'resident'))).toEqual([]);
    expect(desktopAllowed(me(['resident'], grid, 'resident'), '/points/rules')).toBe(false);
  });
});
