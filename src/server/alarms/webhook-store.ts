import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';

/** Partner webhooks and their deliveries: SQL only. A caller reaches the webhooks of the towns in or holding its scope. */

export interface WebhookRow {
  id: string;
  town_id: string;
  town_name: string;
  town_path: string;
  name: string;
  url: string;
  secret: string;
  alarm_types: string[];
  hazards: string[];
  active: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
  last_status: 'pending' | 'delivered' | 'failed' | null;
  last_at: Date | null;
}

const SELECT = `
  select w.id, w.town_id, t.name as town_name, t.path as town_path, w.name, w.url, w.secret, w.alarm_types, w.hazards, w.active, w.version,
         w.created_at, w.updated_at, ld.status as last_status, ld.at as last_at
    from partner_webhooks w
    join org_units t on t.id = w.town_id
    left join lateral (select d.status, coalesce(d.delivered_at, d.created_at) as at from webhook_deliveries d
                        where d.webhook_id = w.id order by d.created_at desc, d.id desc limit 1) ld on true`;

/** the town of the webhook lies in the scope, or holds it (a town's leader sees the town's partners) */
const reaches = (scopeParam: string, likeParam: string) => `(t.path like ${likeParam} or ${scopeParam} like t.path || '%')`;

export async function listWebhooks(tx: Tx, scopePath: string, townId: string | null): Promise<WebhookRow[]> {
  const r = await tx.query<WebhookRow>(
    `${SELECT} where ${reaches('$1', '$2')} and ($3::text is null or w.town_id = $3) order by t.name, w.name, w.id`,
    [scopePath, likePrefix(scopePath), townId]);
  return r.rows;
}

export async function findWebhook(tx: Tx, scopePath: string, id: string, forUpdate = false): Promise<WebhookRow | null> {
  if (forUpdate) {
    const locked = await tx.query('select id from partner_webhooks where id = $1 for update', [id]);
    if (locked.rows.length === 0) return null;
  }
  const r = await tx.query<WebhookRow>(`${SELECT} where w.id = $1 and ${reaches('$2', '$3')}`, [id, scopePath, likePrefix(scopePath)]);
  return r.rows[0] ?? null;
}

export interface NewWebhook { townId: string; name: string; url: string; secret: string; alarmTypes: string[]; hazards: string[]; active: boolean; createdBy: string }

export async function insertWebhook(tx: Tx, w: NewWebhook, now: Date): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `insert into partner_webhooks (town_id, name, url, secret, alarm_types, hazards, active, created_at, created_by, updated_at)
     values ($1,$2,$3,$4,$5,$9,$6,$7,$8,$7) returning id`,
    [w.townId, w.name, w.url, w.secret, w.alarmTypes, w.active, now, w.createdBy, w.hazards]);
  return r.rows[0]!.id;
}

/** `hazards` null: kept as they are */
export interface WebhookPatch { name: string; url: string; alarmTypes: string[]; hazards: string[] | null; active: boolean; secret: string | null }

/** false when the version moved under the caller */
export async function updateWebhook(tx: Tx, id: string, version: number, p: WebhookPatch, now: Date): Promise<boolean> {
  const r = await tx.query(
    `update partner_webhooks set name = $3, url = $4, alarm_types = $5, active = $6, secret = coalesce($7, secret),
            hazards = coalesce($9, hazards), version = version + 1, updated_at = $8
      where id = $1 and version = $2`,
    [id, version, p.name, p.url, p.alarmTypes, p.active, p.secret, now, p.hazards]);
  return r.rowCount === 1;
}

// ---------------------------------------------------------------------------------------------------------------------
// deliveries

/**
 * Queues one delivery per active webhook of the town that takes this alarm type (or `*`), in the caller's transaction;
 * a second call for the same alarm queues nothing (unique webhook × alarm). Answers how many were queued.
 */
export async function queueDeliveries(
  tx: Tx, o: { townId: string; alarmId: string; caseId: string | null; alarmType: string; payload: Record<string, unknown> }, now: Date,
): Promise<number> {
  const r = await tx.query(
    `insert into webhook_deliveries (webhook_id, alarm_id, case_id, payload, next_attempt_at, created_at)
     select w.id, $2, $3, $4::jsonb, $6, $6 from partner_webhooks w
      where w.town_id = $1 and w.active and ($5 = any(w.alarm_types) or '*' = any(w.alarm_types))
     on conflict (webhook_id, alarm_id) do nothing`,
    [o.townId, o.alarmId, o.caseId, JSON.stringify(o.payload), o.alarmType, now]);
  return r.rowCount;
}

