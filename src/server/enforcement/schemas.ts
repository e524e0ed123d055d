import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import {
  ENFORCEMENT_STATUSES, EVIDENCE_KINDS, MATTER_SOURCES, PENALTY_KINDS, SUBJECT_KINDS,
} from '../../shared/enforcement.ts';

/*
 * 大综合一体化执法 (issue 15): the request and response schemas of the matter list (一张清单) and of enforcement cases.
 * The web types against these (type-only imports). Changes stay additive: clients and scripts call these routes.
 */

export const ENFORCEMENT_LIMITS = {
  code: 20,
  name: 100,
  lawText: 2000,
  facts: 12,
  benchmarks: 8,
  conditions: 10,
  options: 12,
  loopCategories: 10,
  description: 2000,
  note: 500,
  reason: 500,
  evidenceText: 4000,
  pageSize: 30,
} as const;
const L = ENFORCEMENT_LIMITS;

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Time = Type.String({ description: 'ISO 8601 with zone' });
const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const Key = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z][A-Za-z0-9_]*$', description: 'letters, digits and _' });
export const MatterCode = Type.String({ minLength: 1, maxLength: L.code, pattern: '^[A-Z0-9][A-Z0-9-]*$', description: 'e.g. ZF-SR-001' });

export const Location = Type.Object({
  lng: Type.Number({ minimum: -180, maximum: 180 }),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
}, { additionalProperties: false, description: 'WGS84' });

// ---------------------------------------------------------------------------------------------------------------------
// The matter list (一张清单)

const FactCommon = {
  key: Key,
  label: Text(40),
  optional: Type.Optional(Type.Boolean()),
  hint: Type.Optional(Text(200)),
};
export const FactDefSchema = Type.Union([
  Type.Object({ ...FactCommon, kind: Type.Literal('boolean') }, { additionalProperties: false }),
  Type.Object({
    ...FactCommon, kind: Type.Literal('number'), unit: Text(10),
    min: Type.Optional(Type.Number()), max: Type.Optional(Type.Number()),
  }, { additionalProperties: false }),
  Type.Object({
    ...FactCommon, kind: Type.Literal('choice'),
    options: Type.Array(Type.Object({ value: Key, label: Text(40) }, { additionalProperties: false }), { minItems: 2, maxItems: L.options }),
  }, { additionalProperties: false }),
]);

/** one JSON type list, not a union: the request validator coerces types, and a union would read 1 as true */
const FactValueSchema = Type.Unsafe<boolean | number | string>({ type: ['boolean', 'number', 'string'], maxLength: 40 });
export const FactsSchema = Type.Record(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]*$' }), FactValueSchema, {
  description: 'fact key → value (yes/no, a number in the fact\'s unit, or a choice\'s value)',
});

export const ConditionSchema = Type.Union([
  Type.Object({ fact: Key, op: lit(['eq', 'ne'] as const), value: FactValueSchema }, { additionalProperties: false }),
  Type.Object({ fact: Key, op: lit(['lt', 'lte', 'gt', 'gte'] as const), value: Type.Number() }, { additionalProperties: false }),
  Type.Object({ fact: Key, op: Type.Literal('in'), value: Type.Array(Type.String({ maxLength: 40 }), { minItems: 1, maxItems: L.options }) }, { additionalProperties: false }),
]);

const Yuan = Type.Number({ minimum: 0, maximum: 10_000_000 });
/** null first: the request validator coerces types, and would read a null as 0 when the number came first */
const OrNull = <T extends TSchema>(t: T) => Type.Union([Type.Null(), t]);
export const PenaltyBandSchema = Type.Object({
  kinds: Type.Array(lit(PENALTY_KINDS), { minItems: 1, maxItems: PENALTY_KINDS.length, uniqueItems: true }),
  minYuan: OrNull(Yuan),
  maxYuan: OrNull(Yuan),
}, { additionalProperties: false });

export const BenchmarkSchema = Type.Object({
  key: Key,
  name: Text(20),
  conditions: Type.Array(ConditionSchema, { maxItems: L.conditions }),
  penalty: PenaltyBandSchema,
  description: Text(500),
}, { additionalProperties: false });

export const LegalBasisSchema = Type.Object({
  law: Text(100),
  article: Text(100),
  text: Text(L.lawText),
}, { additionalProperties: false });

/** POST /api/enforcement/matters: saves (creates or replaces) a matter of the caller's city by its code. */
export const MatterBody = Type.Object({
  code: MatterCode,
  name: Text(L.name),
  category: Text(40),
  source: lit(MATTER_SOURCES),
  delegatedBy: OrNull(Text(L.name)),
  violationBasis: LegalBasisSchema,
  penaltyBasis: LegalBasisSchema,
  loopCategoryCodes: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: L.loopCategories, uniqueItems: true }),
  facts: Type.Array(FactDefSchema, { minItems: 1, maxItems: L.facts }),
  benchmarks: Type.Array(BenchmarkSchema, { minItems: 1, maxItems: L.benchmarks }),
  retired: Type.Optional(Type.Boolean({ description: 'take the matter off the list (cases already opened keep it)' })),
}, { additionalProperties: false });

