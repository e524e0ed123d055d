// Working calendar calls (工作日历): the years entered and those missing, one year's 法定节假日 and 调休上班
// days, and saving a year (admin). A refused save keeps the API's per-date problems for the page.
import { api, ApiError, tokenStore } from '../../app/api.ts';
import type { ApiErrorBody } from '../../../shared/errors.ts';

export interface CalendarYearSummary { year: number; source: string; holidays: number; workdays: number; updatedAt: string; updatedBy: string | null }
export interface CalendarOverview { items: CalendarYearSummary[]; today: string; missing: number[] }
export interface CalendarYear {
  year: number; source: string | null; holidays: string[]; workdays: string[]; updatedAt: string | null; updatedBy: string | null;
}
export interface CalendarInput { source: string; holidays: string[]; workdays: string[] }
/** One refused entry of a save: the date and list it is about when it names one. */
export interface CalendarProblem { list: 'holidays' | 'workdays' | null; date: string | null; field: string; message: string; messageZh?: string }

export class CalendarSaveError extends ApiError {
  readonly problems: CalendarProblem[];
  constructor(base: ApiError, problems: CalendarProblem[]) {
    super(base.status, base.code, base.message, base.messageZh);
    this.problems = problems;
  }
}

/** Fired on window after a save, so the shell's "not entered" warning refreshes. */
export const CALENDAR_SAVED_EVENT = 'zhizhi:calendar-saved';

export const getCalendarOverview = (signal?: AbortSignal) => api<CalendarOverview>('/api/working-calendar', { signal });

export const getCalendarYear = (year: number, signal?: AbortSignal) => api<CalendarYear>(`/api/working-calendar/${year}`, { signal });

export async function saveCalendarYear(year: number, body: CalendarInput): Promise<CalendarYear> {
  const token = tokenStore.get();
  let res: Response;
  try {
    res = await fetch(`/api/working-calendar/${year}`, {
      method: 'PUT', body: JSON.stringify(body),
      headers: { accept: 'application/json', 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Cannot reach the server.', '无法连接服务器，请检查网络。');
  }
  const data = (await res.json().catch(() => undefined)) as (CalendarYear & Partial<ApiErrorBody>) | undefined;
  if (res.ok && data) {
    window.dispatchEvent(new Event(CALENDAR_SAVED_EVENT));
    return data;
  }
  if (res.status === 401 && token) void api('/api/me').catch(() => undefined); // lets the app's 401 handler sign out
  const err = data?.error;
  const base = new ApiError(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? res.statusText, err?.messageZh);
  throw new CalendarSaveError(base, problemsOf(err?.details, body));
}

interface RawProblem { field?: string; path?: string; date?: string; message?: string; problem?: string; messageZh?: string }

/**
 * The refusals of a save, whichever way the API words them: `[{ field: 'holidays', date, message, messageZh }]`
 * from the calendar rules, `[{ field: 'body.holidays.3', problem }]` from schema validation, or
 * `{ problems: [{ path: '/holidays/3', message }] }`; an index is looked up in the body sent.
 */
function problemsOf(details: unknown, body: CalendarInput): CalendarProblem[] {
  const raw = Array.isArray(details) ? details : (details as { problems?: unknown } | undefined)?.problems;
  if (!Array.isArray(raw)) return [];
  return (raw as RawProblem[]).map((p) => {
    const field = (p.path ?? p.field ?? '').replace(/^\/|^body[./]?/, '').replaceAll('/', '.');
    const [head, index] = field.split('.');
    const list = head === 'holidays' || head === 'workdays' ? head : null;
    const date = p.date ?? (list && index !== undefined ? body[list][Number(index)] ?? null : null);
    return { list, date, field, message: p.message ?? p.problem ?? '', messageZh: p.messageZh };
  });
}
