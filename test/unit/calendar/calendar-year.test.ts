import { describe, expect, it } from 'vitest';
import { isCalendarDate, missingCalendarYears, normaliseCalendarYear, validateCalendarYear, weekdayOf, type CalendarYear } from '../../../src/domain/calendar/calendar-year.ts';

describe('isCalendarDate', () => {
  it.each([
    ['2027-01-01', true], ['2028-02-29', true], ['2027-02-29', false], ['2027-02-30', false], ['2027-13-01', false],
    ['2027-1-1', false], ['20270101', false], ['', false], ['2027-01-01T00:00', false],
  ])('%s → %s', (date, ok) => expect(isCalendarDate(date)).toBe(ok));
});

describe('weekdayOf', () => {
  it.each([['2027-01-01', 5], ['2027-01-02', 6], ['2027-01-03', 0], ['2026-11-23', 1]])('%s is weekday %i', (date, day) => expect(weekdayOf(date)).toBe(day));
});

describe('validateCalendarYear', () => {
  const year = (holidays: string[], workdays: string[] = []): CalendarYear => ({ year: 2027, holidays, workdays });
  it.each<[string, CalendarYear, Array<[string, string, string]>]>([
    ['a clean year', year(['2027-01-01', '2027-02-06'], ['2027-02-13']), []],
    ['a holiday on a weekend (swapped into the break)', year(['2027-01-02', '2027-01-03']), []],
    ['an impossible date', year(['2027-02-30']), [['holidays', '2027-02-30', 'NOT_A_DATE']]],
    ['a date of another year', year(['2026-12-31'], ['2028-01-01']), [['holidays', '2026-12-31', 'OUTSIDE_YEAR'], ['workdays', '2028-01-01', 'OUTSIDE_YEAR']]],
    ['a repeat', year(['2027-01-01', '2027-01-01']), [['holidays', '2027-01-01', 'DUPLICATE']]],
    ['a day in both lists', year(['2027-01-02'], ['2027-01-02']), [['workdays', '2027-01-02', 'IN_BOTH']]],
    ['a swapped working day on a weekday', year([], ['2027-01-04']), [['workdays', '2027-01-04', 'NOT_WEEKEND']]],
    ['a Saturday and a Sunday worked', year([], ['2027-01-02', '2027-01-03']), []],
  ])('%s', (_, input, expected) => {
    expect(validateCalendarYear(input).map((p) => [p.field, p.date, p.code])).toEqual(expected);
  });

  it('says what is wrong in words', () => {
    expect(validateCalendarYear(year([], ['2027-01-04']))[0]!.message).toMatch(/weekday/);
  });
});

describe('missingCalendarYears', () => {
  it.each<[number[], string, number[]]>([
    [[2026], '2026-06-01', []],
    [[], '2026-06-01', [2026]],
    [[2026], '2026-10-31', []],
    [[2026], '2026-11-01', [2027]],
    [[2026, 2027], '2026-12-01', []],
    [[2027], '2026-12-31', [2026]],
    [[2026], '2027-01-01', [2027]],
  ])('entered %j on %s → missing %j', (entered, today, missing) => expect(missingCalendarYears(entered, today)).toEqual(missing));
});

describe('normaliseCalendarYear', () => {
  it('sorts and drops repeats', () => {
    expect(normaliseCalendarYear({ year: 2027, holidays: ['2027-02-08', '2027-01-01', '2027-02-08'], workdays: [] }))
      .toEqual({ year: 2027, holidays: ['2027-01-01', '2027-02-08'], workdays: [] });
  });
});
