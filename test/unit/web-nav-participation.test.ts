import { describe, expect, it } from 'vitest';
import { desktopAllowed, navFor } from '../../src/web/app/nav.ts';
import type { Me } from '../../src/web/features/identity/api.ts';
import type { Role } from '../../src/shared/roles.ts';

// Who gets the 共建共治 menu group (issue 16): 三事分流, 议事会, 议事活动, 金点子 and 邻里互助 for the staff of a territory
// who read participation (PARTICIPATION_READERS); never a resident, a post holder or a department alone.
const town = { id: 't', name: '春晖路街道', level: 'town' as const };
const community = { id: 'c', name: '春晖社区', level: 'community' as const };
const grid = { id: 'g', name: '春晖社区第1网格', level: 'grid' as const };
function me(roles: Role[], scope: NonNullable<Me['scopeOrgUnit']> = community, kind: Me['kind'] = 'staff'): Me {
  return {
    id: 'a', username: 'u', name: '某人', kind, roles, scopeOrgUnitId: scope.id, scopeOrgUnit: scope, homeOrgUnitId: null, homeOrgUnit: null,
    posts: [], grids: scope.level === 'grid' ? [{ gridId: scope.id, teamRole: 'fullTime' }] : [], departmentIds: [], mustChangePassword: false,
  };
}
const group = (m: Me) => navFor(m).filter((e) => e.group === 'participation').map((e) => e.key);
const ALL = ['participationMatters', 'councils', 'meetings', 'ideas', 'helpRequests'];

describe('共建共治 in the menu', () => {
  it.each([
    ['communityStaff', community], ['dispatcher', town], ['leader', town], ['admin', town],
  ] as const)('gives %s every page of the group, in order', (role, scope) => {
    expect(group(me([role], scope))).toEqual(ALL);
  });

  it('gives a grid worker the pages on a wide screen, a meeting page included', () => {
    expect(group(me(['gridWorker'], grid))).toEqual(ALL);
    expect(desktopAllowed(me(['gridWorker'], grid), '/participation/meetings/m1')).toBe(true);
  });

  it.each([['handler'], ['department'], ['auditor'], ['securityAdmin']] as const)('gives %s none of it', (role) => {
    expect(group(me([role as Role]))).toEqual([]);
  });

  it('gives a resident no desktop page of it', () => {
    expect(group(me(['resident'], grid, 'resident'))).toEqual([]);
    expect(desktopAllowed(me(['resident'], grid, 'resident'), '/participation/matters')).toBe(false);
  });
});
