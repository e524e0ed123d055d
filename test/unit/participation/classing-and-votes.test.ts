import { describe, expect, it } from 'vitest';
import { classChangeRefusal, classReasonEn, suggestMatterClass } from '../../../src/domain/participation/classing.ts';
import { eligibility, isLoosening, rulesRefusals, tally, voterKeyOf } from '../../../src/domain/participation/votes.ts';
import type { VoteRules } from '../../../src/shared/participation.ts';

describe('suggestMatterClass', () => {
  it.each([
    ['a broken street light is public', '小区门口路灯坏了', '晚上很黑', 'public', ['含“路灯”']],
    ['a lift for an old building is shared', '3栋想加装电梯', '大家一起议一议', 'shared', ['含“加装电梯”', '含“电梯”', '含“议一议”']],
    ['a lonely old neighbour is private', '独居老人需要陪诊', '', 'private', ['含“独居”', '含“陪诊”', '含“老人”']],
    ['no keyword: public, unrecognised', '你好', '有个问题', 'public', ['未识别，按公事处理']],
    ['a tie of one each: public, unrecognised', '井盖', '帮忙', 'public', ['未识别，按公事处理']],
    ['the most keywords win: two shared against one public', '小区停车位不够', '占用道路', 'shared', ['含“停车”', '含“车位”']],
    ['the description counts too', '反映情况', '楼道堆满杂物', 'shared', ['含“楼道”']],
  ] as const)('%s', (_, title, description, cls, reasons) => {
    expect(suggestMatterClass({ title, description })).toEqual({ class: cls, reasons });
  });
});

describe('classChangeRefusal', () => {
  it.each([
    ['the suggested class needs no reason', 'public', 'public', '', false, null],
    ['another class without a reason is refused', 'public', 'shared', ' ', false, '系统建议为「公事」，选择「共事」需要填写理由'],
    ['another class with a reason goes', 'public', 'private', '老人独居需要帮忙', false, null],
    ['a reclass always needs a reason', 'shared', 'shared', null, true, '改为「共事」需要填写改类理由'],
    ['a reclass with a reason goes', 'shared', 'public', '涉及道路安全', true, null],
    ['no suggestion: any class goes', null, 'private', '', false, null],
  ] as const)('%s', (_, suggested, chosen, reason, reclass, expected) => {
    expect(classChangeRefusal(suggested, chosen, reason, { reclass })).toBe(expected);
  });
});

const rules = (over: Partial<VoteRules> = {}): VoteRules => ({
  unit: 'person', electorate: 'residents', quorum: { kind: 'share', value: 0.5 }, passShare: 0.5, secret: false, ...over,
});

describe('voterKeyOf', () => {
  it.each([
    ['per person', 'person', 'pk1', 'h1', 'pk1'],
    ['per household', 'household', 'pk1', 'h1', 'household:h1'],
    ['per household, a person without a household votes as a person', 'household', 'pk2', null, 'pk2'],
  ] as const)('%s', (_, unit, personKey, householdId, key) => {
    expect(voterKeyOf({ unit }, { personKey, householdId })).toBe(key);
  });
});

describe('eligibility', () => {
  it.each([
    ['a registry adult of the area', 'residents', { inRegistry: true, inArea: true, age: 40, loosened: false }, true, null],
    ['18 today', 'residents', { inRegistry: true, inArea: true, age: 18, loosened: false }, true, null],
    ['17', 'residents', { inRegistry: true, inArea: true, age: 17, loosened: false }, false, '未满18周岁'],
    ['outside the area', 'residents', { inRegistry: true, inArea: false, age: 40, loosened: false }, false, '不在本议事会的范围内'],
    ['not in the registry', 'residents', { inRegistry: false, inArea: true, age: null, loosened: false }, false, '未登记为本辖区居民'],
    ['anyone but not confirmed', 'anyone', { inRegistry: false, inArea: true, age: null, loosened: false }, false, '未登记为本辖区居民'],
    ['anyone, confirmed', 'anyone', { inRegistry: false, inArea: true, age: null, loosened: true }, true, null],
    ['anyone, confirmed, still not outside the area', 'anyone', { inRegistry: false, inArea: false, age: null, loosened: true }, false, '不在本议事会的范围内'],
  ] as const)('%s', (_, electorate, v, eligible, reason) => {
    expect(eligibility({ electorate }, v)).toEqual({ eligible, reason });
  });
});

