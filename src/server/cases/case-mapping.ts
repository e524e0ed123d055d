import type { CaseStatus } from '../../shared/cases.ts';
import type { Tier } from '../../shared/matters.ts';
import type { Actor, Assignee, CaseState, ReporterKind, Satisfaction, Suspension } from '../../domain/cases/case-state.ts';
import type { SweepCase } from '../../domain/cases/escalation.ts';
import type { ClockSet } from '../../domain/sla/clocks.ts';
import type { Matter, MatterSla } from '../../domain/matters/matter.ts';
import type { Principal } from '../platform/auth.ts';
import type { MatterRow } from '../matters/store.ts';
import type { CasePatch, CaseRow, Viewer } from './store.ts';

/** The path of the case's town: its grid path cut after the town id. */
export function townPathOf(row: Pick<CaseRow, 'org_path' | 'town_id'>): string {
  const at = row.org_path.indexOf(`/${row.town_id}/`);
  return row.org_path.slice(0, at + row.town_id.length + 2);
}

const date = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));

export function toCaseState(row: CaseRow): CaseState {
  const s = row.suspension as (Omit<Suspension, 'until' | 'requestedAt' | 'approvedAt'> & Record<string, string | null>) | null;
  const sat = row.satisfaction as (Omit<Satisfaction, 'at'> & { at: string }) | null;
  return {
    id: row.id,
    status: row.status as CaseStatus,
    version: row.version,
    tier: row.tier as Tier,
    townPath: townPathOf(row),
    orgPath: row.org_path,
    assignee: row.assignee,
    routedAssignee: row.routed_assignee,
    reporter: { kind: row.reporter_kind as ReporterKind, ...(row.reporter_account_id ? { accountId: row.reporter_account_id } : {}) },
    onSpot: row.on_spot,
    suspension: s ? { ...s, until: date(s.until), requestedAt: date(s.requestedAt)!, approvedAt: date(s.approvedAt) } as Suspension : null,
    satisfaction: sat ? { ...sat, at: new Date(sat.at) } : null,
    escalatedAt: row.escalated_at,
    departmentsReached: row.department_ids,
    handledBy: row.handled_by,
    resolvedOnSpot: row.resolved_on_spot,
    duplicateOf: row.duplicate_of,
  };
}

/** The columns a decided transition changes. */
export function patchOf(next: CaseState, clocks: ClockSet, nextCheck: number | null, now: Date): CasePatch {
  return {
    status: next.status,
    tier: next.tier,
    assignee: next.assignee,
    routed_assignee: next.routedAssignee,
    suspension: next.suspension as unknown as Record<string, unknown> | null,
    satisfaction: next.satisfaction as unknown as Record<string, unknown> | null,
    escalated_at: next.escalatedAt,
    department_ids: [...next.departmentsReached],
    clocks: clocks as Record<string, unknown>,
    next_check_at: nextCheck === null ? null : new Date(nextCheck),
    closed_at: next.status === 'closed' || next.status === 'rejected' ? now : null,
    handled_by: next.handledBy,
    resolved_on_spot: next.resolvedOnSpot,
    duplicate_of: next.duplicateOf,
  };
}

export function toSweepCase(
  row: { id: string; status: string; tier: string; clocks: unknown; escalated_at: Date | null; created_at: Date; suspension?: unknown },
  escalateAfterH: number | null,
): SweepCase {
  const suspension = row.suspension as { state?: string; until?: string | Date | null } | null | undefined;
  return {
    resumeAt: suspension?.state === 'active' && suspension.until ? new Date(suspension.until).getTime() : null,
    id: row.id,
    status: row.status as CaseStatus,
    tier: row.tier as Tier,
    clocks: row.clocks as ClockSet,
    tierSince: (row.escalated_at ?? row.created_at).getTime(),
    escalateAfterMs: escalateAfterH === null ? null : Number(escalateAfterH) * 3_600_000,
  };
}

export function toMatter(m: MatterRow): Matter {
  return {
    code: m.code, version: m.version, name: m.name, class: m.class, tier: m.tier, list: m.list,
    ...(m.post_code ? { post: m.post_code } : {}), ...(m.department_name ? { department: m.department_name } : {}),
    sla: m.sla as unknown as MatterSla,
    ...(m.escalate_after_h !== null ? { escalateAfterH: Number(m.escalate_after_h) } : {}),
    onSpot: m.on_spot, urgent: m.urgent, duplicateRadiusM: m.duplicate_radius_m,
  };
}

export function actorOf(p: Principal): Actor {
  return {
    accountId: p.accountId, roles: p.roles, scopePath: p.scopePath,
    postIds: p.posts.map((x) => x.id), departmentIds: p.departmentIds, gridIds: p.grids.map((g) => g.grid_id),
  };
}

export function viewerOf(p: Principal): Viewer {
  return { accountId: p.accountId, scopePath: p.scopePath, postIds: p.posts.map((x) => x.id), departmentIds: p.departmentIds };
}

export function assigneeId(a: Assignee | null): string | null {
  if (!a) return null;
  return 'postId' in a ? a.postId : 'departmentId' in a ? a.departmentId : a.staffId;
}
