import { Type, type Static } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import {
  DISPUTE_LIMITS, DISPUTE_SOURCES, DISPUTE_STATUSES, DISPUTE_TIERS, PARTY_ROLES,
  REFERRAL_UNIT_KINDS, RISK_LEVELS,
} from '../../shared/disputes.ts';
import { CASE_STATUSES } from '../../shared/cases.ts';
import { LIGHTS } from '../../shared/matters.ts';
import { FollowUpView, MediationView } from './mediation-schemas.ts';

/*
 * 矛盾纠纷多元化解 (issue 15): TypeBox request and response schemas of the disputes core routes (classes, register,
 * list, detail, actions). The web takes its types from here (type-only imports). Changes stay additive.
 * Mediations and follow-ups in the detail have the shapes of mediation-schemas.ts (H3); their action routes answer DisputeDetail.
 */

const L = DISPUTE_LIMITS;
export const Id = Type.String({ minLength: 1, maxLength: 64 });
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
const Time = Type.String({ description: 'ISO 8601 with zone' });

export const Location = Type.Object({
  lng: Type.Number({ minimum: -180, maximum: 180 }),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
}, { additionalProperties: false, description: 'WGS84' });

const Reason = Type.String({ minLength: 1, maxLength: L.reason });
const Text = (max: number, description?: string) => Type.String({ minLength: 1, maxLength: max, ...(description ? { description } : {}) });

// ---------------------------------------------------------------------------------------------------------------------
// Classes (the 18 classes of 人民调解 statistics, edited by the city)

const ClassCode = Type.String({ minLength: 1, maxLength: 20, pattern: '^[0-9A-Za-z]+$', description: 'e.g. 01' });
const SubclassCode = Type.String({ minLength: 1, maxLength: 24, pattern: '^[0-9A-Za-z]+-[0-9]{2,3}$', description: '<class>-<nn>, e.g. 01-02' });

export const SubclassView = Type.Object({ code: Type.String(), name: Type.String(), retired: Type.Boolean() });
export const DISPUTE_CLASS_POLICIES = ['update'] as const;
export const DisputeClassView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  subclasses: Type.Array(SubclassView, { description: 'active ones only unless includeRetired' }),
  sort: Type.Integer(),
  retired: Type.Boolean(),
  updatedAt: Time,
  policies: Type.Array(lit(DISPUTE_CLASS_POLICIES)),
});
export const DisputeClassListQuery = Type.Object({
  includeRetired: Type.Optional(Type.Boolean({ description: 'also retired classes and subclasses (the catalog editor)' })),
}, { additionalProperties: false });
export const DisputeClassList = Type.Object({
  items: Type.Array(DisputeClassView),
  policies: Type.Array(lit(['create'] as const)),
});
export const ClassCodeParams = Type.Object({ code: ClassCode }, { additionalProperties: false });

const SubclassInput = Type.Object({
  code: Type.Optional(SubclassCode),
  name: Text(40),
  retired: Type.Optional(Type.Boolean()),
}, { additionalProperties: false, description: 'without code: a new subclass, numbered <class>-<next nn>' });

export const DisputeClassBody = Type.Object({
  name: Text(40),
  subclasses: Type.Array(SubclassInput, { maxItems: 60 }),
  retired: Type.Optional(Type.Boolean()),
  sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
}, { additionalProperties: false });
export const NewDisputeClassBody = Type.Composite([
  Type.Object({ code: ClassCode }),
  DisputeClassBody,
], { additionalProperties: false });

// ---------------------------------------------------------------------------------------------------------------------
// Parties and risk

export const PartyInputSchema = Type.Object({
  role: lit(PARTY_ROLES),
  residentId: Type.Optional(Nullable(Id)),
  name: Type.Optional(Text(50, 'required unless residentId')),
  idNumber: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 40, description: '居民身份证号; checked: 422 ID_NUMBER_INVALID' }))),
  phone: Type.Optional(Nullable(Type.String({ minLength: 5, maxLength: 30 }))),
  address: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  vulnerable: Type.Optional(Type.Boolean()),
  vulnerableReason: Type.Optional(Nullable(Type.String({ maxLength: L.reason }))),
}, { additionalProperties: false, description: 'a person of the registry (residentId) or an outsider (name)' });

export const RiskFactorsSchema = Type.Object({
  threats: Type.Boolean({ description: '扬言: a party threatened violence, self-harm or extreme acts' }),
  groupSize: Type.Integer({ minimum: 0, maximum: 100_000, description: 'people on the larger side (群体性: five or more)' }),
  amountYuan: Nullable(Type.Number({ minimum: 0, maximum: 1e12 })),
  note: Nullable(Type.String({ maxLength: L.reason })),
}, { additionalProperties: false });

