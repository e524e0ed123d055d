import type { Tx } from '../platform/db/db.ts';
import { likePrefix, inOrHoldingScope } from '../platform/db/sql.ts';
import { notifyScreenChanges } from '../platform/live.ts';
import type { Assignee } from '../cases/store.ts';
import type { CapAlert, Hazard, IncidentAction, IncidentStatus, PlanBody, PlanLevel, StepState } from '../../shared/plans.ts';

/*
 * Incidents (a plan's activations), their roles, steps, checklist ticks and log: SQL only. A caller reaches the incidents
 * of the towns in its scope or holding it (a community's staff read their town's incidents), as with plans.
 */

const reaches = (scopeParam: string, likeParam: string) => inOrHoldingScope('i.org_path', scopeParam, likeParam);

export interface IncidentRow {
  id: string;
  number: string;
  plan_id: string;
  plan_version: number;
  snapshot: PlanBody;
  town_id: string;
  org_path: string;
  hazard: Hazard;
  title: string;
  drill: boolean;
  status: IncidentStatus;
  level: PlanLevel;
  reason: string;
  trigger_kind: 'manual' | 'alarm' | 'case' | 'alert';
  trigger_ref: string | null;
  trigger_key: string | null;
  lng: number | null;
  lat: number | null;
  address: string | null;
  affected_grid_ids: string[];
  activated_at: Date;
  activated_by: string | null;
  activated_by_name: string | null;
  stood_down_at: Date | null;
  stood_down_by: string | null;
  stood_down_by_name: string | null;
  stand_down_reason: string | null;
  cap_alerts: CapAlert[];
  version: number;
}

export async function findIncident(tx: Tx, id: string, scopePath: string | null, forUpdate = false): Promise<IncidentRow | null> {
  if (scopePath === null) return null;
  const r = await tx.query<IncidentRow>(
    `select i.* from incidents i where i.id = $1 and ${reaches('$2', '$3')}${forUpdate ? ' for update of i' : ''}`,
    [id, scopePath, likePrefix(scopePath)]);
  return r.rows[0] ?? null;
}

export async function findIncidentIdByKey(tx: Tx, key: { idempotencyKey: string | null; planId: string; triggerKey: string | null }): Promise<string | null> {
  const r = await tx.query<{ id: string }>(
    `select id from incidents where idempotency_key = $1 or (plan_id = $2 and trigger_key = $3) order by activated_at limit 1`,
    [key.idempotencyKey, key.planId, key.triggerKey]);
  return r.rows[0]?.id ?? null;
}

export interface TownRow { id: string; code: string; name: string; path: string }

export async function findTown(tx: Tx, townId: string): Promise<TownRow | null> {
  const r = await tx.query<TownRow>(`select id, code, name, path from org_units where id = $1 and level = 'town'`, [townId]);
  return r.rows[0] ?? null;
}

export interface TriggerPlace { townId: string | null; gridId: string | null; lng: number | null; lat: number | null; address: string | null }

/** Where the alarm (its device), case or platform alert that starts a plan is; null when there is no such record. */
export async function findTriggerPlace(tx: Tx, kind: 'alarm' | 'case' | 'alert', id: string): Promise<TriggerPlace | null> {
  const sql = {
    alarm: `select a.town_id, a.grid_id, d.lng, d.lat, d.address from alarms a join devices d on d.id = a.device_id where a.id = $1`,
    case: `select c.town_id, c.grid_id, c.lng, c.lat, c.address from cases c where c.id = $1`,
    alert: `select coalesce(c.town_id, p.town_id) as town_id, c.grid_id, coalesce(a.lng, c.lng) as lng, coalesce(a.lat, c.lat) as lat,
                   coalesce(a.address, c.address) as address
              from platform_alerts a join alert_platforms p on p.id = a.platform_id left join cases c on c.id = a.case_id where a.id = $1`,
  }[kind];
  const r = await tx.query<{ town_id: string | null; grid_id: string | null; lng: number | null; lat: number | null; address: string | null }>(sql, [id]);
  const row = r.rows[0];
  return row ? { townId: row.town_id, gridId: row.grid_id, lng: row.lng, lat: row.lat, address: row.address } : null;
}

export async function findGrid(tx: Tx, gridId: string): Promise<{ id: string; path: string } | null> {
  const r = await tx.query<{ id: string; path: string }>(`select id, path from org_units where id = $1`, [gridId]);
  return r.rows[0] ?? null;
}

export type NewIncident = Omit<IncidentRow, 'version' | 'cap_alerts' | 'stood_down_at' | 'stood_down_by' | 'stood_down_by_name' | 'stand_down_reason'>
  & { idempotency_key: string | null };

