import type { Db, Tx } from '../platform/db/db.ts';
import { AppError } from '../platform/errors.ts';
import { reportCase, type IntakeServices } from '../cases/report-case.ts';
import { insertTask, type NewTask } from '../tasks/task-store.ts';
import * as team from '../tasks/team-store.ts';
import { assign, gridTeamOf } from '../../domain/tasks/assignment.ts';
import { shanghaiDate } from '../../domain/sla/working-calendar.ts';
import { firstNotification } from '../../domain/alarms/escalation.ts';
import { careOrderDescription, deviceCheckTitle, type AlarmForText } from '../../domain/alarms/care-order-text.ts';
import { claimUndispatched, lockAlarm, markDispatched, type AlarmViewRow } from './alarm-store.ts';
import { onCareOrderTimeline, sendStep } from './notify-recipients.ts';
import { queuePartnerNotifications } from './queue-partner-notifications.ts';

/** How long a node holds an alarm while it opens the care order; after that another node may try (the case is made once). */
const LEASE_MS = 30_000;
/** Care orders opened side by side in one run. */
const CONCURRENCY = 4;

/** The Matter a care or safety alarm falls back on when its rule names none. */
const FALLBACK_MATTER = { care: 'S0101', safety: 'S0201' } as const;

export interface DispatchRun {
  dispatched: number;
  caseIds: string[];
  taskIds: string[];
  /** alarms that could not be dispatched this time (they are tried again when their lease runs out) */
  failed: number;
}

/** The Idempotency-Key of an alarm's care order: whatever happens between making the case and recording it, one case. */
export const careOrderKey = (alarmId: string) => `alarm:${alarmId}`;

/**
 * The alarms' outbox: each alarm the rules raised and nobody dispatched yet (or only `ids`, when the ingest kicked the
 * clock with them). A care or safety alarm opens a red urgent care order (关爱工单) through intake — source `sensor`, the
 * rule's Matter, the device's point and address, reported by the device — and then, in one transaction, is linked to
 * it, notifies step 0 of its profile's escalation (timeline `alarm_raised` and `alarm_notified`), sets the time of the
 * next step, and queues the partners' webhooks. A maintenance alarm (the device went silent) becomes a `deviceCheck`
 * task for a worker of the device's grid.
 */
