import { CASE_ACTIONS, SATISFACTION_LABELS, type CaseAction, type CaseRefusalCode, type SatisfactionScore } from '../../shared/cases.ts';
import { dispatchOverride, nextTier } from '../matters/routing.ts';
import type { Actor, Assignee, CaseCommand, CaseState, DuplicateOriginal, TimelineEntry } from './case-state.ts';
import { refusal, type CaseRefusal } from './refusals.ts';
import { isAssignee, isCommunityStaffOf, isCommunityTriage, isReporter, isReportingGridWorker, isSystem, isTownDispatcher } from './rights.ts';
import { isHandler, isVerifier } from './verification.ts';

/**
 * `entries` are the timeline entries to append, in order: one per action, two for accept_dispatch (accept, then
 * dispatch); `entry` is the last of them.
 */
export type Decision = { ok: true; next: CaseState; entry: TimelineEntry; entries: TimelineEntry[] } | { ok: false; refusal: CaseRefusal };

interface Rule {
  /** May the action happen in the case's current state? */
  from: (c: CaseState) => boolean;
  /** May this actor take it? */
  who: (c: CaseState, a: Actor) => boolean;
  /** A further condition of the case (and of who asks), with its own refusal code. */
  unless?: (c: CaseState, a: Actor) => CaseRefusalCode | null;
  needsReason?: true;
}

const inStatus = (...s: CaseState['status'][]) => (c: CaseState) => s.includes(c.status);
const either = (...ps: ((c: CaseState, a: Actor) => boolean)[]) => (c: CaseState, a: Actor) => ps.some((p) => p(c, a));
/** The handler is let past `who` only to be told why they may not: nobody verifies their own work. */
const notOwnWork = (c: CaseState, a: Actor): CaseRefusalCode | null => (isHandler(c, a) ? 'CASE_SELF_VERIFICATION' : null);

/** The lifecycle as data: DESIGN's action table. */
export const RULES: Record<CaseAction, Rule> = {
  accept: { from: inStatus('reported'), who: either(isTownDispatcher, isCommunityTriage) },
  reject: { from: inStatus('reported'), who: either(isTownDispatcher, isCommunityTriage), needsReason: true },
  dispatch: { from: inStatus('accepted'), who: either(isTownDispatcher, isCommunityTriage) },
  // one step when the dispatcher keeps the recommendation: offered only when routing found someone
  accept_dispatch: {
    from: inStatus('reported'), who: either(isTownDispatcher, isCommunityTriage),
    unless: (c) => (c.routedAssignee === null ? 'CASE_ASSIGNEE_REQUIRED' : null),
  },
  start: { from: inStatus('dispatched'), who: isAssignee },
  report_done: { from: inStatus('dispatched', 'in_progress'), who: isAssignee },
  return: { from: inStatus('dispatched', 'in_progress'), who: isAssignee, needsReason: true },
  escalate: {
    from: inStatus('reported', 'accepted', 'dispatched', 'in_progress'),
    who: (c, a) => isSystem(a) || isTownDispatcher(c, a) || isCommunityTriage(c, a),
    unless: (c) => (nextTier(c.tier) === null ? 'CASE_TOP_TIER' : null),
    needsReason: true,
  },
  request_suspension: { from: (c) => c.status === 'in_progress' && c.suspension === null, who: isAssignee, needsReason: true },
  approve_suspension: { from: (c) => c.status === 'in_progress' && c.suspension?.state === 'requested', who: isTownDispatcher },
  // resuming a requested suspension withdraws (assignee) or declines (dispatcher) the request; the sweep resumes an
  // approved one when its end comes
  resume: {
    from: (c) => c.status === 'in_progress' && c.suspension !== null,
    who: (c, a) => isTownDispatcher(c, a) || isAssignee(c, a) || (isSystem(a) && c.suspension?.state === 'active'),
  },
  resolve_on_spot: {
    from: inStatus('reported'),
    who: isReportingGridWorker,
    unless: (c) => (c.onSpot ? null : 'CASE_NOT_ON_SPOT'),
  },
  verify: { from: inStatus('handled'), who: either(isVerifier, isHandler), unless: notOwnWork },
  reopen: { from: inStatus('handled'), who: either(isVerifier, isHandler), unless: notOwnWork, needsReason: true },
  rate: { from: inStatus('closed'), who: isReporter, unless: (c) => (c.satisfaction ? 'CASE_ALREADY_RATED' : null) },
  revisit: { from: inStatus('closed'), who: either(isTownDispatcher, isCommunityStaffOf) },
};

