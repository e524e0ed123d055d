import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';
import { reachSql } from '../registry/reach.ts';
import { announceAlarms, type ChangedAlarm } from './raise-alarms.ts';
import type { AlarmCategory, AlarmStatus, EscalationPolicy } from '../../shared/alarms.ts';
import type { AlarmLevel, DeviceBindingKind, DeviceType } from '../../shared/devices.ts';

/* The alarms' SQL: the outbox the alarm clock works, the escalation it runs, and the lists people read. */

export interface AlarmRow {
  id: string;
  device_id: string;
  town_id: string;
  grid_id: string;
  org_path: string;
  alarm_type: string;
  category: AlarmCategory;
  rule_id: string | null;
  level: AlarmLevel;
  matter_code: string | null;
  status: AlarmStatus;
  raised_at: Date;
  details: Record<string, unknown>;
  case_id: string | null;
  task_id: string | null;
  dispatched_at: Date | null;
  dispatch_error: string | null;
  escalation_step: number;
  next_escalation_at: Date | null;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  acknowledged_by_name: string | null;
  cleared_at: Date | null;
  cleared_by: string | null;
  cleared_by_name: string | null;
  clear_note: string | null;
  version: number;
}

/** An alarm with what the clock, the lists and the care order's text need of its device, profile, grid and care order. */
export interface AlarmViewRow extends AlarmRow {
  device_name: string;
  device_type: DeviceType;
  binding_kind: DeviceBindingKind;
  binding_id: string;
  /** the resident's name, the household head's, or the place's name: masked by the presenter */
  binding_name: string | null;
  lng: number | null;
  lat: number | null;
  address: string | null;
  battery: number | null;
  last_seen_at: Date | null;
  escalation: EscalationPolicy;
  rule_name: string | null;
  grid_name: string;
  matter_name: string | null;
  case_number: string | null;
  case_status: string | null;
  notified_to_me: boolean;
}

/** Who is reading: the territory they see (a grid worker: its teams' grids in it), and their own account. */
export interface AlarmViewer {
  accountId: string;
  scopePath: string | null;
  /** a grid worker's teams' grids (null or absent: the whole territory) */
  gridIds?: string[] | null;
}

const VIEW = (me: string) => `
  select a.*, d.name as device_name, d.device_type, d.binding_kind, d.binding_id, d.lng, d.lat, d.address, d.battery, d.last_seen_at,
         p.escalation,
         coalesce(a.details->>'ruleName', (select r->>'name' from jsonb_array_elements(p.rules) r where r->>'id' = a.rule_id limit 1)) as rule_name,
         case d.binding_kind
           when 'resident' then (select x.name from registry_residents x where x.id = d.binding_id)
           when 'household' then (select x.name from registry_households h join registry_residents x on x.id = h.head_resident_id where h.id = d.binding_id)
           when 'place' then (select x.name from registry_places x where x.id = d.binding_id)
         end as binding_name,
         g.name as grid_name,
         (select m.name from matters m where m.town_id = a.town_id and m.code = a.matter_code and m.current) as matter_name,
         c.number as case_number, c.status as case_status,
         ${me} as notified_to_me
    from alarms a
    join devices d on d.id = a.device_id
    join device_profiles p on p.id = d.profile_id
    join org_units g on g.id = a.grid_id
    left join cases c on c.id = a.case_id`;

const notifiedTo = (param: string) =>
  `exists (select 1 from alarm_notifications n where n.alarm_id = a.id and n.recipients @> jsonb_build_array(jsonb_build_object('accountId', ${param}::text)))`;

// ---------------------------------------------------------------------------------------------------------------------
// The outbox

/**
 * Claims up to `limit` alarms waiting for their care order (or task), oldest first, by a lease until `leaseUntil`: the
 * order is made outside the alarm's transaction (intake has transactions of its own), so the lease keeps another node
 * off it meanwhile; an order made twice is impossible anyway (its Idempotency-Key is the alarm's).
 */
export async function claimUndispatched(tx: Tx, now: Date, leaseUntil: Date, limit: number, ids?: readonly string[]): Promise<AlarmViewRow[]> {
  const r = await tx.query<{ id: string }>(
    `update alarms set dispatch_lease_until = $2
      where id in (select id from alarms
                    where dispatched_at is null and (dispatch_lease_until is null or dispatch_lease_until <= $1)
                      ${ids ? 'and id = any($4::text[])' : ''}
                    order by raised_at limit $3 for update skip locked)
      returning id`,
    ids ? [now, leaseUntil, limit, ids] : [now, leaseUntil, limit],
  );
  if (r.rows.length === 0) return [];
  return listViewsByIds(tx, r.rows.map((x) => x.id));
}

export async function listViewsByIds(tx: Tx, ids: readonly string[]): Promise<AlarmViewRow[]> {
  const r = await tx.query<AlarmViewRow>(`${VIEW('false')} where a.id = any($1::text[]) order by a.raised_at, a.id`, [ids]);
  return r.rows;
}

/** The alarm, locked for the rest of the transaction. */
export async function lockAlarm(tx: Tx, id: string): Promise<AlarmRow | null> {
  const r = await tx.query<AlarmRow>('select * from alarms where id = $1 for update', [id]);
  return r.rows[0] ?? null;
}

export async function markDispatched(tx: Tx, id: string, m: {
  caseId: string | null; taskId: string | null; at: Date; nextEscalationAt: Date | null; error: string | null;
}): Promise<void> {
  await tx.query(
    `update alarms set case_id = $2, task_id = $3, dispatched_at = $4, dispatch_lease_until = null, dispatch_error = $5,
            escalation_step = 0, next_escalation_at = case when status = 'active' then $6::timestamptz else null end
      where id = $1`,
    [id, m.caseId, m.taskId, m.at, m.error, m.nextEscalationAt],
  );
}

