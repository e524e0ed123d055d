import type { Tx } from '../platform/db/db.ts';
import { likePrefix, inOrHoldingScope } from '../platform/db/sql.ts';
import type { CapAlert, Hazard, IncidentStatus, PlanLevel, StepState } from '../../shared/plans.ts';

/*
 * What the after-action review reads of an incident (SQL only, the caller's scope inside every query): the incident,
 * its level changes, its steps with their work orders and checklist ticks, and its log.
 */

export interface ReviewIncidentRow {
  id: string;
  number: string;
  title: string;
  plan_id: string;
  plan_version: number;
  plan_name: string;
  hazard: Hazard;
  drill: boolean;
  status: IncidentStatus;
  level: PlanLevel;
  reason: string;
  trigger_kind: string;
  address: string | null;
  town_name: string;
  activated_at: Date;
  activated_by_name: string | null;
  stood_down_at: Date | null;
  stood_down_by_name: string | null;
  stand_down_reason: string | null;
  cap_alerts: CapAlert[];
}

/** An incident of a town in the caller's scope or holding it (a community's staff read their town's), as the incident page. */
export async function findIncidentForReview(tx: Tx, id: string, scopePath: string): Promise<ReviewIncidentRow | null> {
  return (await tx.query<ReviewIncidentRow>(
    `select i.id, i.number, i.title, i.plan_id, i.plan_version, coalesce(i.snapshot->>'name', i.title) as plan_name, i.hazard, i.drill,
            i.status, i.level, i.reason, i.trigger_kind, i.address, u.name as town_name, i.activated_at, i.activated_by_name,
            i.stood_down_at, i.stood_down_by_name, i.stand_down_reason, i.cap_alerts
       from incidents i join org_units u on u.id = i.town_id
      where i.id = $1 and ${inOrHoldingScope('i.org_path', '$3', '$2')}`, [id, likePrefix(scopePath), scopePath])).rows[0] ?? null;
}

export interface ReviewLevelRow { at: Date; from: PlanLevel; to: PlanLevel; reason: string | null; actor_name: string | null }

/** The level changes, in order (the activation's level is the incident's first). */
export async function listLevelChanges(tx: Tx, incidentId: string): Promise<ReviewLevelRow[]> {
  return (await tx.query<ReviewLevelRow>(
    `select at, data->>'from' as "from", data->>'to' as "to", reason, actor_name
       from incident_events where incident_id = $1 and action = 'level_changed' order by id`, [incidentId])).rows;
}

export interface ReviewStepRow {
  step_key: string;
  seq: number;
  title: string;
  role_name: string;
  from_level: PlanLevel;
  created_at: Date;
  due_at: Date;
  /** the stored state, and the work order's progress read at once: a step whose order is handled or closed is done */
  state: StepState;
  completed_at: Date | null;
  checklist: string[];
  case_id: string;
  case_number: string;
  case_status: string;
  assignee_name: string | null;
  checks: { item: number; checkedAt: string; by: string | null }[];
}

/**
 * The steps in order. A step still open whose work order is handled or closed reads as done at the time of the
 * order's first `report_done` or `resolve_on_spot` (the loop finished it without the checklist).
 */
export async function listReviewSteps(tx: Tx, incidentId: string): Promise<ReviewStepRow[]> {
  return (await tx.query<ReviewStepRow>(
    `select s.step_key, s.seq, s.title, coalesce(r.name, s.role_key) as role_name, s.from_level, s.created_at, s.due_at,
            case when s.state = 'open' and c.status in ('handled', 'closed') and d.at is not null then 'done' else s.state end as state,
            coalesce(s.completed_at, case when s.state = 'open' and c.status in ('handled', 'closed') then d.at end) as completed_at,
            s.checklist, s.case_id, c.number as case_number, c.status as case_status,
            case when p.id is not null then p.name || coalesce('（' || pa.name || '）', '') else sa.name end as assignee_name,
            coalesce((select json_agg(json_build_object('item', k.item, 'checkedAt', k.checked_at, 'by', k.checked_by_name) order by k.item)
                        from incident_step_checks k where k.incident_id = s.incident_id and k.step_key = s.step_key), '[]'::json) as checks
       from incident_steps s
       join cases c on c.id = s.case_id
       left join incident_roles r on r.incident_id = s.incident_id and r.role_key = s.role_key
       left join posts p on p.id = c.assignee->>'postId'
       left join accounts pa on pa.id = p.a_holder_id
       left join accounts sa on sa.id = c.assignee->>'staffId'
       left join lateral (select min(e.at) as at from case_events e
                           where e.case_id = s.case_id and e.case_created_at = c.created_at and e.action in ('report_done', 'resolve_on_spot')) d on true
      where s.incident_id = $1
      order by s.seq, s.step_key`, [incidentId])).rows;
}

export interface ReviewEventRow { id: number; at: Date; action: string; actor_name: string | null; reason: string | null; data: Record<string, unknown> }

/** The incident's log, oldest first. */
export async function listIncidentLog(tx: Tx, incidentId: string): Promise<ReviewEventRow[]> {
  return (await tx.query<ReviewEventRow>(
    `select id, at, action, actor_name, reason, data from incident_events where incident_id = $1 order by id`, [incidentId])).rows;
}
