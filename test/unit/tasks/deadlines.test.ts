// The days of a generated task on the working calendar: when it shows, when it is due, its period. Expected days
// read off the 2026 calendar by hand (国庆 1–7 October off, Saturday 10 October worked).
import { describe, expect, it } from 'vitest';
import { calendarFrom } from '../../../src/domain/sla/working-calendar.ts';
import { firstWorkingDayFrom, isoWeek, mondayOf, periodOf, taskDays, workingDaysAfter } from '../../../src/domain/tasks/deadlines.ts';

const calendar = calendarFrom([{
  source: 'test',
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  workdays: ['2026-09-20', '2026-10-10'],
}]);

describe('working days of a task', () => {
  it.each([
    ['2026-11-23', '2026-11-23'], // a Monday
    ['2026-11-28', '2026-11-30'], // Saturday → Monday
    ['2026-10-01', '2026-10-08'], // 国庆 → the Thursday after
    ['2026-10-10', '2026-10-10'], // a Saturday worked (调休)
  ])('the first working day from %s is %s', (day, expected) => {
    expect(firstWorkingDayFrom(day, calendar)).toBe(expected);
  });

  it.each([
    ['2026-11-23', 0, '2026-11-23'],
    ['2026-11-23', 2, '2026-11-25'],
    ['2026-11-27', 1, '2026-11-30'], // Friday + 1 → Monday
    ['2026-10-08', 2, '2026-10-10'], // Thursday, Friday, the Saturday worked
    ['2026-11-23', 10, '2026-12-07'],
    ['2026-09-30', 1, '2026-10-08'], // the day before the holiday
  ])('%s + %i working days is %s', (day, n, expected) => {
    expect(workingDaysAfter(day, n, calendar)).toBe(expected);
  });

  it.each([
    // due, generated on, deadline days → starts, due
    ['2026-11-23', '2026-11-23', 2, '2026-11-23', '2026-11-25'],
    ['2026-10-01', '2026-10-01', 2, '2026-10-08', '2026-10-10'], // a weekly visit due on a holiday
    ['2026-10-01', '2026-09-30', 2, '2026-10-08', '2026-10-10'],
    ['2026-11-16', '2026-11-23', 2, '2026-11-23', '2026-11-25'], // found late: starts when found
    ['2026-11-28', '2026-11-28', 0, '2026-11-30', '2026-11-30'],
  ])('due %s, generated %s, %i days: starts %s, due %s', (due, today, n, startsOn, dueOn) => {
    expect(taskDays(due, today, n, calendar)).toEqual({ startsOn, dueOn });
  });
});

describe('periods', () => {
  it.each([
    ['2026-11-23', '2026-W48'],
    ['2026-11-29', '2026-W48'], // Sunday: same week
    ['2026-11-30', '2026-W49'],
    ['2027-01-01', '2026-W53'], // 2026 began on a Thursday: 53 weeks
    ['2024-12-30', '2025-W01'],
    ['2026-01-01', '2026-W01'],
  ])('%s is in ISO week %s', (day, week) => {
    expect(isoWeek(day)).toBe(week);
  });

  it('finds the Monday of a week', () => {
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
  });

  it.each([
    ['2026-11-23', 30, '2026-11', '2026-11-01'],
    ['2026-11-23', null, '2026-11', '2026-11-01'],
    ['2026-02-28', 28, '2026-02', '2026-02-01'],
    ['2026-11-25', 7, '2026-W48', '2026-11-23'],
    ['1970-01-19', 14, '1970-01-19', '1970-01-19'],
    ['1970-01-20', 14, '1970-01-19', '1970-01-19'],
    ['1970-01-18', 14, '1970-01-05', '1970-01-05'],
  ])('%s every %s days: period %s from %s', (day, every, key, start) => {
    expect(periodOf(day, every)).toEqual({ key, start });
  });
});
