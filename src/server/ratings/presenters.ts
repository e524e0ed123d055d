import type { Principal } from '../platform/auth.ts';
import type { AppealRow, RatingRow } from './store.ts';
import type { AppealViewT, RatingViewT } from './schemas.ts';
import { inScope, judges, ownsUnit } from './scope.ts';
import { periodRating } from '../../domain/ratings/rules.ts';
import type { StarThresholds } from '../../shared/ratings.ts';

/* The JSON of ratings and appeals with what the caller may do to each now (`policies`). */

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

export function presentAppeal(a: AppealRow, p: Principal, ratingOrgPath?: string): AppealViewT {
  const path = ratingOrgPath ?? a.org_path;
  return {
    id: a.id, ratingId: a.rating_id, level: a.level, orgUnitId: a.org_unit_id, orgUnitName: a.unit_name, period: a.period,
    byName: a.by_name, reason: a.reason, at: iso(a.at)!, status: a.status, answer: a.answer, answeredByName: a.answered_by_name,
    answeredAt: iso(a.answered_at), scoreBefore: Number(a.score_before), starsBefore: Number(a.stars_before),
    scoreAfter: a.score_after === null ? null : Number(a.score_after), starsAfter: a.stars_after === null ? null : Number(a.stars_after),
    policies: a.status === 'open' && judges(p, { orgPath: path, orgUnitId: a.org_unit_id }) && a.by_account !== p.accountId ? ['answer'] : [],
  };
}

type Breakdown = RatingViewT['breakdown'];

export function presentRating(r: RatingRow, p: Principal, appeals: AppealRow[]): RatingViewT {
  // appeals are shown to the rated unit's staff and the judges above it, never to peers
  const mine = inScope(p, r.org_path) ? appeals.filter((a) => a.rating_id === r.id) : [];
  const latest = mine[0] ?? null;
  const open = mine.some((a) => a.status === 'open');
  const breakdown = json<Breakdown>(r.breakdown).map((b) => ({
    indicatorCode: b.indicatorCode, nameZh: b.nameZh ?? b.indicatorCode, nameEn: b.nameEn ?? b.indicatorCode, unit: b.unit ?? 'count',
    value: b.value ?? null, target: b.target ?? null, weight: b.weight, full: b.full ?? null, zero: b.zero ?? null, points: b.points,
  }));
  return {
    id: r.id, level: r.level, orgUnitId: r.org_unit_id, orgUnitName: r.unit_name, parentName: r.parent_name, period: r.period,
    score: Number(r.score), stars: Number(r.stars), status: r.status, ruleVersion: Number(r.rule_version),
    computedAt: iso(r.computed_at)!, publishedAt: iso(r.published_at),
    breakdown, vetoesHit: json(r.vetoes_hit),
    appeal: latest ? presentAppeal(latest, p, r.org_path) : null,
    adjusted: mine.some((a) => a.status === 'upheld'),
    policies: r.status === 'published' && !open && ownsUnit(p, r.org_unit_id) ? ['appeal'] : [],
  };
}

/**
 * A quarter's or year's view of one unit from its months' ratings (newest first): the mean score and its stars (the
 * latest month's thresholds, capped by any month's vetoes), each item's value and points averaged over the months.
 */
export function presentPeriod(months: RatingRow[], period: string, p: Principal, appeals: AppealRow[]): RatingViewT {
  const latest = presentRating(months[0]!, p, appeals);
  const views = months.map((m) => presentRating(m, p, []));
  const agg = periodRating(views.map((v) => ({ score: v.score, vetoesHit: v.vetoesHit })), json<StarThresholds>(months[0]!.thresholds))!;
  const mean = (xs: (number | null)[]) => {
    const ys = xs.filter((x): x is number => x !== null);
    return ys.length === 0 ? null : Math.round((ys.reduce((s, x) => s + x, 0) / ys.length) * 100) / 100;
  };
  const breakdown = latest.breakdown.map((b) => {
    const same = views.map((v) => v.breakdown.find((x) => x.indicatorCode === b.indicatorCode));
    return { ...b, value: mean(same.map((x) => x?.value ?? null)), points: mean(same.map((x) => x?.points ?? 0)) ?? 0 };
  });
  return {
    ...latest, period, score: agg.score, stars: agg.stars, breakdown,
    vetoesHit: views.flatMap((v) => v.vetoesHit),
    status: views.every((v) => v.status === 'published') ? 'published' : 'computed',
    policies: [],
  };
}
