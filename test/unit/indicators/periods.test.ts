import { describe, expect, it } from 'vitest';
import {
  daysBetween, parsePeriod, periodOf, periodsBetween, periodsOfDay, previousPeriod, shiftPeriod,
} from '../../../src/domain/indicators/periods.ts';

describe('parsePeriod', () => {
  it.each([
    ['2026-12-03', { kind: 'day', key: '2026-12-03', from: '2026-12-03', to: '2026-12-03' }],
    ['2026-12', { kind: 'month', key: '2026-12', from: '2026-12-01', to: '2026-12-31' }],
    ['2026-02', { kind: 'month', key: '2026-02', from: '2026-02-01', to: '2026-02-28' }],
    ['2024-02', { kind: 'month', key: '2024-02', from: '2024-02-01', to: '2024-02-29' }],
    ['2026Q4', { kind: 'quarter', key: '2026Q4', from: '2026-10-01', to: '2026-12-31' }],
    ['2026Q1', { kind: 'quarter', key: '2026Q1', from: '2026-01-01', to: '2026-03-31' }],
    ['2026Q2', { kind: 'quarter', key: '2026Q2', from: '2026-04-01', to: '2026-06-30' }],
    ['2026', { kind: 'year', key: '2026', from: '2026-01-01', to: '2026-12-31' }],
  ])('%s', (key, expected) => {
    expect(parsePeriod(key)).toEqual(expected);
  });

  it.each(['', '2026-13', '2026-00', '2026-02-29', '2026-04-31', '2026Q5', '2026Q0', '2026q4', '26', '2026-1', '2026-12-3', '1800', ' 2026', '2026-12 ', 'abcd'])(
    'refuses %j',
    (key) => expect(parsePeriod(key)).toBeNull(),
  );
});

describe('periodOf (Asia/Shanghai)', () => {
  // 2026-12-31 15:59:59 UTC is 23:59:59 in Beijing; a second later it is the new year there
  const lastSecond = new Date('2026-12-31T15:59:59Z');
  const newYear = new Date('2026-12-31T16:00:00Z');
  it.each([
    ['day', lastSecond, '2026-12-31'], ['month', lastSecond, '2026-12'], ['quarter', lastSecond, '2026Q4'], ['year', lastSecond, '2026'],
    ['day', newYear, '2027-01-01'], ['month', newYear, '2027-01'], ['quarter', newYear, '2027Q1'], ['year', newYear, '2027'],
    ['quarter', new Date('2026-06-30T16:00:00Z'), '2026Q3'],
    ['quarter', new Date('2026-06-30T15:00:00Z'), '2026Q2'],
  ] as const)('%s of %s → %s', (kind, at, key) => {
    expect(periodOf(kind, at)).toBe(key);
  });
});

describe('previousPeriod and shiftPeriod', () => {
  it.each([
    ['2026-03-01', '2026-02-28'], ['2024-03-01', '2024-02-29'], ['2026-01-01', '2025-12-31'],
    ['2026-12', '2026-11'], ['2026-01', '2025-12'],
    ['2026Q4', '2026Q3'], ['2026Q1', '2025Q4'],
    ['2026', '2025'],
  ])('before %s is %s', (key, before) => expect(previousPeriod(key)).toBe(before));

  it('moves forward across years', () => {
    expect(shiftPeriod('2026-11', 3)).toBe('2027-02');
    expect(shiftPeriod('2026Q3', 2)).toBe('2027Q1');
    expect(shiftPeriod('2026-12-30', 3)).toBe('2027-01-02');
    expect(shiftPeriod('2026-05', -17)).toBe('2024-12');
  });

  it('throws on a key that is not a period', () => expect(() => previousPeriod('2026-13')).toThrow());
});

describe('periodsOfDay, daysBetween, periodsBetween', () => {
  it('a day belongs to its month, quarter and year', () => {
    expect(periodsOfDay('2026-12-03')).toEqual(['2026-12-03', '2026-12', '2026Q4', '2026']);
    expect(periodsOfDay('2027-04-01')).toEqual(['2027-04-01', '2027-04', '2027Q2', '2027']);
  });

  it('every day, both ends included, over a month end', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(daysBetween('2026-12-03', '2026-12-03')).toEqual(['2026-12-03']);
    expect(daysBetween('2026-12-04', '2026-12-03')).toEqual([]);
  });

  it('the months or days of a trend', () => {
    expect(periodsBetween('month', '2026-10-15', '2027-01-02')).toEqual(['2026-10', '2026-11', '2026-12', '2027-01']);
    expect(periodsBetween('day', '2026-12-30', '2027-01-01')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01']);
    expect(periodsBetween('quarter', '2026-05-01', '2026-12-31')).toEqual(['2026Q2', '2026Q3', '2026Q4']);
  });
});
