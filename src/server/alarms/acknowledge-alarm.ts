import type { Db } from '../platform/db/db.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { acknowledgeRefusal, type AlarmRefusal } from '../../domain/alarms/alarm-policies.ts';
import * as store from './alarm-store.ts';
import type { AlarmViewer } from './alarm-store.ts';
import { onCareOrderTimeline } from './notify-recipients.ts';


/** the care order's timeline entry (not an audit action) */
const ACKNOWLEDGED = 'alarm_acknowledged';
/** Who answers an alarm, as the commands record them. */
export interface AlarmActor extends AlarmViewer {
  name: string;
  username: string;
  ip: string | null;
}

export const refused = (r: AlarmRefusal) => new AppError(r.code, r.message, r.messageZh);
export const versionConflict = () =>
  new AppError('CONFLICT', 'The alarm changed since you read it; read it again.', '告警已被他人更新，请刷新后再试。');

/**
 * Someone is on it (已响应): the alarm stops escalating. One transaction: the alarm (inside the caller's territory: 404
 * otherwise), its audit entry, and `alarm_acknowledged` on the care order's timeline, published live.
 */
export async function acknowledgeAlarm(db: Db, id: string, version: number, by: AlarmActor, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    // locked first, so the state read next is the one the update meets
    await store.lockAlarm(tx, id);
    const a = await store.findAlarm(tx, id, by);
    if (!a) throw notFound('alarm');
    const refusal = acknowledgeRefusal({ status: a.status, category: a.category });
    if (refusal) throw refused(refusal);
    if (!(await store.acknowledge(tx, id, version, by, now))) throw versionConflict();
    await appendAudit(tx, {
      at: now, actorId: by.accountId, actorName: by.username, ip: by.ip, action: 'alarm.acknowledge', targetType: 'alarm', targetId: id,
      success: true, detail: { deviceId: a.device_id, alarmType: a.alarm_type, caseId: a.case_id, step: a.escalation_step },
    });
    if (a.case_id) {
      await onCareOrderTimeline(tx, a.case_id, {
        action: ACKNOWLEDGED, at: now, actorId: by.accountId, actorName: by.name,
        data: { alarmId: id, alarmType: a.alarm_type, step: a.escalation_step, afterSec: Math.round((now.getTime() - a.raised_at.getTime()) / 1000) },
      });
    }
  });
}
