import { Type, type Static } from '@sinclair/typebox';
import { ADMISSION_STATUSES, DUTY_LEVELS, DUTY_LIMITS as L, LIST_TYPES, STANDING_DUTY_KINDS } from '../../shared/duties.ts';

/* Request and response schemas of the duty catalogs (三张清单), admissions (清单准入) and standing duties ("6+1"). */

const lit = <T extends string>(values: readonly T[], description?: string) =>
  Type.Union(values.map((v) => Type.Literal(v)), description ? { description } : {});

export const Level = lit(DUTY_LEVELS, 'town 镇街, community 村(社区), grid 网格');
export const ListTypeT = lit(LIST_TYPES, 'basic 基本履职, assisting 配合履职, withdrawn 部门收回');
export const AdmissionStatusT = lit(ADMISSION_STATUSES);
const DutyCode = Type.String({ pattern: '^D[1-7]$', description: 'the standing duty (D1…D7) through which the item produces tasks' });
const UnitId = Type.String({ minLength: 1, maxLength: 64, description: 'any org unit in the caller\'s scope (or holding it); the town is the one holding it. Default: the town holding the caller\'s scope (a read by a caller scoped above the towns: the first of them)' });

export const TownRef = Type.Object({ id: Type.String(), name: Type.String() });

export const ITEM_POLICIES = ['edit', 'retire'] as const;
export const DutyItemView = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  level: Level,
  listType: ListTypeT,
  code: Type.String(),
  name: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  basis: Type.String({ description: 'the legal or policy basis' }),
  department: Type.Union([Type.String(), Type.Null()], { description: 'the department it assists (配合履职) or was withdrawn to (部门收回)' }),
  dutyCode: Type.Union([Type.String(), Type.Null()]),
  visitsPerMonth: Type.Number(),
  minutesPerVisit: Type.Integer(),
  hoursPerMonth: Type.Number({ description: 'what the item adds to its level\'s doer a month (0 when withdrawn)' }),
  admissionId: Type.Union([Type.String(), Type.Null()], { description: 'the admission that let it in; null for the starting catalog' }),
  approvedByName: Type.Union([Type.String(), Type.Null()]),
  approvedAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  retiredAt: Type.Union([Type.String(), Type.Null()]),
  retiredReason: Type.Union([Type.String(), Type.Null()]),
  policies: Type.Array(lit(ITEM_POLICIES), { description: 'edit: its text; retire: take it out of the catalog (with a reason)' }),
});

const Counts = Type.Object({ basic: Type.Integer(), assisting: Type.Integer(), withdrawn: Type.Integer(), total: Type.Integer() });
export const CatalogCounts = Type.Object({ town: Counts, community: Counts, grid: Counts });

export const RegistryLoadView = Type.Object({
  gridWorkers: Type.Integer({ description: 'full- and part-time grid workers with an account in the town' }),
  keyPeople: Type.Integer(), riskPoints: Type.Integer(), buildings: Type.Integer(),
  keyVisits: Type.Number({ description: 'visits a month per grid worker' }),
  inspections: Type.Number(), buildingChecks: Type.Number(), hours: Type.Number(),
});
export const LevelBurdenView = Type.Object({
  items: Type.Integer({ description: 'items the level does or assists' }),
  catalogHours: Type.Number(),
  registry: Type.Union([RegistryLoadView, Type.Null()], { description: 'the registry\'s load (grid level only)' }),
  hours: Type.Number({ description: 'estimated hours a month for one doer of the level (the town office, a community, a grid worker)' }),
});
export const BurdenView = Type.Object({ town: LevelBurdenView, community: LevelBurdenView, grid: LevelBurdenView });

export const CATALOG_POLICIES = ['requestAdmission', 'decideAdmissions', 'editItems', 'editStandingDuties'] as const;
const Towns = Type.Array(TownRef, { description: 'the towns the caller may read (those of its scope, or the one holding it)' });
export const Catalog = Type.Object({
  town: TownRef,
  towns: Towns,
  level: Type.Union([Level, Type.Null()]),
  items: Type.Array(DutyItemView),
  counts: CatalogCounts,
  trend: Type.Array(Type.Object({ month: Type.String({ description: 'YYYY-MM (Asia/Shanghai)' }), counts: CatalogCounts }), { description: 'the counts at each of the last 12 month ends, oldest first; the last is now' }),
  burden: BurdenView,
  requestLevels: Type.Array(Level, { description: 'the levels the caller may ask a new duty at (its own or below)' }),
  policies: Type.Array(lit(CATALOG_POLICIES)),
});
export const CatalogQuery = Type.Object({
  level: Type.Optional(Level),
  orgUnitId: Type.Optional(UnitId),
  retired: Type.Optional(Type.Boolean({ description: 'true: also the items taken out of the catalog' })),
}, { additionalProperties: false });

const Text = (max: number, description?: string) => Type.String({ minLength: 1, maxLength: max, ...(description ? { description } : {}) });

export const ProposedItem = Type.Object({
  name: Text(L.name),
  listType: ListTypeT,
  basis: Text(L.basis, 'the legal or policy basis: required'),
  description: Type.Optional(Type.Union([Type.String({ maxLength: L.text }), Type.Null()])),
  department: Type.Optional(Type.Union([Type.String({ maxLength: L.department }), Type.Null()])),
  dutyCode: Type.Optional(Type.Union([DutyCode, Type.Null()])),
  minutesPerVisit: Type.Integer({ minimum: 1, maximum: L.minutesPerVisit }),
}, { additionalProperties: false });

