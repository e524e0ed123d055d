// The enforcement case's lifecycle (一案一流程) as data. Plain rules, no I/O, no clock.
//   investigating ──confirm-band──▶ awaitingReview ──review: approved──▶ reviewed ──decide──▶ decided
//        ▲                               │ review: returned (a review correction)               │
//        └───────────────────────────────┘                          pay (a fine) / execute (warning, confiscation)
//   drop from investigating or awaitingReview → dropped                                         ▼
//   close from executed (or from decided when the decision is 不予处罚) → closed              executed ──close──▶ closed
// Legal review (法制审核) comes before every decision: decide on a case not yet reviewed is ENFORCEMENT_REVIEW_REQUIRED.
import type { EnforcementAction, EnforcementStatus, PenaltyKind } from '../../shared/enforcement.ts';

export const ENFORCEMENT_ACTION_STATUSES: Record<EnforcementAction, readonly EnforcementStatus[]> = {
  'update-facts': ['investigating'],
  'add-evidence': ['investigating', 'awaitingReview', 'reviewed'],
  'confirm-band': ['investigating'],
  review: ['awaitingReview'],
  decide: ['reviewed'],
  pay: ['decided'],
  execute: ['decided'],
  close: ['decided', 'executed'],
  drop: ['investigating', 'awaitingReview'],
};

export interface ActionContext {
  /** the confirmed penalty's kind, once confirmed (pay is for a fine, execute for the others, close from decided for none) */
  penaltyKind?: PenaltyKind | null;
}

export function enforcementActionAllowed(status: EnforcementStatus, action: EnforcementAction, ctx: ActionContext = {}): boolean {
  return enforcementActionRefusal(status, action, ctx) === null;
}

/** Why an action is refused in this status, as an error code (null when it is allowed). */
export function enforcementActionRefusal(
  status: EnforcementStatus, action: EnforcementAction, ctx: ActionContext = {},
): 'ENFORCEMENT_REVIEW_REQUIRED' | 'ENFORCEMENT_STATE_CONFLICT' | 'ENFORCEMENT_INVALID' | null {
  if (!ENFORCEMENT_ACTION_STATUSES[action].includes(status)) {
    return action === 'decide' && (status === 'investigating' || status === 'awaitingReview') ? 'ENFORCEMENT_REVIEW_REQUIRED' : 'ENFORCEMENT_STATE_CONFLICT';
  }
  const kind = ctx.penaltyKind ?? null;
  if (action === 'pay' && kind !== 'fine') return 'ENFORCEMENT_INVALID';
  if (action === 'execute' && (kind === 'fine' || kind === 'none')) return 'ENFORCEMENT_INVALID';
  if (action === 'close' && status === 'decided' && kind !== 'none') return 'ENFORCEMENT_STATE_CONFLICT';
  return null;
}

/** The status after an allowed action. */
export function statusAfter(status: EnforcementStatus, action: EnforcementAction, opts: { approved?: boolean } = {}): EnforcementStatus {
  switch (action) {
    case 'update-facts':
    case 'add-evidence': return status;
    case 'confirm-band': return 'awaitingReview';
    case 'review': return opts.approved ? 'reviewed' : 'investigating';
    case 'decide': return 'decided';
    case 'pay':
    case 'execute': return 'executed';
    case 'close': return 'closed';
    case 'drop': return 'dropped';
    default: { const never: never = action; throw new Error(`unknown action ${String(never)}`); }
  }
}
