// What a caller may do to the working calendar, sent with it (`policies`) so the web never re-derives it from roles.
import { CALENDAR_EDITORS, holdsAnyRole, type Role } from '../../shared/roles.ts';

export const CALENDAR_ACTIONS = ['edit'] as const;
export type CalendarAction = (typeof CALENDAR_ACTIONS)[number];

/** The calendar is the country's, one for the platform: its editors (the system administrator) enter any year. */
export function calendarPolicies(roles: readonly Role[]): CalendarAction[] {
  return holdsAnyRole(roles, CALENDAR_EDITORS) ? ['edit'] : [];
}
