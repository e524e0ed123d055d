// 三级五星评价: how a rating rule turns indicator values into points, a score and stars. Plain rules, no I/O, no clock.
// Written down:
//   - an item's points: its weight when the value reaches `full`, none when it reaches `zero` (the other side), linear
//     between; `full` above `zero` means higher is better, below means lower is better; no value → no points; points
//     are never below 0 nor above the weight;
//   - the score: the sum of the items' points, rounded to one decimal (the weights of a rule add up to 100);
//   - the stars: 5 at or above the first threshold, 4 at the second … 1 at the fifth, 0 below it;
//   - vetoes (一票否决): a veto is hit when its measure's sum in the period reaches `atLeast`; the stars are then at most
//     the lowest `maxStars` of the vetoes hit (the score itself is kept, so the rated see both);
//   - a quarter's or a year's score is the mean of its months' scores (months without a rating do not count), its stars
//     by the same thresholds, capped by the lowest cap of its months' vetoes.
import type { RatingBreakdownItem, RatingRuleItem, RatingVeto, StarThresholds } from '../../shared/ratings.ts';

const round1 = (n: number): number => Math.round(n * 10) / 10;
const round2 = (n: number): number => Math.round(n * 100) / 100;

/** The points one item earns for a value. */
export function pointsOf(item: RatingRuleItem, value: number | null): number {
  if (value === null || !Number.isFinite(value) || item.weight <= 0) return 0;
  const { full, zero, weight } = item;
  if (full === zero) return (value >= full ? weight : 0);
  const share = (value - zero) / (full - zero);
  return round2(Math.min(1, Math.max(0, share)) * weight);
}

/** The score of a unit: Σ points of the rule's items over the indicators' values (code → value; missing → none). */
export function scoreOf(
  items: readonly RatingRuleItem[],
  values: ReadonlyMap<string, number | null> | Readonly<Record<string, number | null | undefined>>,
): { score: number; breakdown: RatingBreakdownItem[] } {
  const get = (code: string): number | null =>
    values instanceof Map ? (values.get(code) ?? null) : ((values as Record<string, number | null | undefined>)[code] ?? null);
  const breakdown = items.map((item) => {
    const value = get(item.indicatorCode);
    return { indicatorCode: item.indicatorCode, value, weight: item.weight, points: pointsOf(item, value), full: item.full, zero: item.zero };
  });
  return { score: round1(breakdown.reduce((s, b) => s + b.points, 0)), breakdown };
}

/** The vetoes whose measure reached its bar in the period (sums: measure → sum over the unit and the period). */
export function vetoesHit(vetoes: readonly RatingVeto[], sums: Readonly<Record<string, number | undefined>>): RatingVeto[] {
  return vetoes.filter((v) => (sums[v.measure] ?? 0) >= v.atLeast);
}

/** Stars from the score by the thresholds, capped by the vetoes hit. */
export function starsOf(score: number, thresholds: StarThresholds, hit: readonly Pick<RatingVeto, 'maxStars'>[] = []): number {
  const i = thresholds.findIndex((t) => score >= t);
  const stars = i === -1 ? 0 : 5 - i;
  return hit.reduce((s, v) => Math.min(s, Math.max(0, v.maxStars)), stars);
}

/** A quarter's or year's rating from its months: the mean score and its stars (null when no month was rated). */
export function periodRating(
  months: readonly { score: number; vetoesHit: readonly Pick<RatingVeto, 'maxStars'>[] }[],
  thresholds: StarThresholds,
): { score: number; stars: number } | null {
  if (months.length === 0) return null;
  const score = round1(months.reduce((s, m) => s + m.score, 0) / months.length);
  return { score, stars: starsOf(score, thresholds, months.flatMap((m) => m.vetoesHit)) };
}