export const PartyView = Type.Object({
  seq: Type.Integer(),
  role: lit(PARTY_ROLES),
  residentId: Nullable(Type.String()),
  name: Type.String({ description: 'masked (张*) unless unmasked' }),
  idNumber: Nullable(Type.String({ description: 'masked (5001**********1234) unless unmasked' })),
  phone: Nullable(Type.String({ description: 'masked (138****1234) unless unmasked' })),
  address: Nullable(Type.String({ description: 'masked (first characters) unless unmasked' })),
  vulnerable: Type.Boolean(),
  vulnerableReason: Nullable(Type.String()),
  self: Type.Boolean({ description: 'this party is the calling resident' }),
});

export const RiskView = Type.Object({
  level: lit(RISK_LEVELS),
  reasons: Type.Array(Type.String(), { description: 'the rules\' reasons (zh)' }),
  factors: RiskFactorsSchema,
});

// ---------------------------------------------------------------------------------------------------------------------
// List

export const DisputeListQuery = Type.Object({
  status: Type.Optional(lit(DISPUTE_STATUSES)),
  tier: Type.Optional(lit(DISPUTE_TIERS)),
  risk: Type.Optional(lit(RISK_LEVELS)),
  classCode: Type.Optional(Type.String({ maxLength: 20 })),
  orgUnitId: Type.Optional(Type.String({ maxLength: 64, description: 'disputes in this unit (a community, a grid) and below, inside the caller\'s scope' })),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'part of the number, the description or the address' })),
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'nextCursor of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
}, { additionalProperties: false });

export const DISPUTE_POLICIES = [
  'mediate', 'push', 'reply', 'litigate', 'changeTier', 'assessRisk', 'followUp', 'attachSigned', 'close', 'reopen', 'unmask',
] as const;
export type DisputePolicy = (typeof DISPUTE_POLICIES)[number];
const Policies = Type.Array(lit(DISPUTE_POLICIES), { description: 'what the caller may do to this dispute now' });

export const DisputeSummary = Type.Object({
  id: Type.String(),
  number: Type.String({ description: 'JF + town code + yyyyMMdd + sequence' }),
  version: Type.Integer(),
  status: lit(DISPUTE_STATUSES),
  classCode: Type.String(),
  className: Type.String(),
  subclassCode: Nullable(Type.String()),
  subclassName: Nullable(Type.String()),
  description: Type.String(),
  location: Location,
  address: Nullable(Type.String()),
  source: lit(DISPUTE_SOURCES),
  riskLevel: lit(RISK_LEVELS),
  tier: lit(DISPUTE_TIERS),
  handlingUnitId: Type.String(),
  handlingUnitName: Type.String(),
  gridId: Type.String(),
  gridName: Type.String(),
  townId: Type.String(),
  caseId: Type.String(),
  flareUps: Type.Integer(),
  partyNames: Type.Array(Type.String(), { description: 'masked names, applicants first' }),
  createdAt: Time,
  updatedAt: Time,
  resolvedAt: Nullable(Time),
  closedAt: Nullable(Time),
  policies: Policies,
});

export const DisputeList = Type.Object({
  items: Type.Array(DisputeSummary),
  nextCursor: Nullable(Type.String({ description: 'null on the last page' })),
  policies: Type.Array(lit(['create'] as const), { description: 'create: the caller may register disputes' }),
});

// ---------------------------------------------------------------------------------------------------------------------
// Register

export const RegisterDisputeBody = Type.Object({
  classCode: Type.String({ minLength: 1, maxLength: 20 }),
  subclassCode: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 24 }))),
  parties: Type.Array(PartyInputSchema, { minItems: 1, maxItems: L.parties, description: 'at least one applicant' }),
  description: Text(L.description),
  location: Location,
  address: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  source: Type.Optional(Type.Union(DISPUTE_SOURCES.map((x) => Type.Literal(x)), { description: 'where it came in; default gridWorker for a grid worker, visit (来访) for other staff, case with caseId' })),
  tier: Type.Optional(lit(DISPUTE_TIERS)),
  tierReason: Type.Optional(Nullable(Reason)),
  riskFactors: Type.Optional(RiskFactorsSchema),
  caseId: Type.Optional(Id),
}, { additionalProperties: false });

// ---------------------------------------------------------------------------------------------------------------------
// Detail

export const DisputeDetailQuery = Type.Object({
  unmask: Type.Optional(Type.Boolean({ description: 'parties whole (DISPUTE_HANDLERS of the scope); audited dispute.parties.read' })),
}, { additionalProperties: false });

