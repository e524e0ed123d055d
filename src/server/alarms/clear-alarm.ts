import type { Db } from '../platform/db/db.ts';
import { notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { clearRefusal } from '../../domain/alarms/alarm-policies.ts';
import * as store from './alarm-store.ts';
import { onCareOrderTimeline } from './notify-recipients.ts';
import { refused, versionConflict, type AlarmActor } from './acknowledge-alarm.ts';


/** the care order's timeline entry (not an audit action) */
const CLEARED = 'alarm_cleared';
/**
 * It is over (已解除): the alarm stops escalating and the device may raise the same alarm again. A care or safety alarm
 * needs a note of what was found (400 VALIDATION_FAILED otherwise). One transaction: the alarm, its audit entry, and `alarm_cleared` with
 * the note on the care order's timeline, published live. The care order itself goes on through the case loop.
 */
export async function clearAlarm(db: Db, id: string, version: number, note: string | undefined, by: AlarmActor, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    // locked first, so the state read next is the one the update meets
    await store.lockAlarm(tx, id);
    const a = await store.findAlarm(tx, id, by);
    if (!a) throw notFound('alarm');
    const refusal = clearRefusal({ status: a.status, category: a.category }, note);
    if (refusal) throw refused(refusal);
    const text = note?.trim() || null;
    if (!(await store.clear(tx, id, version, by, text, now))) throw versionConflict();
    await appendAudit(tx, {
      at: now, actorId: by.accountId, actorName: by.username, ip: by.ip, action: 'alarm.clear', targetType: 'alarm', targetId: id,
      success: true, detail: { deviceId: a.device_id, alarmType: a.alarm_type, caseId: a.case_id, from: a.status },
    });
    if (a.case_id) {
      await onCareOrderTimeline(tx, a.case_id, {
        action: CLEARED, at: now, actorId: by.accountId, actorName: by.name, reason: text,
        data: { alarmId: id, alarmType: a.alarm_type, note: text },
      });
    }
  });
}