/** First reason the rules refuse the action, ignoring the command's payload; null when allowed. */
function ruleRefusal(c: CaseState, action: CaseAction, a: Actor): CaseRefusalCode | null {
  const rule = RULES[action];
  if (!rule.from(c)) return 'CASE_INVALID_TRANSITION';
  if (!rule.who(c, a)) return 'CASE_FORBIDDEN';
  return rule.unless?.(c, a) ?? null;
}

/** The actions this actor may take on the case now: the `policies` field of the API. */
export function policies(c: CaseState, a: Actor): CaseAction[] {
  return CASE_ACTIONS.filter((action) => ruleRefusal(c, action, a) === null);
}

export function decide(c: CaseState, cmd: CaseCommand, a: Actor, now: Date): Decision {
  const refuse = (code: CaseRefusalCode): Decision => ({ ok: false, refusal: refusal(code, cmd.action, policies(c, a)) });
  if (cmd.version !== undefined && cmd.version !== c.version) return refuse('CASE_STALE_VERSION');
  const code = ruleRefusal(c, cmd.action, a);
  if (code) return refuse(code);
  if (cmd.action === 'accept_dispatch') {
    // the two steps as the dispatcher would take them, one version later: the note, reason and assignee go with the dispatch
    const accepted = step(c, { action: 'accept' }, a, now);
    if ('refuse' in accepted) return refuse(accepted.refuse);
    const dispatched = step(accepted.next, { ...cmd, action: 'dispatch' }, a, now);
    if ('refuse' in dispatched) return refuse(dispatched.refuse);
    const next = { ...dispatched.next, version: c.version + 1 };
    return { ok: true, next, entry: dispatched.entry, entries: [accepted.entry, dispatched.entry] };
  }
  const one = step(c, cmd, a, now);
  if ('refuse' in one) return refuse(one.refuse);
  return { ok: true, next: one.next, entry: one.entry, entries: [one.entry] };
}

/** One action the rules allowed: its reason, its change of the case and its timeline entry. */
function step(c: CaseState, cmd: CaseCommand, a: Actor, now: Date): { next: CaseState; entry: TimelineEntry } | { refuse: CaseRefusalCode } {
  const code = ruleRefusal(c, cmd.action, a);
  if (code) return { refuse: code };
  const reason = cmd.reason?.trim() || null;
  if (RULES[cmd.action].needsReason && reason === null) return { refuse: 'CASE_REASON_REQUIRED' };
  if (cmd.duplicateOf !== undefined && cmd.action !== 'reject') return { refuse: 'CASE_DUPLICATE_INVALID' };

  const change = apply(c, cmd, a, now, reason);
  if ('refuse' in change) return change;
  const merged: CaseState = { ...c, ...change.state, version: c.version + 1 };
  const next: CaseState = { ...merged, departmentsReached: departmentsReached(c.departmentsReached, merged.assignee) };
  const data = { ...payloadData(cmd), ...change.data };
  const entry: TimelineEntry = {
    at: now, action: cmd.action, actorId: a.accountId, from: c.status, to: next.status, reason,
    data: Object.keys(data).length > 0 ? data : null,
  };
  return { next, entry };
}

type Change = { state: Partial<CaseState>; data?: Record<string, unknown> } | { refuse: CaseRefusalCode };

/** A report may be rejected as a repeat of another case of its town that the actor sees and that was not rejected. */
export function isDuplicateOriginal(c: CaseState, original: DuplicateOriginal | null): original is DuplicateOriginal {
  return original !== null && original.id !== c.id && original.townPath === c.townPath && original.status !== 'rejected';
}

