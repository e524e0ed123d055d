// A grid's "1+3+N" team (网格团队): one grid leader; full-time and part-time grid workers and an instructor (a town
// cadre sunk to the grid); N volunteers. Who may be on it with an account, who edits it, and what happens to the
// grid's open cases when a member with an account leaves it. Plain rules, no I/O.
import type { TeamRole } from '../../shared/org-levels.ts';
import { holdsAnyRole, type Role } from '../../shared/roles.ts';
import { isWithinScope, territorialScope } from '../identity/scope.ts';
import { staffIneligibility, type StaffCandidate } from '../cases/assignee-eligibility.ts';

export const TEAM_SIZE_MAX = 60;
/** Mobile (13800001111) or landline with area code (023-68881234). */
export const TEAM_PHONE_PATTERN = '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$';

export interface TeamMemberDraft {
  /** an existing member of this grid's team; absent for a new one */
  id?: string;
  teamRole: TeamRole;
  name: string;
  accountId: string | null;
}

export type TeamProblemCode = 'unknown_member' | 'listed_twice' | 'blank_name' | 'second_leader' | 'account_twice';
export interface TeamProblem { index: number; code: TeamProblemCode }

/** The problems of a team as a whole; an empty list means it can be saved. */
export function teamProblems(members: readonly TeamMemberDraft[], existingIds: ReadonlySet<string>): TeamProblem[] {
  const problems: TeamProblem[] = [];
  const ids = new Set<string>();
  const accounts = new Set<string>();
  let leaders = 0;
  members.forEach((m, index) => {
    if (m.id !== undefined) {
      if (!existingIds.has(m.id)) problems.push({ index, code: 'unknown_member' });
      else if (ids.has(m.id)) problems.push({ index, code: 'listed_twice' });
      ids.add(m.id);
    }
    if (m.name.trim() === '') problems.push({ index, code: 'blank_name' });
    if (m.teamRole === 'gridLeader' && ++leaders > 1) problems.push({ index, code: 'second_leader' });
    if (m.accountId !== null) {
      if (accounts.has(m.accountId)) problems.push({ index, code: 'account_twice' });
      accounts.add(m.accountId);
    }
  });
  return problems;
}

export type TeamAccountIneligible = 'unknown' | 'not_staff' | 'disabled' | 'no_territory' | 'outside_grid';

/**
 * May this account be linked to a member of the grid's team (and so see the team's phones and be sent the grid's
 * cases)? An active staff account of the grid's town whose territory holds the grid: the grid's worker, its
 * community's staff, a town cadre. Residents never: a volunteer without a staff account is on the team by name.
 */
export function teamAccountIneligibility(c: StaffCandidate | undefined, grid: { path: string; townPath: string }): TeamAccountIneligible | null {
  if (!c) return 'unknown';
  if (c.kind !== 'staff') return 'not_staff';
  if (c.disabled) return 'disabled';
  const territory = territorialScope(c.roles, c.scopePath);
  if (territory === null) return 'no_territory';
  if (!isWithinScope(grid.path, territory) || !isWithinScope(territory, grid.townPath)) return 'outside_grid';
  return null;
}

/** Who edits grid teams: admins, and community staff (who know the people of their grids). */
export const TEAM_EDITORS = ['admin', 'communityStaff'] as const satisfies readonly Role[];

/** Edits the team: a team editor whose territory holds the grid. */
export function teamPolicies(a: { roles: readonly Role[]; scopePath: string | null }, gridPath: string): 'edit'[] {
  return holdsAnyRole(a.roles, TEAM_EDITORS) && isWithinScope(gridPath, territorialScope(a.roles, a.scopePath)) ? ['edit'] : [];
}

/** The order in which the grid's cases look for their worker: the full-time worker, then the grid leader, then the rest. */
export const GRID_WORKER_RANK: Readonly<Record<TeamRole, number>> = { fullTime: 0, gridLeader: 1, partTime: 2, instructor: 2, volunteer: 2 };

/**
 * The grid's worker: the first member with an account that may be sent the grid's cases (`staffIneligibility`: active,
 * a handling role, a territory holding the grid), full-time workers first, then the grid leader, then the others, each
 * in team order. Intake, escalation, the routing preview and team changes all ask this one rule.
 */
export function gridWorkerOf(
  members: readonly { teamRole: TeamRole; accountId: string | null }[], candidates: ReadonlyMap<string, StaffCandidate>, gridPath: string,
): string | null {
  const ranked = members.map((m, i) => ({ ...m, i })).sort((x, y) => GRID_WORKER_RANK[x.teamRole] - GRID_WORKER_RANK[y.teamRole] || x.i - y.i);
  for (const m of ranked) {
    const c = m.accountId === null ? undefined : candidates.get(m.accountId);
    if (c && staffIneligibility(c, gridPath) === null) return m.accountId;
  }
  return null;
}

/** An open case of the grid that names an account as its assignee or routed assignee. */
export interface HeldCase { id: string; number: string; assignee: string | null; routedAssignee: string | null }

export type HandoverMode = 'successor' | 'keep';
export type HandoverPlan =
  | { mode: 'successor'; to: string | null; cases: HeldCase[] }
  | { mode: 'keep'; cases: HeldCase[] }
  | { refusal: 'no_successor' | 'reason_required'; cases: HeldCase[] };

/**
 * What becomes of the grid's open cases held by members who leave the team (accounts on it before, not after).
 * By default they go to the grid's new worker (`gridWorkerOf` the team after the change), so the grid's cases stay
 * with whoever answers for the grid now; keeping them with the leaving worker needs a reason. With no eligible
 * worker left, the change is refused with the cases listed.
 */
export function planHandover(
  leaving: readonly string[], held: readonly HeldCase[], mode: HandoverMode, reason: string | null, successor: string | null,
): HandoverPlan {
  const cases = held.filter((c) => leaving.some((a) => a === c.assignee || a === c.routedAssignee));
  if (cases.length === 0) return mode === 'keep' ? { mode, cases } : { mode, to: successor, cases };
  if (mode === 'keep') return reason ? { mode, cases } : { refusal: 'reason_required', cases };
  return successor === null ? { refusal: 'no_successor', cases } : { mode, to: successor, cases };
}

/** Accounts on the team before and not after. */
export function leavingAccounts(before: readonly (string | null)[], after: readonly (string | null)[]): string[] {
  return [...new Set(before.filter((a): a is string => a !== null && !after.includes(a)))];
}
