import { describe, expect, it } from 'vitest';
import { staffIneligibility, type StaffCandidate } from '../../../src/domain/cases/assignee-eligibility.ts';

const CASE_IN_GRID = '/city/district/town-a/community-1/grid-7/';
const staff = (o: Partial<StaffCandidate>): StaffCandidate => ({
  kind: 'staff', roles: ['handler'], disabled: false, scopePath: '/city/district/town-a/', departmentDistrictIds: [], ...o,
});

describe('who may be sent a case of grid 7 of town A', () => {
  it.each<[string, StaffCandidate, ReturnType<typeof staffIneligibility>]>([
    ['a handler of town A', staff({}), null],
    ['a dispatcher of town A', staff({ roles: ['dispatcher'] }), null],
    ['the staff of community 1', staff({ roles: ['communityStaff'], scopePath: '/city/district/town-a/community-1/' }), null],
    ['the grid worker of grid 7', staff({ roles: ['gridWorker'], scopePath: '/city/district/town-a/community-1/grid-7/' }), null],
    ['a member of a department of the district', staff({ roles: ['department'], scopePath: '/city/district/', departmentDistrictIds: ['district'] }), null],
    ['a handler of town B', staff({ scopePath: '/city/district/town-b/' }), 'outside_jurisdiction'],
    ['the grid worker of grid 8', staff({ roles: ['gridWorker'], scopePath: '/city/district/town-a/community-1/grid-8/' }), 'outside_jurisdiction'],
    ['staff of community 2', staff({ roles: ['communityStaff'], scopePath: '/city/district/town-a/community-2/' }), 'outside_jurisdiction'],
    ['a department of another district, scoped to ours', staff({ roles: ['department'], scopePath: '/city/district/', departmentDistrictIds: ['other-district'] }), 'outside_jurisdiction'],
    ['a department account belonging to no department', staff({ roles: ['department'], scopePath: '/city/district/' }), 'outside_jurisdiction'],
    ['the auditor, scoped to the district', staff({ roles: ['auditor'], scopePath: '/city/district/' }), 'no_handling_role'],
    ['the admin of the whole city', staff({ roles: ['admin'], scopePath: '/city/' }), 'no_handling_role'],
    ['the leader of town A', staff({ roles: ['leader'] }), 'no_handling_role'],
    ['a leader who also holds a handler role, but of town B', staff({ roles: ['leader', 'handler'], scopePath: '/city/district/town-b/' }), 'outside_jurisdiction'],
    ['a disabled handler of town A', staff({ disabled: true }), 'disabled'],
    ['a resident of the grid', staff({ kind: 'resident', roles: ['resident'], scopePath: null }), 'not_staff'],
    ['a handler with no scope', staff({ scopePath: null }), 'outside_jurisdiction'],
  ])('%s', (_label, candidate, expected) => {
    expect(staffIneligibility(candidate, CASE_IN_GRID)).toBe(expected);
  });
});
