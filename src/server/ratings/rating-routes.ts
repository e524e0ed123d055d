import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { requirePrincipal, type Principal } from '../platform/auth.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import type { Tx } from '../platform/db/db.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { INDICATOR_READERS, MEASURES } from '../../shared/indicators.ts';
import { RATING_JUDGES, type RatingLevel, type StarThresholds } from '../../shared/ratings.ts';
import { parsePeriod, periodsBetween } from '../../domain/indicators/periods.ts';
import { ruleRefusals } from '../../domain/ratings/rules.ts';
import { definitionsFor, periodInvalid } from '../indicators/values.ts';
import { computeRatings } from './compute-ratings.ts';
import { publishRatings } from './commands.ts';
import { ruleInForce, storedRule, writeRule } from './rules-store.ts';
import { listAppeals, listRatings, ratingById, type RatingRow } from './store.ts';
import { presentPeriod, presentRating } from './presenters.ts';
import { isJudge, townsFor, townsToChange } from './scope.ts';
import * as s from './schemas.ts';

const TAGS = ['ratings'];

const audit = (tx: Tx, p: Principal, ip: string, at: Date, e: { action: string; targetType: string; targetId: string | null; detail: unknown }) =>
  appendAudit(tx, { at, actorId: p.accountId, actorName: p.name, ip, ...e, success: true });

/** The months a period covers ('2026-11' → itself; '2026Q4' → its three; '2026' → twelve). */
function monthsOf(period: string): string[] {
  const pp = parsePeriod(period);
  if (!pp || pp.kind === 'day') throw periodInvalid(period);
  return pp.kind === 'month' ? [period] : periodsBetween('month', pp.from, pp.to);
}