export const MatterListQuery = Type.Object({
  source: Type.Optional(lit(MATTER_SOURCES)),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'part of the code, name, category or delegating department' })),
  loopCategoryCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'matters that enforce this case category of the loop' })),
  includeRetired: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

export const MatterCodeParams = Type.Object({ code: MatterCode });

export const MATTER_POLICIES = ['edit'] as const;

export const MatterView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  category: Type.String(),
  source: lit(MATTER_SOURCES),
  delegatedBy: Nullable(Type.String()),
  violationBasis: LegalBasisSchema,
  penaltyBasis: LegalBasisSchema,
  loopCategoryCodes: Type.Array(Type.String()),
  loopCategoryNames: Type.Array(Type.String(), { description: 'the names of loopCategoryCodes, in the same order' }),
  facts: Type.Array(FactDefSchema),
  benchmarks: Type.Array(BenchmarkSchema),
  orgUnitId: Type.String({ description: 'the unit that published it (the city)' }),
  orgUnitName: Type.String(),
  status: lit(['active', 'retired'] as const),
  updatedAt: Time,
  policies: Type.Array(lit(MATTER_POLICIES)),
});

export const MatterList = Type.Object({
  items: Type.Array(MatterView),
  counts: Type.Object({ statutory: Type.Integer(), empowered: Type.Integer(), entrusted: Type.Integer() }, {
    description: 'active matters of each source (before the source and q filters)',
  }),
  policies: Type.Array(lit(['create'] as const)),
});

export const MatterBenchmarks = Type.Object({
  code: Type.String(),
  name: Type.String(),
  facts: Type.Array(FactDefSchema),
  benchmarks: Type.Array(BenchmarkSchema),
  penaltyBasis: LegalBasisSchema,
});

// ---------------------------------------------------------------------------------------------------------------------
// Enforcement cases

export const CaseIdParams = Type.Object({ id: Id });
export const LoopCaseParams = Type.Object({ caseId: Id });
export const UnmaskQuery = Type.Object({
  unmask: Type.Optional(Type.Boolean({ description: 'the subject\'s ID number and phone whole (officers and reviewers of the scope; audited)' })),
}, { additionalProperties: false });

export const SubjectInput = Type.Object({
  kind: lit(SUBJECT_KINDS),
  name: Text(L.name),
  idNumber: Type.Optional(OrNull(Type.String({ minLength: 1, maxLength: 40, description: 'a person\'s 居民身份证号; sealed' }))),
  phone: Type.Optional(OrNull(Type.String({ minLength: 5, maxLength: 30, description: 'sealed' }))),
  address: Type.Optional(OrNull(Text(200))),
  creditCode: Type.Optional(OrNull(Type.String({ minLength: 18, maxLength: 18, pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$', description: 'a firm\'s 统一社会信用代码' }))),
  legalRepresentative: Type.Optional(OrNull(Text(50, 1))),
}, { additionalProperties: false });

export const SubjectView = Type.Object({
  kind: lit(SUBJECT_KINDS),
  name: Type.String({ description: 'a person\'s name masked (张*) unless unmasked; a firm\'s name whole' }),
  idNumber: Nullable(Type.String({ description: 'masked 5001**********1234 unless unmasked' })),
  phone: Nullable(Type.String({ description: 'masked 138****1234 unless unmasked' })),
  address: Nullable(Type.String()),
  creditCode: Nullable(Type.String()),
  legalRepresentative: Nullable(Type.String()),
  masked: Type.Boolean(),
});

export const OpenCaseBody = Type.Object({
  matterCode: MatterCode,
  facts: FactsSchema,
  caseId: Type.Optional(Id),
  inspectionId: Type.Optional(Id),
  subject: SubjectInput,
  description: Text(L.description),
  location: Type.Optional(Location),
  address: Type.Optional(Text(200)),
}, {
  additionalProperties: false,
  description: 'from a case of the loop (caseId: place and grid from it) or on patrol / from an inspection (location required)',
});

export const ProposedView = Type.Object({
  benchmarkKey: Type.String(),
  name: Type.String(),
  penalty: PenaltyBandSchema,
  description: Type.String(),
});

export const PenaltyChoice = Type.Object({
  kind: lit(PENALTY_KINDS),
  fineYuan: Type.Optional(OrNull(Type.Number({ minimum: 0, maximum: 10_000_000 }))),
}, { additionalProperties: false });

