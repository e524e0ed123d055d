import { isWithinScope } from '../identity/scope.ts';
import type { Actor, CaseState } from './case-state.ts';

/** A dispatcher whose scope covers the whole town of the case (or more). */
export function isTownDispatcher(c: CaseState, a: Actor): boolean {
  return a.roles.includes('dispatcher') && isWithinScope(c.townPath, a.scopePath);
}

/** Community staff triage cases at community tier or below inside their community. */
export function isCommunityTriage(c: CaseState, a: Actor): boolean {
  return a.roles.includes('communityStaff') && (c.tier === 'grid' || c.tier === 'community') && isWithinScope(c.orgPath, a.scopePath);
}

export function isCommunityStaffOf(c: CaseState, a: Actor): boolean {
  return a.roles.includes('communityStaff') && isWithinScope(c.orgPath, a.scopePath);
}

/** The A or B holder of the assigned post, a member of the assigned department, or the assigned staff member. */
export function isAssignee(c: CaseState, a: Actor): boolean {
  const to = c.assignee;
  if (to === null) return false;
  if ('postId' in to) return a.postIds.includes(to.postId);
  if ('departmentId' in to) return a.departmentIds.includes(to.departmentId);
  return a.accountId === to.staffId;
}

export function isReporter(c: CaseState, a: Actor): boolean {
  return c.reporter.accountId !== undefined && c.reporter.accountId === a.accountId;
}

export function isReportingGridWorker(c: CaseState, a: Actor): boolean {
  return c.reporter.kind === 'gridWorker' && isReporter(c, a) && a.roles.includes('gridWorker');
}

export const isSystem = (a: Actor): boolean => a.system === true;
