import type { Role } from '../../shared/roles.ts';
import { INCIDENT_COMMANDERS, PLAN_EDITORS, type Hazard, type PlanBody } from '../../shared/plans.ts';
import type { PlanListRow, PlanRow, VersionRow } from './plan-store.ts';
import type { PlanDetailView, PlanPolicy, PlanSummaryView, PlanVersionView } from './plan-schemas.ts';

/** What the caller may do to a plan now: edit and retire (editors), activate and drill (commanders); none once retired. */
export function planPolicies(roles: readonly Role[], status: PlanRow['status']): PlanPolicy[] {
  if (status !== 'active') return [];
  const out: PlanPolicy[] = [];
  if (mayEditPlans(roles)) out.push('edit', 'retire');
  if (roles.some((r) => (INCIDENT_COMMANDERS as readonly Role[]).includes(r))) out.push('activate', 'drill');
  return out;
}

export const mayEditPlans = (roles: readonly Role[]): boolean => roles.some((r) => (PLAN_EDITORS as readonly Role[]).includes(r));

/** Plan editors and commanders see resource contact phones whole (each such read audited); other readers masked. */
export const seesContactsWhole = (roles: readonly Role[]): boolean =>
  roles.some((r) => (PLAN_EDITORS as readonly Role[]).includes(r) || (INCIDENT_COMMANDERS as readonly Role[]).includes(r));

export function presentPlanSummary(p: PlanListRow, roles: readonly Role[]): PlanSummaryView {
  return {
    id: p.id, townId: p.town_id, townName: p.town_name, name: p.name, hazard: p.hazard as Hazard, status: p.status,
    currentVersion: p.current_version, levels: p.levels, triggerKinds: p.trigger_kinds, stepCount: p.step_count,
    roleCount: p.role_count, matterCode: p.matter_code, matterName: p.matter_name,
    createdAt: p.created_at.toISOString(), updatedAt: p.updated_at.toISOString(), retiredAt: p.retired_at?.toISOString() ?? null,
    policies: planPolicies(roles, p.status),
  };
}

export interface PlanNames { matterName: string | null; posts: Record<string, string>; accounts: Record<string, string> }

const presentVersion = (v: VersionRow, current: number) => ({
  version: v.version, savedAt: v.saved_at.toISOString(), savedById: v.saved_by, savedByName: v.saved_by_name, note: v.note,
  current: v.version === current,
});

/** The plan page: `body` is the current version's with phones opened (masked or whole as `contactsWhole` says). */
export function presentPlanDetail(
  p: PlanRow, roles: readonly Role[], o: { body: PlanBody; contactsWhole: boolean; names: PlanNames; versions: VersionRow[] },
): PlanDetailView {
  return {
    ...presentPlanSummary(p, roles),
    body: o.body, note: p.note, savedAt: p.saved_at.toISOString(), savedByName: p.saved_by_name, retiredByName: p.retired_by_name,
    retireReason: p.retire_reason, contactsWhole: o.contactsWhole, names: o.names,
    versions: o.versions.map((v) => presentVersion(v, p.current_version)),
  };
}

export const presentVersionSummary = presentVersion;

export function presentPlanVersion(planId: string, v: VersionRow, current: number, body: PlanBody, names: PlanNames): PlanVersionView {
  return { ...presentVersion(v, current), planId, body, names };
}