export async function insertIncident(tx: Tx, i: NewIncident): Promise<void> {
  await tx.query(
    `insert into incidents (id, number, plan_id, plan_version, snapshot, town_id, org_path, hazard, title, drill, status, level, reason,
       trigger_kind, trigger_ref, trigger_key, lng, lat, address, affected_grid_ids, activated_at, activated_by, activated_by_name, idempotency_key)
     values ($1,$2,$3,$4,$5::jsonb,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20::text[],$21,$22,$23,$24)`,
    [i.id, i.number, i.plan_id, i.plan_version, JSON.stringify(i.snapshot), i.town_id, i.org_path, i.hazard, i.title, i.drill, i.status, i.level,
      i.reason, i.trigger_kind, i.trigger_ref, i.trigger_key, i.lng, i.lat, i.address, i.affected_grid_ids, i.activated_at, i.activated_by,
      i.activated_by_name, i.idempotency_key]);
  await announceIncident(tx, i, 'activated', i.activated_at);
}

/** Tells the command screens (over /api/events) of an incident's change, when the transaction commits. */
async function announceIncident(
  tx: Tx, i: Pick<IncidentRow, 'id' | 'number' | 'org_path' | 'hazard' | 'title' | 'level' | 'status'>, action: string, at: Date,
): Promise<void> {
  await notifyScreenChanges(tx, [{
    subject: 'incident', id: i.id, action, status: i.status, orgPath: i.org_path, at: at.toISOString(), type: i.hazard, level: i.level,
    gridId: null, number: i.number, title: i.title,
  }]);
}

export interface RoleRow { incident_id: string; role_key: string; name: string; post_id: string | null; holder_ids: string[]; assignee: Assignee }

export async function insertRoles(tx: Tx, rows: readonly RoleRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `insert into incident_roles (incident_id, role_key, name, post_id, holder_ids, assignee)
     select x.incident_id, x.role_key, x.name, x.post_id, x.holder_ids, x.assignee
       from jsonb_to_recordset($1::jsonb) as x(incident_id text, role_key text, name text, post_id text, holder_ids text[], assignee jsonb)
     on conflict (incident_id, role_key) do nothing`,
    [JSON.stringify(rows)]);
}

export async function listRoles(tx: Tx, incidentId: string): Promise<(RoleRow & { post_name: string | null; holder_names: (string | null)[] })[]> {
  const r = await tx.query<RoleRow & { post_name: string | null; holder_names: (string | null)[] }>(
    `select r.*, p.name as post_name,
            array(select a.name from unnest(r.holder_ids) with ordinality h(id, n) left join accounts a on a.id = h.id order by h.n) as holder_names
       from incident_roles r left join posts p on p.id = r.post_id where r.incident_id = $1 order by r.role_key`, [incidentId]);
  return r.rows;
}

export interface StepRow {
  incident_id: string;
  step_key: string;
  seq: number;
  title: string;
  role_key: string;
  from_level: PlanLevel;
  due_at: Date;
  checklist: string[];
  case_id: string;
  created_at: Date;
  state: StepState;
  completed_at: Date | null;
  completed_by: string | null;
}

export async function insertSteps(tx: Tx, rows: readonly Omit<StepRow, 'state' | 'completed_at' | 'completed_by'>[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `insert into incident_steps (incident_id, step_key, seq, title, role_key, from_level, due_at, checklist, case_id, created_at)
     select x.incident_id, x.step_key, x.seq, x.title, x.role_key, x.from_level, x.due_at, x.checklist, x.case_id, x.created_at
       from jsonb_to_recordset($1::jsonb) as x(incident_id text, step_key text, seq int, title text, role_key text, from_level text,
            due_at timestamptz, checklist jsonb, case_id text, created_at timestamptz)`,
    [JSON.stringify(rows)]);
}

/** A step with its work order as the case loop has it now, and the time its work order was first handed in. */
export interface StepView extends StepRow {
  case_number: string;
  case_status: string;
  case_assignee: Assignee | null;
  case_clocks: Record<string, unknown>;
  case_handled_at: Date | null;
}

export async function listSteps(tx: Tx, incidentIds: readonly string[], forUpdate = false): Promise<StepView[]> {
  if (incidentIds.length === 0) return [];
  const r = await tx.query<StepView>(
    `select s.*, c.number as case_number, c.status as case_status, c.assignee as case_assignee, c.clocks as case_clocks,
            (select min(e.at) from case_events e where e.case_id = c.id and e.case_created_at = c.created_at and e.action in ('report_done','resolve_on_spot')) as case_handled_at
       from incident_steps s join cases c on c.id = s.case_id
      where s.incident_id = any($1::text[]) order by s.incident_id, s.seq${forUpdate ? ' for update of s' : ''}`, [incidentIds]);
  return r.rows;
}

export interface CheckRow { step_key: string; item: number; checked_at: Date; checked_by: string | null; checked_by_name: string | null }

export async function listChecks(tx: Tx, incidentId: string): Promise<CheckRow[]> {
  const r = await tx.query<CheckRow>(
    `select step_key, item, checked_at, checked_by, checked_by_name from incident_step_checks where incident_id = $1 order by step_key, item`, [incidentId]);
  return r.rows;
}

