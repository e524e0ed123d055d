import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../platform/db/db.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { IntakeServices } from '../cases/report-case.ts';
import { openWorkOrders } from '../cases/open-work-orders.ts';
import type { MatterRow } from '../matters/store.ts';
import type { WorkingCalendar } from '../../domain/sla/working-calendar.ts';
import { levelName, stepsAt } from '../../domain/plans/plan-rules.ts';
import { scheduleSteps } from '../../domain/plans/scheduling.ts';
import type { PlanBody, PlanLevel, PlanStep } from '../../shared/plans.ts';
import { findPlanForActivation } from './plan-store.ts';
import { draftAndQueueNotice, type IncidentForNotice } from './notify-incident.ts';
import { markMatchActivated } from './trigger-store.ts';
import { resolveRoles, type ResolvedRole } from './resolve-roles.ts';
import { nextIncidentNumber } from './incident-number.ts';
import * as store from './incident-store.ts';

/** Who starts, changes or stands down an incident; null: the system (a trigger in `auto` mode). */
export interface IncidentActor {
  accountId: string;
  name: string;
  scopePath: string | null;
  ip: string | null;
}

/** how the log names the system when a trigger started the plan by itself */
export const SYSTEM_NAME = '系统自动启动';

export interface ActivateInput {
  planId: string;
  level: PlanLevel;
  reason: string;
  drill?: boolean;
  trigger?: { kind: 'alarm' | 'case' | 'alert'; id: string } | null;
  location?: { lng: number; lat: number } | null;
  address?: string | null;
  actor: IncidentActor | null;
  /** the caller's Idempotency-Key (scoped to the caller by the route) */
  idempotencyKey?: string | null;
}

export const levelInvalid = (level: string, levels: readonly string[]) =>
  new AppError('PLAN_LEVEL_INVALID', `The plan has no level ${level} (it has ${levels.join(', ')}).`, `预案没有${levelName(level as PlanLevel)}响应（可选：${levels.map((l) => levelName(l as PlanLevel)).join('、')}）。`);

const planRetired = () => new AppError('PLAN_RETIRED', 'The plan is retired: it can no longer be started.', '该预案已废止，不能启动。');

/**
 * Starts a plan at a level, all or nothing, in ONE transaction: the incident (numbered, the current version snapshotted,
 * contact phones still sealed), its roles filled (422 PLAN_ROLE_UNSTAFFED naming a role nobody takes), for each step the
 * level reaches a work order in the case loop (source 'plan', dispatched to the role's post or back-up, due at activation
 * + the step's offset) and its step row, the `activated` log entry, the CAP alert drafted, checked (422 CAP_INVALID) and
 * queued to partners, the trigger match marked, and the audit row. Any failure rolls all of it back.
 *
 * Where: the given point, else the trigger's (the alarm's device, the case, the platform alert), else the plan's first
 * resource with a place; the grid there is the affected grid and the work orders' grid. No point inside the town's grids
 * → 422 PLAN_INVALID asking for one.
 *
 * Idempotent: the same Idempotency-Key, or the same plan and trigger (`alarm:<id>` …), answers the first incident with
 * `created: false`; two activations racing for one trigger meet the unique index and the loser answers the winner's.
 */
export async function activatePlan(db: Db, services: IntakeServices, input: ActivateInput, now: Date): Promise<{ incidentId: string; created: boolean }> {
  const triggerKey = input.trigger ? `${input.trigger.kind}:${input.trigger.id}` : null;
  const key = { idempotencyKey: input.idempotencyKey ?? null, planId: input.planId, triggerKey };
  const calendar = await services.calendar.current();
  const locator = await services.locator.current();
  try {
    return await db.transaction(async (tx) => {
      const earlier = await store.findIncidentIdByKey(tx, key);
      if (earlier) return { incidentId: earlier, created: false };
      return await activateIn(tx, services, input, triggerKey, calendar, (lng, lat) => locator.locate(lng, lat), now);
    });
  } catch (err) {
    if ((err as { code?: string }).code === '23505') {
      const first = await store.findIncidentIdByKey(db, key);
      if (first) return { incidentId: first, created: false };
    }
    throw err;
  }
}

