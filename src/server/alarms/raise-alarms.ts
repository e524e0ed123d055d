import type { Tx } from '../platform/db/db.ts';
import type { AlarmCategory } from '../../shared/alarms.ts';
import type { AlarmLevel } from '../../shared/devices.ts';
import { notifyScreenChanges } from '../platform/live.ts';

export interface ChangedAlarm { id: string; org_path: string; grid_id: string; alarm_type: string; level: string; status: string }

/** Tells the command screens (over /api/events) of the alarms changed, when the transaction commits. */
export async function announceAlarms(tx: Tx, rows: readonly ChangedAlarm[], action: string, at: Date): Promise<void> {
  await notifyScreenChanges(tx, rows.map((a) => ({
    subject: 'alarm', id: a.id, action, status: a.status, orgPath: a.org_path, at: at.toISOString(), type: a.alarm_type,
    level: a.level, gridId: a.grid_id,
  })));
}
const CHANGED = 'id, org_path, grid_id, alarm_type, level, status';

/** An alarm a device's rule raised, as the ingest (or a rule's deadline) hands it over inside its transaction. */
export interface NewAlarm {
  deviceId: string;
  alarmType: string;
  category: AlarmCategory;
  ruleId: string;
  level: AlarmLevel;
  matterCode: string | null;
  raisedAt: Date;
  details: Record<string, unknown>;
}

/**
 * Inserts the alarms in the caller's transaction, one active per (device, type): an alarm whose type already stands
 * for the device is not raised again (the unique index decides, so two nodes racing raise one). Town, grid and path come
 * from the device. Answers the ids of the alarms raised now; they wait in the outbox (`dispatched_at` null) until the
 * alarm clock opens their care order or task.
 */
export async function insertAlarms(tx: Tx, alarms: readonly NewAlarm[]): Promise<string[]> {
  if (alarms.length === 0) return [];
  const r = await tx.query<ChangedAlarm>(
    `insert into alarms (device_id, town_id, grid_id, org_path, alarm_type, category, rule_id, level, matter_code, raised_at, details)
     select d.id, d.town_id, d.grid_id, d.org_path, a.alarm_type, a.category, a.rule_id, a.level, a.matter_code, a.raised_at, a.details
       from jsonb_to_recordset($1::jsonb) as a(device_id text, alarm_type text, category text, rule_id text, level text,
                                                matter_code text, raised_at timestamptz, details jsonb)
       join devices d on d.id = a.device_id
     on conflict (device_id, alarm_type) where status <> 'cleared' do nothing
     returning ${CHANGED}`,
    [JSON.stringify(alarms.map((a) => ({
      device_id: a.deviceId, alarm_type: a.alarmType, category: a.category, rule_id: a.ruleId, level: a.level,
      matter_code: a.matterCode, raised_at: a.raisedAt.toISOString(), details: a.details,
    })))],
  );
  await announceAlarms(tx, r.rows, 'raised', alarms[0]!.raisedAt);
  return r.rows.map((x) => x.id);
}

/**
 * Clears, as the system, the device's standing alarms of these types whose cause went away by itself (a device heard
 * again clears its offline alarm). Care and safety alarms are never cleared this way: a person clears them after
 * checking. Answers the ids cleared.
 */
export async function clearRecoveredAlarms(tx: Tx, deviceId: string, alarmTypes: readonly string[], now: Date): Promise<string[]> {
  if (alarmTypes.length === 0) return [];
  const r = await tx.query<ChangedAlarm>(
    `update alarms set status = 'cleared', cleared_at = $3, cleared_by_name = '系统', clear_note = 'sys:alarm.recovered',
            next_escalation_at = null, version = version + 1
      where device_id = $1 and alarm_type = any($2::text[]) and status <> 'cleared' and category = 'maintenance'
      returning ${CHANGED}`,
    [deviceId, alarmTypes, now],
  );
  await announceAlarms(tx, r.rows, 'cleared', now);
  return r.rows.map((x) => x.id);
}
