import { describe, expect, it } from 'vitest';
import {
  childLevels, movedCode, moveProblems, newUnitProblems, rebased, retireRefusal, retiresAlong, strandedMembers, suggestCode, unitPolicies, type MovePlace, type NewUnitDraft,
} from '../../../src/domain/org/unit-admin.ts';

const TOWN = { level: 'town' as const, code: '500199001000' };
const COMMUNITY = { level: 'community' as const, code: '500199001001' };
const GRID = { level: 'grid' as const, code: '500199001001001' };

describe('a new unit under its parent', () => {
  it.each<[string, NewUnitDraft, string[]]>([
    ['a community of the town', { level: 'community', code: '500199001011', name: '新社区', parent: TOWN }, []],
    ['a grid of the community', { level: 'grid', code: '500199001001014', name: '第14网格', parent: COMMUNITY }, []],
    ['a dedicated grid 9xx', { level: 'dedicatedGrid', code: '500199001001905', name: '某小学', parent: COMMUNITY }, []],
    ['a micro-grid of the grid', { level: 'microGrid', code: '50019900100100107', name: '7号楼', parent: GRID }, []],
    ['a grid numbered like a dedicated grid', { level: 'grid', code: '500199001001905', name: 'x', parent: COMMUNITY }, ['CODE_OUT_OF_RANGE']],
    ['a dedicated grid numbered like a grid', { level: 'dedicatedGrid', code: '500199001001014', name: 'x', parent: COMMUNITY }, ['CODE_OUT_OF_RANGE']],
    ['grid 000', { level: 'grid', code: '500199001001000', name: 'x', parent: COMMUNITY }, ['CODE_OUT_OF_RANGE']],
    ['a grid coded under another community', { level: 'grid', code: '500199001002014', name: 'x', parent: COMMUNITY }, ['CODE_NOT_UNDER_PARENT']],
    ['a community coded under another town', { level: 'community', code: '500199101011', name: 'x', parent: TOWN }, ['CODE_NOT_UNDER_PARENT']],
    ['a code too long', { level: 'grid', code: '5001990010010141', name: 'x', parent: COMMUNITY }, ['CODE_NOT_UNDER_PARENT']],
    ['letters in the code', { level: 'grid', code: '50019900100101a', name: 'x', parent: COMMUNITY }, ['CODE_NOT_UNDER_PARENT']],
    ['a grid straight under the town', { level: 'grid', code: '500199001001014', name: 'x', parent: TOWN }, ['LEVEL_NOT_UNDER_PARENT', 'CODE_NOT_UNDER_PARENT']],
    ['a micro-grid under a community', { level: 'microGrid', code: '50019900100100107', name: 'x', parent: COMMUNITY }, ['LEVEL_NOT_UNDER_PARENT']],
    ['a blank name', { level: 'grid', code: '500199001001014', name: '  ', parent: COMMUNITY }, ['NAME_REQUIRED']],
  ])('%s', (_label, draft, expected) => {
    expect(newUnitProblems(draft)).toEqual(expected);
  });
});

describe('retiring a unit', () => {
  const NONE = { building: 0, household: 0, resident: 0, place: 0, thing: 0 };
  it.each([
    [{ openCases: 0, liveChildren: 0 }, null],
    [{ openCases: 3, liveChildren: 0 }, { openCases: 3 }],
    [{ openCases: 0, liveChildren: 2 }, { liveChildren: 2 }],
    [{ openCases: 4, liveChildren: 2 }, { liveChildren: 2 }],
    [{ openCases: 0, liveChildren: 0, registry: NONE }, null],
    [{ openCases: 0, liveChildren: 0, registry: { ...NONE, resident: 2, building: 1 } }, { registry: { ...NONE, resident: 2, building: 1 } }],
    [{ openCases: 1, liveChildren: 0, registry: { ...NONE, thing: 1 } }, { openCases: 1 }],
  ])('%j → %j', (state, expected) => {
    expect(retireRefusal(state)).toEqual(expected);
  });
});

