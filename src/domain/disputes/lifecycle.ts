// Which step of a dispute may happen in which status, and the status after it. A state machine as data. Plain rules.
//   open ──(mediation resolved)──▶ resolved ──close──▶ closed
//     │                              │
//     └──────────litigate────────────┴──▶ litigation ──close──▶ closed
//   reopen (it flared up again) on resolved or closed makes a NEW dispute; the earlier one keeps its status.
import type { DisputeAction, DisputeStatus, MediationOutcome } from '../../shared/disputes.ts';

/** The dispute's actions plus recording a mediation session (its own route) and reading parties whole. */
export type DisputeStep = DisputeAction | 'mediate' | 'unmask';

export const DISPUTE_STEP_STATUSES: Record<DisputeStep, readonly DisputeStatus[]> = {
  // a further session after an agreement is allowed (a partial agreement completed, terms revised); not once in court or closed
  mediate: ['open', 'resolved'],
  push: ['open', 'resolved'],
  // a unit answers its referral until the dispute is closed
  reply: ['open', 'resolved', 'litigation'],
  // 诉调对接: a dispute mediation did not settle, or whose agreement was broken, goes to court
  litigate: ['open', 'resolved'],
  'change-tier': ['open'],
  'assess-risk': ['open', 'resolved', 'litigation'],
  // 回访: whether the agreement holds, after it was reached
  'follow-up': ['resolved', 'closed'],
  'attach-signed': ['open', 'resolved', 'closed'],
  // closed when settled, when the court has ruled, or (with a reason) when the parties withdraw
  close: ['open', 'resolved', 'litigation'],
  reopen: ['resolved', 'closed'],
  unmask: ['open', 'resolved', 'litigation', 'closed'],
};

export function disputeActionAllowed(status: DisputeStatus, action: DisputeStep): boolean {
  return DISPUTE_STEP_STATUSES[action].includes(status);
}

/** The status after an action (reopen leaves the earlier dispute as it is: the new one starts open). */
export function disputeStatusAfter(status: DisputeStatus, action: DisputeStep): DisputeStatus {
  switch (action) {
    case 'litigate': return 'litigation';
    case 'close': return 'closed';
    default: return status;
  }
}

/** A resolved session resolves an open dispute; partial or failed sessions leave the status as it is. */
export function statusAfterMediation(status: DisputeStatus, outcome: MediationOutcome): DisputeStatus {
  return outcome === 'resolved' && status === 'open' ? 'resolved' : status;
}

/** Does a session of this outcome with these terms produce an agreement (人民调解协议书) with a number? */
export function mediationHasAgreement(outcome: MediationOutcome, terms: readonly string[]): boolean {
  return outcome !== 'failed' && terms.some((t) => t.trim() !== '');
}
