// Acknowledging from a list or a drawer: one call, one message, the same answer to a changed alarm.
import type { App } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError, errorText } from '../../lib/api.ts';
import { acknowledgeAlarm, type AlarmSummary } from './api.ts';

type MessageInstance = ReturnType<typeof App.useApp>['message'];

/** The alarm changed since it was read (someone else answered it, or it cleared itself). */
export const isConflict = (e: unknown) => e instanceof ApiError && e.status === 409;

export async function acknowledge(a: AlarmSummary, t: TFunction, lang: string, message: MessageInstance): Promise<void> {
  try {
    await acknowledgeAlarm(a.id, a.version);
    message.success(t('alarms.acknowledged'));
  } catch (e) {
    if (isConflict(e)) message.warning(t('alarms.conflict'));
    else message.error(errorText(e, lang));
  }
}
