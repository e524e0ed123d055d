import type { FastifyInstance } from 'fastify';
import { requirePrincipal } from '../platform/auth.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { listUnitsByIds } from '../org/store.ts';
import { ENFORCEMENT_READERS, ENFORCEMENT_STATUSES, ENFORCEMENT_TARGET_MIN, MATTER_SOURCES, PENALTY_KINDS } from '../../shared/enforcement.ts';
import { handlingTimes } from '../../domain/enforcement/timing.ts';
import { dateOfDayNumber, dayNumberOfDate, shanghaiDayNumber, startOfShanghaiDay } from '../../domain/sla/working-calendar.ts';
import { departmentsOf, visitsSaved } from './inspection-presenters.ts';
import { EnforcementStats, EnforcementStatsQuery } from './inspection-schemas.ts';
import * as store from './stats-store.ts';

const TAGS = ['enforcement'];
/** the period when none is asked for: the last 30 days, today included */
const DEFAULT_DAYS = 30;
const MAX_DAYS = 3 * 366;

/** the middle value (the mean of the two middle ones for an even count); null for none */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 === 1 ? v[mid]! : Math.round(((v[mid - 1]! + v[mid]!) / 2) * 10) / 10;
}

const share = (n: number, of: number) => (of === 0 ? null : Math.round((n / of) * 1000) / 1000);

function dayOf(date: string, field: string): number {
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(date) && dateOfDayNumber(dayNumberOfDate(date)) === date;
  if (!ok) throw new AppError('VALIDATION_FAILED', `${field} is not a date.`, `${field === 'from' ? '开始' : '结束'}日期无效。`);
  return dayNumberOfDate(date);
}

/**
 * Enforcement figures of a unit and period: cases opened (by status, by matter), the sources of their matters and the
 * share of delegated ones (赋权 + 委托), penalties decided, departures from the proposed benchmark, legal review's
 * corrections, the handling minutes (opened → decided) against the 15-minute mark, and the joint inspections with the
 * visits they saved.
 */
export async function statsRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/enforcement/stats', {
    config: { access: ENFORCEMENT_READERS },
    schema: {
      summary: 'Enforcement figures', tags: TAGS, querystring: EnforcementStatsQuery, response: { 200: EnforcementStats },
      description: 'Figures of the enforcement cases opened in [from, to] (Shanghai dates, default the last 30 days) inside `orgUnitId` (a unit inside the caller\'s scope; default the scope): counts by status and by matter (names), by the matter\'s source with the share of delegated matters (赋权 + 委托), penalties decided (count and fines), departures from the proposed benchmark (count and rate among confirmed bands), legal review\'s corrections (returns, cases returned, cases reviewed), the median minutes from opening to the decision and the share within 15 minutes; and the joint inspections planned in the period, done, and the separate visits they saved (departments − 1 each).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as EnforcementStatsQuery;
    if (p.scopePath === null) throw notFound('organisation unit');
    const unitId = q.orgUnitId ?? p.scopeOrgUnitId;
    const [unit] = unitId ? await listUnitsByIds(app.db, [unitId]) : [];
    if (!unit || !unit.path.startsWith(p.scopePath)) throw notFound('organisation unit');
    const today = shanghaiDayNumber(app.clock());
    const toDay = q.to ? dayOf(q.to, 'to') : today;
    const fromDay = q.from ? dayOf(q.from, 'from') : toDay - (DEFAULT_DAYS - 1);
    if (fromDay > toDay) throw new AppError('VALIDATION_FAILED', '`from` must not be after `to`.', '开始日期不能晚于结束日期。');
    if (toDay - fromDay > MAX_DAYS) throw new AppError('VALIDATION_FAILED', 'The period is at most three years.', '统计期间最长三年。');
    const f = { path: unit.path, from: startOfShanghaiDay(fromDay), to: startOfShanghaiDay(toDay + 1) };
    const [counts, decided, inspections] = await Promise.all([
      store.caseCounts(app.db, f), store.decidedTimes(app.db, f),
      store.inspectionsPlanned(app.db, unit.path, dateOfDayNumber(fromDay), dateOfDayNumber(toDay)),
    ]);
    const total = counts.byStatus.reduce((n, r) => n + r.count, 0);
    const bySource = MATTER_SOURCES.map((source) => ({ source, count: counts.bySource.find((r) => r.source === source)?.count ?? 0 }));
    const delegated = bySource.filter((s) => s.source !== 'statutory').reduce((n, s) => n + s.count, 0);
    const minutes = decided.map((d) => handlingTimes({ openedAt: d.opened_at, decidedAt: d.decided_at, events: [] }));
    const within = minutes.filter((m) => m.withinTarget === true).length;
    const done = inspections.filter((i) => i.status === 'done');
    const depts = (i: { departments: string[] }) => i.departments.map((department) => ({ department }));
    return {
      orgUnitId: unit.id,
      orgUnitName: unit.name,
      from: dateOfDayNumber(fromDay),
      to: dateOfDayNumber(toDay),
      cases: {
        total,
        byStatus: ENFORCEMENT_STATUSES.map((status) => ({ status, count: counts.byStatus.find((r) => r.status === status)?.count ?? 0 })),
        byMatter: counts.byMatter,
      },
      bySource,
      delegatedShare: share(delegated, total),
      penalties: PENALTY_KINDS.map((kind) => {
        const r = counts.penalties.find((x) => x.kind === kind);
        return { kind, count: r?.count ?? 0, fineYuan: r?.fineYuan ?? 0 };
      }),
      departures: { count: counts.departures, confirmed: counts.confirmed, rate: share(counts.departures, counts.confirmed) },
      reviewReturns: { returns: counts.reviewReturns, cases: counts.returnedCases, reviewed: counts.reviewed },
      handling: {
        decided: decided.length,
        medianMinutes: median(minutes.map((m) => m.handlingMinutes!)),
        withinTarget: within,
        withinTargetShare: share(within, decided.length),
        targetMinutes: ENFORCEMENT_TARGET_MIN,
      },
      inspections: {
        planned: inspections.length,
        done: done.length,
        visitsSaved: done.reduce((n, i) => n + visitsSaved('done', depts(i)), 0),
        departments: done.reduce((n, i) => n + departmentsOf(depts(i)).length, 0),
      },
    };
  });
}
