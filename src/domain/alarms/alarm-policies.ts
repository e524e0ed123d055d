import type { AlarmCategory, AlarmStatus } from '../../shared/alarms.ts';
import { ALARM_RESPONDERS } from '../../shared/alarms.ts';
import type { Role } from '../../shared/roles.ts';

/*
 * What may be done with an alarm: acknowledge (someone is on it: escalation stops) while it is active; clear (it is
 * over) while it is not cleared yet — a care or safety alarm only with a note of what was found.
 */

export type AlarmAction = 'acknowledge' | 'clear';

export interface AlarmFacts {
  status: AlarmStatus;
  category: AlarmCategory;
}

export type AlarmRefusal =
  | { code: 'ALARM_STATE_CONFLICT'; message: string; messageZh: string }
  | { code: 'VALIDATION_FAILED'; message: string; messageZh: string };

/** The actions a caller with these roles may take on the alarm now (the alarm is already inside the caller's territory). */
export function alarmPolicies(a: AlarmFacts, roles: readonly Role[]): AlarmAction[] {
  if (!roles.some((r) => (ALARM_RESPONDERS as readonly Role[]).includes(r))) return [];
  const out: AlarmAction[] = [];
  if (a.status === 'active') out.push('acknowledge');
  if (a.status !== 'cleared') out.push('clear');
  return out;
}

/** Why acknowledging is refused now, or null. */
export function acknowledgeRefusal(a: AlarmFacts): AlarmRefusal | null {
  if (a.status === 'active') return null;
  return a.status === 'acknowledged'
    ? { code: 'ALARM_STATE_CONFLICT', message: 'The alarm was acknowledged already.', messageZh: '该告警已有人响应。' }
    : { code: 'ALARM_STATE_CONFLICT', message: 'The alarm was cleared already.', messageZh: '该告警已解除。' };
}

/** Why clearing with this note is refused now, or null: a care or safety alarm needs a note of what was found. */
export function clearRefusal(a: AlarmFacts, note: string | undefined): AlarmRefusal | null {
  if (a.status === 'cleared') return { code: 'ALARM_STATE_CONFLICT', message: 'The alarm was cleared already.', messageZh: '该告警已解除。' };
  if (a.category !== 'maintenance' && (note ?? '').trim() === '') {
    return { code: 'VALIDATION_FAILED', message: 'Say what was found before clearing a care or safety alarm.', messageZh: '解除关爱或安全告警须填写现场情况说明。' };
  }
  return null;
}
