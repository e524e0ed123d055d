import type { ScreenChange } from '../platform/live.ts';
import type { ScreenLiveChange } from './screen-schemas.ts';

/** What a command screen hears of an alarm or incident change over /api/events: no path, no person. */
export function presentScreenChange(c: ScreenChange): ScreenLiveChange {
  return {
    subject: c.subject, id: c.id, action: c.action, status: c.status, type: c.type, level: c.level, gridId: c.gridId,
    ...(c.number !== undefined ? { number: c.number } : {}), ...(c.title !== undefined ? { title: c.title } : {}), at: c.at,
  };
}