export async function dispatchAlarms(db: Db, intake: IntakeServices, now: Date, ids?: readonly string[], o: { limit?: number; log?: (line: string) => void } = {}): Promise<DispatchRun> {
  const claimed = await db.transaction((tx) => claimUndispatched(tx, now, new Date(now.getTime() + LEASE_MS), o.limit ?? 100, ids));
  const run: DispatchRun = { dispatched: 0, caseIds: [], taskIds: [], failed: 0 };
  let next = 0;
  const worker = async () => {
    while (next < claimed.length) {
      const a = claimed[next++]!;
      try {
        const done = await dispatchOne(db, intake, a, now);
        if (!done) continue;
        run.dispatched++;
        if (done.caseId) run.caseIds.push(done.caseId);
        if (done.taskId) run.taskIds.push(done.taskId);
      } catch (err) {
        run.failed++;
        o.log?.(`alarm ${a.id}: dispatch failed, retried later: ${(err as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, claimed.length) }, worker));
  return run;
}

const textOf = (a: AlarmViewRow): AlarmForText => ({
  category: a.category, alarmType: a.alarm_type, ruleName: a.rule_name, level: a.level, raisedAt: a.raised_at, details: a.details ?? {},
});

async function dispatchOne(db: Db, intake: IntakeServices, a: AlarmViewRow, now: Date): Promise<{ caseId: string | null; taskId: string | null } | null> {
  if (a.status === 'cleared') {
    // over before anything was made (a silent device heard again): nothing to open, nobody to tell
    return db.transaction(async (tx) => {
      const locked = await lockAlarm(tx, a.id);
      if (!locked || locked.dispatched_at) return null;
      await markDispatched(tx, a.id, { caseId: null, taskId: null, at: now, nextEscalationAt: null, error: null });
      return { caseId: null, taskId: null };
    });
  }
  if (a.category === 'maintenance') {
    return db.transaction(async (tx) => {
      const locked = await lockAlarm(tx, a.id);
      if (!locked || locked.dispatched_at) return null;
      const taskId = await deviceCheckTask(tx, a, now);
      await markDispatched(tx, a.id, { caseId: null, taskId, at: now, nextEscalationAt: null, error: null });
      return { caseId: null, taskId };
    });
  }
  const matterCode = a.matter_code ?? FALLBACK_MATTER[a.category];
  let caseId: string | null = null;
  let error: string | null = null;
  if (a.lng === null || a.lat === null) {
    error = 'noLocation';
  } else {
    try {
      const r = await reportCase(db, intake, {
        categoryCode: matterCode,
        description: careOrderDescription(textOf(a), { type: a.device_type, name: a.device_name, bindingKind: a.binding_kind, address: a.address }),
        location: { lng: a.lng, lat: a.lat },
        ...(a.address ? { address: a.address } : {}),
        source: 'sensor',
        reporter: { kind: 'device', accountId: null, name: null, phone: null },
        actorName: null,
        actorId: null,
        idempotencyKey: careOrderKey(a.id),
      }, now);
      caseId = r.caseId;
    } catch (err) {
      // the point outside every grid, no such Matter in the town: no retry fixes it; people are still told
      if (!(err instanceof AppError) || err.status >= 500 || err.code === 'CONFLICT') throw err;
      error = err.code;
    }
  }
  return db.transaction(async (tx) => {
    const locked = await lockAlarm(tx, a.id);
    if (!locked || locked.dispatched_at) return null;
    const first = firstNotification(a.escalation, a.raised_at);
    await markDispatched(tx, a.id, { caseId, taskId: null, at: now, nextEscalationAt: first.nextAt, error });
    const place = { id: a.id, townId: a.town_id, gridId: a.grid_id, caseId, matterCode };
    if (caseId) {
      await onCareOrderTimeline(tx, caseId, {
        action: 'alarm_raised', at: now, actorId: null, actorName: null,
        data: {
          alarmId: a.id, alarmType: a.alarm_type, ruleName: a.rule_name, level: a.level, category: a.category, raisedAt: a.raised_at.toISOString(),
          deviceId: a.device_id, deviceName: a.device_name, deviceType: a.device_type, details: a.details ?? {},
        },
      });
    }
    // acknowledged (or cleared) before its order was made: nobody needs waking
    if (locked.status === 'active') await sendStep(tx, place, 0, first.notify, 'alarm_notified', now);
    await queuePartnerNotifications(tx, { alarmId: a.id, caseId, townId: a.town_id, alarmType: a.alarm_type }, now);
    return { caseId, taskId: null };
  });
}

/** A maintenance alarm's task: check the device, for a present worker of its grid (as the daily generation would choose). */
async function deviceCheckTask(tx: Tx, a: AlarmViewRow, now: Date): Promise<string> {
  const today = shanghaiDate(now);
  const members = await team.gridTeamMembers(tx, a.grid_id);
  const crew = gridTeamOf(members);
  const ids = [...crew.workers.map((w) => w.accountId), ...(crew.leader ? [crew.leader.accountId] : [])];
  const picked = assign({ stickKey: `device:${a.device_id}`, startsOn: today }, crew, await team.absencesOn(tx, ids, today), await team.openLoads(tx, a.grid_id));
  const task: NewTask = {
    town_id: a.town_id, grid_id: a.grid_id, org_path: a.org_path, kind: 'deviceCheck', duty_code: null,
    subject_kind: 'device', subject_id: a.device_id, title: deviceCheckTitle(textOf(a), { type: a.device_type, name: a.device_name }),
    detail: [a.address, a.rule_name].filter(Boolean).join('；') || null,
    campaign_id: null, assignee_id: picked.assigneeId, assignee_name: picked.assigneeId ? picked.assigneeName : null, lng: a.lng, lat: a.lat,
    starts_on: today, due_on: today, dedupe_key: `alarm:${a.id}`,
    // made by the system, not by an account (the column allows it; the tasks' own commands always name one)
    created_by: null as unknown as string, created_by_name: '系统', created_at: now,
  };
  return (await insertTask(tx, task)).id;
}