/** Why a rule cannot be saved (empty: it can). Messages in Chinese; the route puts them in RATING_RULE_INVALID. */
export function ruleRefusals(rule: { items: readonly RatingRuleItem[]; thresholds: readonly number[]; vetoes: readonly RatingVeto[] }, knownIndicators?: ReadonlySet<string>, knownMeasures?: ReadonlySet<string>): string[] {
  const out: string[] = [];
  if (rule.items.length === 0) out.push('评分细则至少有一项指标');
  const codes = new Set<string>();
  for (const it of rule.items) {
    if (codes.has(it.indicatorCode)) out.push(`指标 ${it.indicatorCode} 重复`);
    codes.add(it.indicatorCode);
    if (knownIndicators && !knownIndicators.has(it.indicatorCode)) out.push(`指标 ${it.indicatorCode} 不存在`);
    if (!(it.weight > 0)) out.push(`指标 ${it.indicatorCode} 的分值须大于0`);
    if (![it.full, it.zero].every(Number.isFinite)) out.push(`指标 ${it.indicatorCode} 的满分线和零分线须为数字`);
  }
  const total = round2(rule.items.reduce((s, it) => s + it.weight, 0));
  if (rule.items.length > 0 && total !== 100) out.push(`各项分值合计须为100分（现为${total}分）`);
  const t = rule.thresholds;
  if (t.length !== 5 || t.some((x) => !Number.isFinite(x) || x < 0 || x > 100)) out.push('星级分数线须为0到100之间的五个数');
  else if (t.some((x, i) => i > 0 && x >= t[i - 1]!)) out.push('星级分数线须从五星到一星依次降低');
  const vetoCodes = new Set<string>();
  for (const v of rule.vetoes) {
    if (vetoCodes.has(v.code)) out.push(`否决项 ${v.code} 重复`);
    vetoCodes.add(v.code);
    if (knownMeasures && !knownMeasures.has(v.measure)) out.push(`否决项 ${v.code} 的计数项不存在`);
    if (!(v.atLeast >= 1)) out.push(`否决项 ${v.code} 的触发次数须至少为1`);
    if (!Number.isInteger(v.maxStars) || v.maxStars < 0 || v.maxStars > 4) out.push(`否决项 ${v.code} 的封顶星级须为0到4`);
    if (!v.reasonZh.trim()) out.push(`否决项 ${v.code} 须写明原因`);
  }
  return out;
}

export type AppealAction = 'answer';

/** Whether an appeal in this status may take the action: only an open appeal is answered, once. */
export function appealActionAllowed(status: 'open' | 'upheld' | 'rejected', action: AppealAction): boolean {
  return action === 'answer' && status === 'open';
}

/**
 * What an answer does to the rating: rejected → unchanged; upheld with stars given → those stars (the score kept);
 * upheld without stars → the recomputed score and stars (`recomputed`, e.g. after a corrected record was counted again).
 */
export function answerOutcome(
  decision: 'upheld' | 'rejected',
  current: { score: number; stars: number },
  given: { stars?: number | null; recomputed?: { score: number; stars: number } | null },
): { score: number; stars: number } {
  if (decision === 'rejected') return current;
  if (given.stars !== undefined && given.stars !== null) return { score: current.score, stars: Math.max(0, Math.min(5, given.stars)) };
  return given.recomputed ?? current;
}

/** Whether a caller may rate the department in the period: the town sent it at least one case then. Scores 1–5, whole. */
export function evaluationRefusals(scores: Readonly<Record<string, number>>, criteria: readonly string[], casesCount: number): string[] {
  const out: string[] = [];
  if (casesCount <= 0) out.push('本期未向该部门派遣案件，无需评价');
  for (const c of criteria) {
    const s = scores[c];
    if (s === undefined || !Number.isInteger(s) || s < 1 || s > 5) out.push(`${c} 须为1到5分`);
  }
  for (const k of Object.keys(scores)) if (!criteria.includes(k)) out.push(`未知的评价项 ${k}`);
  return out;
}

/** The mean of an evaluation's scores, one decimal. */
export function evaluationMean(scores: Readonly<Record<string, number>>): number {
  const v = Object.values(scores);
  return v.length === 0 ? 0 : round1(v.reduce((s, x) => s + x, 0) / v.length);
}