/** Active, dispatched alarms whose next escalation step is due, locked (skip locked: one node sends each step). */
export async function claimDueEscalations(tx: Tx, now: Date, limit: number): Promise<AlarmViewRow[]> {
  const r = await tx.query<{ id: string }>(
    `select id from alarms where status = 'active' and next_escalation_at <= $1 and dispatched_at is not null
      order by next_escalation_at limit $2 for update skip locked`, [now, limit]);
  if (r.rows.length === 0) return [];
  return listViewsByIds(tx, r.rows.map((x) => x.id));
}

export async function markEscalated(tx: Tx, id: string, step: number, next: Date | null): Promise<void> {
  await tx.query('update alarms set escalation_step = $2, next_escalation_at = $3 where id = $1', [id, step, next]);
}

export interface Recipient { accountId: string; name: string }

/** One step's sending to one role; a step already recorded (a retry) is not recorded again. Answers whether it was new. */
export async function insertNotification(tx: Tx, n: { alarmId: string; at: Date; step: number; role: string; recipients: readonly Recipient[] }): Promise<boolean> {
  const r = await tx.query(
    `insert into alarm_notifications (alarm_id, at, step, role, recipients) values ($1, $2, $3, $4, $5::jsonb)
     on conflict (alarm_id, step, role) do nothing returning id`,
    [n.alarmId, n.at, n.step, n.role, JSON.stringify(n.recipients)]);
  return r.rows.length > 0;
}

export interface NotificationRow { at: Date; step: number; role: string; recipients: Recipient[] }

export async function listNotifications(tx: Tx, alarmId: string): Promise<NotificationRow[]> {
  const r = await tx.query<NotificationRow>(
    'select at, step, role, recipients from alarm_notifications where alarm_id = $1 order by at, id', [alarmId]);
  return r.rows;
}

// ---------------------------------------------------------------------------------------------------------------------
// Acknowledge and clear

export async function acknowledge(tx: Tx, id: string, version: number, by: { accountId: string; name: string }, at: Date): Promise<boolean> {
  const r = await tx.query<ChangedAlarm>(
    `update alarms set status = 'acknowledged', acknowledged_at = $4, acknowledged_by = $3, acknowledged_by_name = $5,
            next_escalation_at = null, version = version + 1
      where id = $1 and version = $2 and status = 'active' returning id, org_path, grid_id, alarm_type, level, status`,
    [id, version, by.accountId, at, by.name]);
  await announceAlarms(tx, r.rows, 'acknowledged', at);
  return r.rows.length > 0;
}

export async function clear(tx: Tx, id: string, version: number, by: { accountId: string; name: string }, note: string | null, at: Date): Promise<boolean> {
  const r = await tx.query<ChangedAlarm>(
    `update alarms set status = 'cleared', cleared_at = $4, cleared_by = $3, cleared_by_name = $5, clear_note = $6,
            next_escalation_at = null, version = version + 1
      where id = $1 and version = $2 and status <> 'cleared' returning id, org_path, grid_id, alarm_type, level, status`,
    [id, version, by.accountId, at, by.name, note]);
  await announceAlarms(tx, r.rows, 'cleared', at);
  return r.rows.length > 0;
}

// ---------------------------------------------------------------------------------------------------------------------
// Reading

/**
 * The territory condition on `alarms a`, as devices and the registry reach theirs (an index range on the path). Whom
 * an escalation step notifies lies inside it by construction (the grid's team, the town's post holders, the community's
 * staff, the town's watch), so being notified widens nothing; `mine` only narrows.
 */
function visible(v: AlarmViewer, params: unknown[]): string {
  return v.scopePath === null ? 'false' : reachSql({ scopePath: v.scopePath, gridIds: v.gridIds ?? null }, 'a', params);
}

export async function findAlarm(tx: Tx, id: string, v: AlarmViewer): Promise<AlarmViewRow | null> {
  const params: unknown[] = [id, v.accountId];
  const where = visible(v, params);
  const r = await tx.query<AlarmViewRow>(`${VIEW(notifiedTo('$2'))} where a.id = $1 and ${where}`, params);
  return r.rows[0] ?? null;
}

export interface AlarmFilter {
  status?: AlarmStatus;
  category?: AlarmCategory;
  orgUnitPath?: string;
  deviceId?: string;
  mine?: boolean;
  before?: { at: Date; id: string };
  limit: number;
}

/** The viewer's alarms, newest first, keyset-paged by (raised_at, id). */
export async function listAlarms(tx: Tx, v: AlarmViewer, f: AlarmFilter): Promise<AlarmViewRow[]> {
  const params: unknown[] = [v.accountId];
  const where = [visible(v, params)];
  const add = (sql: (n: string) => string, value: unknown) => { params.push(value); where.push(sql(`$${params.length}`)); };
  if (f.status) add((n) => `a.status = ${n}`, f.status);
  if (f.category) add((n) => `a.category = ${n}`, f.category);
  if (f.orgUnitPath) add((n) => `a.org_path like ${n}`, likePrefix(f.orgUnitPath));
  if (f.deviceId) add((n) => `a.device_id = ${n}`, f.deviceId);
  if (f.mine) where.push(notifiedTo('$1'));
  if (f.before) {
    params.push(f.before.at, f.before.id);
    where.push(`(a.raised_at, a.id) < ($${params.length - 1}::timestamptz, $${params.length})`);
  }
  params.push(f.limit);
  const r = await tx.query<AlarmViewRow>(
    `${VIEW(notifiedTo('$1'))} where ${where.join(' and ')} order by a.raised_at desc, a.id desc limit $${params.length}`, params);
  return r.rows;
}
