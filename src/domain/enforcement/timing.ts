// How long a case took (一案15分钟): the minutes of each step since the one before (the first since opening), and the
// handling time from opening to the decision against ENFORCEMENT_TARGET_MIN. Plain rules, no I/O, no clock.
import { ENFORCEMENT_TARGET_MIN } from '../../shared/enforcement.ts';

type Instant = Date | string;
const ms = (t: Instant) => (typeof t === 'string' ? Date.parse(t) : t.getTime());
/** minutes with one decimal */
const minutesBetween = (from: Instant, to: Instant) => Math.round((ms(to) - ms(from)) / 6_000) / 10;

export interface HandlingTimes {
  steps: { action: string; at: string; minutes: number }[];
  /** opened → decided, in minutes (one decimal); null while not decided */
  handlingMinutes: number | null;
  withinTarget: boolean | null;
}

export function handlingTimes(input: { openedAt: Instant; decidedAt: Instant | null; events: readonly { action: string; at: Instant }[] }): HandlingTimes {
  const events = [...input.events].sort((a, b) => ms(a.at) - ms(b.at));
  let previous: Instant = input.openedAt;
  const steps = events.map((e) => {
    const minutes = Math.max(0, minutesBetween(previous, e.at));
    previous = e.at;
    return { action: e.action, at: new Date(ms(e.at)).toISOString(), minutes };
  });
  if (input.decidedAt === null) return { steps, handlingMinutes: null, withinTarget: null };
  const handlingMinutes = Math.max(0, minutesBetween(input.openedAt, input.decidedAt));
  return { steps, handlingMinutes, withinTarget: handlingMinutes <= ENFORCEMENT_TARGET_MIN };
}
