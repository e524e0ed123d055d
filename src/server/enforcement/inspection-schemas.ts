import { Type, type Static } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import { ENFORCEMENT_STATUSES, INSPECTION_RESULTS, MATTER_SOURCES, PENALTY_KINDS } from '../../shared/enforcement.ts';
import { FactsSchema, MatterCode, SubjectInput } from './schemas.ts';

/*
 * 执法监管一件事 (issue 15): joint inspections — several departments' checklists answered in one visit to a firm or
 * place — the 行政处罚决定书 download and the enforcement figures. Routes: `GET /api/enforcement/checklists`,
 * `GET|POST /api/enforcement/inspections`, `GET /api/enforcement/inspections/:id`,
 * `POST /api/enforcement/inspections/:id/results`, `GET /api/enforcement/cases/:id/decision`,
 * `GET /api/enforcement/stats`. The web takes its types from here (type-only imports).
 */

/** planned → done (every item answered) | cancelled */
export const INSPECTION_STATUSES = ['planned', 'done', 'cancelled'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

export const INSPECTION_LIMITS = {
  checklists: 8,
  inspectors: 10,
  note: 500,
  findings: 2000,
  subjectName: 100,
  address: 200,
  description: 2000,
} as const;

const L = INSPECTION_LIMITS;
const Id = Type.String({ minLength: 1, maxLength: 64 });
const Time = Type.String({ description: 'ISO 8601 with zone' });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (Asia/Shanghai)' });
const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max, ...(min > 0 ? { pattern: '\\S' } : {}) });
const Point = Type.Object({
  lng: Type.Number({ minimum: -180, maximum: 180 }),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
}, { additionalProperties: false });

export const InspectionIdParams = Type.Object({ id: Id });
export const EnforcementCaseIdParams = Type.Object({ id: Id });

// ---- checklists ----

/** One department's checklist (消防安全 · 应急局 …). */
export const ChecklistSchema = Type.Object({
  id: Type.String(),
  department: Type.String({ description: 'the department whose checklist it is (市场监管所, 消防救援站 …)' }),
  title: Type.String(),
  items: Type.Array(Type.String()),
  placeKinds: Type.Array(Type.String(), { description: 'registry place kinds it is meant for (empty: any)' }),
});
export type Checklist = Static<typeof ChecklistSchema>;

export const ChecklistListResponse = Type.Object({ items: Type.Array(ChecklistSchema) });
export type ChecklistListResponse = Static<typeof ChecklistListResponse>;

// ---- planning ----

export const PlanInspectionBody = Type.Object({
  placeId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'a registry place (name, address and point come from it)' })),
  subjectName: Type.Optional(Text(L.subjectName)),
  address: Type.Optional(Text(L.address)),
  location: Type.Optional(Point),
  plannedOn: Day,
  checklistIds: Type.Array(Id, {
    minItems: 1, maxItems: L.checklists, uniqueItems: true,
    description: 'checklists of at least two departments (one department is a plain inspection: 422 INSPECTION_INVALID)',
  }),
  inspectorIds: Type.Optional(Type.Array(Id, { maxItems: L.inspectors, uniqueItems: true, description: 'staff accounts of the town who go (the planner goes too)' })),
}, { additionalProperties: false, description: 'placeId, or subjectName + location (+ address)' });
export type PlanInspectionBody = Static<typeof PlanInspectionBody>;

export const InspectionListQuery = Type.Object({
  status: Type.Optional(lit(INSPECTION_STATUSES)),
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'nextCursor of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
}, { additionalProperties: false });
export type InspectionListQuery = Static<typeof InspectionListQuery>;

// ---- results ----

const ItemAnswer = Type.Object({
  result: lit(INSPECTION_RESULTS),
  note: Type.Optional(Type.String({ maxLength: L.note })),
}, { additionalProperties: false });

export const RecordInspectionBody = Type.Object({
  results: Type.Array(Type.Object({
    checklistId: Id,
    items: Type.Array(ItemAnswer, { description: 'one answer per item of the checklist, in its order' }),
  }, { additionalProperties: false }), { minItems: 1, maxItems: L.checklists }),
  findings: Type.Optional(Type.String({ maxLength: L.findings })),
  openCase: Type.Optional(Type.Object({
    matterCode: MatterCode,
    facts: FactsSchema,
    description: Text(L.description),
    subject: Type.Optional(SubjectInput), // the 当事人; default: the inspected firm by its name and address
  }, { additionalProperties: false, description: 'an enforcement case opened with the inspection, in the same transaction' })),
}, { additionalProperties: false });
export type RecordInspectionBody = Static<typeof RecordInspectionBody>;

// ---- answers ----

export const INSPECTION_POLICIES = ['record', 'openCase'] as const;
export type InspectionPolicy = (typeof INSPECTION_POLICIES)[number];

