import { Type, type Static } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import { AUTO_EVENTS, CAP_PERIODS, POINT_RULE_KINDS, POINTS_LIMITS } from '../../shared/points.ts';

/*
 * 积分细则 (issue 16): TypeBox schemas of a community's points rules (/api/points/rules). The web takes its types from
 * here (type-only imports). Changes stay additive.
 */

const L = POINTS_LIMITS;
export const Time = Type.String({ description: 'ISO 8601 with zone' });
const RuleCode = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z][A-Za-z0-9_-]*$', description: 'e.g. cleanCourtyard' });

export const PointRuleInputSchema = Type.Object({
  code: RuleCode,
  name: Type.String({ minLength: 1, maxLength: L.ruleName }),
  kind: lit(POINT_RULE_KINDS),
  points: Type.Integer({ minimum: 0, maximum: L.points, description: 'always positive: a minus or veto rule takes it away' }),
  subjectKind: lit(['household', 'person'] as const),
  capPoints: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 100_000 }))),
  capPeriod: Type.Optional(Nullable(lit(CAP_PERIODS))),
  vetoMonths: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 60 }))),
  autoEvent: Type.Optional(Nullable(lit(AUTO_EVENTS))),
}, { additionalProperties: false });

export const PointRuleView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  kind: lit(POINT_RULE_KINDS),
  points: Type.Integer(),
  subjectKind: lit(['household', 'person'] as const),
  capPoints: Nullable(Type.Integer()),
  capPeriod: Nullable(lit(CAP_PERIODS)),
  vetoMonths: Nullable(Type.Integer()),
  autoEvent: Nullable(lit(AUTO_EVENTS)),
  sort: Type.Integer(),
  retired: Type.Boolean({ description: 'removed from the set: kept for the entries that name it, never deleted' }),
});
export type PointRuleViewT = Static<typeof PointRuleView>;

export const RuleSetQuery = Type.Object({
  orgUnitId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'the community; default: the caller\'s own (a resident: their household\'s; staff: their scope when it is a community)' })),
}, { additionalProperties: false });

export const RULE_SET_POLICIES = ['update', 'publish'] as const;
export const RuleSetView = Type.Object({
  orgUnitId: Type.String(),
  orgUnitName: Type.String(),
  version: Type.Integer({ description: 'the draft set\'s version (0: no rules yet); PUT sends it back' }),
  rules: Type.Array(PointRuleView, { description: 'staff: the draft (active and retired); residents: the published rules' }),
  published: Nullable(Type.Object({
    version: Type.Integer(),
    publishedAt: Time,
    publishedByName: Nullable(Type.String()),
    rules: Type.Array(PointRuleView),
  })),
  unpublishedChanges: Type.Boolean({ description: 'the draft differs from what residents see' }),
  policies: Type.Array(lit(RULE_SET_POLICIES)),
});
export type RuleSetViewT = Static<typeof RuleSetView>;

export const PutRulesBody = Type.Object({
  version: Type.Integer({ minimum: 0, description: 'the set version read (409 CONFLICT when it moved on)' }),
  rules: Type.Array(PointRuleInputSchema, { maxItems: L.rules, description: 'the whole active set; codes left out are retired' }),
}, { additionalProperties: false });
export type PutRulesBodyT = Static<typeof PutRulesBody>;
