import { Type, type Static } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import {
  COUNCIL_LEVELS, MATTER_CLASSES, MATTER_SOURCES, MATTER_STATUSES, PARTICIPATION_LIMITS, PROPOSAL_STATUSES,
} from '../../shared/participation.ts';
import { HELP_STATUSES } from '../../shared/volunteers.ts';
import { CASE_STATUSES } from '../../shared/cases.ts';

/*
 * 三事分流 (issue 16): TypeBox request and response schemas of residents' matters (/api/participation/matters). The web
 * takes its types from here (type-only imports). Changes stay additive.
 */

const L = PARTICIPATION_LIMITS;
export const Id = Type.String({ minLength: 1, maxLength: 64 });
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
export const Time = Type.String({ description: 'ISO 8601 with zone' });
export const Text = (max: number, description?: string) =>
  Type.String({ minLength: 1, maxLength: max, ...(description ? { description } : {}) });
export const Location = Type.Object({
  lng: Type.Number({ minimum: -180, maximum: 180 }),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
}, { additionalProperties: false, description: 'WGS84' });

export const MatterListQuery = Type.Object({
  status: Type.Optional(lit(MATTER_STATUSES)),
  class: Type.Optional(lit(MATTER_CLASSES)),
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'nextCursor of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
}, { additionalProperties: false });

export const MATTER_POLICIES = ['class', 'reclass'] as const;
export type MatterPolicy = (typeof MATTER_POLICIES)[number];

/** Where the matter went: the case, the proposal or the help request made from it (whichever is set). */
export const MatterLinks = Type.Object({
  caseId: Nullable(Type.String()),
  caseNumber: Nullable(Type.String()),
  caseStatus: Nullable(lit(CASE_STATUSES)),
  proposalId: Nullable(Type.String()),
  proposalTitle: Nullable(Type.String()),
  proposalStatus: Nullable(lit(PROPOSAL_STATUSES)),
  councilName: Nullable(Type.String()),
  helpRequestId: Nullable(Type.String()),
  helpStatus: Nullable(lit(HELP_STATUSES)),
});

export const MatterSummary = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  title: Type.String(),
  description: Type.String(),
  location: Nullable(Location),
  address: Nullable(Type.String()),
  source: lit(MATTER_SOURCES),
  status: lit(MATTER_STATUSES),
  suggestedClass: lit(MATTER_CLASSES),
  suggestionReasons: Type.Array(Type.String(), { description: 'why the system suggests that class (zh)' }),
  class: Nullable(lit(MATTER_CLASSES)),
  classReason: Nullable(Type.String()),
  classedAt: Nullable(Time),
  gridId: Type.String(),
  gridName: Type.String(),
  townId: Type.String(),
  residentName: Nullable(Type.String({ description: 'the resident it is about: the name for staff of the scope and for the resident themself' })),
  submittedByName: Nullable(Type.String({ description: 'the account that entered it' })),
  links: MatterLinks,
  createdAt: Time,
  updatedAt: Time,
  policies: Type.Array(lit(MATTER_POLICIES), { description: 'what the caller may do to this matter now' }),
});

export const MatterList = Type.Object({
  items: Type.Array(MatterSummary),
  nextCursor: Nullable(Type.String({ description: 'null on the last page' })),
  policies: Type.Array(lit(['create'] as const), { description: 'create: the caller may enter matters' }),
});

export const MatterEventView = Type.Object({
  action: Type.String({ description: 'submit | class | reclass | route' }),
  fromClass: Nullable(lit(MATTER_CLASSES)),
  toClass: Nullable(lit(MATTER_CLASSES)),
  reason: Nullable(Type.String()),
  at: Time,
  byName: Nullable(Type.String()),
});

export const MatterDetail = Type.Composite([
  MatterSummary,
  Type.Object({ events: Type.Array(MatterEventView, { description: 'oldest first' }) }),
]);

export const NewMatterBody = Type.Object({
  title: Text(L.title),
  description: Text(L.body),
  location: Type.Optional(Nullable(Location)),
  address: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  source: Type.Optional(Type.Union((['gridWorker', 'visit', 'hotline', 'meeting'] as const).map((x) => Type.Literal(x)), {
    description: 'staff: where it came in (default gridWorker for a grid worker, visit otherwise); a resident\'s own is always resident',
  })),
  residentId: Type.Optional(Nullable(Id)),
}, { additionalProperties: false, description: 'a resident: their own matter (their grid); staff: for a registry person (residentId) or anonymous in their grid (location required then)' });

export const ClassMatterBody = Type.Object({
  class: lit(MATTER_CLASSES),
  reason: Type.Optional(Nullable(Type.String({ maxLength: L.reason, description: 'required when the class is not the suggested one' }))),
  categoryCode: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 40, description: 'public: the case category (事项清单 code); default: the catalogue\'s general one' }))),
  councilLevel: Type.Optional(lit(COUNCIL_LEVELS)),
}, { additionalProperties: false });

export const ReclassMatterBody = Type.Object({
  class: lit(MATTER_CLASSES),
  reason: Text(L.reason),
  categoryCode: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 40 }))),
  councilLevel: Type.Optional(lit(COUNCIL_LEVELS)),
}, { additionalProperties: false });

export type MatterListQueryT = Static<typeof MatterListQuery>;
export type MatterSummaryT = Static<typeof MatterSummary>;
export type MatterDetailT = Static<typeof MatterDetail>;
export type MatterListT = Static<typeof MatterList>;
export type NewMatterBodyT = Static<typeof NewMatterBody>;
export type ClassMatterBodyT = Static<typeof ClassMatterBody>;
export type ReclassMatterBodyT = Static<typeof ReclassMatterBody>;
