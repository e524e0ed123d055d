// 三级五星评价 and 赛马比拼 (issue 17): rating rules per level, ratings with their breakdown, appeals, the towns'
// reverse evaluation of district departments, rankings and the 线上通报.
import type { Role } from './roles.ts';

export const RATING_LEVELS = ['grid', 'community', 'town'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];
/** ratings are made per month; a quarter's or year's rating averages its months (see src/domain/ratings) */
export const RATING_STATUSES = ['computed', 'published'] as const;
export type RatingStatus = (typeof RATING_STATUSES)[number];
export const APPEAL_STATUSES = ['open', 'upheld', 'rejected'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

/** One item of a rating rule: an indicator, its weight in the 100 points, and how its value turns into points. */
export interface RatingRuleItem {
  indicatorCode: string;
  weight: number;
  /** full points at or beyond `full`, none at or beyond `zero` (the other side), linear between */
  full: number;
  zero: number;
}
/** A veto (一票否决): when the measure's sum in the period reaches `atLeast`, the stars are capped (0 = no star). */
export interface RatingVeto {
  code: string;
  measure: string;
  atLeast: number;
  maxStars: number;
  reasonZh: string;
  reasonEn: string;
}
/** score thresholds for 5, 4, 3, 2 and 1 stars, descending */
export type StarThresholds = [number, number, number, number, number];

export interface RatingBreakdownItem {
  indicatorCode: string;
  value: number | null;
  weight: number;
  points: number;
  /** the item's full and zero marks, kept with the rating so the breakdown explains itself after the rule changes */
  full?: number;
  zero?: number;
  /** the indicator's target for the unit at compute time, and its name (zh, en) */
  target?: number | null;
  nameZh?: string;
  nameEn?: string;
  unit?: string;
}

/** 反向评价: the criteria a town rates a district department on, 1–5 each. */
export const EVALUATION_CRITERIA = ['timeliness', 'quality', 'cooperation'] as const;
export type EvaluationCriterion = (typeof EVALUATION_CRITERIA)[number];
export const EVALUATION_CRITERIA_NAMES: Record<EvaluationCriterion, { zh: string; en: string }> = {
  timeliness: { zh: '响应及时', en: 'Timely response' },
  quality: { zh: '办理质量', en: 'Quality of handling' },
  cooperation: { zh: '沟通配合', en: 'Communication and cooperation' },
};

export const RATING_LIMITS = { appealReason: 1000, answer: 1000, comment: 500 } as const;

/** Who answers appeals, publishes ratings and edits rating rules: the town's leaders and the administrator. */
export const RATING_JUDGES = ['admin', 'leader'] as const satisfies readonly Role[];
/** Who appeals a rating of their own unit (grid worker: their grid; community staff: their community; leaders: their town). */
export const RATING_APPEALERS = ['leader', 'communityStaff', 'gridWorker'] as const satisfies readonly Role[];
/** Who rates district departments on the cases the town sent them (反向评价). */
export const DEPARTMENT_EVALUATORS = ['leader', 'dispatcher'] as const satisfies readonly Role[];

/**
 * One row of a 赛马比拼 board: a unit of the level under the parent, ranked by an indicator's value (or by published
 * stars). `previousRank` is its rank in the period before (null when it had no value then); `movement` = previousRank −
 * rank (positive = moved up), null without a previous rank. Units without a value come last with rank null.
 */
export interface RankingRow {
  orgUnitId: string;
  name: string;
  value: number | null;
  rank: number | null;
  previousRank: number | null;
  movement: number | null;
  light: 'green' | 'yellow' | 'red' | 'none';
  stars?: number | null;
}
/** What a board ranks by: an indicator's code, or the published stars of the level's ratings. */
export const RANK_BY_STARS = 'stars';
