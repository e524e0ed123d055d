import type { CaseStatus } from '../../shared/cases.ts';
import { CLOCK_NAMES, type ClockName, type Light, type LimitUnit } from '../../shared/matters.ts';
import { addWorkingDays, type WorkingCalendar } from './working-calendar.ts';

export interface Limit {
  unit: LimitUnit;
  amount: number;
}
export type ClockLimits = Partial<Record<ClockName, Limit>>;

/**
 * One SLA clock of a case. Instants are epoch milliseconds: the sweep reads a million of these and
 * plain numbers cost nothing to compare; presenters turn them into ISO 8601.
 */
export interface ClockState {
  startedAt: number;
  /** Due time as computed at start; suspended time is added on top, never folded in. */
  due: number;
  /** Suspended time accumulated so far (not counting a suspension still under way). */
  suspendedMs: number;
  pausedAt: number | null;
  stoppedAt: number | null;
  /** The light last stored, so a sweep reports only changes. */
  light: Light;
}
export type ClockSet = Partial<Record<ClockName, ClockState>>;

const MINUTE = 60_000;
const HOUR = 3_600_000;

export function deadline(limit: Limit, startedAt: Date, calendar: WorkingCalendar): Date {
  switch (limit.unit) {
    case 'min':
      return new Date(startedAt.getTime() + limit.amount * MINUTE);
    case 'h':
      return new Date(startedAt.getTime() + limit.amount * HOUR);
    case 'wd':
      return addWorkingDays(startedAt, limit.amount, calendar);
    default: {
      const never: never = limit.unit;
      throw new Error(`unknown limit unit ${String(never)}`);
    }
  }
}

/** green while ≤ 80 % of the time is used, yellow up to 100 %, red when overdue. */
export function light(startedAt: number, due: number, now: number, suspendedMs: number): Light {
  const span = due - startedAt;
  const used = now - startedAt - suspendedMs;
  if (used > span) return 'red';
  return used * 5 <= span * 4 ? 'green' : 'yellow';
}

/** Suspended time including a suspension still under way. */
export function suspendedSoFar(clock: ClockState, now: number): number {
  return clock.suspendedMs + (clock.pausedAt === null ? 0 : now - clock.pausedAt);
}

/** The light of a clock at `now`; a stopped clock keeps the light it had when it stopped. */
export function clockLight(clock: ClockState, now: number): Light {
  const at = clock.stoppedAt ?? now;
  return light(clock.startedAt, clock.due, at, suspendedSoFar(clock, at));
}

/** Which statuses each clock runs in: a transition starts the clocks it enters and stops those it leaves. */
export const CLOCK_RUNS_IN: Record<ClockName, readonly CaseStatus[]> = {
  accept: ['reported'],
  dispatch: ['accepted'],
  arrive: ['dispatched'],
  handle: ['dispatched', 'in_progress'],
  verify: ['handled'],
};

export interface ClockTransition {
  action: string;
  from: CaseStatus | null; // null when the case is created
  to: CaseStatus;
}

/** A new assignee or a new tier means a fresh limit even if the status does not change. */
const RESTARTS = new Set(['dispatch', 'escalate', 'reopen']);

/**
 * The clocks after a transition. Suspension is read from the action: approve_suspension pauses the
 * running clocks, resume (or leaving the status) adds the paused time to `suspendedMs`.
 */
export function advanceClocks(
  clocks: ClockSet, change: ClockTransition, at: Date, limits: ClockLimits, calendar: WorkingCalendar,
): ClockSet {
  const now = at.getTime();
  const next: ClockSet = { ...clocks };
  for (const name of CLOCK_NAMES) {
    const clock = clocks[name];
    const running = clock !== undefined && clock.stoppedAt === null;
    const runsNow = CLOCK_RUNS_IN[name].includes(change.to);
    const limit = limits[name];
    if (running && (!runsNow || RESTARTS.has(change.action))) next[name] = stop(clock, now);
    if (limit && runsNow && (!running || RESTARTS.has(change.action))) {
      next[name] = { startedAt: now, due: deadline(limit, at, calendar).getTime(), suspendedMs: 0, pausedAt: null, stoppedAt: null, light: 'green' };
    } else if (running && runsNow && change.action === 'approve_suspension' && clock.pausedAt === null) {
      next[name] = { ...clock, pausedAt: now };
    } else if (running && runsNow && change.action === 'resume' && clock.pausedAt !== null) {
      next[name] = { ...clock, pausedAt: null, suspendedMs: suspendedSoFar(clock, now) };
    }
  }
  return next;
}

function stop(clock: ClockState, now: number): ClockState {
  const stopped = { ...clock, pausedAt: null, suspendedMs: suspendedSoFar(clock, now), stoppedAt: now };
  return { ...stopped, light: clockLight(stopped, now) };
}

/** The effective due time, suspension included: what the API shows as a clock's deadline. */
export function effectiveDue(clock: ClockState, now: number): number {
  return clock.due + suspendedSoFar(clock, clock.stoppedAt ?? now);
}
