import type { Tx } from '../platform/db/db.ts';
import { notifyCaseChange } from '../platform/live.ts';
import { insertEvent, updateCase, type Assignee, type CasePatch } from '../cases/store.ts';
import type { HeldCaseRow } from './team-store.ts';

const staffOf = (a: Assignee | null) => (a && 'staffId' in a ? a.staffId : null);

/**
 * Hands the grid's open cases of members who left its team to the grid's new worker: the assignee (and the routed
 * assignee, which a dispatch would use) moves from the leaving member to `to`, the status stays, and the timeline gets
 * a `reassign` entry by the editor. The cases are locked by the caller; each change is announced after commit.
 */
export async function handOverCases(
  tx: Tx, cases: readonly HeldCaseRow[], leaving: readonly string[], to: string,
  by: { accountId: string | null; name: string; reason: string | null; now: Date },
): Promise<void> {
  const moves = (a: Assignee | null) => leaving.includes(staffOf(a) ?? '');
  for (const c of cases) {
    const patch: CasePatch = {};
    if (moves(c.assignee)) patch.assignee = { staffId: to };
    if (moves(c.routed_assignee)) patch.routed_assignee = { staffId: to };
    if (!(await updateCase(tx, c.id, c.version, patch, by.now))) throw new Error(`case ${c.number} changed while locked`);
    const eventId = await insertEvent(tx, {
      case_id: c.id, at: by.now, action: 'reassign', actor_id: by.accountId, actor_name: by.name, from_status: c.status, to_status: c.status,
      reason: by.reason, data: { from: { staffId: staffOf(moves(c.assignee) ? c.assignee : c.routed_assignee) }, assignee: { staffId: to }, gridTeam: true },
    });
    await notifyCaseChange(tx, {
      caseId: c.id, number: c.number, eventId, action: 'reassign', status: c.status, orgPath: c.org_path, reporterAccountId: c.reporter_account_id,
      assignee: patch.assignee ?? c.assignee, departmentIds: c.department_ids, at: by.now.toISOString(),
    });
  }
}

/** Records on each case that it stays with the member who left the grid's team, and why. */
export async function recordKeptCases(
  tx: Tx, cases: readonly HeldCaseRow[], by: { accountId: string | null; name: string; reason: string; now: Date },
): Promise<void> {
  for (const c of cases) {
    await insertEvent(tx, {
      case_id: c.id, at: by.now, action: 'assignee_kept', actor_id: by.accountId, actor_name: by.name, from_status: c.status, to_status: c.status,
      reason: by.reason, data: { assignee: c.assignee ?? c.routed_assignee, gridTeam: true },
    });
  }
}
