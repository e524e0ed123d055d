import type { CaseStatus } from '../../shared/cases.ts';
import { CLOCK_NAMES, type ClockName, type Light, type Tier } from '../../shared/matters.ts';
import { nextTier } from '../matters/routing.ts';
import { light, suspendedSoFar, type ClockSet } from '../sla/clocks.ts';
import { systemReason } from '../../shared/system-reasons.ts';

/** What the sweep needs of an open case; instants in epoch ms (see ClockState). */
export interface SweepCase {
  id: string;
  status: CaseStatus;
  tier: Tier;
  clocks: ClockSet;
  /** When the case entered its current tier: escalatedAt, else createdAt. */
  tierSince: number;
  /** The Matter's escalateAfterH in ms; null = escalate when the handle light turns red. */
  escalateAfterMs: number | null;
  /** The end of an approved suspension (epoch ms): the case resumes by itself then. Absent or null: no end set. */
  resumeAt?: number | null;
}

export interface LightChange {
  caseId: string;
  clock: ClockName;
  from: Light;
  to: Light;
}

export interface Escalation {
  caseId: string;
  fromTier: Tier;
  toTier: Tier;
  rule: 'acceptOverdue' | 'escalateAfterH' | 'handleOverdue';
  /** The reason to pass to decide('escalate') with SYSTEM_ACTOR. */
  reason: string;
}

/** A suspended case whose approved end has come: the sweep resumes it (挂起到期自动恢复). */
export interface Resumption {
  caseId: string;
  /** The reason to pass to decide('resume') with SYSTEM_ACTOR. */
  reason: string;
}

export interface SweepResult {
  lightChanges: LightChange[];
  escalations: Escalation[];
  resumptions: Resumption[];
}

// reasons are stored as codes and rendered in the reader's language (src/shared/system-reasons.ts)
const RESUME_REASON = systemReason('suspension.ended');

function reasonOf(rule: Escalation['rule'], c: SweepCase): string {
  if (rule === 'escalateAfterH') return systemReason('escalation.escalateAfterH', { hours: Math.round((c.escalateAfterMs ?? 0) / 36e5 * 10) / 10 });
  return systemReason(rule === 'acceptOverdue' ? 'escalation.acceptOverdue' : 'escalation.handleOverdue');
}

const ESCALATABLE = new Set<CaseStatus>(['reported', 'accepted', 'dispatched', 'in_progress']);

/**
 * Lights that changed and cases to escalate (分级处置: grid → community → town → district). Due times
 * were fixed with the working calendar when each clock started, so no calendar is needed here. Hot
 * loop over up to millions of cases: no allocation except for the results.
 */
export function sweep(openCases: readonly SweepCase[], now: Date): SweepResult {
  const t = now.getTime();
  const lightChanges: LightChange[] = [];
  const escalations: Escalation[] = [];
  const resumptions: Resumption[] = [];
  for (let i = 0; i < openCases.length; i++) {
    const c = openCases[i]!;
    if (c.resumeAt != null && c.resumeAt <= t && c.status === 'in_progress') resumptions.push({ caseId: c.id, reason: RESUME_REASON });
    for (let k = 0; k < CLOCK_NAMES.length; k++) {
      const name = CLOCK_NAMES[k]!;
      const clock = c.clocks[name];
      if (clock === undefined || clock.stoppedAt !== null) continue;
      const l = light(clock.startedAt, clock.due, t, suspendedSoFar(clock, t));
      if (l !== clock.light) lightChanges.push({ caseId: c.id, clock: name, from: clock.light, to: l });
    }
    const rule = breachedRule(c, t);
    if (rule !== null) {
      const toTier = nextTier(c.tier);
      if (toTier !== null) escalations.push({ caseId: c.id, fromTier: c.tier, toTier, rule, reason: reasonOf(rule, c) });
    }
  }
  return { lightChanges, escalations, resumptions };
}

function breachedRule(c: SweepCase, t: number): Escalation['rule'] | null {
  if (c.tier === 'district' || !ESCALATABLE.has(c.status)) return null;
  // nobody at this tier accepted it in time: the tier above triages it (the accept clock restarts there)
  const accept = c.clocks.accept;
  if (c.status === 'reported' && accept !== undefined && accept.stoppedAt === null &&
    light(accept.startedAt, accept.due, t, accept.suspendedMs) === 'red') return 'acceptOverdue';
  const handle = c.clocks.handle;
  const handleRunning = handle !== undefined && handle.stoppedAt === null;
  if (handleRunning && handle.pausedAt !== null) return null; // suspended: the clock stands still
  if (c.escalateAfterMs !== null) {
    const suspended = handleRunning && handle.startedAt >= c.tierSince ? handle.suspendedMs : 0;
    return t - c.tierSince - suspended >= c.escalateAfterMs ? 'escalateAfterH' : null;
  }
  return handleRunning && light(handle.startedAt, handle.due, t, handle.suspendedMs) === 'red' ? 'handleOverdue' : null;
}

/**
 * The earliest instant at which a sweep could report something for this case (a light turning, a rule
 * firing), or null: the store keeps it as next_check_at so a sweep reads only the cases whose time has come.
 */
export function nextCheckAt(c: SweepCase, now: Date): number | null {
  const t = now.getTime();
  let next = Number.POSITIVE_INFINITY;
  for (const name of CLOCK_NAMES) {
    const clock = c.clocks[name];
    if (clock === undefined || clock.stoppedAt !== null || clock.pausedAt !== null) continue;
    const yellowAt = clock.startedAt + clock.suspendedMs + Math.floor(((clock.due - clock.startedAt) * 4) / 5) + 1;
    const redAt = clock.due + clock.suspendedMs + 1;
    for (const at of [yellowAt, redAt]) if (at > t && at < next) next = at;
  }
  const handle = c.clocks.handle;
  const paused = handle !== undefined && handle.stoppedAt === null && handle.pausedAt !== null;
  if (c.escalateAfterMs !== null && c.tier !== 'district' && ESCALATABLE.has(c.status) && !paused) {
    const suspended = handle !== undefined && handle.stoppedAt === null && handle.startedAt >= c.tierSince ? handle.suspendedMs : 0;
    next = Math.min(next, Math.max(t, c.tierSince + suspended + c.escalateAfterMs));
  }
  if (c.resumeAt != null && c.status === 'in_progress') next = Math.min(next, Math.max(t, c.resumeAt));
  return Number.isFinite(next) ? next : null;
}
