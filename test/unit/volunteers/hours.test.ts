import { describe, expect, it } from 'vitest';
import { serviceHours, TEAM_NAMES } from '../../../src/domain/volunteers/hours.ts';
import { TEAM_COLOURS } from '../../../src/shared/volunteers.ts';

const t = (hm: string) => new Date(`2026-11-20T${hm}:00+08:00`);
const activity = { startsAt: t('09:00'), endsAt: t('12:00') };

describe('serviceHours', () => {
  it.each([
    ['the whole activity', '09:00', '12:00', 3],
    ['arrived early, left late: only the activity counts', '08:10', '13:30', 3],
    ['1 h 59 min → 1.5', '09:00', '10:59', 1.5],
    ['29 minutes → 0', '09:00', '09:29', 0],
    ['30 minutes → 0.5', '10:00', '10:30', 0.5],
    ['checked out before checking in → 0', '11:00', '10:00', 0],
    ['checked in after the end → 0', '12:30', '13:00', 0],
  ] as const)('%s', (_, inAt, outAt, hours) => {
    expect(serviceHours({ ...activity, checkedInAt: t(inAt), checkedOutAt: t(outAt) })).toBe(hours);
  });

  it('no check-out counts nothing', () => {
    expect(serviceHours({ ...activity, checkedInAt: t('09:00'), checkedOutAt: null })).toBe(0);
  });

  it('at most 12 hours for one activity', () => {
    expect(serviceHours({ startsAt: new Date('2026-11-20T00:00:00+08:00'), endsAt: new Date('2026-11-21T00:00:00+08:00'), checkedInAt: new Date('2026-11-20T00:00:00+08:00'), checkedOutAt: new Date('2026-11-20T23:00:00+08:00') })).toBe(12);
  });

  it('the five teams have names', () => {
    expect(TEAM_COLOURS.map((c) => TEAM_NAMES[c].name)).toEqual(['民聚红', '民兴金', '民和橙', '民康绿', '民安蓝']);
  });
});
