import { describe, expect, it } from 'vitest';
import {
  dutyIneligibility, isoWeekOf, normaliseRoster, rosterPolicies, rosterProblems, shiftWeek, watchAt, weekDates,
  type DutyCandidate, type RosterSlot,
} from '../../../src/domain/org/duty-roster.ts';

// ISO weeks checked against Python's date.isocalendar()
describe('ISO weeks', () => {
  it.each([
    ['2026-11-23', '2026-W48'], ['2026-11-29', '2026-W48'], ['2020-12-31', '2020-W53'], ['2021-01-03', '2020-W53'],
    ['2021-01-04', '2021-W01'], ['2024-12-30', '2025-W01'], ['2026-01-01', '2026-W01'], ['2027-01-03', '2026-W53'],
    ['2025-12-28', '2025-W52'],
  ])('%s is in %s', (date, week) => {
    expect(isoWeekOf(date)).toBe(week);
  });

  it.each([
    ['2026-W48', '2026-11-23', '2026-11-29'], ['2026-W53', '2026-12-28', '2027-01-03'], ['2025-W01', '2024-12-30', '2025-01-05'],
    ['2020-W53', '2020-12-28', '2021-01-03'],
  ])('%s runs Monday %s to Sunday %s', (week, monday, sunday) => {
    const dates = weekDates(week)!;
    expect(dates).toHaveLength(7);
    expect([dates[0], dates[6]]).toEqual([monday, sunday]);
  });

  it.each(['2025-W53', '2026-W00', '2026-W54', '2026-48', '2026-W4', 'W48-2026'])('%s is no week', (week) => {
    expect(weekDates(week)).toBeNull();
  });

  it('steps across the turn of the year', () => {
    expect(shiftWeek('2026-W53', 1)).toBe('2027-W01');
    expect(shiftWeek('2027-W01', -1)).toBe('2026-W53');
    expect(shiftWeek('2026-W48', -1)).toBe('2026-W47');
  });
});

describe('watchAt: the duty day and shifts on at an instant (Shanghai time)', () => {
  it.each([
    ['2026-11-24T08:29:00+08:00', '2026-11-23', ['leader', 'night']],
    ['2026-11-24T08:30:00+08:00', '2026-11-24', ['leader', 'day']],
    ['2026-11-24T17:29:59+08:00', '2026-11-24', ['leader', 'day']],
    ['2026-11-24T17:30:00+08:00', '2026-11-24', ['leader', 'night']],
    ['2026-11-24T23:59:00+08:00', '2026-11-24', ['leader', 'night']],
    ['2026-11-24T00:10:00+08:00', '2026-11-23', ['leader', 'night']],
    // UTC instants: 07:00 and 09:00 of the 24th in Shanghai
    ['2026-11-23T23:00:00Z', '2026-11-23', ['leader', 'night']],
    ['2026-11-24T01:00:00Z', '2026-11-24', ['leader', 'day']],
  ])('%s → %s %j', (at, date, shifts) => {
    expect(watchAt(new Date(at))).toEqual({ date, shifts });
  });
});

const TOWN = '/city/district/town/';
const person = (o: Partial<DutyCandidate>): DutyCandidate => ({ kind: 'staff', roles: ['handler'], disabled: false, scopePath: TOWN, ...o });

