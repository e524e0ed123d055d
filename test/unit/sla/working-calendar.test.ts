import { describe, expect, it } from 'vitest';
import { CN_2026 } from '../../../src/domain/sla/calendars/cn-2026.ts';
import { addWorkingDays, calendarFrom, isWorkingDay, shanghaiDate } from '../../../src/domain/sla/working-calendar.ts';

const cal = calendarFrom([CN_2026]);
/** A Shanghai wall-clock time, written the way people read it. */
const sh = (local: string) => new Date(`${local}+08:00`);

describe('isWorkingDay (2026, China)', () => {
  it.each([
    ['2026-11-23', true], // Monday
    ['2026-11-21', false], // Saturday
    ['2026-01-01', false], // 元旦
    ['2026-01-04', true], // Sunday, 调休上班
    ['2026-02-14', true], // Saturday, 调休上班
    ['2026-02-16', false], // Monday in 春节
    ['2026-02-28', true], // Saturday, 调休上班
    ['2026-05-05', false], // Tuesday in 劳动节
    ['2026-05-09', true], // Saturday, 调休上班
    ['2026-09-20', true], // Sunday, 调休上班
    ['2026-10-07', false], // Wednesday in 国庆节
    ['2026-10-10', true], // Saturday, 调休上班
  ])('%s → %s', (date, expected) => {
    expect(isWorkingDay(date, cal)).toBe(expected);
  });

  it.each([
    ['2026-01-03T23:59:59', false], // still Saturday 3 January in Shanghai (15:59 UTC)
    ['2026-01-04T00:00:00', true], // Sunday 4 January, a swapped working day, while UTC is still the 3rd
  ])('reads the Shanghai date of an instant, whatever the process zone: %s → %s', (local, expected) => {
    expect(isWorkingDay(sh(local), cal)).toBe(expected);
  });

  it('gives the Shanghai date of an instant', () => {
    expect(shanghaiDate(new Date('2026-11-22T16:30:00Z'))).toBe('2026-11-23');
  });
});

describe('addWorkingDays: start day not counted, due at 24:00 of the last day', () => {
  it.each([
    ['a plain week', '2026-11-23T10:00:00', 3, '2026-11-27T00:00:00'],
    ['over a weekend', '2026-11-27T17:00:00', 1, '2026-12-01T00:00:00'],
    ['reported just before midnight counts from the next day', '2026-11-23T23:59:00', 1, '2026-11-25T00:00:00'],
    ['over 春节 with swapped Saturday 14 Feb', '2026-02-13T09:00:00', 2, '2026-02-25T00:00:00'],
    ['reported on a holiday', '2026-10-03T12:00:00', 1, '2026-10-09T00:00:00'],
    ['over 国庆 with swapped Saturday 10 Oct', '2026-09-30T09:00:00', 5, '2026-10-14T00:00:00'],
    ['E0403 私搭乱建: 10 working days', '2026-11-23T10:00:00', 10, '2026-12-08T00:00:00'],
  ])('%s: %s + %i wd → %s', (_name, start, n, due) => {
    expect(addWorkingDays(sh(start), n, cal)).toEqual(sh(due));
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %s working days', (n) => {
    expect(() => addWorkingDays(sh('2026-11-23T10:00:00'), n, cal)).toThrow(RangeError);
  });

  it('refuses a calendar with no working days instead of looping', () => {
    expect(() => addWorkingDays(sh('2026-11-23T10:00:00'), 1, calendarFrom([], [0, 1, 2, 3, 4, 5, 6]))).toThrow(RangeError);
  });

  it('without holiday data falls back to Monday–Friday', () => {
    expect(addWorkingDays(sh('2026-09-30T09:00:00'), 1, calendarFrom([]))).toEqual(sh('2026-10-02T00:00:00'));
  });
});