async function activateIn(
  tx: Tx, services: IntakeServices, input: ActivateInput, triggerKey: string | null, calendar: WorkingCalendar,
  locate: (lng: number, lat: number) => string | null, now: Date,
): Promise<{ incidentId: string; created: boolean }> {
  // the system reaches every plan: '/' is a prefix of every path
  const scopePath = input.actor ? input.actor.scopePath : '/';
  if (scopePath === null) throw notFound('plan');
  const plan = await findPlanForActivation(tx, input.planId, scopePath);
  if (!plan) throw notFound('plan');
  if (plan.status === 'retired') throw planRetired();
  const body = plan.body;
  if (!body.levels.includes(input.level)) throw levelInvalid(input.level, body.levels);
  const town = await store.findTown(tx, plan.townId);
  if (!town) throw notFound('town');

  // where it happens
  const triggerPlace = input.trigger ? await store.findTriggerPlace(tx, input.trigger.kind, input.trigger.id) : null;
  if (input.trigger && (!triggerPlace || (triggerPlace.townId !== null && triggerPlace.townId !== town.id))) {
    throw new AppError('PLAN_INVALID', 'The trigger is not an alarm, case or platform alert of the plan\'s town.', '触发来源不是本预案所属镇街的告警、案件或平台预警。');
  }
  const firstResource = body.resources.find((r) => r.location !== null);
  const point = input.location ?? (triggerPlace?.lng != null && triggerPlace.lat != null ? { lng: triggerPlace.lng, lat: triggerPlace.lat } : null)
    ?? firstResource?.location ?? null;
  const gridId = (input.location ? null : triggerPlace?.gridId) ?? (point ? locate(point.lng, point.lat) : null);
  const grid = gridId ? await store.findGrid(tx, gridId) : null;
  if (!point || !grid || !grid.path.startsWith(town.path)) {
    throw new AppError('PLAN_INVALID', 'Say where it happens: a point inside the town\'s grids (none came from the trigger or the plan\'s resources).',
      '请给出事发位置（须在本镇街的网格内）。');
  }
  const address = input.address?.trim() || ((input.location ? null : triggerPlace?.address ?? null) ?? (point === firstResource?.location ? firstResource.address : null));

  const matter = await currentMatter(tx, town.id, body.matterCode);
  const drill = input.drill === true;
  const incidentId = randomUUID();
  const actorName = input.actor?.name ?? SYSTEM_NAME;
  const number = await nextIncidentNumber(tx, town, now);
  await store.insertIncident(tx, {
    id: incidentId, number, plan_id: plan.id, plan_version: plan.version, snapshot: body, town_id: town.id, org_path: plan.orgPath,
    hazard: body.hazard, title: drill ? `【演练】${body.name}` : body.name, drill, status: 'active', level: input.level, reason: input.reason.trim(),
    trigger_kind: input.trigger?.kind ?? 'manual', trigger_ref: input.trigger?.id ?? null, trigger_key: triggerKey,
    lng: point.lng, lat: point.lat, address, affected_grid_ids: [grid.id], activated_at: now, activated_by: input.actor?.accountId ?? null,
    activated_by_name: actorName, idempotency_key: input.idempotencyKey ?? null,
  });
  const incident = { id: incidentId, title: drill ? `【演练】${body.name}` : body.name, drill, townId: town.id, townCode: town.code, gridId: grid.id, gridPath: grid.path, lng: point.lng, lat: point.lat, address, matter };
  const steps = await openSteps(tx, incident, body, stepsAt(body, input.level), [], now, input.actor, calendar);
  await store.insertEvent(tx, {
    incident_id: incidentId, at: now, action: 'activated', actor_id: input.actor?.accountId ?? null, actor_name: actorName, reason: input.reason.trim(),
    data: { level: input.level, drill, planVersion: plan.version, trigger: input.trigger ?? null, steps: steps.map((s) => s.stepKey) },
  });
  await draftAndQueueNotice(tx, noticeOf({ id: incidentId, number, town_id: town.id, hazard: body.hazard, level: input.level, drill, snapshot: body,
    lng: point.lng, lat: point.lat, affected_grid_ids: [grid.id], cap_alerts: [], activated_at: now }, town), 'Alert', now, services.pii);
  if (triggerKey) await markMatchActivated(tx, plan.id, triggerKey, incidentId, now, input.actor?.accountId ?? null);
  await appendAudit(tx, {
    at: now, actorId: input.actor?.accountId ?? null, actorName, ip: input.actor?.ip ?? null, action: drill ? 'incident.drill' : 'incident.activate',
    targetType: 'incident', targetId: incidentId, success: true,
    detail: { number, planId: plan.id, planVersion: plan.version, level: input.level, trigger: triggerKey, steps: steps.length },
  });
  return { incidentId, created: true };
}

