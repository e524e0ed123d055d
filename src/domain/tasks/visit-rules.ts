/**
 * A visit's time: recorded on the phone, perhaps offline and sent hours later, so it may lie in the past; never in the
 * future beyond the phone's clock skew. Plain rules, the server's clock passed in.
 */

/** How far ahead of the server's clock a phone's time may be (a few minutes of clock skew). */
export const CLOCK_SKEW_MS = 5 * 60_000;

export type VisitTimeRefusal = 'future';

export function visitTimeRefusal(at: Date, now: Date): VisitTimeRefusal | null {
  return at.getTime() > now.getTime() + CLOCK_SKEW_MS ? 'future' : null;
}

/** The moment a tick or visit counts as done: the phone's time, but never later than now (skew within bounds). */
export function doneAt(at: Date | null, now: Date): Date {
  return at === null || at.getTime() > now.getTime() ? now : at;
}