describe('who may keep the town\'s watch', () => {
  it.each<[string, DutyCandidate | undefined, 'leader' | 'day', ReturnType<typeof dutyIneligibility>]>([
    ['a handler of the town, day shift', person({}), 'day', null],
    ['a dispatcher of the town', person({ roles: ['dispatcher'] }), 'day', null],
    ['community staff of the town', person({ roles: ['communityStaff'], scopePath: `${TOWN}community/` }), 'day', null],
    ['the town leader as leader on duty', person({ roles: ['leader'] }), 'leader', null],
    ['a handler as leader on duty', person({}), 'leader', 'not_leader'],
    ['a handler of another town', person({ scopePath: '/city/district/town-2/' }), 'day', 'outside_town'],
    ['the city admin', person({ roles: ['admin'], scopePath: '/city/' }), 'day', 'outside_town'],
    ['a district department member', person({ roles: ['department'], scopePath: '/city/district/' }), 'day', 'outside_town'],
    ['the auditor, even scoped to the town', person({ roles: ['auditor'] }), 'day', 'no_staff_role'],
    ['a disabled handler', person({ disabled: true }), 'day', 'disabled'],
    ['a resident of the town', person({ kind: 'resident', roles: ['resident'], scopePath: null }), 'day', 'not_staff'],
    ['a staff member without scope', person({ scopePath: null }), 'day', 'outside_town'],
    ['no such account', undefined, 'day', 'unknown'],
  ])('%s → %s', (_label, c, shift, expected) => {
    expect(dutyIneligibility(c, TOWN, shift)).toBe(expected);
  });
});

describe('rosterProblems', () => {
  const people = new Map<string, DutyCandidate>([
    ['h1', person({})], ['h2', person({})], ['boss', person({ roles: ['leader'] })], ['far', person({ scopePath: '/city/other/' })],
  ]);
  const slot = (date: string, shift: RosterSlot['shift'], ...accountIds: string[]): RosterSlot => ({ date, shift, accountIds });

  it('accepts a full week and names nothing', () => {
    const slots = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']
      .flatMap((d) => [slot(d, 'leader', 'boss'), slot(d, 'day', 'h1', 'h2'), slot(d, 'night', 'h2')]);
    expect(rosterProblems('2026-W48', slots, people, TOWN)).toEqual([]);
  });

  it('names every problem with its slot and person', () => {
    const slots = [
      slot('2026-11-30', 'day', 'h1'), // the next Monday
      slot('2026-11-23', 'day', 'h1', 'h1'),
      slot('2026-11-23', 'day', 'h2'),
      slot('2026-11-24', 'leader', 'h1'),
      slot('2026-11-24', 'night', 'far', 'ghost'),
      slot('2026-11-25', 'night', 'a', 'b', 'c', 'd', 'e', 'f', 'g'),
      slot('2026-13-01', 'day'),
    ];
    const found = rosterProblems('2026-W48', slots, people, TOWN).map((p) => [p.index, p.code, p.accountId ?? null]);
    expect(found.slice(0, 7)).toEqual([
      [0, 'outside_week', null], [1, 'listed_twice', 'h1'], [2, 'duplicate_slot', null], [3, 'not_leader', 'h1'],
      [4, 'outside_town', 'far'], [4, 'unknown', 'ghost'], [5, 'too_many', null],
    ]);
    expect(found.at(-1)).toEqual([6, 'outside_week', null]);
  });

  it('stores the slots with people, in date and shift order', () => {
    const out = normaliseRoster([slot('2026-11-24', 'night', 'h1'), slot('2026-11-23', 'night', 'h2'), slot('2026-11-23', 'leader', 'boss'), slot('2026-11-23', 'day')]);
    expect(out.map((s) => `${s.date} ${s.shift}`)).toEqual(['2026-11-23 leader', '2026-11-23 night', '2026-11-24 night']);
  });
});

describe('rosterPolicies: who edits the town\'s roster', () => {
  it.each<[string, { roles: ('admin' | 'leader' | 'dispatcher')[]; scopePath: string | null }, string[]]>([
    ['the city admin', { roles: ['admin'], scopePath: '/city/' }, ['edit']],
    ['the town leader', { roles: ['leader'], scopePath: TOWN }, ['edit']],
    ['a leader of another town', { roles: ['leader'], scopePath: '/city/district/town-2/' }, []],
    ['the town dispatcher', { roles: ['dispatcher'], scopePath: TOWN }, []],
  ])('%s → %j', (_label, a, expected) => {
    expect(rosterPolicies(a, TOWN)).toEqual(expected);
  });
});