export interface DueDelivery {
  id: string;
  webhook_id: string;
  webhook_name: string;
  url: string;
  secret: string;
  alarm_id: string | null;
  case_id: string | null;
  /** an incident's CAP alert (数字预案): the outcome is written to the incident's log */
  incident_id: string | null;
  notice_key: string | null;
  payload: Record<string, unknown>;
  attempts: number;
}

/**
 * Claims up to `limit` due pending deliveries (skip locked, so two nodes never send the same one at once) and leases
 * them: `next_attempt_at` moves `leaseMs` ahead, so a node that dies mid-send leaves them to be tried again then.
 */
export async function claimDueDeliveries(tx: Tx, now: Date, limit: number, leaseMs: number): Promise<DueDelivery[]> {
  const r = await tx.query<DueDelivery>(
    `with due as (
       select id from webhook_deliveries where status = 'pending' and next_attempt_at <= $1
        order by next_attempt_at limit $2 for update skip locked)
     update webhook_deliveries d set next_attempt_at = $3
       from due, partner_webhooks w
      where d.id = due.id and w.id = d.webhook_id
      returning d.id, d.webhook_id, w.name as webhook_name, w.url, w.secret, d.alarm_id, d.case_id, d.incident_id, d.notice_key, d.payload, d.attempts`,
    [now, limit, new Date(now.getTime() + leaseMs)]);
  return r.rows;
}

export interface AttemptOutcome {
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: Date;
  error: string | null;
  responseStatus: number | null;
  deliveredAt: Date | null;
}

/** Records an attempt; false when the delivery is no longer pending with these attempts (another node recorded it). */
export async function recordAttempt(tx: Tx, id: string, expectedAttempts: number, o: AttemptOutcome): Promise<boolean> {
  const r = await tx.query(
    `update webhook_deliveries set status = $3, attempts = $4, next_attempt_at = $5, last_error = $6, response_status = $7, delivered_at = $8
      where id = $1 and attempts = $2 and status = 'pending'`,
    [id, expectedAttempts, o.status, o.attempts, o.nextAttemptAt, o.error, o.responseStatus, o.deliveredAt]);
  return r.rowCount === 1;
}

export async function insertTestDelivery(tx: Tx, webhookId: string, payload: Record<string, unknown>, o: AttemptOutcome, now: Date): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `insert into webhook_deliveries (webhook_id, payload, status, attempts, next_attempt_at, last_error, response_status, delivered_at, created_at)
     values ($1,$2::jsonb,$3,$4,$5,$6,$7,$8,$9) returning id`,
    [webhookId, JSON.stringify(payload), o.status, o.attempts, o.nextAttemptAt, o.error, o.responseStatus, o.deliveredAt, now]);
  return r.rows[0]!.id;
}

export interface DeliveryRow {
  id: string;
  alarm_id: string | null;
  case_id: string | null;
  case_number: string | null;
  incident_id: string | null;
  incident_number: string | null;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  response_status: number | null;
  delivered_at: Date | null;
  created_at: Date;
}

export async function listDeliveries(tx: Tx, webhookId: string, before: { at: Date; id: string } | null, limit: number): Promise<DeliveryRow[]> {
  const r = await tx.query<DeliveryRow>(
    `select d.id, d.alarm_id, d.case_id, c.number as case_number, d.incident_id, i.number as incident_number, d.status, d.attempts,
            d.next_attempt_at, d.last_error, d.response_status, d.delivered_at, d.created_at
       from webhook_deliveries d left join cases c on c.id = d.case_id left join incidents i on i.id = d.incident_id
      where d.webhook_id = $1 and ($2::timestamptz is null or (d.created_at, d.id) < ($2::timestamptz, $3::text))
      order by d.created_at desc, d.id desc limit $4`,
    [webhookId, before?.at ?? null, before?.id ?? null, limit]);
  return r.rows;
}

export async function findDelivery(tx: Tx, id: string): Promise<DeliveryRow | null> {
  const r = await tx.query<DeliveryRow>(
    `select d.id, d.alarm_id, d.case_id, c.number as case_number, d.incident_id, i.number as incident_number, d.status, d.attempts,
            d.next_attempt_at, d.last_error, d.response_status, d.delivered_at, d.created_at
       from webhook_deliveries d left join cases c on c.id = d.case_id left join incidents i on i.id = d.incident_id where d.id = $1`, [id]);
  return r.rows[0] ?? null;
}
