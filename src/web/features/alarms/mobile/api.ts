// The alarm calls of the grid worker's phone: the active alarms notified to me, one alarm, acknowledge; and the live
// case stream, on which every alarm change (raised, notified, escalated, acknowledged, cleared) comes as a change of its
// care order.
import { api } from '../../../lib/api.ts';
import type * as s from '../../../../server/alarms/schemas.ts';
import type { Static } from '@sinclair/typebox';
import type { AlarmStatus } from '../../../../shared/alarms.ts';

export type AlarmSummary = s.AlarmSummaryView;
export type AlarmDetail = s.AlarmDetailView;
export type AlarmPage = Static<typeof s.AlarmPage>;

export const listMyAlarms = (status: AlarmStatus, signal?: AbortSignal, limit = 20) =>
  api<AlarmPage>('/api/alarms', { query: { status, mine: '1', limit }, signal });

export const fetchAlarm = (id: string, signal?: AbortSignal) => api<AlarmDetail>(`/api/alarms/${encodeURIComponent(id)}`, { signal });

export const acknowledgeAlarm = (id: string, version: number) =>
  api<AlarmDetail>(`/api/alarms/${encodeURIComponent(id)}/acknowledge`, { method: 'POST', body: { version } });

// the one live connection of the app (shared with the dispatcher's pages)
export { subscribeCaseEvents, type CaseEvent } from '../../cases/desktop/api.ts';

/** A live case change that is an alarm's: a new, escalated, answered or cleared alarm on a care order. */
export const isAlarmChange = (action: string) => action.startsWith('alarm_');
