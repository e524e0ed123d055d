import type { Tx } from '../platform/db/db.ts';
import { queueDeliveries } from './webhook-store.ts';

export interface PartnerNotice {
  alarmId: string;
  caseId: string | null;
  townId: string;
  alarmType: string;
}

/**
 * What a partner receives about an alarm: what happened, where, and the care order's number to quote when calling
 * back. No names, phones or ID numbers of the person: a responder learns those from the grid worker or the order.
 */
export async function partnerPayload(tx: Tx, alarmId: string, caseId: string | null): Promise<Record<string, unknown> | null> {
  const r = await tx.query<{
    id: string; alarm_type: string; category: string; level: string; raised_at: Date; details: Record<string, unknown>; matter_code: string | null;
    device_id: string; device_type: string; device_name: string; lng: number | null; lat: number | null; address: string | null;
    town_id: string; town_name: string; case_number: string | null;
  }>(
    `select a.id, a.alarm_type, a.category, a.level, a.raised_at, a.details, a.matter_code,
            d.id as device_id, d.device_type, d.name as device_name, d.lng, d.lat, d.address,
            t.id as town_id, t.name as town_name, c.number as case_number
       from alarms a join devices d on d.id = a.device_id join org_units t on t.id = a.town_id
       left join cases c on c.id = $2
      where a.id = $1`, [alarmId, caseId]);
  const a = r.rows[0];
  if (!a) return null;
  return {
    event: 'alarm.raised',
    alarm: { id: a.id, type: a.alarm_type, category: a.category, level: a.level, matterCode: a.matter_code, raisedAt: a.raised_at.toISOString(), details: a.details },
    device: { id: a.device_id, type: a.device_type, name: a.device_name },
    location: { lng: a.lng, lat: a.lat, address: a.address },
    town: { id: a.town_id, name: a.town_name },
    careOrder: caseId ? { id: caseId, number: a.case_number } : null,
  };
}

/**
 * Queues the alarm's webhook deliveries to the town's partners that take its type, in the dispatching transaction (the
 * alarm clock's dispatch calls it when the care order is opened), so an alarm is queued to partners exactly when its
 * order exists. They go out at the clock's next `deliverDueWebhooks`. Answers how many were queued.
 */
export async function queuePartnerNotifications(tx: Tx, n: PartnerNotice, now: Date): Promise<number> {
  const any = await tx.query(
    `select 1 from partner_webhooks where town_id = $1 and active and ($2 = any(alarm_types) or '*' = any(alarm_types)) limit 1`,
    [n.townId, n.alarmType]);
  if (any.rows.length === 0) return 0;
  const payload = await partnerPayload(tx, n.alarmId, n.caseId);
  if (!payload) return 0;
  return queueDeliveries(tx, { townId: n.townId, alarmId: n.alarmId, caseId: n.caseId, alarmType: n.alarmType, payload }, now);
}