describe('units that retire with their parent', () => {
  it.each([['grid', 'microGrid'], ['community', null], ['dedicatedGrid', null], ['microGrid', null]] as const)('%s → %s', (level, along) => {
    expect(retiresAlong(level)).toBe(along);
  });
});

describe('the code offered for a new unit', () => {
  it.each<[string, Parameters<typeof suggestCode>, string]>([
    ['the first free grid number', ['grid', COMMUNITY.code, ['500199001001001', '500199001001002', '500199001001004']], '500199001001003'],
    ['a dedicated grid from 901', ['dedicatedGrid', COMMUNITY.code, ['500199001001001', '500199001001901']], '500199001001902'],
    ['a community from the town\'s nine digits', ['community', TOWN.code, []], '500199001001'],
    ['a micro-grid with two digits', ['microGrid', GRID.code, ['50019900100100101']], '50019900100100102'],
  ])('%s', (_, args, expected) => {
    expect(suggestCode(...args)).toBe(expected);
  });

  it('lists the levels created under each parent', () => {
    expect([childLevels('town'), childLevels('community'), childLevels('grid'), childLevels('microGrid')])
      .toEqual([['community'], ['grid', 'dedicatedGrid'], ['microGrid'], []]);
  });
});

describe('moving a unit to another parent', () => {
  const place = (id: string, level: MovePlace['level'], path: string, townId: string | null = 't1', retired = false): MovePlace =>
    ({ id, level, path, townId, retired });
  const grid = { ...place('g1', 'grid', '/c/d/t1/c1/g1/'), parentId: 'c1' };
  const micro = { ...place('m1', 'microGrid', '/c/d/t1/c1/g1/m1/'), parentId: 'g1' };
  const dedicated = { ...place('s1', 'dedicatedGrid', '/c/d/t1/c1/s1/'), parentId: 'c1' };
  const community = { ...place('c1', 'community', '/c/d/t1/c1/'), parentId: 't1' };
  it.each<[string, MovePlace & { parentId: string | null }, MovePlace, string[]]>([
    ['a grid to another community of the town', grid, place('c2', 'community', '/c/d/t1/c2/'), []],
    ['a dedicated grid to another community', dedicated, place('c2', 'community', '/c/d/t1/c2/'), []],
    ['a micro-grid to a grid of another community', micro, place('g7', 'grid', '/c/d/t1/c2/g7/'), []],
    ['a grid to its own community', grid, place('c1', 'community', '/c/d/t1/c1/'), ['SAME_PARENT']],
    ['a grid to a community of another town', grid, place('c9', 'community', '/c/d/t2/c9/', 't2'), ['OTHER_TOWN']],
    ['a grid under a grid', grid, place('g2', 'grid', '/c/d/t1/c1/g2/'), ['LEVEL_NOT_UNDER_PARENT']],
    ['a micro-grid under a community', micro, place('c2', 'community', '/c/d/t1/c2/'), ['LEVEL_NOT_UNDER_PARENT']],
    ['a micro-grid under a dedicated grid', micro, place('s1', 'dedicatedGrid', '/c/d/t1/c1/s1/'), ['LEVEL_NOT_UNDER_PARENT']],
    ['a grid under its own micro-grid', grid, place('m1', 'microGrid', '/c/d/t1/c1/g1/m1/'), ['INTO_ITSELF']],
    ['a grid under itself', grid, place('g1', 'grid', '/c/d/t1/c1/g1/'), ['INTO_ITSELF']],
    ['a grid to a retired community', grid, place('c2', 'community', '/c/d/t1/c2/', 't1', true), ['RETIRED']],
    ['a retired grid', { ...grid, retired: true }, place('c2', 'community', '/c/d/t1/c2/'), ['RETIRED']],
    ['a community to another town (its parent is the town)', community, place('t2', 'town', '/c/d/t2/', 't2'), ['OTHER_TOWN']],
    ['a town', { ...place('t1', 'town', '/c/d/t1/'), parentId: 'd' }, place('d2', 'district', '/c/d2/', null), ['NOT_MOVABLE']],
    ['a unit of no town', { ...grid, townId: null }, place('c2', 'community', '/c/d/t1/c2/'), ['OTHER_TOWN']],
  ])('%s', (_label, unit, target, expected) => {
    expect(moveProblems(unit, target)).toEqual(expected);
  });

  it.each<[string, Parameters<typeof movedCode>, string]>([
    ['a grid keeps its number when free', ['grid', '500199001001003', '500199001002', ['500199001002001']], '500199001002003'],
    ['a grid takes the first free number when its own is taken', ['grid', '500199001001001', '500199001002', ['500199001002001', '500199001002002']], '500199001002003'],
    ['a dedicated grid stays in 901–999', ['dedicatedGrid', '500199001001901', '500199001002', ['500199001002901']], '500199001002902'],
    ['a micro-grid keeps its two digits', ['microGrid', '50019900100100107', '500199001002004', []], '50019900100200407'],
  ])('%s', (_, args, expected) => {
    expect(movedCode(...args)).toBe(expected);
  });

  it.each([
    ['50019900100100107', '500199001001001', '500199001002003', '50019900100200307'],
    ['/c/d/t1/c1/g1/m1/', '/c/d/t1/c1/g1/', '/c/d/t1/c2/g1/', '/c/d/t1/c2/g1/m1/'],
    ['/c/d/t1/c3/g4/', '/c/d/t1/c1/g1/', '/c/d/t1/c2/g1/', '/c/d/t1/c3/g4/'],
  ])('rebases %s from %s to %s', (value, from, to, expected) => {
    expect(rebased(value, from, to)).toBe(expected);
  });
});