export const WorkOrderView = Type.Object({
  id: Type.String(),
  number: Type.String(),
  status: lit(CASE_STATUSES),
  light: Nullable(lit(LIGHTS)),
  dueAt: Nullable(Time),
  assigneeName: Nullable(Type.String()),
});

export const ReferralView = Type.Object({
  id: Type.String(),
  unitKind: lit(REFERRAL_UNIT_KINDS),
  departmentId: Nullable(Type.String()),
  unitName: Type.String(),
  note: Nullable(Type.String()),
  dueAt: Time,
  status: lit(['pending', 'replied', 'done'] as const),
  overdue: Type.Boolean(),
  repliedAt: Nullable(Time),
  replies: Type.Array(Type.Object({ at: Time, by: Nullable(Type.String()), text: Type.String(), done: Type.Boolean() })),
  createdAt: Time,
  canReply: Type.Boolean({ description: 'the caller may reply to this referral' }),
});

export const ChainLink = Type.Object({
  id: Type.String(),
  number: Type.String(),
  status: lit(DISPUTE_STATUSES),
  createdAt: Time,
  current: Type.Boolean({ description: 'the dispute being read' }),
  readable: Type.Boolean({ description: 'the caller may open it' }),
});

export const DisputeEventView = Type.Object({
  id: Type.Integer(),
  at: Time,
  actorName: Nullable(Type.String()),
  action: Type.String({ description: 'registered, tierChanged, riskAssessed, pushed, replied, litigated, mediated, followedUp, signedAttached, closed, reopened, reopenedFrom, partiesRead …' }),
  data: Type.Record(Type.String(), Type.Unknown()),
});

export const DisputeDetail = Type.Composite([
  Type.Omit(DisputeSummary, ['policies', 'riskLevel', 'partyNames']),
  Type.Object({
    risk: RiskView,
    suggestedTier: lit(DISPUTE_TIERS),
    suggestedTierReasons: Type.Array(Type.String()),
    tierReason: Nullable(Type.String()),
    unmasked: Type.Boolean({ description: 'parties are shown whole' }),
    parties: Type.Array(PartyView),
    workOrder: Nullable(WorkOrderView),
    courtCaseNumber: Nullable(Type.String()),
    court: Nullable(Type.String()),
    closeReason: Nullable(Type.String()),
    reopenedFrom: Nullable(Type.String()),
    chain: Type.Array(ChainLink, { description: 'the earlier and later disputes of its flare-up chain, oldest first (itself included)' }),
    mediations: Type.Array(MediationView),
    followUps: Type.Array(FollowUpView),
    referrals: Type.Array(ReferralView),
    events: Type.Array(DisputeEventView),
    policies: Policies,
  }),
]);

// ---------------------------------------------------------------------------------------------------------------------
// Actions (POST /api/disputes/:id/actions/<action>; each answers the detail)

export const PushBody = Type.Object({
  unitKind: lit(REFERRAL_UNIT_KINDS),
  departmentId: Type.Optional(Nullable(Id)),
  unitName: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 60, description: 'required unless departmentId' }))),
  dueDays: Type.Integer({ minimum: L.referralDays.min, maximum: L.referralDays.max, description: 'working days' }),
  note: Type.Optional(Nullable(Type.String({ maxLength: L.reason }))),
}, { additionalProperties: false });

export const ReplyBody = Type.Object({
  referralId: Id,
  text: Text(L.statement),
  done: Type.Boolean({ description: 'the unit has done its part' }),
}, { additionalProperties: false });

export const LitigateBody = Type.Object({
  court: Text(60),
  courtCaseNumber: Text(60, 'e.g. （2026）渝0112民初1234号'),
  note: Type.Optional(Nullable(Type.String({ maxLength: L.reason }))),
}, { additionalProperties: false });

export const ChangeTierBody = Type.Object({ tier: lit(DISPUTE_TIERS), reason: Reason }, { additionalProperties: false });
export const AssessRiskBody = Type.Object({ factors: RiskFactorsSchema }, { additionalProperties: false });
export const CloseBody = Type.Object({ reason: Reason }, { additionalProperties: false });
export const ReopenBody = Type.Object({ description: Text(L.description), reason: Reason }, { additionalProperties: false });

export type DisputeDetailT = Static<typeof DisputeDetail>;
export type DisputeSummaryT = Static<typeof DisputeSummary>;
export type RegisterDisputeBodyT = Static<typeof RegisterDisputeBody>;
export type PartyViewT = Static<typeof PartyView>;
export type ReferralViewT = Static<typeof ReferralView>;
export type DisputeClassViewT = Static<typeof DisputeClassView>;
export type { MediationViewT, FollowUpViewT } from './mediation-schemas.ts';
