import { describe, expect, it } from 'vitest';
import type { StaffCandidate } from '../../../src/domain/cases/assignee-eligibility.ts';
import {
  gridWorkerOf, leavingAccounts, planHandover, teamAccountIneligibility, teamPolicies, teamProblems, TEAM_PHONE_PATTERN,
  type HeldCase, type TeamMemberDraft,
} from '../../../src/domain/org/team.ts';

const TOWN = '/c/d/t/';
const GRID = { path: '/c/d/t/m/g/', townPath: TOWN };
const staff = (o: Partial<StaffCandidate>): StaffCandidate => ({
  kind: 'staff', roles: ['gridWorker'], disabled: false, scopePath: GRID.path, departmentDistrictIds: [], ...o,
});
const m = (teamRole: TeamMemberDraft['teamRole'], name: string, accountId: string | null = null, id?: string): TeamMemberDraft =>
  ({ teamRole, name, accountId, ...(id ? { id } : {}) });

describe('team phones', () => {
  it.each([['13800001111', true], ['023-68881234', true], ['02368881234', true], ['12800001111', false], ['1380000111', false], ['138 0000 1111', false]])(
    '%s → %s', (phone, ok) => { expect(new RegExp(TEAM_PHONE_PATTERN).test(phone)).toBe(ok); });
});

describe('teamProblems', () => {
  it('accepts a 1+3+N team', () => {
    expect(teamProblems([m('gridLeader', '张'), m('fullTime', '李', 'a1', 'x1'), m('partTime', '王'), m('instructor', '赵', 'a2'), m('volunteer', '钱'), m('volunteer', '孙')], new Set(['x1']))).toEqual([]);
  });
  it('names each problem with its row', () => {
    const found = teamProblems([
      m('gridLeader', '张'), m('gridLeader', '李'), m('fullTime', '  '), m('partTime', '王', 'a1'), m('volunteer', '钱', 'a1'),
      m('volunteer', '孙', null, 'gone'), m('volunteer', '周', null, 'x1'), m('volunteer', '吴', null, 'x1'),
    ], new Set(['x1']));
    expect(found.map((p) => [p.index, p.code])).toEqual([[1, 'second_leader'], [2, 'blank_name'], [4, 'account_twice'], [5, 'unknown_member'], [7, 'listed_twice']]);
  });
});

describe('teamAccountIneligibility: who may be on the team with an account', () => {
  it.each<[string, StaffCandidate | undefined, ReturnType<typeof teamAccountIneligibility>]>([
    ['the grid\'s worker', staff({}), null],
    ['community staff of the grid\'s community', staff({ roles: ['communityStaff'], scopePath: '/c/d/t/m/' }), null],
    ['a town cadre (instructor)', staff({ roles: ['handler'], scopePath: TOWN }), null],
    ['the town leader', staff({ roles: ['leader'], scopePath: TOWN }), null],
    ['a worker of another grid', staff({ scopePath: '/c/d/t/m/g2/' }), 'outside_grid'],
    ['a cadre of another town', staff({ roles: ['handler'], scopePath: '/c/d/t2/' }), 'outside_grid'],
    ['the city admin (above the town)', staff({ roles: ['admin'], scopePath: '/c/' }), 'outside_grid'],
    ['a district department member', staff({ roles: ['department'], scopePath: '/c/d/' }), 'no_territory'],
    ['the auditor', staff({ roles: ['auditor'], scopePath: TOWN }), 'no_territory'],
    ['a disabled worker', staff({ disabled: true }), 'disabled'],
    ['a resident volunteer', staff({ kind: 'resident', roles: ['resident'], scopePath: null }), 'not_staff'],
    ['no such account', undefined, 'unknown'],
  ])('%s → %s', (_label, c, expected) => { expect(teamAccountIneligibility(c, GRID)).toBe(expected); });
});

