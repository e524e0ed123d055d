import type { Static } from '@sinclair/typebox';
import type { Role } from '../../shared/roles.ts';
import type { CaseStatus } from '../../shared/cases.ts';
import { maskName } from '../../domain/identity/personal-data.ts';
import { alarmPolicies } from '../../domain/alarms/alarm-policies.ts';
import type { AlarmViewRow, NotificationRow } from './alarm-store.ts';
import type * as s from './schemas.ts';

/* The only place that shapes the alarms' JSON: the bound person's name masked, `policies` for the caller. */

const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());

/** A person's name masked (张*); a place's name as it is. */
function bindingName(a: AlarmViewRow): string | null {
  if (a.binding_name === null) return null;
  return a.binding_kind === 'place' ? a.binding_name : maskName(a.binding_name);
}

export function presentAlarmSummary(a: AlarmViewRow, roles: readonly Role[]): Static<typeof s.AlarmSummary> {
  return {
    id: a.id, status: a.status, category: a.category, alarmType: a.alarm_type, ruleName: a.rule_name, level: a.level,
    raisedAt: iso(a.raised_at)!, version: a.version,
    device: { id: a.device_id, name: a.device_name, type: a.device_type },
    binding: { kind: a.binding_kind, id: a.binding_id, name: bindingName(a) },
    matterCode: a.matter_code, matterName: a.matter_name,
    gridId: a.grid_id, gridName: a.grid_name, townId: a.town_id, address: a.address,
    careOrder: a.case_id && a.case_number ? { id: a.case_id, number: a.case_number, status: a.case_status as CaseStatus } : null,
    taskId: a.task_id, dispatchedAt: iso(a.dispatched_at),
    escalationStep: a.escalation_step, nextEscalationAt: iso(a.next_escalation_at),
    acknowledgedAt: iso(a.acknowledged_at), acknowledgedByName: a.acknowledged_by_name,
    clearedAt: iso(a.cleared_at), clearedByName: a.cleared_by_name, clearNote: a.clear_note,
    notifiedToMe: a.notified_to_me,
    policies: alarmPolicies({ status: a.status, category: a.category }, roles),
  };
}

export function presentAlarmDetail(a: AlarmViewRow, notifications: readonly NotificationRow[], roles: readonly Role[]): Static<typeof s.AlarmDetail> {
  return {
    ...presentAlarmSummary(a, roles),
    location: a.lng === null || a.lat === null ? null : { lng: Number(a.lng), lat: Number(a.lat) },
    details: a.details ?? {},
    deviceState: { battery: a.battery, lastSeenAt: iso(a.last_seen_at) },
    notifications: notifications.map((n) => ({
      at: iso(n.at)!, step: n.step, role: n.role as Static<typeof s.AlarmNotification>['role'],
      recipients: n.recipients.map((r) => ({ accountId: r.accountId, name: r.name })),
    })),
  };
}
