// Working calendar calls (工作日历): the years entered and those missing, one year's 法定节假日 and 调休上班
// days, and saving a year (admin). A refused save keeps the API's per-date problems for the page.
import type { Static } from '@sinclair/typebox';
import { api, ApiError } from '../../lib/api.ts';
import type * as s from '../../../server/calendar/schemas.ts';

export type CalendarOverview = Static<typeof s.CalendarOverview>;
export type CalendarYear = Static<typeof s.CalendarYear>;
export type CalendarInput = Static<typeof s.CalendarYearInput>;
/** One refused entry of a save: the date and list it is about when it names one. */
export interface CalendarProblem { list: 'holidays' | 'workdays' | null; date: string | null; field: string; message: string; messageZh?: string }

/** Fired on window after a save, so the shell's "not entered" warning refreshes. */
export const CALENDAR_SAVED_EVENT = 'zhizhi:calendar-saved';

export const getCalendarOverview = (signal?: AbortSignal) => api<CalendarOverview>('/api/working-calendar', { signal });

export const getCalendarYear = (year: number, signal?: AbortSignal) => api<CalendarYear>(`/api/working-calendar/${year}`, { signal });

export async function saveCalendarYear(year: number, body: CalendarInput): Promise<CalendarYear> {
  const saved = await api<CalendarYear>(`/api/working-calendar/${year}`, { method: 'PUT', body });
  window.dispatchEvent(new Event(CALENDAR_SAVED_EVENT));
  return saved;
}

interface RawProblem { field?: string; date?: string; message?: string; problem?: string; messageZh?: string }

/**
 * The refusals of a save, as the API words them: `[{ field: 'holidays', date, message, messageZh }]` from the
 * calendar rules, or `[{ field: 'body.holidays.3', problem }]` from schema validation (the index is looked up in the
 * body sent). Empty for any other error.
 */
export function calendarProblems(e: unknown, body: CalendarInput): CalendarProblem[] {
  if (!(e instanceof ApiError) || !Array.isArray(e.details)) return [];
  return (e.details as RawProblem[]).map((p) => {
    const field = (p.field ?? '').replace(/^body[./]?/, '');
    const [head, index] = field.split('.');
    const list = head === 'holidays' || head === 'workdays' ? head : null;
    const date = p.date ?? (list && index !== undefined ? body[list][Number(index)] ?? null : null);
    return { list, date, field, message: p.message ?? p.problem ?? '', messageZh: p.messageZh };
  });
}
