// The active and answered alarms notified to the signed-in grid worker, kept fresh by the live case stream: every step
// of an alarm (raised, notified, escalated, acknowledged, cleared) is a change of its care order there. A new or
// escalated alarm makes the phone vibrate where it can.
import { useEffect, useRef } from 'react';
import { useMe } from '../../../app/auth.tsx';
import { useApi, type Loaded } from '../../../lib/useApi.ts';
import { ALARM_READERS } from '../../../../shared/alarms.ts';
import type { AlarmStatus } from '../../../../shared/alarms.ts';
import { isAlarmChange, listMyAlarms, subscribeCaseEvents, type AlarmPage } from './api.ts';

const URGENT = new Set(['alarm_raised', 'alarm_notified', 'alarm_escalated']);

/** Whether the account answers alarms at all (residents and departments never get a banner, nor a 403 for asking). */
export function useAnswersAlarms(): boolean {
  const me = useMe();
  return me.kind === 'staff' && me.roles.some((r) => (ALARM_READERS as readonly string[]).includes(r));
}

export function useMyAlarms(status: AlarmStatus, limit = 20): Loaded<AlarmPage> {
  const answers = useAnswersAlarms();
  const loaded = useApi(answers ? (signal) => listMyAlarms(status, signal, limit) : null, [answers, status, limit]);
  const reload = useRef(loaded.reload);
  reload.current = loaded.reload;
  useEffect(() => {
    if (!answers) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = subscribeCaseEvents((e) => {
      if (!isAlarmChange(e.action)) return;
      if (URGENT.has(e.action) && status === 'active') navigator.vibrate?.([300, 120, 300]);
      // a burst of steps (raised, then notified) reloads once
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => reload.current(), 300);
    });
    return () => { off(); if (timer) clearTimeout(timer); };
  }, [answers, status]);
  return loaded;
}