export const ConfirmedView = Type.Object({
  benchmarkKey: Type.String(),
  name: Type.String(),
  penalty: Type.Object({ kind: lit(PENALTY_KINDS), fineYuan: Nullable(Type.Number()) }),
  departureReasons: Type.Array(Type.String(), { description: 'why the rules call it a departure (zh)' }),
});

export const FactShown = Type.Object({
  key: Type.String(),
  label: Type.String(),
  value: Nullable(Type.Union([Type.Boolean(), Type.Number(), Type.String()])),
  display: Type.String({ description: 'the value as read (是/否, 6 平方米, the option\'s label)' }),
});

export const EvidenceView = Type.Object({
  id: Type.String(),
  kind: lit(EVIDENCE_KINDS),
  fileHash: Nullable(Type.String()),
  url: Nullable(Type.String({ description: 'signed, short-lived' })),
  thumbUrl: Nullable(Type.String()),
  text: Nullable(Type.String()),
  note: Nullable(Type.String()),
  takenAt: Time,
  location: Nullable(Location),
  byName: Nullable(Type.String()),
  createdAt: Time,
});

export const TimelineEntry = Type.Object({
  at: Time,
  action: Type.String({ description: 'opened, update-facts, add-evidence, confirm-band, review, decide, pay, execute, close, drop' }),
  actorName: Nullable(Type.String()),
  data: Type.Record(Type.String(), Type.Unknown()),
  minutes: Type.Number({ description: 'minutes since the step before (the first: since opening), one decimal' }),
  sinceOpenedMinutes: Type.Number({ description: 'minutes since the case was opened, one decimal' }),
});

export const ENFORCEMENT_CASE_POLICIES = [
  'updateFacts', 'addEvidence', 'confirmBand', 'review', 'decide', 'pay', 'execute', 'close', 'drop', 'unmask', 'downloadDecision',
] as const;

export const ReviewView = Type.Object({
  by: Type.String(),
  byName: Type.String(),
  at: Time,
  approved: Type.Boolean(),
  opinion: Type.String(),
});

export const DecisionView = Type.Object({
  number: Type.String({ description: '春综执罚决字〔2026〕第12号' }),
  at: Time,
  penalty: Type.Object({ kind: lit(PENALTY_KINDS), fineYuan: Nullable(Type.Number()) }),
  text: Type.String(),
});

export const ExecutionView = Type.Object({
  kind: lit(['paid', 'executed'] as const),
  at: Time,
  receiptNo: Nullable(Type.String()),
  amountYuan: Nullable(Type.Number()),
  note: Nullable(Type.String()),
});

export const MatterRef = Type.Object({
  code: Type.String(),
  name: Type.String(),
  category: Type.String(),
  source: lit(MATTER_SOURCES),
  delegatedBy: Nullable(Type.String()),
});

export const CaseDetail = Type.Object({
  id: Type.String(),
  number: Type.String({ description: 'ZF + town code + yyyyMMdd + sequence' }),
  version: Type.Integer(),
  status: lit(ENFORCEMENT_STATUSES),
  matter: MatterRef,
  townId: Type.String(),
  townName: Type.String(),
  gridId: Type.String(),
  gridName: Type.String(),
  loopCase: Nullable(Type.Object({ id: Type.String(), number: Type.String(), status: Type.String() })),
  inspectionId: Nullable(Type.String()),
  inspectionNumber: Nullable(Type.String()),
  subject: SubjectView,
  facts: Type.Array(FactShown),
  description: Type.String(),
  location: Location,
  address: Nullable(Type.String()),
  proposed: ProposedView,
  confirmed: Nullable(ConfirmedView),
  departure: Type.Boolean(),
  departureReason: Nullable(Type.String()),
  review: Nullable(ReviewView),
  reviewReturns: Type.Integer({ description: 'times legal review sent it back (review corrections)' }),
  decision: Nullable(DecisionView),
  execution: Nullable(ExecutionView),
  dropReason: Nullable(Type.String()),
  officers: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  evidence: Type.Array(EvidenceView),
  timeline: Type.Array(TimelineEntry),
  handlingMinutes: Nullable(Type.Number({ description: 'opened → decided' })),
  withinTarget: Nullable(Type.Boolean()),
  targetMinutes: Type.Integer({ description: 'ENFORCEMENT_TARGET_MIN (15)' }),
  openedAt: Time,
  openedByName: Nullable(Type.String()),
  decidedAt: Nullable(Time),
  closedAt: Nullable(Time),
  updatedAt: Time,
  policies: Type.Array(lit(ENFORCEMENT_CASE_POLICIES)),
});