export async function setCheck(tx: Tx, incidentId: string, stepKey: string, item: number, checked: boolean, by: { id: string; name: string }, now: Date): Promise<boolean> {
  const r = checked
    ? await tx.query(
      `insert into incident_step_checks (incident_id, step_key, item, checked_at, checked_by, checked_by_name) values ($1,$2,$3,$4,$5,$6)
       on conflict do nothing`, [incidentId, stepKey, item, now, by.id, by.name])
    : await tx.query(`delete from incident_step_checks where incident_id = $1 and step_key = $2 and item = $3`, [incidentId, stepKey, item]);
  return r.rowCount > 0;
}

export async function completeStep(tx: Tx, incidentId: string, stepKey: string, by: string | null, now: Date): Promise<void> {
  await tx.query(
    `update incident_steps set state = 'done', completed_at = $3, completed_by = $4 where incident_id = $1 and step_key = $2 and state = 'open'`,
    [incidentId, stepKey, now, by]);
}

export interface EventRow {
  id: number;
  incident_id: string;
  at: Date;
  action: IncidentAction;
  actor_id: string | null;
  actor_name: string | null;
  reason: string | null;
  data: Record<string, unknown>;
}

export async function insertEvent(tx: Tx, e: Omit<EventRow, 'id'> & { request_key?: string | null }): Promise<number> {
  const r = await tx.query<{ id: number }>(
    `insert into incident_events (incident_id, at, action, actor_id, actor_name, reason, data, request_key)
     values ($1,$2,$3,$4,$5,$6,$7::jsonb,$8) returning id`,
    [e.incident_id, e.at, e.action, e.actor_id, e.actor_name, e.reason, JSON.stringify(e.data), e.request_key ?? null]);
  return r.rows[0]!.id;
}

export async function findEventByRequestKey(tx: Tx, incidentId: string, requestKey: string): Promise<number | null> {
  const r = await tx.query<{ id: number }>(`select id from incident_events where incident_id = $1 and request_key = $2`, [incidentId, requestKey]);
  return r.rows[0]?.id ?? null;
}

export async function listEvents(tx: Tx, incidentId: string): Promise<EventRow[]> {
  const r = await tx.query<EventRow>(
    `select id, incident_id, at, action, actor_id, actor_name, reason, data from incident_events where incident_id = $1 order by id`, [incidentId]);
  return r.rows;
}

/** Changes the incident if it is still at `version` (and active); false: someone changed it first. */
export async function updateIncident(
  tx: Tx, id: string, version: number,
  patch: Partial<Pick<IncidentRow, 'level' | 'status' | 'stood_down_at' | 'stood_down_by' | 'stood_down_by_name' | 'stand_down_reason'>>,
  at: Date,
): Promise<boolean> {
  const cols = Object.keys(patch) as (keyof typeof patch)[];
  const r = await tx.query(
    `update incidents set ${[...cols.map((k, i) => `${k} = $${i + 3}`), 'version = version + 1'].join(', ')} where id = $1 and version = $2
     returning id, number, org_path, hazard, title, level, status`,
    [id, version, ...cols.map((k) => patch[k])]);
  const changed = r.rows[0] as (Pick<IncidentRow, 'id' | 'number' | 'org_path' | 'hazard' | 'title' | 'level' | 'status'>) | undefined;
  if (changed) await announceIncident(tx, changed, changed.status === 'closed' ? 'closed' : 'changed', at);
  return r.rowCount === 1;
}

export interface IncidentFilter { status: IncidentStatus | null; drill: boolean | null; hazard: string | null; planId: string | null }

export async function listIncidents(
  tx: Tx, scopePath: string, f: IncidentFilter, before: { at: Date; id: string } | null, limit: number,
): Promise<(IncidentRow & { plan_name: string })[]> {
  const r = await tx.query<IncidentRow & { plan_name: string }>(
    `select i.*, p.name as plan_name from incidents i join plans p on p.id = i.plan_id
      where ${reaches('$1', '$2')} and ($3::text is null or i.status = $3) and ($4::boolean is null or i.drill = $4)
        and ($5::text is null or i.hazard = $5) and ($6::text is null or i.plan_id = $6)
        and ($7::timestamptz is null or (i.activated_at, i.id) < ($7::timestamptz, $8::text))
      order by i.activated_at desc, i.id desc limit $9`,
    [scopePath, likePrefix(scopePath), f.status, f.drill, f.hazard, f.planId, before?.at ?? null, before?.id ?? '', limit]);
  return r.rows;
}

export async function planName(tx: Tx, planId: string): Promise<string> {
  const r = await tx.query<{ name: string }>(`select name from plans where id = $1`, [planId]);
  return r.rows[0]?.name ?? '';
}