describe('tally', () => {
  const opts = ['for', 'against', 'abstain'];
  it.each([
    // name, rules, ballots, electorate, tally, quorumMet, passed
    ['6 of 10 for: passes', rules(), ['for', 'for', 'for', 'for', 'for', 'for'], 10, { for: 6, against: 0, abstain: 0 }, true, true],
    ['exactly half for is not a majority', rules(), ['for', 'for', 'for', 'against', 'against', 'abstain'], 10, { for: 3, against: 2, abstain: 1 }, true, false],
    ['4 of 10 cast: no quorum at one half', rules(), ['for', 'for', 'for', 'for'], 10, { for: 4, against: 0, abstain: 0 }, false, false],
    ['5 of 10 cast meets a half quorum', rules(), ['for', 'for', 'for', 'against', 'abstain'], 10, { for: 3, against: 1, abstain: 1 }, true, true],
    ['a share quorum rounds up: 1/3 of 10 needs 4', rules({ quorum: { kind: 'share', value: 1 / 3 } }), ['for', 'for', 'for'], 10, { for: 3, against: 0, abstain: 0 }, false, false],
    ['a count quorum', rules({ quorum: { kind: 'count', value: 3 } }), ['for', 'against', 'for'], 100, { for: 2, against: 1, abstain: 0 }, true, true],
    ['two thirds: exactly 2/3 is enough', rules({ passShare: 2 / 3 }), ['for', 'for', 'against'], 3, { for: 2, against: 1, abstain: 0 }, true, true],
    ['two thirds: 3 of 5 is not', rules({ passShare: 2 / 3 }), ['for', 'for', 'for', 'against', 'abstain'], 5, { for: 3, against: 1, abstain: 1 }, true, false],
    ['no ballots', rules({ quorum: { kind: 'count', value: 0 } }), [], 10, { for: 0, against: 0, abstain: 0 }, true, false],
  ] as const)('%s', (_, r, ballots, electorate, counts, quorumMet, passed) => {
    expect(tally(r, { options: opts, ballots: [...ballots], electorate })).toEqual({ tally: counts, cast: ballots.length, electorate, quorumMet, passed });
  });
});

describe('rulesRefusals and isLoosening', () => {
  it.each([
    ['the defaults', rules(), []],
    ['a share above 1', rules({ quorum: { kind: 'share', value: 1.2 } }), ['法定人数比例应在0到1之间']],
    ['a count of 0', rules({ quorum: { kind: 'count', value: 0 } }), ['法定人数应为正整数']],
    ['a pass share below half', rules({ passShare: 0.4 }), ['通过比例应在二分之一到1之间']],
    ['a wrong unit', rules({ unit: 'room' as never }), ['计票单位只能是按人或按户']],
  ] as const)('%s', (_, r, refusals) => {
    expect(rulesRefusals(r)).toEqual(refusals);
  });
  it('anyone is a loosening, residents is not', () => {
    expect(isLoosening({ electorate: 'anyone' })).toBe(true);
    expect(isLoosening({ electorate: 'residents' })).toBe(false);
  });
});

describe('classReasonEn', () => {
  it.each([
    ['含“路灯”', 'mentions “路灯”'],
    ['未识别，按公事处理', 'not recognised: treated as public'],
    ['别的', '别的'],
  ] as const)('%s → %s', (zh, en) => {
    expect(classReasonEn(zh)).toBe(en);
  });
});