export const AdmissionBody = Type.Object({
  orgUnitId: Type.Optional(UnitId),
  level: Level,
  item: ProposedItem,
  reason: Text(L.reason),
  burden: Type.Number({ minimum: 0, maximum: L.visitsPerMonth, description: 'expected visits a month (per grid worker for grid items)' }),
}, { additionalProperties: false });

export const ADMISSION_POLICIES = ['approve', 'refuse'] as const;
export const AdmissionView = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  townId: Type.String(),
  level: Level,
  item: Type.Object({
    name: Type.String(), listType: ListTypeT, basis: Type.String(), description: Type.Union([Type.String(), Type.Null()]),
    department: Type.Union([Type.String(), Type.Null()]), dutyCode: Type.Union([Type.String(), Type.Null()]), minutesPerVisit: Type.Integer(),
  }),
  reason: Type.String(),
  burden: Type.Number({ description: 'visits a month' }),
  status: AdmissionStatusT,
  requestedByName: Type.String(),
  requesterUnit: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  decidedByName: Type.Union([Type.String(), Type.Null()]),
  decidedAt: Type.Union([Type.String(), Type.Null()]),
  decisionNote: Type.Union([Type.String(), Type.Null()]),
  itemId: Type.Union([Type.String(), Type.Null()]),
  itemCode: Type.Union([Type.String(), Type.Null()]),
  effect: Type.Object({
    added: Type.Number({ description: 'hours a month the item adds to one doer of its level' }),
    before: Type.Union([Type.Number(), Type.Null()], { description: 'the level\'s hours now (pending requests only)' }),
    after: Type.Union([Type.Number(), Type.Null()]),
  }),
  policies: Type.Array(lit(ADMISSION_POLICIES)),
});
export const AdmissionList = Type.Object({
  town: TownRef,
  towns: Towns,
  items: Type.Array(AdmissionView),
  counts: Type.Object({ pending: Type.Integer(), approved: Type.Integer(), refused: Type.Integer() }),
  burden: BurdenView,
  requestLevels: Type.Array(Level),
  policies: Type.Array(lit(['create'] as const), { description: 'create: the caller may file a request' }),
});
export const AdmissionQuery = Type.Object({
  status: Type.Optional(AdmissionStatusT),
  orgUnitId: Type.Optional(UnitId),
}, { additionalProperties: false });
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const ApproveBody = Type.Object({ note: Type.Optional(Type.String({ maxLength: L.reason })) }, { additionalProperties: false });
export const RefuseBody = Type.Object({ note: Text(L.reason, 'why it is refused: required') }, { additionalProperties: false });

export const ItemPatch = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  name: Type.Optional(Text(L.name)),
  description: Type.Optional(Type.Union([Type.String({ maxLength: L.text }), Type.Null()])),
  basis: Type.Optional(Text(L.basis)),
  department: Type.Optional(Type.Union([Type.String({ maxLength: L.department }), Type.Null()])),
}, { additionalProperties: false });
export const RetireBody = Type.Object({ version: Type.Integer({ minimum: 1 }), reason: Text(L.reason) }, { additionalProperties: false });

export const StandingDutyView = Type.Object({
  code: Type.String(), kind: lit(STANDING_DUTY_KINDS), name: Type.String(), description: Type.String(),
  everyDays: Type.Union([Type.Integer(), Type.Null()]), deadlineDays: Type.Integer(), enabled: Type.Boolean(),
  rhythm: Type.Boolean({ description: 'true: the town sets how often it comes round (everyDays); else the registry or a person does' }),
});
export const StandingDuties = Type.Object({
  town: TownRef,
  towns: Towns,
  own: Type.Boolean({ description: 'false: the town works by the platform\'s list (never edited)' }),
  version: Type.Integer({ description: 'send it back with PUT; 0 before the first edit' }),
  duties: Type.Array(StandingDutyView),
  policies: Type.Array(lit(['edit'] as const)),
});
export const StandingDutiesQuery = Type.Object({ orgUnitId: Type.Optional(UnitId) }, { additionalProperties: false });
export const StandingDutiesBody = Type.Object({
  orgUnitId: Type.Optional(UnitId),
  version: Type.Integer({ minimum: 0, description: 'the version read; a list saved by someone else since is refused (409)' }),
  duties: Type.Array(Type.Object({
    code: DutyCode,
    name: Text(L.name),
    description: Type.String({ maxLength: L.text }),
    everyDays: Type.Union([Type.Integer({ minimum: 1, maximum: 366 }), Type.Null()]),
    deadlineDays: Type.Integer({ minimum: 0, maximum: 60 }),
    enabled: Type.Boolean(),
  }, { additionalProperties: false }), { maxItems: 20 }),
}, { additionalProperties: false });

export type CatalogT = Static<typeof Catalog>;
export type DutyItemViewT = Static<typeof DutyItemView>;
export type AdmissionViewT = Static<typeof AdmissionView>;
export type AdmissionListT = Static<typeof AdmissionList>;
export type AdmissionBodyT = Static<typeof AdmissionBody>;
export type ItemPatchT = Static<typeof ItemPatch>;
export type StandingDutiesT = Static<typeof StandingDuties>;
export type StandingDutiesBodyT = Static<typeof StandingDutiesBody>;
export type BurdenViewT = Static<typeof BurdenView>;
