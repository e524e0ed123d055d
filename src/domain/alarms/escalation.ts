import type { EscalationPolicy, EscalationRole } from '../../shared/alarms.ts';

/*
 * Escalation until someone answers (issue 13), as a schedule over plain data: step 0 goes out when the alarm is raised,
 * step k (k ≤ last) `steps[k].afterMin` minutes after step k-1, and after the last step the last step again every
 * `repeatEveryMin` minutes (never again when it is 0). No clock of its own: the instants are arguments.
 */

const MIN_MS = 60_000;

/** The instant step `step` falls due for an alarm raised at `raisedAt`. */
export function stepDueAt(policy: EscalationPolicy, raisedAt: Date, step: number): Date | null {
  const last = policy.steps.length - 1;
  if (last < 0) return step === 0 ? raisedAt : null;
  let at = raisedAt.getTime();
  for (let k = 1; k <= Math.min(step, last); k++) at += policy.steps[k]!.afterMin * MIN_MS;
  if (step > last) {
    if (policy.repeatEveryMin <= 0) return null;
    at += (step - last) * policy.repeatEveryMin * MIN_MS;
  }
  return new Date(at);
}

/** The roles step `step` notifies: a repeat after the last step notifies the last step's roles again. */
export function rolesOfStep(policy: EscalationPolicy, step: number): EscalationRole[] {
  const last = policy.steps.length - 1;
  if (last < 0) return [];
  return [...policy.steps[Math.min(step, last)]!.notify];
}

export interface EscalationDue {
  /** the step to record as sent now: the latest one due (steps missed while no clock ran are not sent one by one) */
  step: number;
  /** the roles to notify now: those of every step due since `sentStep`, each once, in the policy's order */
  notify: EscalationRole[];
  /** when the step after it falls due; null when nothing follows (no repeat) */
  nextAt: Date | null;
}

/** Step 0, sent when the alarm is dispatched: whom it notifies and when step 1 (or the first repeat) falls due. */
export function firstNotification(policy: EscalationPolicy, raisedAt: Date): EscalationDue {
  return { step: 0, notify: rolesOfStep(policy, 0), nextAt: stepDueAt(policy, raisedAt, 1) };
}

/**
 * What to send at `now` for an alarm raised at `raisedAt` whose steps up to `sentStep` went out: null when the next step
 * is not due yet (or none follows). When several steps fell due (the clock did not run for a while), the latest one is
 * sent with the roles of those skipped, so nobody on the way up is left out and nobody gets a burst of repeats.
 */
export function escalationDue(policy: EscalationPolicy, raisedAt: Date, sentStep: number, now: Date): EscalationDue | null {
  const next = stepDueAt(policy, raisedAt, sentStep + 1);
  if (next === null || next.getTime() > now.getTime()) return null;
  let step = sentStep + 1;
  for (;;) {
    const after = stepDueAt(policy, raisedAt, step + 1);
    if (after === null || after.getTime() > now.getTime()) break;
    step += 1;
  }
  const notify: EscalationRole[] = [];
  const last = policy.steps.length - 1;
  for (let k = sentStep + 1; k <= Math.min(step, Math.max(last, sentStep + 1)); k++) {
    for (const r of rolesOfStep(policy, k)) if (!notify.includes(r)) notify.push(r);
  }
  for (const r of rolesOfStep(policy, step)) if (!notify.includes(r)) notify.push(r);
  return { step, notify, nextAt: stepDueAt(policy, raisedAt, step + 1) };
}
