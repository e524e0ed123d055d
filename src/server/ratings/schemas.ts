import { Type, type Static } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import { APPEAL_STATUSES, EVALUATION_CRITERIA, RATING_LEVELS, RATING_LIMITS, RATING_STATUSES } from '../../shared/ratings.ts';

/*
 * 三级五星评价 (issue 17, H3): TypeBox request and response schemas of rating rules, ratings with their breakdown,
 * appeals and the towns' reviews of district departments (反向评价). The web takes its types from here (type-only).
 */

export const Id = Type.String({ minLength: 1, maxLength: 64 });
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
const Time = Type.String({ description: 'ISO 8601 with zone' });
const Month = Type.String({ maxLength: 10, description: "a month '2026-11' (quarters '2026Q4' and years '2026' read as the mean of their months)" });
const Level = lit(RATING_LEVELS);

// ---------------------------------------------------------------------------------------------------------------------
// Rules

export const RuleItem = Type.Object({
  indicatorCode: Type.String({ minLength: 1, maxLength: 40 }),
  weight: Type.Number({ minimum: 0, maximum: 100 }),
  full: Type.Number({ description: 'the value that earns the whole weight' }),
  zero: Type.Number({ description: 'the value that earns nothing (above full: lower is better)' }),
}, { additionalProperties: false });
export const Veto = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 40 }),
  measure: Type.String({ minLength: 1, maxLength: 40 }),
  atLeast: Type.Number(),
  maxStars: Type.Integer(),
  reasonZh: Type.String({ maxLength: 200 }),
  reasonEn: Type.String({ maxLength: 200 }),
}, { additionalProperties: false });
export const Thresholds = Type.Array(Type.Number(), { minItems: 5, maxItems: 5, description: 'scores for 5, 4, 3, 2 and 1 stars' });

export const RULE_POLICIES = ['update'] as const;
export const RuleView = Type.Object({
  id: Type.String(),
  level: Level,
  townId: Nullable(Type.String()),
  townName: Nullable(Type.String()),
  /** the rule the town's units are rated by is the city's default (no town rule of its own) */
  cityDefault: Type.Boolean(),
  items: Type.Array(Type.Intersect([RuleItem, Type.Object({ nameZh: Type.String(), nameEn: Type.String(), unit: Type.String() })])),
  thresholds: Thresholds,
  vetoes: Type.Array(Veto),
  version: Type.Integer(),
  updatedAt: Time,
  policies: Type.Array(lit(RULE_POLICIES)),
});
export type RuleViewT = Static<typeof RuleView>;
export const RuleQuery = Type.Object({
  level: Level,
  townId: Type.Optional(Id),
}, { additionalProperties: false });
export const PutRuleBody = Type.Object({
  items: Type.Array(RuleItem, { maxItems: 20 }),
  thresholds: Thresholds,
  vetoes: Type.Array(Veto, { maxItems: 10 }),
  /** the version read (0 when the town had none of its own); 409 CONFLICT when someone saved since */
  version: Type.Integer({ minimum: 0 }),
}, { additionalProperties: false });

// ---------------------------------------------------------------------------------------------------------------------
// Ratings

export const BreakdownItem = Type.Object({
  indicatorCode: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  unit: Type.String(),
  value: Nullable(Type.Number()),
  target: Nullable(Type.Number()),
  weight: Type.Number(),
  full: Nullable(Type.Number()),
  zero: Nullable(Type.Number()),
  points: Type.Number(),
});
export const VetoHit = Type.Object({ code: Type.String(), measure: Type.String(), count: Type.Number(), maxStars: Type.Integer(), reasonZh: Type.String(), reasonEn: Type.String() });

export const AppealView = Type.Object({
  id: Type.String(),
  ratingId: Type.String(),
  level: Level,
  orgUnitId: Type.String(),
  orgUnitName: Type.String(),
  period: Type.String(),
  byName: Type.String({ description: 'the appellant: staff of the rated unit' }),
  reason: Type.String(),
  at: Time,
  status: lit(APPEAL_STATUSES),
  answer: Nullable(Type.String()),
  answeredByName: Nullable(Type.String()),
  answeredAt: Nullable(Time),
  scoreBefore: Type.Number(),
  starsBefore: Type.Integer(),
  scoreAfter: Nullable(Type.Number()),
  starsAfter: Nullable(Type.Integer()),
  policies: Type.Array(lit(['answer'] as const)),
});
export type AppealViewT = Static<typeof AppealView>;

