import { isOpenStatus } from '../../shared/cases.ts';
import type { Actor, CaseState } from './case-state.ts';
import { isAssignee, isCommunityStaffOf, isCommunityTriage, isReporter, isTownDispatcher } from './rights.ts';

/**
 * How a reader sees the reporter's name and phone on a case (PIPL: only where the reader's work on that case needs
 * them). `own`: the account that reported it, which entered the contact itself; `full`: shown and audited;
 * `masked`: 138****1111, 张*.
 */
export type ContactView = 'own' | 'full' | 'masked';

export function reporterContactView(c: CaseState, a: Actor): ContactView {
  if (isReporter(c, a)) return 'own';
  // the town's dispatcher accepts, dispatches, verifies and calls back (回访) at any stage
  if (isTownDispatcher(c, a)) return 'full';
  // triage and handling need the contact while the case is open; after closing, only the revisit does
  if (isOpenStatus(c.status) && (isCommunityTriage(c, a) || isAssignee(c, a))) return 'full';
  if (c.status === 'closed' && isCommunityStaffOf(c, a)) return 'full';
  return 'masked';
}
