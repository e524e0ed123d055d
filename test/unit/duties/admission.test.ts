import { describe, expect, it } from 'vitest';
import { decideAdmission, dutyItemProblems, mayRequestAt, nextItemCode, requestLevels } from '../../../src/domain/duties/admission.ts';
import type { OrgLevel } from '../../../src/shared/org-levels.ts';
import type { DutyLevel } from '../../../src/shared/duties.ts';

// 清单准入 (issue 12): a requester asks at its own level or below; what a proposed item must say; one decision.
describe('who may ask for a duty at which level', () => {
  it.each<[OrgLevel, DutyLevel, boolean]>([
    ['city', 'town', true], ['city', 'grid', true],
    ['district', 'town', true], ['district', 'community', true], ['district', 'grid', true],
    ['town', 'town', true], ['town', 'community', true], ['town', 'grid', true],
    ['community', 'town', false], ['community', 'community', true], ['community', 'grid', true],
    ['grid', 'town', false], ['grid', 'community', false], ['grid', 'grid', true],
    ['dedicatedGrid', 'community', false], ['microGrid', 'grid', true],
  ])('a requester at the %s asks at the %s: %s', (requester, level, may) => {
    expect(mayRequestAt(requester, level)).toBe(may);
  });

  it.each<[OrgLevel, DutyLevel[]]>([
    ['district', ['town', 'community', 'grid']], ['town', ['town', 'community', 'grid']], ['community', ['community', 'grid']], ['grid', ['grid']],
  ])('the %s asks at %j', (requester, levels) => {
    expect(requestLevels(requester)).toEqual(levels);
  });
});

describe('what a proposed item must say', () => {
  it.each([
    ['a basic item with a basis', { name: '独居老人走访', listType: 'basic' as const, basis: '《重庆市养老服务条例》第二十条' }, []],
    ['a basis of blanks', { name: '独居老人走访', listType: 'basic' as const, basis: '  　' }, ['basisBlank']],
    ['a name of blanks', { name: ' ', listType: 'basic' as const, basis: '依据' }, ['nameBlank']],
    ['an assisting item without a department', { name: '征兵宣传', listType: 'assisting' as const, basis: '《兵役法》', department: ' ' }, ['departmentMissing']],
    ['a withdrawn item with its department', { name: '违法建筑拆除', listType: 'withdrawn' as const, basis: '《城乡规划法》第六十八条', department: '区住房城乡建委' }, []],
    ['a withdrawn item with nothing', { name: '', listType: 'withdrawn' as const, basis: '', department: null }, ['nameBlank', 'basisBlank', 'departmentMissing']],
  ])('%s', (_, item, problems) => {
    expect(dutyItemProblems(item)).toEqual(problems);
  });
});

describe('deciding a request', () => {
  it.each([
    ['approve a pending one', 'pending', 'approve', undefined, { ok: true, status: 'approved' }],
    ['refuse a pending one with words', 'pending', 'refuse', '与现有事项重复', { ok: true, status: 'refused' }],
    ['refuse without words', 'pending', 'refuse', '  ', { ok: false, refusal: 'noteMissing' }],
    ['approve an approved one', 'approved', 'approve', undefined, { ok: false, refusal: 'decided' }],
    ['refuse an approved one', 'approved', 'refuse', '不行', { ok: false, refusal: 'decided' }],
    ['approve a refused one', 'refused', 'approve', undefined, { ok: false, refusal: 'decided' }],
  ] as const)('%s', (_, status, decision, note, answer) => {
    expect(decideAdmission(status, decision, note)).toEqual(answer);
  });
});

describe('codes of new items', () => {
  it.each([
    ['grid', [], 'W-001'],
    ['grid', ['W-001', 'W-012', 'S-040', 'Z-099'], 'W-013'],
    ['community', ['W-001', 'S-007', 'S-x'], 'S-008'],
    ['town', ['Z-099'], 'Z-100'],
  ] as const)('at the %s after %j: %s', (level, codes, next) => {
    expect(nextItemCode(level, codes)).toBe(next);
  });
});
