import { describe, expect, it } from 'vitest';
import { ageOn, vulnerabilityOf } from '../../../src/domain/disputes/vulnerable.ts';

// 2026-12-03 01:00 in Beijing (still the 2nd in UTC): ages are counted on the Beijing date.
const today = new Date('2026-12-02T17:00:00Z');

describe('vulnerabilityOf', () => {
  it.each([
    ['born 1950-03-15: 76', { idNumber: '500103195003151230' }, true, '老年人（76岁）'],
    ['born 1956-12-03: 70 today in Beijing', { idNumber: '500103195612031234' }, true, '老年人（70岁）'],
    ['born 1956-12-04: 69', { idNumber: '50010319561204123X' }, false, null],
    ['born 2010-05-01: 16', { idNumber: '50010320100501123X' }, true, '未成年人（16岁）'],
    ['born 2008-12-03: 18 today', { idNumber: '500103200812031232' }, false, null],
    ['an ID number with a wrong check digit says nothing', { idNumber: '500103195003151231' }, false, null],
    ['tagged 残疾人', { idNumber: '50010319850620123X', tags: ['party_member', 'disabled'] }, true, '残疾人'],
    ['tagged 留守儿童 without an ID number', { tags: ['child_left_behind'] }, true, '留守儿童'],
    ['tagged 党员 only', { tags: ['party_member', 'volunteer'] }, false, null],
    ['marked by staff: pregnant', { marked: true, markedReason: '孕妇' }, true, '孕妇'],
    ['marked without a reason', { marked: true, markedReason: ' ' }, true, '工作人员标记为弱势'],
    ['age is read before tags', { idNumber: '500103195003151230', tags: ['disabled'] }, true, '老年人（76岁）'],
    ['nothing known', {}, false, null],
  ] as const)('%s', (_, person, vulnerable, reason) => {
    const v = vulnerabilityOf(person, today);
    expect(v.vulnerable).toBe(vulnerable);
    expect(v.reason).toBe(reason);
  });

  it('counts whole years, a birthday on its day', () => {
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
    expect(ageOn('2000-02-29', '2026-03-01')).toBe(26);
    expect(ageOn('1990-06-20', '2026-06-20')).toBe(36);
  });
});