describe('teamPolicies: who edits the team', () => {
  it.each<[string, { roles: ('admin' | 'communityStaff' | 'dispatcher' | 'gridWorker' | 'leader')[]; scopePath: string | null }, string[]]>([
    ['the city admin', { roles: ['admin'], scopePath: '/c/' }, ['edit']],
    ['community staff of the grid\'s community', { roles: ['communityStaff'], scopePath: '/c/d/t/m/' }, ['edit']],
    ['community staff of another community', { roles: ['communityStaff'], scopePath: '/c/d/t/m2/' }, []],
    ['an admin of another town', { roles: ['admin'], scopePath: '/c/d/t2/' }, []],
    ['the town dispatcher', { roles: ['dispatcher'], scopePath: TOWN }, []],
    ['the town leader', { roles: ['leader'], scopePath: TOWN }, []],
    ['the grid\'s own worker', { roles: ['gridWorker'], scopePath: GRID.path }, []],
  ])('%s → %j', (_label, a, expected) => { expect(teamPolicies(a, GRID.path)).toEqual(expected); });
});

describe('gridWorkerOf: who the grid\'s cases go to', () => {
  const people = new Map<string, StaffCandidate>([
    ['w1', staff({})], ['w2', staff({})], ['lead', staff({ roles: ['communityStaff'], scopePath: '/c/d/t/m/' })],
    ['boss', staff({ roles: ['leader'], scopePath: TOWN })], ['off', staff({ disabled: true })],
  ]);
  it.each<[string, TeamMemberDraft[], string | null]>([
    ['the full-time worker before the grid leader', [m('gridLeader', '长', 'lead'), m('fullTime', '专', 'w1')], 'w1'],
    ['the first full-time worker in team order', [m('fullTime', '甲', 'w2'), m('fullTime', '乙', 'w1')], 'w2'],
    ['the grid leader when no full-time worker has an account', [m('fullTime', '专'), m('gridLeader', '长', 'lead'), m('partTime', '兼', 'w1')], 'lead'],
    ['a part-time worker with an account before nobody', [m('volunteer', '志', null), m('partTime', '兼', 'w1')], 'w1'],
    ['past a disabled full-time worker', [m('fullTime', '专', 'off'), m('partTime', '兼', 'w2')], 'w2'],
    ['never a leader, who handles no cases', [m('instructor', '指', 'boss')], null],
    ['nobody without accounts', [m('gridLeader', '长'), m('fullTime', '专')], null],
  ])('%s', (_label, team, expected) => { expect(gridWorkerOf(team, people, GRID.path)).toBe(expected); });
});

describe('planHandover: the grid\'s open cases of members who leave the team', () => {
  const held: HeldCase[] = [
    { id: 'k1', number: 'N1', assignee: 'w1', routedAssignee: 'w1' },
    { id: 'k2', number: 'N2', assignee: null, routedAssignee: 'w1' },
    { id: 'k3', number: 'N3', assignee: 'w3', routedAssignee: null },
  ];
  const numbers = (p: ReturnType<typeof planHandover>) => p.cases.map((c) => c.number);

  it('goes to the successor by default, with the cases each leaving worker held', () => {
    const p = planHandover(['w1'], held, 'successor', null, 'w2');
    expect(p).toMatchObject({ mode: 'successor', to: 'w2' });
    expect(numbers(p)).toEqual(['N1', 'N2']);
  });
  it('is refused without a successor, the cases listed', () => {
    const p = planHandover(['w1', 'w3'], held, 'successor', null, null);
    expect(p).toMatchObject({ refusal: 'no_successor' });
    expect(numbers(p)).toEqual(['N1', 'N2', 'N3']);
  });
  it('keeps them with the leaving worker when a reason is given, and only then', () => {
    expect(planHandover(['w3'], held, 'keep', '办结在即', 'w2')).toMatchObject({ mode: 'keep' });
    expect(planHandover(['w3'], held, 'keep', null, 'w2')).toMatchObject({ refusal: 'reason_required' });
  });
  it('needs nothing when the leaving member holds no case', () => {
    expect(planHandover(['w9'], held, 'successor', null, null)).toEqual({ mode: 'successor', to: null, cases: [] });
    expect(planHandover(['w9'], held, 'keep', null, null)).toEqual({ mode: 'keep', cases: [] });
  });
  it('leaving accounts: on the team before, not after', () => {
    expect(leavingAccounts(['w1', null, 'w2', 'w1'], ['w2', null])).toEqual(['w1']);
    expect(leavingAccounts([null], [])).toEqual([]);
  });
});