/** What each action does to the case, once the rules allowed it. */
function apply(c: CaseState, cmd: CaseCommand, a: Actor, now: Date, reason: string | null): Change {
  switch (cmd.action) {
    case 'accept':
      return { state: { status: 'accepted' } };
    case 'reject': {
      if (cmd.duplicateOf === undefined) return { state: { status: 'rejected' } };
      const original = cmd.duplicateOf;
      if (!isDuplicateOriginal(c, original)) return { refuse: 'CASE_DUPLICATE_INVALID' };
      return { state: { status: 'rejected', duplicateOf: original.id }, data: { duplicateOf: { id: original.id, number: original.number } } };
    }
    case 'dispatch': {
      const assignee = cmd.assignee ?? c.routedAssignee;
      if (!assignee) return { refuse: 'CASE_ASSIGNEE_REQUIRED' };
      const override = dispatchOverride(c.routedAssignee, assignee);
      // sending it elsewhere than routing proposed is kept with its reason (a reassignment)
      if (override && c.routedAssignee !== null && reason === null) return { refuse: 'CASE_REASON_REQUIRED' };
      return { state: { status: 'dispatched', assignee }, data: override ? { assignee, override } : { assignee } };
    }
    case 'start':
      return { state: { status: 'in_progress' } };
    case 'accept_dispatch':
      return { refuse: 'CASE_INVALID_TRANSITION' }; // decided as its two steps, never applied itself
    case 'report_done':
      return { state: { status: 'handled', suspension: null, handledBy: a.accountId, resolvedOnSpot: false } };
    case 'return':
      return { state: { status: 'accepted', assignee: null, suspension: null } };
    case 'escalate': {
      const tier = nextTier(c.tier);
      if (tier === null) return { refuse: 'CASE_TOP_TIER' };
      // a reported case is triaged again at the new tier; otherwise it waits for (or gets) a new assignee
      const status = c.status === 'reported' ? 'reported' : cmd.assignee ? 'dispatched' : 'accepted';
      const assignee = status === 'dispatched' ? (cmd.assignee ?? null) : null;
      return {
        state: { status, tier, assignee, routedAssignee: null, suspension: null, escalatedAt: now },
        data: { fromTier: c.tier, toTier: tier, automatic: isSystem(a) },
      };
    }
    case 'request_suspension':
      return {
        state: { suspension: { state: 'requested', reason: reason ?? '', until: cmd.until ?? null, requestedBy: a.accountId, requestedAt: now, approvedAt: null } },
        data: cmd.until ? { until: cmd.until.toISOString() } : {},
      };
    case 'approve_suspension':
      return c.suspension ? { state: { suspension: { ...c.suspension, state: 'active', approvedAt: now } } } : { refuse: 'CASE_INVALID_TRANSITION' };
    case 'resume':
      return { state: { suspension: null }, data: { endedSuspension: c.suspension?.state ?? null } };
    case 'resolve_on_spot':
      return { state: { status: 'handled', assignee: { staffId: a.accountId }, handledBy: a.accountId, resolvedOnSpot: true } };
    case 'verify':
      return { state: { status: 'closed' } };
    case 'reopen':
      return { state: { status: 'dispatched', handledBy: null, resolvedOnSpot: false } };
    case 'rate':
    case 'revisit': {
      if (cmd.rating === undefined) return cmd.action === 'rate' ? { refuse: 'CASE_RATING_INVALID' } : { state: {} };
      if (c.satisfaction) return { refuse: 'CASE_ALREADY_RATED' };
      const score = cmd.rating.score;
      if (!isScore(score)) return { refuse: 'CASE_RATING_INVALID' };
      const label = SATISFACTION_LABELS[score].zh;
      const comment = cmd.rating.comment?.trim() || null;
      return { state: { satisfaction: { score, label, comment, via: cmd.action, by: a.accountId, at: now } } };
    }
    default: {
      const never: never = cmd.action;
      throw new Error(`unknown case action ${String(never)}`);
    }
  }
}

function isScore(n: number): n is SatisfactionScore {
  return Number.isInteger(n) && n >= 1 && n <= 5;
}

function payloadData(cmd: CaseCommand): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  if (cmd.note?.trim()) data.note = cmd.note.trim();
  if (cmd.photos && cmd.photos.length > 0) data.photos = [...cmd.photos];
  if (cmd.assignee) data.assignee = cmd.assignee;
  if (cmd.rating) data.rating = cmd.rating;
  return data;
}

/** The departments a case has reached, with the one it is assigned to now. */
export function departmentsReached(before: readonly string[], assignee: Assignee | null): readonly string[] {
  if (!assignee || !('departmentId' in assignee) || before.includes(assignee.departmentId)) return before;
  return [...before, assignee.departmentId];
}
