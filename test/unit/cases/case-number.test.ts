import { describe, expect, it } from 'vitest';
import { caseNumberDay, formatCaseNumber, parseCaseNumber, printCaseNumber, shortCaseNumber } from '../../../src/domain/cases/case-number.ts';

describe('case numbers', () => {
  it.each([
    ['2026-11-23T10:00:00+08:00', 42, '500199001-20261123-0042'],
    ['2026-11-22T16:00:00Z', 1, '500199001-20261123-0001'], // midnight in Shanghai is still the 22nd in UTC
    ['2026-11-22T15:59:59Z', 9999, '500199001-20261122-9999'],
    ['2026-12-31T23:59:59+08:00', 10000, '500199001-20261231-10000'],
  ])('%s, #%i → %s', (at, seq, expected) => {
    expect(formatCaseNumber('500199001', new Date(at), seq)).toBe(expected);
  });

  it.each([
    ['50019900', 1], ['5001990011', 1], ['50019900a', 1], ['500199001', 0], ['500199001', 100000], ['500199001', 1.5],
  ])('refuses town %s with #%s', (town, seq) => {
    expect(() => formatCaseNumber(town, new Date('2026-11-23T02:00:00Z'), seq)).toThrow(RangeError);
  });

  it('keys the daily counter by the Shanghai date', () => {
    expect(caseNumberDay(new Date('2026-11-22T16:00:00Z'))).toBe('20261123');
  });

  it.each([
    ['500199001-20261123-0042', { townCode: '500199001', day: '20261123', seq: 42 }],
    ['500199001 20261123 0042', { townCode: '500199001', day: '20261123', seq: 42 }],
    ['500199001202611230042', { townCode: '500199001', day: '20261123', seq: 42 }],
    ['500199001-20261123-10000', { townCode: '500199001', day: '20261123', seq: 10000 }],
    ['500199001-20261123-00042', null], // five digits only above 9999: one number, one spelling
    ['500199001-20261131-0042', null], // no 31 November
    ['500199001-20261123-0000', null],
    ['500199001-2026112-0042', null],
    ['hello', null],
  ])('parses %s', (input, expected) => {
    expect(parseCaseNumber(input)).toEqual(expected);
  });

  it.each([
    ['500199001 20261123 0042', '500199001-20261123-0042'],
    ['500199001202611230042', '500199001-20261123-0042'],
    ['5001990012026112310000', '500199001-20261123-10000'],
  ])('prints %s as %s, the one spelling it is stored under', (typed, printed) => {
    expect(printCaseNumber(parseCaseNumber(typed)!)).toBe(printed);
  });

  it('shortens to the part unique within a town', () => {
    expect(shortCaseNumber('500199001-20261123-0042')).toBe('20261123-0042');
  });
});
