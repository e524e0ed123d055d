// The alarm calls of the desktop pages (告警中心, the device page's alarms): a page of alarms by status, category,
// unit, device or "mine", one alarm, acknowledge and clear; and the live case stream, on which every alarm change comes
// as a change of its care order (actions alarm_raised, alarm_notified, alarm_escalated, alarm_acknowledged, alarm_cleared).
import type { Static } from '@sinclair/typebox';
import { api } from '../../lib/api.ts';
import type * as s from '../../../server/alarms/schemas.ts';
import type { AlarmCategory, AlarmStatus } from '../../../shared/alarms.ts';

export type AlarmSummary = s.AlarmSummaryView;
export type AlarmDetail = s.AlarmDetailView;
export type AlarmPage = Static<typeof s.AlarmPage>;

export interface AlarmQuery { status?: AlarmStatus; category?: AlarmCategory; orgUnitId?: string; deviceId?: string; mine?: boolean; limit?: number }

export const listAlarms = (q: AlarmQuery, cursor: string | null, signal?: AbortSignal) =>
  api<AlarmPage>('/api/alarms', {
    query: { status: q.status, category: q.category, orgUnitId: q.orgUnitId, deviceId: q.deviceId, mine: q.mine ? '1' : undefined, limit: q.limit ?? 50, cursor },
    signal,
  });

export const fetchAlarm = (id: string, signal?: AbortSignal) => api<AlarmDetail>(`/api/alarms/${encodeURIComponent(id)}`, { signal });

export const acknowledgeAlarm = (id: string, version: number) =>
  api<AlarmDetail>(`/api/alarms/${encodeURIComponent(id)}/acknowledge`, { method: 'POST', body: { version } });

export const clearAlarm = (id: string, version: number, note: string | undefined) =>
  api<AlarmDetail>(`/api/alarms/${encodeURIComponent(id)}/clear`, { method: 'POST', body: { version, ...(note ? { note } : {}) } });

export { subscribeCaseEvents, type CaseEvent } from '../cases/desktop/api.ts';

/** A live case change that is an alarm's. */
export const isAlarmChange = (action: string) => action.startsWith('alarm_');
/** The changes that sound: a new alarm, and an escalation step going out. */
export const soundsFor = (action: string) => action === 'alarm_raised' || action === 'alarm_escalated';