/** The town's current Matter of the plan's work orders; a plan whose Matter was withdrawn since cannot start (422). */
export async function currentMatter(tx: Tx, townId: string, code: string): Promise<MatterRow> {
  const r = await tx.query<MatterRow>(`select * from matters where town_id = $1 and code = $2 and current and retired_at is null`, [townId, code]);
  const m = r.rows[0];
  if (!m) throw new AppError('PLAN_INVALID', `The plan's matter ${code} is no longer in the town's catalog.`, `预案工单事项 ${code} 已不在本镇街事项清单中。`);
  return m;
}

export interface IncidentPlace {
  id: string;
  title: string;
  drill: boolean;
  townId: string;
  townCode: string;
  gridId: string;
  gridPath: string;
  lng: number;
  lat: number;
  address: string | null;
  matter: MatterRow;
}

/**
 * Opens the given steps of the plan: fills the roles they need that the incident has not filled yet, then one work order
 * per step (due = now + its offset) and its step row. Answers the steps opened, in order.
 */
export async function openSteps(
  tx: Tx, incident: IncidentPlace, body: PlanBody, steps: readonly PlanStep[], filled: readonly store.RoleRow[], now: Date,
  actor: IncidentActor | null, calendar: WorkingCalendar, seqFrom = 0,
): Promise<{ stepKey: string; caseId: string; number: string }[]> {
  if (steps.length === 0) return [];
  const town = await store.findTown(tx, incident.townId);
  const have = new Map(filled.map((r) => [r.role_key, r]));
  const needed = body.roles.filter((r) => !have.has(r.key) && steps.some((s) => s.roleKey === r.key));
  const resolved: ResolvedRole[] = await resolveRoles(tx, { id: incident.townId, path: town!.path }, needed);
  const newRows: store.RoleRow[] = resolved.map((r) => ({ incident_id: incident.id, role_key: r.key, name: r.name, post_id: r.postId, holder_ids: r.holderIds, assignee: r.assignee }));
  await store.insertRoles(tx, newRows);
  for (const r of newRows) have.set(r.role_key, r);
  const due = new Map(scheduleSteps(steps, now, 'I').map((s) => [s.stepKey, s.dueAt]));
  const actorRef = { id: actor?.accountId ?? null, name: actor?.name ?? SYSTEM_NAME };
  const orders = await openWorkOrders(tx, steps.map((s) => ({
    townId: incident.townId, townCode: incident.townCode, gridId: incident.gridId, orgPath: incident.gridPath, matter: incident.matter,
    description: `${incident.title} · ${s.title}`, lng: incident.lng, lat: incident.lat, address: incident.address,
    assignee: have.get(s.roleKey)!.assignee, dueAt: due.get(s.key)!, source: 'plan' as const, actor: actorRef,
    data: { incidentId: incident.id, stepKey: s.key },
  })), calendar, now);
  const seqOf = new Map(body.steps.map((s, i) => [s.key, i]));
  await store.insertSteps(tx, steps.map((s, i) => ({
    incident_id: incident.id, step_key: s.key, seq: seqOf.get(s.key) ?? seqFrom + i, title: s.title, role_key: s.roleKey, from_level: s.fromLevel,
    due_at: due.get(s.key)!, checklist: s.checklist, case_id: orders[i]!.id, created_at: now,
  })));
  return steps.map((s, i) => ({ stepKey: s.key, caseId: orders[i]!.id, number: orders[i]!.number }));
}

/** What H4's notice drafting reads of an incident. */
export function noticeOf(
  i: Pick<store.IncidentRow, 'id' | 'number' | 'town_id' | 'hazard' | 'level' | 'drill' | 'snapshot' | 'lng' | 'lat' | 'affected_grid_ids' | 'cap_alerts' | 'activated_at'>,
  town: { code: string; name: string },
): IncidentForNotice {
  return {
    id: i.id, number: i.number, townId: i.town_id, townCode: town.code, townName: town.name, hazard: i.hazard, level: i.level, drill: i.drill,
    notice: i.snapshot.notice, lng: i.lng, lat: i.lat, affectedGridIds: i.affected_grid_ids, capAlerts: i.cap_alerts, onsetAt: null,
  };
}
