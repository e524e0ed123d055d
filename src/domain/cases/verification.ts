import type { Actor, CaseState } from './case-state.ts';
import { isCommunityStaffOf, isReportingGridWorker, isTownDispatcher } from './rights.ts';

/** Who may verify (核查) a handled case, by kind: the web says so on the case, the lifecycle checks it. */
export type VerifierKind = 'communityStaff' | 'townDispatcher' | 'reportingGridWorker';

const CHECKS: Record<VerifierKind, (c: CaseState, a: Actor) => boolean> = {
  communityStaff: isCommunityStaffOf,
  townDispatcher: isTownDispatcher,
  reportingGridWorker: isReportingGridWorker,
};

/**
 * Nobody verifies their own work. A case resolved on the spot (琐事马上办) was handled by the grid worker who reported
 * it, so the staff of its community verify it (the town's dispatchers may too, so a community without staff accounts
 * is never stuck); any other case is verified by the town's dispatchers or the grid worker who reported it, unless
 * that grid worker also handled it.
 */
export function verifierKinds(c: CaseState): VerifierKind[] {
  if (c.resolvedOnSpot) return ['communityStaff', 'townDispatcher'];
  const reporterHandled = c.handledBy !== null && c.reporter.accountId === c.handledBy;
  return c.reporter.kind === 'gridWorker' && !reporterHandled ? ['townDispatcher', 'reportingGridWorker'] : ['townDispatcher'];
}

export function isVerifier(c: CaseState, a: Actor): boolean {
  return verifierKinds(c).some((k) => CHECKS[k](c, a));
}

/** The account that handled the case: it may not verify or reopen it. */
export function isHandler(c: CaseState, a: Actor): boolean {
  return c.handledBy !== null && c.handledBy === a.accountId;
}
