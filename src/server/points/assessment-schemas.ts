import { Type, type Static } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import { ASSESSMENT_STATUSES, POINTS_LIMITS } from '../../shared/points.ts';

/*
 * 户自查 → 组互评 → 村评定 (issue 16): TypeBox schemas of households' assessments (/api/points/assessments). The web
 * takes its types from here (type-only imports). Changes stay additive.
 */

const L = POINTS_LIMITS;
export const Id = Type.String({ minLength: 1, maxLength: 64 });
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
export const Time = Type.String({ description: 'ISO 8601 with zone' });
export const Period = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'the month assessed, YYYY-MM' });
const Note = Type.String({ minLength: 1, maxLength: L.note });

export const AssessmentItemInput = Type.Object({
  ruleCode: Type.String({ minLength: 1, maxLength: 40, description: 'a published base or bonus rule of the community' }),
  claimed: Type.Boolean(),
  note: Type.Optional(Nullable(Type.String({ maxLength: L.note }))),
  peer: Type.Optional(Nullable(Type.Boolean({ description: '组互评: the group agrees (peer-review)' }))),
  approved: Type.Optional(Nullable(Type.Boolean({ description: '村评定: approved (approve)' }))),
}, { additionalProperties: false });

export const AssessmentListQuery = Type.Object({
  period: Type.Optional(Period),
  status: Type.Optional(lit(ASSESSMENT_STATUSES)),
  orgUnitId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'a community or grid in scope' })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
}, { additionalProperties: false });

export const NewAssessmentBody = Type.Object({
  period: Period,
  householdId: Type.Optional(Id),
  items: Type.Array(AssessmentItemInput, { minItems: 1, maxItems: 40 }),
}, { additionalProperties: false, description: 'a resident for their household (householdId omitted); staff for one household. A returned assessment is sent again this way.' });

export const PeerReviewBody = Type.Object({
  version: Type.Optional(Type.Integer({ minimum: 1 })),
  items: Type.Array(AssessmentItemInput, { minItems: 1, maxItems: 40 }),
  note: Type.Optional(Note),
}, { additionalProperties: false });
export const ApproveBody = PeerReviewBody;
export const ReturnBody = Type.Object({
  version: Type.Optional(Type.Integer({ minimum: 1 })),
  note: Note,
}, { additionalProperties: false });

export const ASSESSMENT_POLICIES = ['peerReview', 'approve', 'return'] as const;
export const AssessmentItemView = Type.Object({
  ruleCode: Type.String(),
  ruleName: Type.String(),
  points: Type.Integer({ description: 'the rule\'s points' }),
  claimed: Type.Boolean(),
  note: Nullable(Type.String()),
  peer: Nullable(Type.Boolean()),
  approved: Nullable(Type.Boolean()),
});
export const AssessmentView = Type.Object({
  id: Type.String(),
  householdId: Type.String(),
  headName: Nullable(Type.String({ description: 'masked for residents other than the household\'s own' })),
  address: Type.String(),
  gridId: Type.String(),
  gridName: Type.String(),
  orgUnitId: Type.String(),
  period: Type.String(),
  status: lit(ASSESSMENT_STATUSES),
  items: Type.Array(AssessmentItemView),
  selfAt: Time,
  peerAt: Nullable(Time),
  peerNote: Nullable(Type.String()),
  decidedAt: Nullable(Time),
  decisionNote: Nullable(Type.String()),
  awardedPoints: Type.Integer({ description: 'points awarded by the approval (0 before)' }),
  version: Type.Integer(),
  policies: Type.Array(lit(ASSESSMENT_POLICIES)),
});
export type AssessmentViewT = Static<typeof AssessmentView>;
export const AssessmentList = Type.Object({
  items: Type.Array(AssessmentView),
  nextCursor: Nullable(Type.String()),
  policies: Type.Array(lit(['create'] as const)),
});
