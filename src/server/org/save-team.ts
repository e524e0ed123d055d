import type { Db } from '../platform/db/db.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { TeamRole } from '../../shared/org-levels.ts';
import {
  gridWorkerOf, leavingAccounts, planHandover, teamAccountIneligibility, teamProblems, type HandoverMode, type TeamMemberDraft,
} from '../../domain/org/team.ts';
import { listTeam } from './store.ts';
import * as store from './team-store.ts';
import { findStaffCandidates } from './staff-candidates-store.ts';
import { handOverCases, recordKeptCases } from './hand-over-cases.ts';
import { handoverReasonRequired, noSuccessor, teamAccountsIneligible, teamInvalid } from './admin-refusals.ts';
import type { OrgCommand } from './org-command.ts';

export interface TeamMemberInput {
  id?: string;
  teamRole: TeamRole;
  name: string;
  /** omitted keeps an existing member's phone, null clears it */
  phone?: string | null;
  /** omitted keeps an existing member's account, null unlinks it */
  accountId?: string | null;
}

export interface TeamInput {
  members: readonly TeamMemberInput[];
  handover?: { mode: HandoverMode; reason?: string };
}

export interface TeamSaved { handover: { mode: HandoverMode; to: string | null; cases: { id: string; number: string }[] } }

/**
 * Makes a grid's team exactly the given members, in order. Accounts newly linked must be staff of the grid's town
 * whose territory holds the grid. The grid's open cases held by members who leave go to the grid's new worker (the
 * full-time worker first), or stay with them when the editor keeps them with a reason; with no one to take them the
 * change is refused with the cases listed. Phones are sealed. One transaction: team, cases, timeline and audit, or nothing.
 */
export async function saveTeam(
  db: Db, pii: PiiCipher, c: OrgCommand & { actorDisplayName: string }, grid: { id: string; path: string; townPath: string }, input: TeamInput,
): Promise<TeamSaved> {
  return db.transaction(async (tx) => {
    await store.lockGridTeam(tx, grid.id);
    const before = await listTeam(tx, grid.id);
    const byId = new Map(before.map((m) => [m.id, m]));
    const drafts: TeamMemberDraft[] = input.members.map((m) => ({
      ...(m.id !== undefined ? { id: m.id } : {}), teamRole: m.teamRole, name: m.name.trim(),
      accountId: m.accountId !== undefined ? m.accountId : (m.id !== undefined ? byId.get(m.id)?.account_id ?? null : null),
    }));
    const problems = teamProblems(drafts, new Set(byId.keys()));
    if (problems.length > 0) throw teamInvalid(problems);

    const beforeAccounts = before.map((m) => m.account_id);
    const candidates = await findStaffCandidates(tx, drafts.flatMap((d) => (d.accountId ? [d.accountId] : [])));
    const ineligible = drafts.flatMap((d, index) => {
      if (d.accountId === null || beforeAccounts.includes(d.accountId)) return [];
      const code = teamAccountIneligibility(candidates.get(d.accountId), grid);
      return code ? [{ index, accountId: d.accountId, code }] : [];
    });
    if (ineligible.length > 0) throw teamAccountsIneligible(ineligible);

    const leaving = leavingAccounts(beforeAccounts, drafts.map((d) => d.accountId));
    const held = await store.openCasesHeldBy(tx, grid.id, leaving, true);
    const mode = input.handover?.mode ?? 'successor';
    const reason = input.handover?.reason?.trim() || null;
    const plan = planHandover(leaving, held.map((h) => ({
      id: h.id, number: h.number,
      assignee: h.assignee && 'staffId' in h.assignee ? h.assignee.staffId : null,
      routedAssignee: h.routed_assignee && 'staffId' in h.routed_assignee ? h.routed_assignee.staffId : null,
    })), mode, reason, gridWorkerOf(drafts, candidates, grid.path));
    if ('refusal' in plan) throw plan.refusal === 'no_successor' ? noSuccessor(plan.cases.map((k) => k.number)) : handoverReasonRequired();

    await store.replaceTeam(tx, grid.id, input.members.map((m, i) => ({
      ...(m.id !== undefined ? { id: m.id } : {}), teamRole: m.teamRole, name: drafts[i]!.name, accountId: drafts[i]!.accountId,
      phone: m.phone === undefined ? (m.id === undefined ? null : undefined) : m.phone === null ? null : pii.encrypt(m.phone),
    })));
    const by = { accountId: c.actor.actorId, name: c.actorDisplayName, now: c.now };
    const moved = held.filter((h) => plan.cases.some((k) => k.id === h.id));
    if (plan.mode === 'successor' && plan.to !== null) await handOverCases(tx, moved, leaving, plan.to, { ...by, reason });
    if (plan.mode === 'keep') await recordKeptCases(tx, moved, { ...by, reason: reason! });
    const handover = { mode: plan.mode, to: plan.mode === 'successor' ? plan.to : null, cases: plan.cases.map((k) => ({ id: k.id, number: k.number })) };
    await appendAudit(tx, {
      at: c.now, ...c.actor, action: 'org.update_team', targetType: 'org_unit', targetId: grid.id, success: true,
      detail: {
        members: drafts.length, removed: before.filter((b) => !drafts.some((d) => d.id === b.id)).length,
        added: drafts.filter((d) => d.id === undefined).length, leaving,
        handover: { mode: handover.mode, to: handover.to, cases: handover.cases.map((k) => k.number), reason },
      },
    });
    return { handover };
  });
}