export const InspectionSummary = Type.Object({
  id: Type.String(),
  number: Type.String({ description: 'JC + town code + yyyyMMdd + sequence' }),
  status: lit(INSPECTION_STATUSES),
  townId: Type.String(),
  townName: Type.String(),
  gridId: Nullable(Type.String()),
  gridName: Nullable(Type.String()),
  placeId: Nullable(Type.String()),
  subjectName: Type.String(),
  address: Nullable(Type.String()),
  location: Nullable(Point),
  plannedOn: Day,
  departments: Type.Array(Type.String(), { description: 'the departments whose checklists it answers' }),
  issues: Type.Integer({ description: 'items answered 不合格 (issue)' }),
  visitsSaved: Type.Integer({ description: 'departments − 1 once done: separate visits the firm was spared (0 before)' }),
  doneAt: Nullable(Time),
  createdAt: Time,
  policies: Type.Array(lit(INSPECTION_POLICIES), { description: 'record: the caller may answer the checklists; openCase: may open an enforcement case from it' }),
});
export type InspectionSummary = Static<typeof InspectionSummary>;

export const InspectionListResponse = Type.Object({
  items: Type.Array(InspectionSummary),
  nextCursor: Nullable(Type.String()),
});
export type InspectionListResponse = Static<typeof InspectionListResponse>;

export const InspectionDetail = Type.Composite([InspectionSummary, Type.Object({
  checklists: Type.Array(Type.Object({
    checklistId: Type.String(),
    department: Type.String(),
    title: Type.String(),
    items: Type.Array(Type.Object({
      text: Type.String(),
      result: Nullable(lit(INSPECTION_RESULTS)),
      note: Nullable(Type.String()),
    })),
  })),
  inspectors: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  findings: Nullable(Type.String()),
  createdById: Nullable(Type.String()),
  createdByName: Nullable(Type.String()),
  /** enforcement cases opened from this inspection */
  cases: Type.Array(Type.Object({
    id: Type.String(),
    number: Type.String(),
    status: lit(ENFORCEMENT_STATUSES),
    matterCode: Type.String(),
    matterName: Type.String(),
  })),
})]);
export type InspectionDetail = Static<typeof InspectionDetail>;

export const RecordInspectionResponse = Type.Object({
  inspection: InspectionDetail,
  openedCase: Nullable(Type.Object({ id: Type.String(), number: Type.String() }, { description: 'the enforcement case opened with it (see GET /api/enforcement/cases/:id)' })),
});
export type RecordInspectionResponse = Static<typeof RecordInspectionResponse>;

// ---- the decision document ----

export const DecisionQuery = Type.Object({
  format: Type.Optional(Type.Union([Type.Literal('pdf'), Type.Literal('docx')], { default: 'pdf' })),
}, { additionalProperties: false });
export type DecisionQuery = Static<typeof DecisionQuery>;

// ---- figures ----

export const EnforcementStatsQuery = Type.Object({
  orgUnitId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'a unit within the caller\'s scope (default: the scope)' })),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
}, { additionalProperties: false });
export type EnforcementStatsQuery = Static<typeof EnforcementStatsQuery>;

const Count = Type.Integer({ minimum: 0 });
const Share = Nullable(Type.Number({ minimum: 0, maximum: 1, description: 'a share between 0 and 1 (null when nothing to divide by)' }));

export const EnforcementStats = Type.Object({
  orgUnitId: Type.String(),
  orgUnitName: Type.String(),
  from: Day,
  to: Day,
  cases: Type.Object({
    total: Count,
    byStatus: Type.Array(Type.Object({ status: lit(ENFORCEMENT_STATUSES), count: Count })),
    byMatter: Type.Array(Type.Object({ matterCode: Type.String(), matterName: Type.String(), count: Count })),
  }, { description: 'enforcement cases opened in the period' }),
  bySource: Type.Array(Type.Object({ source: lit(MATTER_SOURCES), count: Count })),
  delegatedShare: Share,
  penalties: Type.Array(Type.Object({ kind: lit(PENALTY_KINDS), count: Count, fineYuan: Type.Number({ description: 'sum of fines decided' }) })),
  departures: Type.Object({
    count: Count,
    confirmed: Type.Integer({ minimum: 0, description: 'cases whose band was confirmed' }),
    rate: Share,
  }, { description: 'bands confirmed away from the proposed benchmark (with a reason)' }),
  reviewReturns: Type.Object({
    returns: Type.Integer({ minimum: 0, description: 'legal reviews that sent a case back (review corrections)' }),
    cases: Type.Integer({ minimum: 0, description: 'cases sent back at least once' }),
    reviewed: Type.Integer({ minimum: 0, description: 'cases that reached legal review' }),
  }),
  handling: Type.Object({
    decided: Count,
    medianMinutes: Nullable(Type.Number()),
    withinTarget: Count,
    withinTargetShare: Share,
    targetMinutes: Type.Integer(),
  }, { description: 'minutes from opening to the decision, against the 15-minute mark' }),
  inspections: Type.Object({
    planned: Count,
    done: Count,
    visitsSaved: Count,
    departments: Count,
  }, { description: 'joint inspections planned for the period, those done and the separate visits they spared' }),
});
export type EnforcementStats = Static<typeof EnforcementStats>;
