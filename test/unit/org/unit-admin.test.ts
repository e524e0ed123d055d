import { describe, expect, it } from 'vitest';
import { childLevels, newUnitProblems, retireRefusal, retiresAlong, suggestCode, type NewUnitDraft } from '../../../src/domain/org/unit-admin.ts';

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
  it.each([
    [{ openCases: 0, liveChildren: 0 }, null],
    [{ openCases: 3, liveChildren: 0 }, { openCases: 3 }],
    [{ openCases: 0, liveChildren: 2 }, { liveChildren: 2 }],
    [{ openCases: 4, liveChildren: 2 }, { liveChildren: 2 }],
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
