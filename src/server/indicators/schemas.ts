import { Type, type Static } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import {
  INDICATOR_BOARDS, INDICATOR_DIRECTIONS, INDICATOR_LIMITS, INDICATOR_UNITS, MEASURE_CODES, PERIOD_KINDS,
} from '../../shared/indicators.ts';
import { ORG_LEVELS } from '../../shared/org-levels.ts';

/*
 * 体征指标 (issue 17): TypeBox request and response schemas of the catalog (definitions, a town's targets) and the
 * values (a unit's values, its children's, a trend). The web takes its types from here (type-only imports). Changes
 * stay additive.
 */

const L = INDICATOR_LIMITS;
export const Id = Type.String({ minLength: 1, maxLength: 64 });
const Time = Type.String({ description: 'ISO 8601 with zone' });
export const PeriodKeySchema = Type.String({
  minLength: 4, maxLength: 10, description: "Asia/Shanghai: day '2026-12-03', month '2026-12', quarter '2026Q4', year '2026'; a bad one → 422 PERIOD_INVALID",
});
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (Asia/Shanghai)' });
export const IndicatorCode = Type.String({
  minLength: 2, maxLength: L.code, pattern: '^[A-Za-z][A-Za-z0-9_-]*$', description: 'letters, digits, - and _; starts with a letter',
});
const Measure = lit(MEASURE_CODES);
const Measures = Type.Array(Measure, { minItems: 1, maxItems: L.measures });
const Light = lit(['green', 'yellow', 'red', 'none'] as const);

export const FormulaSchema = Type.Union([
  Type.Object({ kind: Type.Literal('count'), measures: Measures }, { additionalProperties: false }),
  Type.Object({
    kind: lit(['ratio', 'average', 'perCapita'] as const),
    numerator: Measures,
    denominator: Measures,
    scale: Type.Number({ exclusiveMinimum: 0, maximum: 1_000_000, description: '100 for a percentage, 10000 per 10,000 people; ignored by average' }),
  }, { additionalProperties: false }),
], { description: 'count: Σ measures; ratio/perCapita: Σ numerator ÷ Σ denominator × scale; average: the same unscaled; no denominator → no value' });

// ---------------------------------------------------------------------------------------------------------------------
// The catalog

export const INDICATOR_POLICIES = ['update', 'archive', 'setTarget'] as const;
export type IndicatorPolicy = (typeof INDICATOR_POLICIES)[number];

export const IndicatorView = Type.Object({
  code: Type.String(),
  name: Type.String({ description: 'the Chinese name (nameEn for English pages)' }),
  nameZh: Type.String(),
  nameEn: Type.String(),
  description: Type.String(),
  board: lit(INDICATOR_BOARDS),
  unit: lit(INDICATOR_UNITS),
  direction: lit(INDICATOR_DIRECTIONS),
  formula: FormulaSchema,
  formulaText: Type.String({ description: 'the formula in words, e.g. 结案数 ÷ 应结案数 × 100' }),
  standard: Type.Boolean({ description: 'a standard indicator of the catalog; else a town\'s own' }),
  orgUnitId: Nullable(Type.String({ description: 'the town that defined it; null for a standard one' })),
  orgUnitName: Nullable(Type.String()),
  target: Nullable(Type.Number({ description: 'the target in force for the town asked about (its own target, else the catalog\'s)' })),
  warnBand: Nullable(Type.Number()),
  catalogTarget: Nullable(Type.Number({ description: 'the catalog\'s default target' })),
  catalogWarnBand: Nullable(Type.Number()),
  targetSetBy: Nullable(Type.String({ description: 'the town whose own target is in force, when it is' })),
  periodKinds: Type.Array(lit(PERIOD_KINDS)),
  sort: Type.Integer(),
  archived: Type.Boolean(),
  version: Type.Integer(),
  updatedAt: Time,
  policies: Type.Array(lit(INDICATOR_POLICIES)),
});
export type IndicatorViewT = Static<typeof IndicatorView>;

export const MeasureView = Type.Object({
  code: Measure,
  kind: lit(['flow', 'stock'] as const),
  name: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
});

export const IndicatorListQuery = Type.Object({
  townId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'the town whose own indicators and targets to include; default the caller\'s town' })),
  board: Type.Optional(lit(INDICATOR_BOARDS)),
  includeArchived: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

export const IndicatorList = Type.Object({
  items: Type.Array(IndicatorView),
  measures: Type.Array(MeasureView, { description: 'the building blocks a town defines its own indicators from' }),
  townId: Nullable(Type.String({ description: 'the town whose own indicators and targets are included' })),
  policies: Type.Array(lit(['create'] as const)),
});

export const CodeParams = Type.Object({ code: IndicatorCode }, { additionalProperties: false });
export const CodeQuery = Type.Object({
  townId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
}, { additionalProperties: false });