/** GET /api/ratings, one rating, the rules, compute and publish. */
export async function ratingRoutes(app: FastifyInstance): Promise<void> {
  const presentRule = async (tx: Tx, p: Principal, level: RatingLevel, town: { id: string; name: string } | null): Promise<s.RuleViewT> => {
    const now = app.clock();
    const own = town ? await storedRule(tx, level, town.id) : null;
    const rule = own ?? await ruleInForce(tx, level, null, now);
    const defs = new Map((await definitionsFor(tx, town?.id ?? null)).map((d) => [d.code, d]));
    return {
      id: rule.id, level, townId: town?.id ?? null, townName: town?.name ?? null, cityDefault: own === null,
      items: rule.items.map((i) => ({ ...i, nameZh: defs.get(i.indicatorCode)?.nameZh ?? i.indicatorCode, nameEn: defs.get(i.indicatorCode)?.nameEn ?? i.indicatorCode, unit: defs.get(i.indicatorCode)?.unit ?? 'count' })),
      thresholds: rule.thresholds, vetoes: rule.vetoes, version: own || !town ? rule.version : 0, updatedAt: rule.updatedAt.toISOString(),
      // a town's leader edits the town's rule; the city's default is the administrator's (scope the city)
      policies: isJudge(p) && (town ? true : p.roles.includes('admin')) ? ['update'] : [],
    };
  };

  app.get('/api/ratings', {
    config: { access: INDICATOR_READERS },
    schema: {
      summary: 'Ratings of a level and period', tags: TAGS, querystring: s.RatingListQuery, response: { 200: s.RatingList },
      description: '三级五星评价: the ratings of grids, communities or towns for a month (a quarter or a year: the mean of its months per unit) with the score, stars, the breakdown (each indicator\'s value, target, weight and points) and the vetoes hit with their reasons. Judges (RATING_JUDGES) read the ratings of their scope computed or published; other staff read the published ratings of their town (peers\' figures are public inside the town); appeals only of their own units. `orgUnitId` narrows to the units under it. A department reads none. A bad period → 422 PERIOD_INVALID.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof s.RatingListQuery>;
    const months = monthsOf(q.period);
    let underPath: string | null = null;
    if (q.orgUnitId) {
      const u = (await app.db.query<{ path: string }>('select path from org_units where id = $1', [q.orgUnitId])).rows[0];
      if (!u) throw notFound('unit');
      underPath = u.path;
    }
    const rows = await listRatings(app.db, p, { level: q.level, periods: months, underPath });
    const appeals = rows.length > 0 ? await listAppeals(app.db, p, { ratingIds: rows.map((r) => r.id) }) : [];
    let items: s.RatingViewT[];
    if (months.length === 1) items = rows.map((r) => presentRating(r, p, appeals));
    else {
      const byUnit = new Map<string, RatingRow[]>();
      for (const r of rows) byUnit.set(r.org_unit_id, [...(byUnit.get(r.org_unit_id) ?? []), r]);
      items = [...byUnit.values()].map((ms) => presentPeriod(ms.sort((a, b) => b.period.localeCompare(a.period)), q.period, p, appeals))
        .sort((a, b) => b.score - a.score);
    }
    const judge = isJudge(p);
    return {
      level: q.level, period: q.period, items,
      counts: { computed: rows.filter((r) => r.status === 'computed').length, published: rows.filter((r) => r.status === 'published').length },
      policies: judge && months.length === 1 ? ['compute', 'publish', 'editRules'] : judge ? ['editRules'] : [],
    };
  });

  app.get('/api/ratings/rules', {
    config: { access: RATING_JUDGES },
    schema: {
      summary: 'The rating rule of a level', tags: TAGS, querystring: s.RuleQuery, response: { 200: s.RuleView },
      description: 'The rule the town\'s units of the level are rated by (`townId`, default the caller\'s town; an administrator above the towns without townId reads the city\'s default): the indicators with weights and their full and zero marks, the five star thresholds and the vetoes. `cityDefault` when the town has no rule of its own.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof s.RuleQuery>;
    const towns = await townsFor(app.db, p, q.townId);
    const town = q.townId !== undefined || towns.length === 1 ? towns[0]! : null;
    return app.db.transaction((tx) => presentRule(tx, p, q.level, town));
  });

  app.put('/api/ratings/rules', {
    config: { access: RATING_JUDGES },
    schema: {
      summary: 'Save a rating rule', tags: TAGS, querystring: s.RuleQuery, body: s.PutRuleBody, response: { 200: s.RuleView },
      description: 'Saves the town\'s own rule of the level (the town\'s leader; `townId` default the caller\'s town) or, for an administrator without townId above the towns, the city\'s default. The rule is checked: weights add up to 100, known indicators and measures, thresholds descending 0–100, vetoes capping at 0–4 stars with a reason → 422 RATING_RULE_INVALID with `details.reasons`. `version` is the version read (0 for a town still on the city default): 409 CONFLICT when someone saved since. Ratings already published keep the rule version they were made with; the next compute uses this one. Audited (ratings.rules.save).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof s.RuleQuery>;
    const body = req.body as Static<typeof s.PutRuleBody>;
    const towns = await townsToChange(app.db, p, q.townId, q.level);
    const town = q.townId !== undefined || towns.length === 1 ? towns[0]! : null;
    if (!town && !p.roles.includes('admin')) throw forbidden();
    const now = app.clock();
    return app.db.transaction(async (tx) => {
      const defs = await definitionsFor(tx, town?.id ?? null);
      const reasons = ruleRefusals(body, new Set(defs.map((d) => d.code)), new Set(Object.keys(MEASURES)));
      if (reasons.length > 0) throw new AppError('RATING_RULE_INVALID', `The rule cannot be saved: ${reasons.join('; ')}`, `评分细则无法保存：${reasons.join('；')}`, { reasons });
      const current = await storedRule(tx, q.level, town?.id ?? null);
      if ((current?.version ?? 0) !== body.version) {
        throw new AppError('CONFLICT', 'The rule was changed by someone else: reload and edit again.', '评分细则已被他人修改：请刷新后重新编辑。');
      }
      const saved = await writeRule(tx, q.level, town?.id ?? null, { items: body.items, thresholds: body.thresholds as StarThresholds, vetoes: body.vetoes }, p.accountId, now);
      await audit(tx, p, req.ip, now, { action: 'ratings.rules.save', targetType: 'rating_rule', targetId: saved.id, detail: { level: q.level, townId: town?.id ?? null, version: saved.version } });
      return presentRule(tx, p, q.level, town);
    });
  });

  app.get('/api/ratings/:id', {
    config: { access: INDICATOR_READERS },
    schema: {
      summary: 'One rating with its breakdown', tags: TAGS, params: s.IdParams, response: { 200: s.RatingView },
      description: 'One month\'s rating with its breakdown, vetoes and latest appeal (the appeal only for the rated unit\'s staff and the judges). Outside the caller\'s reach → 404.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id } = req.params as Static<typeof s.IdParams>;
    const r = await ratingById(app.db, p, id);
    if (!r) throw notFound('rating');
    return presentRating(r, p, await listAppeals(app.db, p, { ratingIds: [r.id] }));
  });

  app.post('/api/ratings/compute', {
    config: { access: RATING_JUDGES },
    schema: {
      summary: 'Compute a month\'s ratings', tags: TAGS, body: s.ComputeBody, response: { 200: s.ComputeResult },
      description: 'Computes the month\'s ratings of the level for the town (`townId`, default every town of the caller\'s scope) from the indicators\' values by the rule in force; published ratings are left as they are, the rest recomputed (the monthly job does the same on the 2nd at 02:00 for last month). A period that is not a month → 422 PERIOD_INVALID. Audited (ratings.compute).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const b = req.body as Static<typeof s.ComputeBody>;
    if (parsePeriod(b.period)?.kind !== 'month') throw periodInvalid(b.period);
    const towns = await townsToChange(app.db, p, b.townId, b.level);
    const now = app.clock();
    return app.db.transaction(async (tx) => {
      let computed = 0;
      for (const t of towns) computed += (await computeRatings(tx, { level: b.level, period: b.period, townId: t.id }, now)).computed;
      await audit(tx, p, req.ip, now, { action: 'ratings.compute', targetType: 'rating_period', targetId: `${b.level}:${b.period}`, detail: { level: b.level, period: b.period, towns: towns.map((t) => t.id), computed } });
      return { level: b.level, period: b.period, towns: towns.length, computed, published: 0 };
    });
  });

  app.post('/api/ratings/publish', {
    config: { access: RATING_JUDGES },
    schema: {
      summary: 'Publish a month\'s ratings', tags: TAGS, body: s.ComputeBody, response: { 200: s.ComputeResult },
      description: 'Publishes the computed ratings of the level and month for the town (`townId`, default every town of the caller\'s scope): the rated and their peers read them from now on and the rated may appeal; published ratings are not recomputed. Publishing again publishes only what was computed since. Audited (ratings.publish).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const b = req.body as Static<typeof s.ComputeBody>;
    if (parsePeriod(b.period)?.kind !== 'month') throw periodInvalid(b.period);
    const towns = await townsToChange(app.db, p, b.townId, b.level);
    const now = app.clock();
    return app.db.transaction(async (tx) => {
      const published = await publishRatings(tx, p, towns, b.level, b.period, now, req.ip);
      return { level: b.level, period: b.period, towns: towns.length, computed: 0, published };
    });
  });
}
