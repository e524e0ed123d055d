import type { Principal } from '../platform/auth.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import { clockLight, effectiveDue, type ClockState } from '../../domain/sla/clocks.ts';
import { INCIDENT_COMMANDERS, type StepState } from '../../shared/plans.ts';
import type { CaseStatus } from '../../shared/cases.ts';
import type { Light } from '../../shared/matters.ts';
import { openContacts } from './resource-contacts.ts';
import type { IncidentDetail, IncidentStep, IncidentSummary } from './incident-schemas.ts';
import type * as store from './incident-store.ts';

/*
 * Incidents as the API shows them, with `policies`: what the caller may do now (change the level, stand down, tick a
 * step's checklist). The same rules decide the routes (checked again inside the command's transaction).
 */

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export const isCommander = (p: Pick<Principal, 'roles'>) => p.roles.some((r) => (INCIDENT_COMMANDERS as readonly string[]).includes(r));

/**
 * A step's state at read time: done when stored so (its checklist ticked through), or when its work order was handed in
 * or closed in the case loop (at the time of its first `report_done`/`resolve_on_spot`); else as stored (open, left).
 */
export function stepStateOf(s: Pick<store.StepView, 'state' | 'completed_at' | 'case_status' | 'case_handled_at' | 'created_at'>): { state: StepState; completedAt: Date | null } {
  if (s.state === 'done') return { state: 'done', completedAt: s.completed_at };
  if (s.state === 'open' && (s.case_status === 'handled' || s.case_status === 'closed')) {
    return { state: 'done', completedAt: s.case_handled_at ?? s.created_at };
  }
  return { state: s.state, completedAt: null };
}

/** Whether the caller may tick this step: a commander, or a holder of its work order (the post's holders, the staff assignee). */
export function mayCheck(p: Pick<Principal, 'roles' | 'accountId' | 'posts'>, incident: Pick<store.IncidentRow, 'status'>, s: store.StepView): boolean {
  if (incident.status !== 'active' || stepStateOf(s).state !== 'open') return false;
  return isCommander(p) || holdsWorkOrder(p, s);
}

export function holdsWorkOrder(p: Pick<Principal, 'accountId' | 'posts'>, s: Pick<store.StepView, 'case_assignee'>): boolean {
  const a = s.case_assignee;
  if (!a) return false;
  if ('postId' in a) return p.posts.some((x) => x.id === a.postId);
  if ('staffId' in a) return a.staffId === p.accountId;
  return false;
}

export function stepCounts(steps: readonly store.StepView[], now: Date): IncidentSummary['steps'] {
  let done = 0;
  let left = 0;
  let late = 0;
  for (const s of steps) {
    const st = stepStateOf(s);
    if (st.state === 'done') done++;
    if (st.state === 'left') left++;
    if (isLate(s, st.completedAt, now)) late++;
  }
  return { total: steps.length, done, left, late };
}

const isLate = (s: Pick<store.StepView, 'due_at'>, completedAt: Date | null, now: Date) =>
  (completedAt ?? now).getTime() > new Date(s.due_at).getTime();

export function presentSummary(i: store.IncidentRow & { plan_name: string }, steps: readonly store.StepView[], p: Pick<Principal, 'roles'>, now: Date): IncidentSummary {
  return {
    id: i.id, number: i.number, title: i.title, planId: i.plan_id, planVersion: i.plan_version, planName: i.plan_name, hazard: i.hazard,
    level: i.level, drill: i.drill, status: i.status, triggerKind: i.trigger_kind, triggerRef: i.trigger_ref, townId: i.town_id,
    activatedAt: iso(i.activated_at)!, activatedByName: i.activated_by_name, stoodDownAt: iso(i.stood_down_at),
    steps: stepCounts(steps, i.stood_down_at ?? now),
    policies: i.status === 'active' && isCommander(p) ? ['level', 'standDown'] : [],
  };
}

export interface DetailInput {
  incident: store.IncidentRow & { plan_name: string };
  steps: store.StepView[];
  checks: store.CheckRow[];
  roles: Awaited<ReturnType<typeof store.listRoles>>;
  events: store.EventRow[];
  assigneeNames: Map<string, string>;
}

