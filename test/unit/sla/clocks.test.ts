import { describe, expect, it } from 'vitest';
import { CN_2026 } from '../../../src/domain/sla/calendars/cn-2026.ts';
import { advanceClocks, clockLight, deadline, effectiveDue, light, type ClockLimits, type ClockSet } from '../../../src/domain/sla/clocks.ts';
import { calendarFrom } from '../../../src/domain/sla/working-calendar.ts';

const cal = calendarFrom([CN_2026]);
const sh = (local: string) => new Date(`${local}+08:00`);
const MIN = 60_000;

describe('deadline', () => {
  it.each([
    [{ unit: 'min', amount: 5 }, '2026-11-23T10:00:00', '2026-11-23T10:05:00'],
    [{ unit: 'h', amount: 24 }, '2026-11-23T10:00:00', '2026-11-24T10:00:00'],
    [{ unit: 'h', amount: 4 }, '2026-11-21T22:00:00', '2026-11-22T02:00:00'], // hours run through weekends
    [{ unit: 'wd', amount: 3 }, '2026-11-23T10:00:00', '2026-11-27T00:00:00'],
  ] as const)('%o from %s → %s', (limit, start, due) => {
    expect(deadline(limit, sh(start), cal)).toEqual(sh(due));
  });
});

describe('light: green ≤ 80 % used, yellow ≤ 100 %, red overdue', () => {
  it.each([
    [0, 'green'], [80, 'green'], [81, 'yellow'], [100, 'yellow'], [101, 'red'],
  ] as const)('%i of 100 used → %s', (now, expected) => {
    expect(light(0, 100, now, 0)).toBe(expected);
  });

  it.each([
    [110, 30, 'green'], [130, 30, 'yellow'], [131, 30, 'red'],
  ] as const)('at %i with %i suspended → %s', (now, suspended, expected) => {
    expect(light(0, 100, now, suspended)).toBe(expected);
  });
});

const limits: ClockLimits = {
  accept: { unit: 'min', amount: 5 },
  dispatch: { unit: 'min', amount: 30 },
  arrive: { unit: 'min', amount: 30 },
  handle: { unit: 'h', amount: 2 },
  verify: { unit: 'h', amount: 24 },
};
const t0 = sh('2026-11-23T10:00:00');
const at = (min: number) => new Date(t0.getTime() + min * MIN);
const ms = (min: number) => t0.getTime() + min * MIN;

describe('advanceClocks follows the case through its states', () => {
  it('runs each clock in its states, pauses on suspension and extends the due time', () => {
    const steps: [string, string | null, string, number][] = [
      ['report', null, 'reported', 0],
      ['accept', 'reported', 'accepted', 3],
      ['dispatch', 'accepted', 'dispatched', 10],
      ['start', 'dispatched', 'in_progress', 50],
      ['approve_suspension', 'in_progress', 'in_progress', 60],
      ['resume', 'in_progress', 'in_progress', 120],
      ['report_done', 'in_progress', 'handled', 170],
    ];
    let clocks: ClockSet = {};
    for (const [action, from, to, min] of steps) {
      clocks = advanceClocks(clocks, { action, from: from as never, to: to as never }, at(min), limits, cal);
    }
    expect(clocks.accept).toMatchObject({ startedAt: ms(0), due: ms(5), stoppedAt: ms(3), light: 'green' });
    expect(clocks.dispatch).toMatchObject({ startedAt: ms(3), stoppedAt: ms(10), light: 'green' });
    expect(clocks.arrive).toMatchObject({ startedAt: ms(10), due: ms(40), stoppedAt: ms(50), light: 'red' });
    // 160 min elapsed, 60 suspended: 100 of 120 used
    expect(clocks.handle).toMatchObject({ startedAt: ms(10), due: ms(130), suspendedMs: 60 * MIN, pausedAt: null, stoppedAt: ms(170), light: 'yellow' });
    expect(effectiveDue(clocks.handle!, ms(999))).toBe(ms(190));
    expect(clocks.verify).toMatchObject({ startedAt: ms(170), stoppedAt: null });
  });

  it('a clock paused now counts the pause so far', () => {
    let clocks: ClockSet = advanceClocks({}, { action: 'dispatch', from: 'accepted', to: 'dispatched' }, at(0), limits, cal);
    clocks = advanceClocks(clocks, { action: 'approve_suspension', from: 'in_progress', to: 'in_progress' }, at(60), limits, cal);
    expect(clocks.handle?.pausedAt).toBe(ms(60));
    expect(clockLight(clocks.handle!, ms(1000))).toBe('green');
    expect(effectiveDue(clocks.handle!, ms(1000))).toBe(ms(120 + 940));
  });

  it('reopen gives the handler a fresh handle clock and stops the verify clock', () => {
    let clocks: ClockSet = advanceClocks({}, { action: 'report_done', from: 'in_progress', to: 'handled' }, at(0), limits, cal);
    clocks = advanceClocks(clocks, { action: 'reopen', from: 'handled', to: 'dispatched' }, at(30), limits, cal);
    expect(clocks.verify).toMatchObject({ stoppedAt: ms(30) });
    expect(clocks.handle).toMatchObject({ startedAt: ms(30), due: ms(150), stoppedAt: null });
  });

  it('escalation restarts the running clocks for the new tier', () => {
    let clocks: ClockSet = advanceClocks({}, { action: 'report', from: null, to: 'reported' }, at(0), limits, cal);
    clocks = advanceClocks(clocks, { action: 'escalate', from: 'reported', to: 'reported' }, at(4), limits, cal);
    expect(clocks.accept).toMatchObject({ startedAt: ms(4), due: ms(9) });
  });

  it('starts no clock the Matter has no limit for', () => {
    const clocks = advanceClocks({}, { action: 'dispatch', from: 'accepted', to: 'dispatched' }, at(0), { handle: limits.handle! }, cal);
    expect(Object.keys(clocks)).toEqual(['handle']);
  });
});
