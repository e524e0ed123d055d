import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { CALENDAR_EDITORS, STAFF_ROLES, type Role } from '../../shared/roles.ts';
import { requirePrincipal } from '../platform/auth.ts';
import { AppError } from '../platform/errors.ts';
import { actorOf, appendAudit } from '../audit/audit-log.ts';
import { shanghaiDate } from '../../domain/sla/working-calendar.ts';
import { missingCalendarYears, normaliseCalendarYear, validateCalendarYear, type CalendarProblem } from '../../domain/calendar/calendar-year.ts';
import * as store from './store.ts';
import * as s from './schemas.ts';
import { calendarPolicies } from '../../domain/calendar/policies.ts';

const PROBLEM_ZH: Record<CalendarProblem['code'], (date: string) => string> = {
  NOT_A_DATE: (d) => `${d} 不是有效日期（应为 YYYY-MM-DD）`,
  OUTSIDE_YEAR: (d) => `${d} 不在本年度`,
  DUPLICATE: (d) => `${d} 重复填写`,
  IN_BOTH: (d) => `${d} 不能既是假日又是调休上班日`,
  NOT_WEEKEND: (d) => `${d} 是工作日，只有周六、周日才能设为调休上班`,
};

/** A year as the reader sees it, with what they may do to it. */
function present(year: number, row: store.CalendarYearRow | null, roles: readonly Role[]): Static<typeof s.CalendarYear> {
  return {
    year, source: row?.source ?? null, holidays: row?.holidays ?? [], workdays: row?.workdays ?? [],
    updatedAt: row?.updated_at.toISOString() ?? null, updatedBy: row?.updated_by_name ?? null,
    policies: calendarPolicies(roles),
  };
}

/** 工作日历: the public holidays and swapped working days that working-day deadlines are counted on. */
export async function calendarRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/working-calendar', {
    config: { access: STAFF_ROLES },
    schema: {
      summary: 'The years of the working calendar',
      tags: ['calendar'], response: { 200: s.CalendarOverview },
      description: 'The years of the working calendar entered so far, and the years still missing (this year; from November also the next).',
    },
  }, async (req) => {
    const rows = await store.listCalendarYears(app.db);
    const today = shanghaiDate(app.clock());
    return {
      items: rows.map((r) => ({
        year: r.year, source: r.source, holidays: r.holidays.length, workdays: r.workdays.length,
        updatedAt: r.updated_at.toISOString(), updatedBy: r.updated_by_name,
      })),
      today, missing: missingCalendarYears(rows.map((r) => r.year), today),
      policies: calendarPolicies(requirePrincipal(req).roles),
    };
  });

  app.get('/api/working-calendar/:year', {
    config: { access: STAFF_ROLES },
    schema: { summary: 'One year of the working calendar', tags: ['calendar'], params: s.YearParams, response: { 200: s.CalendarYear }, description: 'One year: its holidays and swapped working days (empty lists when not entered yet).' },
  }, async (req) => {
    const { year } = req.params as Static<typeof s.YearParams>;
    return present(year, await store.findCalendarYear(app.db, year), requirePrincipal(req).roles);
  });

  app.put('/api/working-calendar/:year', {
    config: { access: CALENDAR_EDITORS },
    schema: {
      summary: 'Save a year of the working calendar',
      tags: ['calendar'], params: s.YearParams, body: s.CalendarYearInput, response: { 200: s.CalendarYear },
      description: 'Replaces a year with the days of the State Council notice. Deadlines already set keep their time; clocks started afterwards count on the new days.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { year } = req.params as Static<typeof s.YearParams>;
    const body = req.body as Static<typeof s.CalendarYearInput>;
    const problems = validateCalendarYear({ year, holidays: body.holidays, workdays: body.workdays });
    if (problems.length > 0) {
      const details = problems.map((pr) => ({ ...pr, messageZh: PROBLEM_ZH[pr.code](pr.date) }));
      throw new AppError('VALIDATION_FAILED', `The calendar is not valid: ${problems.map((pr) => pr.message).join('; ')}`,
        `工作日历有误：${details.map((d) => d.messageZh).join('；')}`, details);
    }
    const entry = normaliseCalendarYear({ year, holidays: body.holidays, workdays: body.workdays });
    const at = app.clock();
    await app.db.transaction(async (tx) => {
      await store.saveCalendarYear(tx, { ...entry, source: body.source.trim(), at, by: p.accountId });
      await appendAudit(tx, {
        at, ...actorOf(req), action: 'calendar.save', targetType: 'working_calendar', targetId: String(year), success: true,
        detail: { holidays: entry.holidays.length, workdays: entry.workdays.length },
      });
    });
    app.calendar.invalidate();
    return present(year, await store.findCalendarYear(app.db, year), p.roles);
  });
}