export function presentStep(
  s: store.StepView, checks: readonly store.CheckRow[], roleName: string, assigneeName: string | null, canCheck: boolean, now: Date,
): IncidentStep {
  const st = stepStateOf(s);
  const ticks = new Map(checks.filter((c) => c.step_key === s.step_key).map((c) => [c.item, c]));
  const handle = (s.case_clocks as Record<string, ClockState | undefined>).handle;
  const open = !['handled', 'closed', 'rejected'].includes(s.case_status);
  return {
    key: s.step_key, seq: s.seq, title: s.title, roleKey: s.role_key, roleName, fromLevel: s.from_level, createdAt: iso(s.created_at)!,
    dueAt: iso(s.due_at)!, state: st.state, completedAt: iso(st.completedAt), late: isLate(s, st.completedAt, now),
    checklist: s.checklist.map((text, i) => {
      const c = ticks.get(i);
      return { text, checkedAt: iso(c?.checked_at ?? null), checkedByName: c?.checked_by_name ?? null };
    }),
    workOrder: {
      id: s.case_id, number: s.case_number, status: s.case_status as CaseStatus, assigneeName,
      deadline: handle ? new Date(effectiveDue(handle, now.getTime())).toISOString() : null,
      light: handle && open ? (clockLight(handle, now.getTime()) as Light) : null,
    },
    policies: canCheck ? ['check'] : [],
  };
}

export function presentDetail(d: DetailInput, p: Principal, pii: PiiCipher, now: Date): IncidentDetail {
  const i = d.incident;
  const commander = isCommander(p);
  const roleNames = new Map(d.roles.map((r) => [r.role_key, r.name]));
  const body = openContacts(i.snapshot, pii, { mask: !commander });
  const assigneeIdOf = (s: store.StepView) => {
    const a = s.case_assignee;
    return a ? ('postId' in a ? a.postId : 'staffId' in a ? a.staffId : a.departmentId) : null;
  };
  const levelHistory: IncidentDetail['levelHistory'] = [];
  for (const e of d.events) {
    if (e.action === 'activated') levelHistory.push({ at: iso(e.at)!, from: null, to: e.data.level as IncidentDetail['level'], reason: e.reason ?? '', byName: e.actor_name });
    if (e.action === 'level_changed') {
      levelHistory.push({ at: iso(e.at)!, from: e.data.from as IncidentDetail['level'], to: e.data.to as IncidentDetail['level'], reason: e.reason ?? '', byName: e.actor_name });
    }
  }
  return {
    ...presentSummary(i, d.steps, p, now),
    version: i.version, reason: i.reason, location: i.lng !== null && i.lat !== null ? { lng: i.lng, lat: i.lat } : null, address: i.address,
    summary: i.snapshot.summary, matterCode: i.snapshot.matterCode, levels: i.snapshot.levels,
    standDownReason: i.stand_down_reason, stoodDownByName: i.stood_down_by_name, levelHistory,
    steps: d.steps.map((s) => {
      const aid = assigneeIdOf(s);
      return presentStep(s, d.checks, roleNames.get(s.role_key) ?? s.role_key, aid ? d.assigneeNames.get(aid) ?? null : null, mayCheck(p, i, s), i.stood_down_at ?? now);
    }),
    roles: d.roles.map((r) => ({
      key: r.role_key, name: r.name, postId: r.post_id, postName: r.post_name,
      holders: r.holder_ids.map((id, n) => ({ id, name: r.holder_names[n] ?? '' })),
    })),
    resources: body.resources.map((r) => ({
      key: r.key, kind: r.kind, name: r.name, quantity: r.quantity, unit: r.unit, location: r.location, address: r.address,
      contactName: r.contactName, contactPhone: r.contactPhone,
    })),
    affectedGridIds: i.affected_grid_ids,
    log: d.events.map((e) => ({ id: Number(e.id), at: iso(e.at)!, action: e.action, actorName: e.actor_name, reason: e.reason, data: e.data })),
    capAlerts: i.cap_alerts,
  };
}
