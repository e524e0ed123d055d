import { describe, expect, it } from 'vitest';
import type { StaffCandidate } from '../../../src/domain/cases/assignee-eligibility.ts';
import {
  POST_CODE_PATTERN, holderProblems, postPolicies, retireRefusal, staffingOf, strandsOpenCases, type Holders,
} from '../../../src/domain/org/posts.ts';

const TOWN = '/city/district/town/';
const staff = (o: Partial<StaffCandidate>): StaffCandidate => ({
  kind: 'staff', roles: ['handler'], disabled: false, scopePath: TOWN, departmentDistrictIds: [], ...o,
});
const H = (a: string | null, b: string | null, backup: string | null = null): Holders => ({ a, b, backup });

describe('post codes', () => {
  it.each([['ZH-LZDD', true], ['JJ-CSGX', true], ['TS-FNS', true], ['MS-A1', true], ['zh-lzdd', false], ['ZH_LZDD', false], ['ZHLZDD', false], ['Z-LZDD', false], ['ZH-', false]])(
    '%s → %s', (code, ok) => { expect(new RegExp(POST_CODE_PATTERN).test(code)).toBe(ok); });
});

describe('staffing of a post', () => {
  it.each<[Holders, string]>([
    [H('x', 'y'), 'full'], [H('x', 'y', 'z'), 'full'], [H('x', null), 'partial'], [H(null, 'y', 'z'), 'partial'],
    [H(null, null), 'vacant'], [H(null, null, 'z'), 'vacant'],
  ])('%j → %s', (h, expected) => { expect(staffingOf(h)).toBe(expected); });
});

describe('holderProblems: who may hold a post of the town', () => {
  const people = new Map<string, StaffCandidate>([
    ['handler', staff({})],
    ['dispatcher', staff({ roles: ['dispatcher'] })],
    ['dept', staff({ roles: ['department'], scopePath: '/city/district/', departmentDistrictIds: ['district'] })],
    ['community', staff({ roles: ['communityStaff'], scopePath: `${TOWN}community/` })],
    ['other-town', staff({ scopePath: '/city/district/town-2/' })],
    ['leader', staff({ roles: ['leader'] })],
    ['admin', staff({ roles: ['admin'], scopePath: '/city/' })],
    ['off', staff({ disabled: true })],
    ['resident', staff({ kind: 'resident', roles: ['resident'], scopePath: null })],
  ]);
  it.each<[string, Holders, [string, string][]]>([
    ['a handler, a dispatcher and a department member', H('handler', 'dispatcher', 'dept'), []],
    ['nobody at all', H(null, null), []],
    ['one person as A and B', H('handler', 'handler'), [['b', 'same_person']]],
    ['A again as back-up', H('handler', null, 'handler'), [['backup', 'same_person']]],
    ['community staff (its territory is one community)', H('community', null), [['a', 'outside_jurisdiction']]],
    ['a handler of another town', H(null, 'other-town'), [['b', 'outside_jurisdiction']]],
    ['the town leader', H('leader', null), [['a', 'no_handling_role']]],
    ['the city admin as back-up', H('handler', null, 'admin'), [['backup', 'no_handling_role']]],
    ['a disabled handler', H('off', null), [['a', 'disabled']]],
    ['a resident', H('resident', null), [['a', 'not_staff']]],
    ['no such account', H('ghost', null), [['a', 'unknown']]],
  ])('%s', (_label, h, expected) => {
    expect(holderProblems(h, people, TOWN).map((p) => [p.slot, p.code])).toEqual(expected);
  });
});

describe('strandsOpenCases: removing the last holder of a post with open cases', () => {
  it.each<[Holders, number, boolean]>([
    [H(null, null), 2, true], [H(null, null, null), 1, true], [H(null, null, 'z'), 2, false], [H('x', null), 2, false],
    [H(null, null), 0, false],
  ])('%j with %i open cases → %s', (h, open, refused) => { expect(strandsOpenCases(h, open)).toBe(refused); });
});

describe('postPolicies: an admin whose scope holds the town', () => {
  it.each<[string, { roles: ('admin' | 'leader' | 'dispatcher')[]; scopePath: string | null }, boolean, string[]]>([
    ['the city admin, a post in use', { roles: ['admin'], scopePath: '/city/' }, false, ['edit', 'setHolders', 'retire']],
    ['the town admin, a retired post', { roles: ['admin'], scopePath: TOWN }, true, ['restore']],
    ['an admin of another town', { roles: ['admin'], scopePath: '/city/district/town-2/' }, false, []],
    ['a community-level admin', { roles: ['admin'], scopePath: `${TOWN}community/` }, false, []],
    ['the town leader', { roles: ['leader'], scopePath: TOWN }, false, []],
    ['the town dispatcher', { roles: ['dispatcher'], scopePath: TOWN }, false, []],
  ])('%s → %j', (_label, a, retired, expected) => { expect(postPolicies({ retired }, a, TOWN)).toEqual(expected); });
});

describe('retireRefusal', () => {
  it.each<[string[], string[], string | null]>([
    [[], [], null], [['C-1'], [], 'open_cases'], [[], ['C0101'], 'routing_matters'], [['C-1'], ['C0101'], 'open_cases'],
  ])('open %j, routing %j → %s', (open, matters, expected) => { expect(retireRefusal(open, matters)).toBe(expected); });
});
