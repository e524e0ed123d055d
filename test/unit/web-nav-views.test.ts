import { describe, expect, it } from 'vitest';
import { desktopAllowed, homePath, navFor } from '../../src/web/app/nav.ts';
import type { Me } from '../../src/web/features/identity/api.ts';
import type { Role } from '../../src/shared/roles.ts';

// Where the leader and grid workers land and which desktop pages they may open (issue 10 items 2 and 6).
const town = { id: 'town', name: '春晖路街道', level: 'town' as const };
const grid = { id: 'grid', name: '春晖社区第1网格', level: 'grid' as const };
function me(roles: Role[], scope: NonNullable<Me['scopeOrgUnit']> = town, kind: Me['kind'] = 'staff'): Me {
  return {
    id: 'a', username: 'u', name: '某人', kind, roles, scopeOrgUnitId: scope.id, scopeOrgUnit: scope, homeOrgUnitId: null, homeOrgUnit: null,
    posts: [], grids: scope.level === 'grid' ? [{ gridId: scope.id, teamRole: 'fullTime' }] : [], departmentIds: [], mustChangePassword: false,
  };
}

describe('landing pages', () => {
  it.each([
    ['the leader: the case overview, on any screen', me(['leader']), false, '/cases/overview'],
    ['the leader at a computer', me(['leader']), true, '/cases/overview'],
    ['a dispatcher: the workbench', me(['dispatcher']), true, '/cases/workbench'],
    ['a leader who also dispatches: the overview first', me(['leader', 'dispatcher']), true, '/cases/overview'],
    ['a grid worker on a phone: the phone home', me(['gridWorker'], grid), false, '/m'],
    ['a grid worker at a computer: their grid', me(['gridWorker'], grid), true, '/cases/grid'],
    ['a resident at a computer: the phone home', me(['resident'], grid, 'resident'), true, '/m'],
  ])('%s', (_, who, wide, path) => {
    expect(homePath(who, wide)).toBe(path);
  });
});

describe('the desktop for mobile accounts', () => {
  it.each([
    ['a grid worker opens their grid', me(['gridWorker'], grid), '/cases/grid', true],
    ['a grid worker opens the grid map of the org pages', me(['gridWorker'], grid), '/org/map', true],
    ['a grid worker does not open the dispatcher\'s workbench', me(['gridWorker'], grid), '/cases/workbench', false],
    ['a resident opens no desktop page', me(['resident'], grid, 'resident'), '/cases/grid', false],
    ['a dispatcher opens any page of the shell', me(['dispatcher']), '/cases/workbench', true],
    ['a grid worker opens a household file of the registry', me(['gridWorker'], grid), '/registry/households/h1', true],
    ['a grid worker opens the registry import', me(['gridWorker'], grid), '/registry/import', true],
    ['a resident opens no registry page', me(['resident'], grid, 'resident'), '/registry/residents', false],
  ])('%s', (_, who, path, allowed) => {
    expect(desktopAllowed(who, path)).toBe(allowed);
  });

  it.each([
    ['admin', true], ['leader', true], ['dispatcher', true], ['communityStaff', true], ['gridWorker', true],
    ['handler', false], ['department', false], ['auditor', false], ['securityAdmin', false],
  ] as const)('lists 人房地物 in the menu of %s: %s', (role, listed) => {
    const scope = role === 'gridWorker' ? grid : town;
    expect(navFor(me([role as Role], scope)).some((e) => e.key === 'registry' && e.path === '/registry')).toBe(listed);
  });

  it('gives the leader the overview and no dispatcher page', () => {
    const keys = navFor(me(['leader'])).map((e) => e.key);
    expect(keys[0]).toBe('overview');
    expect(keys).not.toContain('workbench');
    expect(keys).not.toContain('intake');
  });
});