export const RATING_POLICIES = ['appeal'] as const;
export const RatingView = Type.Object({
  id: Type.String(),
  level: Level,
  orgUnitId: Type.String(),
  orgUnitName: Type.String(),
  parentName: Nullable(Type.String()),
  period: Type.String(),
  score: Type.Number(),
  stars: Type.Integer(),
  status: lit(RATING_STATUSES),
  ruleVersion: Type.Integer(),
  computedAt: Time,
  publishedAt: Nullable(Time),
  breakdown: Type.Array(BreakdownItem),
  vetoesHit: Type.Array(VetoHit),
  /** the latest appeal of the rating, when the reader may see it (the rated unit's staff and the judges) */
  appeal: Nullable(AppealView),
  /** an upheld appeal changed the score or stars after computing */
  adjusted: Type.Boolean(),
  policies: Type.Array(lit(RATING_POLICIES)),
});
export type RatingViewT = Static<typeof RatingView>;
export const RatingListQuery = Type.Object({
  level: Level,
  period: Type.String({ maxLength: 10 }),
  orgUnitId: Type.Optional(Id),
}, { additionalProperties: false });
export const RatingList = Type.Object({
  level: Level,
  period: Type.String(),
  /** the month's ratings, or for a quarter/year the mean of its months per unit (id is then the latest month's) */
  items: Type.Array(RatingView),
  counts: Type.Object({ computed: Type.Integer(), published: Type.Integer() }),
  policies: Type.Array(lit(['compute', 'publish', 'editRules'] as const)),
});
export const ComputeBody = Type.Object({
  level: Level,
  period: Month,
  townId: Type.Optional(Id),
}, { additionalProperties: false });
export const ComputeResult = Type.Object({ level: Level, period: Type.String(), towns: Type.Integer(), computed: Type.Integer(), published: Type.Integer() });

// ---------------------------------------------------------------------------------------------------------------------
// Appeals

export const AppealBody = Type.Object({
  reason: Type.String({ minLength: 1, maxLength: RATING_LIMITS.appealReason }),
}, { additionalProperties: false });
export const AnswerBody = Type.Object({
  decision: lit(['upheld', 'rejected'] as const),
  answer: Type.String({ minLength: 1, maxLength: RATING_LIMITS.answer }),
  /** upheld: the stars set by the judge; left out, the rating is computed again from the current figures */
  stars: Type.Optional(Type.Integer({ minimum: 0, maximum: 5 })),
}, { additionalProperties: false });
export const AppealListQuery = Type.Object({
  status: Type.Optional(lit(APPEAL_STATUSES)),
}, { additionalProperties: false });
export const AppealList = Type.Object({ items: Type.Array(AppealView) });

// ---------------------------------------------------------------------------------------------------------------------
// 反向评价

const Scores = Type.Object(Object.fromEntries(EVALUATION_CRITERIA.map((c) => [c, Type.Integer()])) as Record<(typeof EVALUATION_CRITERIA)[number], ReturnType<typeof Type.Integer>>, { additionalProperties: false });
export const EvaluationQuery = Type.Object({ period: Month, townId: Type.Optional(Id) }, { additionalProperties: false });
export const DepartmentRow = Type.Object({
  departmentId: Type.String(),
  departmentName: Type.String(),
  townId: Type.String(),
  townName: Type.String(),
  period: Type.String(),
  casesCount: Type.Integer({ description: "the town's cases sent to the department in the period" }),
  evaluation: Nullable(Type.Object({
    id: Type.String(),
    scores: Scores,
    mean: Type.Number(),
    comment: Type.String(),
    at: Time,
    /** the town's own staff see who rated; the department never does */
    byName: Nullable(Type.String()),
  })),
  policies: Type.Array(lit(['evaluate'] as const)),
});
export type DepartmentRowT = Static<typeof DepartmentRow>;
export const EvaluationList = Type.Object({
  period: Type.String(),
  /** 'town': the caller rates departments; 'department': the caller reads their own department's reviews */
  view: lit(['town', 'department'] as const),
  items: Type.Array(DepartmentRow),
  /** for a department: the mean of its reviews in the period, per criterion and overall */
  summary: Nullable(Type.Object({ count: Type.Integer(), mean: Nullable(Type.Number()) })),
});
export const EvaluationBody = Type.Object({
  period: Month,
  departmentId: Id,
  townId: Type.Optional(Id),
  scores: Type.Record(Type.String({ maxLength: 20 }), Type.Integer(), { maxProperties: 5 }),
  comment: Type.String({ maxLength: RATING_LIMITS.comment }),
}, { additionalProperties: false });