describe('team members a grid\'s move would leave without sight of it', () => {
  it.each([
    ['a worker scoped to the grid itself moves along', '/t/c1/g1/', false],
    ['a town cadre keeps it', '/t/', false],
    ['the old community\'s worker loses it', '/t/c1/', true],
    ['the new community\'s worker sees it', '/t/c2/', false],
    ['a resident member (no account scope) is no matter', null, false],
  ])('%s', (_label, scopePath, stranded) => {
    expect(strandedMembers([{ scopePath }], '/t/c1/g1/', '/t/c2/g1/')).toHaveLength(stranded ? 1 : 0);
  });
});

describe('what an org editor may do to a unit (policies)', () => {
  const admin = { roles: ['admin' as const], scopePath: '/c/d/t1/' };
  it.each<[string, Parameters<typeof unitPolicies>[0], Parameters<typeof unitPolicies>[1], string[]]>([
    ['a town: units under it only', { level: 'town', path: '/c/d/t1/', retired: false }, admin, ['createChild']],
    ['a community: not moved (its parent is the town)', { level: 'community', path: '/c/d/t1/c1/', retired: false }, admin, ['createChild', 'rename', 'retire']],
    ['a grid: everything', { level: 'grid', path: '/c/d/t1/c1/g1/', retired: false }, admin, ['createChild', 'rename', 'move', 'retire', 'editBoundary']],
    ['a dedicated grid: no units under it', { level: 'dedicatedGrid', path: '/c/d/t1/c1/s1/', retired: false }, admin, ['rename', 'move', 'retire', 'editBoundary']],
    ['a micro-grid: no boundary here', { level: 'microGrid', path: '/c/d/t1/c1/g1/m1/', retired: false }, admin, ['rename', 'move', 'retire']],
    ['a district above the admin\'s scope', { level: 'district', path: '/c/d/', retired: false }, admin, []],
    ['a retired grid', { level: 'grid', path: '/c/d/t1/c1/g1/', retired: true }, admin, []],
    ['a grid outside the admin\'s scope', { level: 'grid', path: '/c/d/t2/c1/g1/', retired: false }, admin, []],
    ['a dispatcher', { level: 'grid', path: '/c/d/t1/c1/g1/', retired: false }, { roles: ['dispatcher'], scopePath: '/c/d/t1/' }, []],
    ['an admin without territory', { level: 'grid', path: '/c/d/t1/c1/g1/', retired: false }, { roles: ['admin'], scopePath: null }, []],
  ])('%s', (_label, unit, caller, expected) => {
    expect(unitPolicies(unit, caller)).toEqual(expected);
  });
});
