import type { Tx } from '../platform/db/db.ts';
import { matchTriggers, type TriggerEvent } from '../../domain/plans/triggers.ts';
import { listActivePlansOfTown, type ActivePlanOfTown } from './plan-store.ts';
import { insertMatches, type NewMatch } from './trigger-store.ts';

/*
 * The outbox side of trigger matching: alarms (once dispatched: their care order exists), platform alerts and cases not
 * yet looked at (`plans_checked_at is null`) are claimed `for update skip locked` in batches, matched against their
 * town's active plans (H1's matchTriggers), the matches written (one per plan and trigger: on conflict nothing) and the
 * rows marked checked — all in one transaction, so a node that dies mid-batch leaves the rows to the next tick.
 *
 * Cases a device alarm or another platform's alert opened (source sensor / platform) are matched as that alarm or
 * alert, not a second time as a case; a plan's own work orders (source plan) start nothing.
 */

export interface OutboxEvent { event: TriggerEvent; orgPath: string }
interface Claimed { claimed: number; events: OutboxEvent[] }

export interface MatchedTrigger {
  id: string;
  planId: string;
  level: string;
  mode: 'suggest' | 'auto';
  triggerKind: 'alarm' | 'case' | 'alert';
  triggerRef: string;
  triggerKey: string;
}

/**
 * How old an event may be and still start a plan: one that waited longer (a node down for a day, history imported or
 * seeded) is marked checked without a suggestion, since a plan started for yesterday's water level helps nobody.
 */
export const TRIGGER_WINDOW_MS = 6 * 3_600_000;
const fresh = (at: Date, now: Date) => now.getTime() - at.getTime() <= TRIGGER_WINDOW_MS;

/** Claims up to `limit` unchecked alarms (dispatched ones), marks them checked, answers their events. */
async function claimAlarms(tx: Tx, now: Date, limit: number): Promise<Claimed> {
  const r = await tx.query<{ id: string; alarm_type: string; level: 'red' | 'orange' | 'yellow'; status: string; town_id: string; town_path: string; at: Date }>(
    `with due as (
       select id from alarms where plans_checked_at is null and dispatched_at is not null
        order by raised_at, id limit $2 for update skip locked)
     update alarms a set plans_checked_at = $1 from due, org_units t
      where a.id = due.id and t.id = a.town_id
      returning a.id, a.alarm_type, a.level, a.status, a.town_id, t.path as town_path, a.raised_at as at`, [now, limit]);
  // an alarm over before its care order was made (a silent device heard again) starts nothing
  return { claimed: r.rows.length, events: r.rows.filter((a) => a.status !== 'cleared' && fresh(a.at, now)).map((a) => ({
    event: { kind: 'alarm', alarmType: a.alarm_type, level: a.level, townId: a.town_id, ref: a.id }, orgPath: a.town_path,
  })) };
}

/** Platform alerts are placed by their case (the town its point lies in); one without a case is only marked checked. */
async function claimAlerts(tx: Tx, now: Date, limit: number): Promise<Claimed> {
  const r = await tx.query<{ id: string; alert_type: string; town_id: string | null; town_path: string | null; at: Date }>(
    `with due as (
       select id from platform_alerts where plans_checked_at is null order by received_at, id limit $2 for update skip locked),
     marked as (
       update platform_alerts p set plans_checked_at = $1 from due where p.id = due.id returning p.id, p.alert_type, p.case_id, p.received_at)
     select m.id, m.alert_type, c.town_id, t.path as town_path, m.received_at as at
       from marked m left join cases c on c.id = m.case_id left join org_units t on t.id = c.town_id`, [now, limit]);
  return { claimed: r.rows.length, events: r.rows.filter((a) => a.town_id && a.town_path && fresh(a.at, now)).map((a) => ({
    event: { kind: 'alert', alertType: a.alert_type, townId: a.town_id!, ref: a.id }, orgPath: a.town_path!,
  })) };
}

async function claimCases(tx: Tx, now: Date, limit: number): Promise<Claimed> {
  const r = await tx.query<{ id: string; category_code: string; source: string; status: string; town_id: string; town_path: string; at: Date }>(
    `with due as (
       select id from cases where plans_checked_at is null order by created_at, id limit $2 for update skip locked)
     update cases c set plans_checked_at = $1 from due, org_units t
      where c.id = due.id and t.id = c.town_id
      returning c.id, c.category_code, c.source, c.status, c.town_id, t.path as town_path, c.created_at as at`, [now, limit]);
  const live = (c: (typeof r.rows)[number]) => c.status !== 'closed' && c.status !== 'rejected' && fresh(c.at, now);
  return { claimed: r.rows.length, events: r.rows.filter((c) => c.source !== 'sensor' && c.source !== 'platform' && c.source !== 'plan' && live(c)).map((c) => ({
    event: { kind: 'case', categoryCode: c.category_code, townId: c.town_id, ref: c.id, source: c.source }, orgPath: c.town_path,
  })) };
}

export const CLAIMS = { alarm: claimAlarms, alert: claimAlerts, case: claimCases } as const;

/**
 * One batch of one kind: claims, matches and writes in `tx`. Answers how many rows were claimed (the caller asks again
 * while a batch comes back full) and the matches written.
 */
export async function matchBatch(
  tx: Tx, kind: keyof typeof CLAIMS, now: Date, limit: number,
): Promise<{ claimed: number; matches: MatchedTrigger[] }> {
  const { claimed, events } = await CLAIMS[kind](tx, now, limit);
  const plansOf = new Map<string, ActivePlanOfTown[]>();
  const rows: NewMatch[] = [];
  for (const { event, orgPath } of events) {
    let plans = plansOf.get(event.townId);
    if (!plans) {
      plans = await listActivePlansOfTown(tx, event.townId);
      plansOf.set(event.townId, plans);
    }
    if (plans.length === 0) continue;
    for (const m of matchTriggers(plans, event)) {
      rows.push({
        planId: m.planId, planVersion: m.planVersion, townId: event.townId, orgPath, triggerKind: event.kind, triggerRef: event.ref,
        triggerKey: m.triggerKey, level: m.level, mode: m.mode,
      });
    }
  }
  const inserted = await insertMatches(tx, rows, now);
  const byKey = new Map(rows.map((r) => [`${r.planId}|${r.triggerKey}`, r]));
  const matches: MatchedTrigger[] = inserted.map((x) => {
    const r = byKey.get(`${x.plan_id}|${x.trigger_key}`)!;
    return { id: x.id, planId: r.planId, level: r.level, mode: r.mode, triggerKind: r.triggerKind, triggerRef: r.triggerRef, triggerKey: r.triggerKey };
  });
  return { claimed, matches };
}