export const CaseListQuery = Type.Object({
  status: Type.Optional(lit(ENFORCEMENT_STATUSES)),
  matterCode: Type.Optional(MatterCode),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'part of the number, description or address, or a firm\'s name' })),
  cursor: Type.Optional(Type.String({ maxLength: 400, description: 'nextCursor of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: L.pageSize })),
}, { additionalProperties: false });

export const CaseListItem = Type.Object({
  id: Type.String(),
  number: Type.String(),
  status: lit(ENFORCEMENT_STATUSES),
  matterCode: Type.String(),
  matterName: Type.String(),
  matterSource: lit(MATTER_SOURCES),
  subjectKind: lit(SUBJECT_KINDS),
  subjectName: Type.String({ description: 'masked for a person' }),
  gridName: Type.String(),
  address: Nullable(Type.String()),
  loopCaseNumber: Nullable(Type.String()),
  proposedName: Type.String(),
  confirmedName: Nullable(Type.String()),
  departure: Type.Boolean(),
  penalty: Nullable(Type.Object({ kind: lit(PENALTY_KINDS), fineYuan: Nullable(Type.Number()) })),
  openedAt: Time,
  decidedAt: Nullable(Time),
  handlingMinutes: Nullable(Type.Number()),
  withinTarget: Nullable(Type.Boolean()),
});

export const CaseList = Type.Object({
  items: Type.Array(CaseListItem),
  nextCursor: Nullable(Type.String({ description: 'null on the last page' })),
  policies: Type.Array(lit(['create'] as const), { description: 'create: the caller may open enforcement cases' }),
});

// Action bodies: POST /api/enforcement/cases/:id/actions/<action>

export const UpdateFactsBody = Type.Object({ facts: FactsSchema }, { additionalProperties: false });

export const AddEvidenceBody = Type.Object({
  kind: lit(EVIDENCE_KINDS),
  fileHash: Type.Optional(Type.String({ minLength: 64, maxLength: 64, pattern: '^[0-9a-f]{64}$', description: 'a file uploaded through POST /api/files' })),
  text: Type.Optional(Text(L.evidenceText)),
  note: Type.Optional(Text(L.note)),
  takenAt: Type.Optional(Time),
  lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
}, { additionalProperties: false, description: 'a photo or video needs fileHash; a statement needs text or a file' });

export const ConfirmBandBody = Type.Object({
  benchmarkKey: Key,
  penalty: PenaltyChoice,
  departureReason: Type.Optional(Text(L.reason)),
}, { additionalProperties: false });

export const ReviewBody = Type.Object({
  approved: Type.Boolean(),
  opinion: Text(L.reason),
}, { additionalProperties: false });

export const DecideBody = Type.Object({}, { additionalProperties: false });
export const PayBody = Type.Object({
  receiptNo: Text(50),
  amountYuan: Type.Number({ minimum: 0, maximum: 10_000_000 }),
}, { additionalProperties: false });
export const ExecuteBody = Type.Object({ note: Text(L.note) }, { additionalProperties: false });
export const CloseBody = Type.Object({ note: Type.Optional(Text(L.note)) }, { additionalProperties: false });
export const DropBody = Type.Object({ reason: Text(L.reason) }, { additionalProperties: false });

export type MatterBodyInput = Static<typeof MatterBody>;
export type MatterViewT = Static<typeof MatterView>;
export type MatterListT = Static<typeof MatterList>;
export type MatterBenchmarksT = Static<typeof MatterBenchmarks>;
export type OpenCaseInput = Static<typeof OpenCaseBody>;
export type SubjectInputT = Static<typeof SubjectInput>;
export type SubjectViewT = Static<typeof SubjectView>;
export type CaseDetailT = Static<typeof CaseDetail>;
export type CaseListT = Static<typeof CaseList>;
export type CaseListItemT = Static<typeof CaseListItem>;
export type EvidenceViewT = Static<typeof EvidenceView>;
export type EnforcementCasePolicy = (typeof ENFORCEMENT_CASE_POLICIES)[number];

/** The body of each action route, by action name (applyEnforcementAction takes one of these). */
export interface EnforcementActionBodies {
  'update-facts': Static<typeof UpdateFactsBody>;
  'add-evidence': Static<typeof AddEvidenceBody>;
  'confirm-band': Static<typeof ConfirmBandBody>;
  review: Static<typeof ReviewBody>;
  decide: Static<typeof DecideBody>;
  pay: Static<typeof PayBody>;
  execute: Static<typeof ExecuteBody>;
  close: Static<typeof CloseBody>;
  drop: Static<typeof DropBody>;
}
export const ACTION_BODY_SCHEMAS = {
  'update-facts': UpdateFactsBody,
  'add-evidence': AddEvidenceBody,
  'confirm-band': ConfirmBandBody,
  review: ReviewBody,
  decide: DecideBody,
  pay: PayBody,
  execute: ExecuteBody,
  close: CloseBody,
  drop: DropBody,
} as const;
