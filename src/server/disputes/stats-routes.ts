import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { requirePrincipal } from '../platform/auth.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { DISPUTE_FIGURE_READERS, DISPUTE_TIERS, RISK_LEVELS } from '../../shared/disputes.ts';
import { dateOfDayNumber, dayNumberOfDate, shanghaiDayNumber, startOfShanghaiDay } from '../../domain/sla/working-calendar.ts';
import { findUnit } from './sweep-store.ts';
import { DisputeStats, DisputeStatsQuery, type DisputeStatsView } from './mediation-schemas.ts';
import * as store from './stats-store.ts';

/** Without `from`, the figures cover this many days up to `to` (both days included). */
export const DEFAULT_DAYS = 30;
const MAX_DAYS = 3 * 366;

/** 纠纷统计: the figures of the disputes registered in a period under one unit of the caller's scope. */
export async function statsRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/disputes/stats', {
    config: { access: DISPUTE_FIGURE_READERS },
    schema: {
      summary: 'Dispute figures', tags: ['disputes'], querystring: DisputeStatsQuery, response: { 200: DisputeStats },
      description: `The disputes registered from \`from\` to \`to\` (days, Asia/Shanghai, both included; default the last ${DEFAULT_DAYS} days to today) under \`orgUnitId\` (a unit inside the caller's scope, 404 outside; default the scope itself): found, resolved (an agreement reached: resolved_at set, whatever happened later), the resolution rate (resolved ÷ found), open and closed, by class (names), by tier, by handling unit (names), by risk, referrals by unit kind (replied, overdue now), transfers to litigation, flare-ups (reopened from an earlier dispute), mediation sessions and agreements, and the median days from registration to resolution.`,
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof DisputeStatsQuery>;
    const now = app.clock();
    if (p.scopePath === null) throw notFound('organisation unit');
    const unit = await findUnit(app.db, q.orgUnitId ?? p.scopeOrgUnitId ?? '');
    if (!unit || !unit.path.startsWith(p.scopePath)) throw notFound('organisation unit');
    const to = q.to ? dayNumberOfDate(q.to) : shanghaiDayNumber(now);
    const from = q.from ? dayNumberOfDate(q.from) : to - DEFAULT_DAYS + 1;
    if (from > to || to - from > MAX_DAYS) {
      throw new AppError('VALIDATION_FAILED', `\`from\` must not be after \`to\`, and the period at most ${MAX_DAYS} days.`, `开始日期不能晚于结束日期，统计区间最长 ${MAX_DAYS} 天。`);
    }
    const w: store.StatsWindow = { path: unit.path, from: startOfShanghaiDay(from), before: startOfShanghaiDay(to + 1), now };
    const [b, refs, med] = [await store.breakdowns(app.db, w), await store.referrals(app.db, w), await store.mediationCounts(app.db, w)];
    const { totals: t, byClass: classes, byTier: tiers, byRisk: risks, byHandlingUnit: units } = b;
    const out: DisputeStatsView = {
      orgUnitId: unit.id, orgUnitName: unit.name, from: dateOfDayNumber(from), to: dateOfDayNumber(to),
      found: t.found, resolved: t.resolved, resolutionRate: t.found === 0 ? null : Math.round((t.resolved / t.found) * 1000) / 1000,
      open: t.open, closed: t.closed,
      byClass: classes,
      byTier: DISPUTE_TIERS.map((tier) => tiers.find((x) => x.tier === tier) ?? { tier, count: 0, resolved: 0 }),
      byHandlingUnit: units,
      byRisk: RISK_LEVELS.map((risk) => risks.find((x) => x.risk === risk) ?? { risk, count: 0 }),
      referrals: {
        total: refs.reduce((s, x) => s + x.total, 0), replied: refs.reduce((s, x) => s + x.replied, 0), overdue: refs.reduce((s, x) => s + x.overdue, 0),
        byUnitKind: refs.map((x) => ({ unitKind: x.unit_kind, count: x.total })),
      },
      litigation: t.litigation, flareUps: t.flare_ups, mediations: med.mediations, agreements: med.agreements,
      medianDaysToResolve: t.median_days === null ? null : Math.round(t.median_days * 10) / 10,
    };
    return out;
  });
}
