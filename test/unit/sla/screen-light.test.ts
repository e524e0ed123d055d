import { describe, expect, it } from 'vitest';
import { clockLight, type ClockState } from '../../../src/domain/sla/clocks.ts';
import { presentDeadlines } from '../../../src/server/cases/presenters.ts';
import { lightAt, timeLeft } from '../../../src/web/features/cases/desktop/clocks.ts';
import type { Clock } from '../../../src/web/features/cases/api.ts';

// The light the web shows is the server's rule, counted on the clock as the API presents it: suspended time does not
// count, and a clock stands still while its case is suspended.

const H = 3_600_000;
const T0 = Date.parse('2026-11-23T09:00:00+08:00');
const at = (h: number) => T0 + h * H;
const clock = (over: Partial<ClockState>): ClockState =>
  ({ startedAt: T0, due: at(10), suspendedMs: 0, pausedAt: null, stoppedAt: null, light: 'green', ...over });

/** The clock as the API sends it when fetched at `fetchedAt` (through JSON, as the browser gets it). */
const onScreen = (c: ClockState, fetchedAt: number): Clock =>
  JSON.parse(JSON.stringify(presentDeadlines({ handle: c }, new Date(fetchedAt)))).handle;

describe('the light on screen', () => {
  it.each([
    // 10 h to handle, used by the hour on screen, suspension not counted
    ['running, 7 of 10 h used', 'green', clock({}), at(1), at(7)],
    ['running, 9 of 10 h used', 'yellow', clock({}), at(1), at(9)],
    ['running, past due', 'red', clock({}), at(1), at(10.5)],
    ['suspended 20 h earlier, 7 of 10 h used', 'green', clock({ suspendedMs: 20 * H }), at(21), at(27)],
    ['suspended 20 h earlier, 9 of 10 h used', 'yellow', clock({ suspendedMs: 20 * H }), at(21), at(29)],
    ['suspended since hour 5, watched at hour 20', 'green', clock({ pausedAt: at(5) }), at(6), at(20)],
    ['suspended at hour 9 after 4 h suspended', 'yellow', clock({ suspendedMs: 4 * H, pausedAt: at(13) }), at(14), at(40)],
    ['stopped red keeps red', 'red', clock({ stoppedAt: at(11), light: 'red' }), at(12), at(30)],
  ] as const)('%s → %s', (_, want, state, fetchedAt, now) => {
    const c = onScreen(state, fetchedAt);
    expect(lightAt(c, now)).toBe(want);
    expect(lightAt(c, now)).toBe(clockLight(state, now));
  });

  it('a suspended clock stands still on screen; a running one counts down', () => {
    const paused = onScreen(clock({ pausedAt: at(5) }), at(6));
    expect(timeLeft(paused, at(8))).toBe(5 * H);
    expect(timeLeft(paused, at(30))).toBe(5 * H);
    const resumed = onScreen(clock({ suspendedMs: 3 * H }), at(9));
    expect(timeLeft(resumed, at(9))).toBe(4 * H);
    expect(timeLeft(resumed, at(15))).toBe(-2 * H);
  });
});