const Name = Type.String({ minLength: 1, maxLength: L.name });
// null first: the validator coerces types, and null would otherwise become 0 through the number branch
const Target = Type.Union([Type.Null(), Type.Number({ minimum: -1_000_000_000, maximum: 1_000_000_000 })]);
const WarnBand = Type.Union([Type.Null(), Type.Number({ minimum: 0, maximum: 1_000_000_000 })]);

export const IndicatorBody = Type.Object({
  nameZh: Name,
  nameEn: Type.Optional(Type.String({ maxLength: L.name })),
  description: Type.Optional(Type.String({ maxLength: L.description })),
  board: lit(INDICATOR_BOARDS),
  unit: lit(INDICATOR_UNITS),
  direction: lit(INDICATOR_DIRECTIONS),
  formula: FormulaSchema,
  target: Type.Optional(Target),
  warnBand: Type.Optional(WarnBand),
}, { additionalProperties: false });
export type IndicatorBodyT = Static<typeof IndicatorBody>;

export const NewIndicatorBody = Type.Composite([
  Type.Object({
    code: IndicatorCode,
    townId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'the town it belongs to; default the caller\'s town' })),
  }),
  IndicatorBody,
], { additionalProperties: false });
export type NewIndicatorBodyT = Static<typeof NewIndicatorBody>;

export const UpdateIndicatorBody = Type.Composite([
  IndicatorBody,
  Type.Object({ version: Type.Integer({ minimum: 1, description: 'the version read; another → 409 CONFLICT' }) }),
], { additionalProperties: false });
export type UpdateIndicatorBodyT = Static<typeof UpdateIndicatorBody>;

export const ArchiveBody = Type.Object({
  version: Type.Integer({ minimum: 1 }),
}, { additionalProperties: false });

export const TargetBody = Type.Object({
  orgUnitId: Type.String({ minLength: 1, maxLength: 64, description: 'a town in the caller\'s scope' }),
  target: Target,
  warnBand: Type.Optional(WarnBand),
}, { additionalProperties: false, description: 'target null removes the town\'s own target (the catalog\'s is in force again)' });
export type TargetBodyT = Static<typeof TargetBody>;

// ---------------------------------------------------------------------------------------------------------------------
// Values

export const IndicatorValueView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  unit: lit(INDICATOR_UNITS),
  direction: lit(INDICATOR_DIRECTIONS),
  board: lit(INDICATOR_BOARDS),
  orgUnitId: Type.String(),
  orgUnitName: Type.String(),
  orgUnitLevel: lit(ORG_LEVELS),
  period: Type.String(),
  value: Nullable(Type.Number({ description: 'null: no denominator in the period (e.g. no case due)' })),
  numerator: Nullable(Type.Number()),
  denominator: Nullable(Type.Number()),
  target: Nullable(Type.Number()),
  warnBand: Nullable(Type.Number()),
  light: Light,
  previous: Nullable(Type.Number({ description: 'the value in the period before' })),
  previousPeriod: Type.String(),
});
export type IndicatorValueViewT = Static<typeof IndicatorValueView>;

const CodesParam = Type.String({ maxLength: 2000, description: 'indicator codes separated by commas; empty: every indicator of the catalog' });

export const ValuesQuery = Type.Object({
  codes: Type.Optional(CodesParam),
  orgUnitId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'default: the caller\'s scope root (a grid worker: their first grid)' })),
  period: PeriodKeySchema,
}, { additionalProperties: false });

export const ValueList = Type.Object({
  orgUnitId: Type.String(),
  orgUnitName: Type.String(),
  period: Type.String(),
  items: Type.Array(IndicatorValueView),
});

export const ChildrenQuery = Type.Object({
  code: IndicatorCode,
  orgUnitId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  period: PeriodKeySchema,
}, { additionalProperties: false });

export const ChildValueList = Type.Object({
  code: Type.String(),
  name: Type.String(),
  unit: lit(INDICATOR_UNITS),
  direction: lit(INDICATOR_DIRECTIONS),
  orgUnitId: Type.String({ description: 'the parent' }),
  orgUnitName: Type.String(),
  period: Type.String(),
  parent: IndicatorValueView,
  items: Type.Array(IndicatorValueView, { description: 'the children of the unit, in the org tree\'s order' }),
});

export const SeriesQuery = Type.Object({
  code: IndicatorCode,
  orgUnitId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  from: Day,
  to: Day,
  kind: Type.Optional(lit(['day', 'month'] as const)),
}, { additionalProperties: false, description: 'up to 92 days or 36 months' });

export const SeriesPoint = Type.Object({
  period: Type.String(),
  value: Nullable(Type.Number()),
  numerator: Nullable(Type.Number()),
  denominator: Nullable(Type.Number()),
  light: Light,
});
export const Series = Type.Object({
  code: Type.String(),
  name: Type.String(),
  unit: lit(INDICATOR_UNITS),
  direction: lit(INDICATOR_DIRECTIONS),
  orgUnitId: Type.String(),
  orgUnitName: Type.String(),
  kind: lit(['day', 'month'] as const),
  target: Nullable(Type.Number()),
  points: Type.Array(SeriesPoint),
});
