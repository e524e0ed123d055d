import { calendarFrom } from '../../domain/sla/working-calendar.ts';
import { CN_2026 } from '../../domain/sla/calendars/cn-2026.ts';

/** The working calendar SLA clocks count working days on (public holidays and 调休). */
export const WORKING_CALENDAR = calendarFrom([CN_2026]);
