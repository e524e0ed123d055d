import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import {
  GENDERS, PLACE_KINDS, REGISTRY_LIMITS, RELATIONS, RESIDENCE_KINDS, RISK_LEVELS, THING_KINDS,
} from '../../shared/registry.ts';
import { CASE_STATUSES } from '../../shared/cases.ts';

/*
 * The registry's API (issue 11): TypeBox request and response schemas of every route under /api/registry. The web
 * takes its types from here (type-only imports). Changes stay additive: clients and scripts call these routes.
 */

const L = REGISTRY_LIMITS;
export const Id = Type.String({ minLength: 1, maxLength: 64 });
export const IdParams = Type.Object({ id: Id });

const LocalDate = (description: string) =>
  Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', description });
const Time = Type.String({ description: 'ISO 8601 with zone' });

export const Location = Type.Object({
  lng: Type.Number({ minimum: -180, maximum: 180 }),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
}, { additionalProperties: false, description: 'WGS84' });

const Name = Type.String({ minLength: 1, maxLength: L.name });
const Address = Type.String({ minLength: 1, maxLength: L.address });
const Note = Type.String({ maxLength: L.note });
const TagCode = Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z0-9_]+$' });
const TagCodes = Type.Array(TagCode, { maxItems: L.tagsPerResident });
const Phone = Type.String({ minLength: 5, maxLength: 30, description: 'a mobile (13812345678, +86 and spaces allowed) or a landline (023-12345678)' });
const IdNumberInput = Type.String({ minLength: 1, maxLength: 40, description: '居民身份证号 (GB 11643, 18 characters); checked: 422 ID_NUMBER_INVALID' });
const GridIdInput = Type.String({
  minLength: 1, maxLength: 64,
  description: 'place the record in this grid (one the caller reaches) instead of by its building or location',
});

/** Where a record sits: its grid (with the grid's name) and town. */
const Placement = {
  gridId: Type.String(),
  gridName: Type.String(),
  townId: Type.String(),
};
const Stamps = { createdAt: Time, updatedAt: Time };

// ---------------------------------------------------------------------------------------------------------------------
// Lists: page/pageSize (with total), or cursor (keyset, for exports that stream every page)

const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1, description: '1-based; ignored with cursor' })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: L.maxPageSize, default: L.pageSize })),
  cursor: Type.Optional(Type.String({ maxLength: 400, description: 'nextCursor of the previous page: pages on without counting' })),
};
const ListPage = <T extends TSchema>(item: T) => Type.Object({
  items: Type.Array(item),
  total: Nullable(Type.Integer({ description: 'every record the filters match; null when paging by cursor' })),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  nextCursor: Nullable(Type.String({ description: 'null on the last page' })),
  policies: Type.Array(lit(['create'] as const), { description: 'create: the caller may add such records' }),
});
const ScopeFilter = {
  gridId: Type.Optional(Type.String({ maxLength: 64, description: 'records in this org unit (a grid, or a community: its grids) and below, inside the caller\'s scope' })),
};
const Q = (description: string) => Type.Optional(Type.String({ minLength: 1, maxLength: 50, description }));
const NAME_Q = 'part of the name or the address, or the start of the name\'s pinyin initials';
const TagFilter = Type.Optional(Type.Array(TagCode, {
  maxItems: 10, description: 'any of these tags (a sensitive tag only for those who see it, else 403)',
}));

// ---------------------------------------------------------------------------------------------------------------------
// Tags

export const TagCatalogQuery = Type.Object({
  townId: Type.Optional(Type.String({ maxLength: 64, description: 'the visit frequencies of this town (default: the caller\'s own town, if its scope lies in one)' })),
}, { additionalProperties: false });

export const TagView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  group: Type.String({ description: 'e.g. 一老, 一小, 帮扶' }),
  sensitive: Type.Boolean({ description: 'PIPL-sensitive: shown to REGISTRY_CARERS only' }),
  visitEveryDays: Nullable(Type.Integer({ description: 'the town\'s frequency where it set one, else the platform default' })),
  townOverride: Type.Boolean({ description: 'visitEveryDays is the town\'s own' }),
  sort: Type.Integer(),
});

export const TagCatalog = Type.Object({
  townId: Nullable(Type.String()),
  items: Type.Array(TagView),
  hiddenTags: Type.Integer({ description: 'sensitive tags left out because the caller does not see them' }),
});

// ---------------------------------------------------------------------------------------------------------------------
// Residents

export const RESIDENT_POLICIES = ['update', 'leave', 'revealPhone', 'revealIdNumber'] as const;
export const LEAVE_REASONS = ['movedAway', 'died', 'other'] as const;

export const ResidentListQuery = Type.Object({
  q: Q('the start of the name, its pinyin (zhangshu) or initials (zsf); within a community or less (a grid worker\'s grids, community staff, or gridId naming a community or a grid) also part of the name or of the household\'s address'),
  idNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'exact, through the keyed hash' })),
  phone: Type.Optional(Type.String({ minLength: 5, maxLength: 30, description: 'exact, through the keyed hash' })),
  tag: TagFilter,
  ...ScopeFilter,
  householdId: Type.Optional(Type.String({ maxLength: 64 })),
  includeLeft: Type.Optional(Type.Boolean({ description: 'also those who moved away or died' })),
  ...Paging,
}, { additionalProperties: false });

export const ResidentView = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  name: Type.String(),
  gender: lit(GENDERS),
  birthDate: Type.String({ description: 'YYYY-MM-DD, from the ID number' }),
  idNumber: Type.String({ description: 'masked: 110***********1234; whole only through POST …/reveal' }),
  phone: Nullable(Type.String({ description: 'masked: 138****5678; whole only through POST …/reveal' })),
  householdId: Nullable(Type.String()),
  householdAddress: Nullable(Type.String()),
  relation: Nullable(lit(RELATIONS)),
  ...Placement,
  tags: Type.Array(Type.String(), { description: 'codes of the tags the caller may see' }),
  hiddenTags: Type.Integer({ description: 'sensitive tags of this resident left out for this caller' }),
  partyMember: Type.Boolean(),
  note: Nullable(Type.String()),
  leftAt: Nullable(Time),
  leftReason: Nullable(Type.String()),
  ...Stamps,
  policies: Type.Array(lit(RESIDENT_POLICIES)),
});

export const ResidentList = ListPage(ResidentView);

export const ResidentBody = Type.Object({
  name: Name,
  idNumber: IdNumberInput,
  phone: Type.Optional(Nullable(Phone)),
  gender: Type.Optional(lit(GENDERS)),
  birthDate: Type.Optional(LocalDate('must agree with the ID number (it is read from it when omitted)')),
  householdId: Type.Optional(Nullable(Id)),
  relation: Type.Optional(Nullable(lit(RELATIONS))),
  gridId: Type.Optional(GridIdInput),
  tags: Type.Optional(TagCodes),
  partyMember: Type.Optional(Type.Boolean()),
  note: Type.Optional(Nullable(Note)),
}, { additionalProperties: false, description: 'placed by its household\'s grid, else gridId (required without a household)' });

export const ResidentPatch = Type.Object({
  version: Type.Integer({ minimum: 1, description: 'the version read; a stale one is 409 CONFLICT' }),
  name: Type.Optional(Name),
  idNumber: Type.Optional(IdNumberInput),
  phone: Type.Optional(Nullable(Phone)),
  householdId: Type.Optional(Nullable(Id)),
  relation: Type.Optional(Nullable(lit(RELATIONS))),
  gridId: Type.Optional(GridIdInput),
  tags: Type.Optional(Type.Array(TagCode, {
    maxItems: L.tagsPerResident,
    description: 'the tags the caller sees; sensitive tags the caller does not see are kept as they are',
  })),
  partyMember: Type.Optional(Type.Boolean()),
  note: Type.Optional(Nullable(Note)),
}, { additionalProperties: false });

export const LeaveBody = Type.Object({
  reason: lit(LEAVE_REASONS),
  note: Type.Optional(Type.String({ maxLength: 200 })),
  version: Type.Optional(Type.Integer({ minimum: 1 })),
}, { additionalProperties: false });

export const RevealBody = Type.Object({ field: lit(['phone', 'idNumber'] as const) }, { additionalProperties: false });
export const PlaceRevealBody = Type.Object({ field: Type.Optional(lit(['contactPhone'] as const)) }, { additionalProperties: false });
export const Revealed = Type.Object({
  field: lit(['phone', 'idNumber', 'contactPhone'] as const),
  value: Nullable(Type.String({ description: 'null when there is none, or it was sealed with a key this server does not hold' })),
});

// ---------------------------------------------------------------------------------------------------------------------
// Buildings

export const BUILDING_POLICIES = ['update', 'addHousehold'] as const;

export const BuildingListQuery = Type.Object({ q: Q(NAME_Q), ...ScopeFilter, ...Paging }, { additionalProperties: false });

export const BuildingView = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  name: Type.String(),
  address: Nullable(Type.String()),
  location: Location,
  units: Type.Integer(),
  floors: Type.Integer(),
  roomsPerFloor: Type.Integer(),
  structure: Nullable(Type.String()),
  builtYear: Nullable(Type.Integer()),
  note: Nullable(Type.String()),
  householdCount: Type.Integer(),
  ...Placement,
  ...Stamps,
  policies: Type.Array(lit(BUILDING_POLICIES)),
});
export const BuildingList = ListPage(BuildingView);

const BuildingFields = {
  name: Name,
  address: Type.Optional(Nullable(Address)),
  location: Location,
  units: Type.Integer({ minimum: 1, maximum: 50 }),
  floors: Type.Integer({ minimum: 1, maximum: 200 }),
  roomsPerFloor: Type.Integer({ minimum: 1, maximum: 50 }),
  structure: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  builtYear: Type.Optional(Nullable(Type.Integer({ minimum: 1800, maximum: 2100 }))),
  gridId: Type.Optional(GridIdInput),
  note: Type.Optional(Nullable(Note)),
};
export const BuildingBody = Type.Object(BuildingFields, {
  additionalProperties: false, description: 'placed in the grid holding its location, or gridId',
});
export const BuildingPatch = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  ...Type.Partial(Type.Object(BuildingFields)).properties,
}, { additionalProperties: false });

export const LayoutRoom = Type.Object({
  roomNo: Type.String(),
  householdId: Nullable(Type.String()),
  headName: Nullable(Type.String()),
  memberCount: Type.Integer(),
  tags: Type.Array(Type.String(), { description: 'codes of the members\' tags the caller may see (each once)' }),
});
export const BuildingLayout = Type.Object({
  building: BuildingView,
  units: Type.Array(Type.Object({
    unitNo: Type.Integer(),
    floors: Type.Array(Type.Object({
      floorNo: Type.Integer({ description: 'top floor first' }),
      rooms: Type.Array(LayoutRoom),
    })),
  })),
  unplaced: Type.Array(Type.Object({
    householdId: Type.String(), address: Type.String(), unitNo: Nullable(Type.Integer()), floorNo: Nullable(Type.Integer()),
    roomNo: Nullable(Type.String()), headName: Nullable(Type.String()), memberCount: Type.Integer(), tags: Type.Array(Type.String()),
  }), { description: 'households of the building whose unit/floor/room lies outside the drawn layout' }),
  hiddenTags: Type.Integer({ description: 'sensitive tags left out of the rooms for this caller' }),
});

// ---------------------------------------------------------------------------------------------------------------------
// Households

export const HOUSEHOLD_POLICIES = ['update', 'addMember', 'addHazard'] as const;

export const HouseholdListQuery = Type.Object({
  q: Q('part of the address or of a member\'s name'),
  ...ScopeFilter,
  buildingId: Type.Optional(Type.String({ maxLength: 64 })),
  tag: TagFilter,
  ...Paging,
}, { additionalProperties: false });

export const HouseholdView = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  address: Type.String(),
  buildingId: Nullable(Type.String()),
  buildingName: Nullable(Type.String()),
  unitNo: Nullable(Type.Integer()),
  floorNo: Nullable(Type.Integer()),
  roomNo: Nullable(Type.String()),
  location: Nullable(Location),
  headResidentId: Nullable(Type.String()),
  headName: Nullable(Type.String()),
  residenceKind: lit(RESIDENCE_KINDS),
  memberCount: Type.Integer(),
  tags: Type.Array(Type.String(), { description: 'codes of the members\' tags the caller may see (each once)' }),
  hiddenTags: Type.Integer(),
  note: Nullable(Type.String()),
  ...Placement,
  ...Stamps,
  policies: Type.Array(lit(HOUSEHOLD_POLICIES)),
});
export const HouseholdList = ListPage(HouseholdView);

export const HouseholdBody = Type.Object({
  address: Type.Optional(Address),
  buildingId: Type.Optional(Nullable(Id)),
  unitNo: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 50 }))),
  floorNo: Type.Optional(Nullable(Type.Integer({ minimum: -5, maximum: 200 }))),
  roomNo: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: L.roomNo }))),
  location: Type.Optional(Nullable(Location)),
  gridId: Type.Optional(GridIdInput),
  residenceKind: Type.Optional(lit(RESIDENCE_KINDS)),
  note: Type.Optional(Nullable(Note)),
}, {
  additionalProperties: false,
  description: 'in a building (unit, floor, room; the address is made from the building\'s when omitted) or at an address with a location or gridId',
});

export const HouseholdPatch = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  ...HouseholdBody.properties,
  headResidentId: Type.Optional(Nullable(Id)),
}, { additionalProperties: false });

// ---------------------------------------------------------------------------------------------------------------------
// Hazards

export const HAZARD_POLICIES = ['update'] as const;
export const HAZARD_STATUSES = ['open', 'resolved'] as const;

export const FollowUp = Type.Object({
  at: Time,
  actorName: Nullable(Type.String()),
  action: Type.String(),
  actionTaken: Nullable(Type.String()),
  nextCheckOn: Nullable(Type.String()),
  status: lit(HAZARD_STATUSES),
});

export const HazardView = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  thingId: Nullable(Type.String()),
  thingName: Nullable(Type.String()),
  buildingId: Nullable(Type.String()),
  buildingName: Nullable(Type.String()),
  householdIds: Type.Array(Type.String()),
  foundOn: Type.String(),
  description: Type.String(),
  actionTaken: Nullable(Type.String()),
  nextCheckOn: Nullable(Type.String()),
  status: lit(HAZARD_STATUSES),
  createdByName: Nullable(Type.String()),
  followUps: Type.Array(FollowUp, { description: 'each change of the entry, oldest first' }),
  ...Placement,
  ...Stamps,
  policies: Type.Array(lit(HAZARD_POLICIES)),
});

export const HazardBody = Type.Object({
  thingId: Type.Optional(Nullable(Id)),
  buildingId: Type.Optional(Nullable(Id)),
  householdIds: Type.Optional(Type.Array(Id, { maxItems: 500, description: 'the flats concerned (households of the building)' })),
  foundOn: LocalDate('when it was found'),
  description: Type.String({ minLength: 1, maxLength: L.hazardText }),
  actionTaken: Type.Optional(Nullable(Type.String({ maxLength: L.hazardText }))),
  nextCheckOn: Type.Optional(Nullable(LocalDate('the next check'))),
  status: Type.Optional(lit(HAZARD_STATUSES)),
}, { additionalProperties: false, description: 'on a thing or a building (one of them at least); placed in its grid' });

export const HazardPatch = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  householdIds: Type.Optional(Type.Array(Id, { maxItems: 500 })),
  description: Type.Optional(Type.String({ minLength: 1, maxLength: L.hazardText })),
  actionTaken: Type.Optional(Nullable(Type.String({ maxLength: L.hazardText }))),
  nextCheckOn: Type.Optional(Nullable(LocalDate('the next check'))),
  status: Type.Optional(lit(HAZARD_STATUSES)),
}, { additionalProperties: false });

// ---------------------------------------------------------------------------------------------------------------------
// The household file (一户一档)

export const ChangeView = Type.Object({
  id: Type.String(),
  at: Time,
  entityKind: lit(['building', 'household', 'resident', 'place', 'thing', 'hazard'] as const),
  entityId: Type.String(),
  action: Type.String({ description: 'create, update, leave, …' }),
  actorName: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  before: Nullable(Type.Record(Type.String(), Type.Unknown(), { description: 'changed fields before; personal fields masked' })),
  after: Nullable(Type.Record(Type.String(), Type.Unknown(), { description: 'changed fields after; personal fields masked' })),
});

export const CaseRef = Type.Object({
  id: Type.String(),
  number: Type.String(),
  status: lit(CASE_STATUSES),
  categoryName: Type.String(),
  address: Nullable(Type.String()),
  createdAt: Time,
  match: lit(['phone', 'location', 'thing'] as const),
});

/** A visit (走访) to the household or one of its members, as its file lists it (issue 12; GET /api/visits has the whole record). */
export const HouseholdVisit = Type.Object({
  id: Type.String(),
  at: Time,
  subjectKind: lit(['resident', 'household'] as const),
  subjectId: Type.String(),
  subjectName: Type.String({ description: 'the member visited, or the household\'s address' }),
  visitorName: Type.String(),
  findings: Nullable(Type.String()),
  far: Type.Boolean({ description: 'recorded far from the building (flagged, not refused)' }),
  photos: Type.Integer({ description: 'how many photos it has' }),
  caseId: Nullable(Type.String({ description: 'the case its finding became' })),
});

export const HouseholdFile = Type.Object({
  household: HouseholdView,
  members: Type.Array(ResidentView),
  hazards: Type.Array(HazardView, { description: 'hazards of its building naming no flat or naming this one, with their follow-ups' }),
  cases: Type.Array(CaseRef, {
    description: 'cases the caller sees, reported by a member\'s phone or within 30 m of the building or household, newest 20',
  }),
  visits: Type.Array(HouseholdVisit, { description: 'visits (走访) to the household and its members, newest first (50 at most)' }),
  devices: Type.Array(Type.Object({
    id: Type.String(), name: Type.String(), type: Type.String(),
    boundTo: Type.Union([Type.Literal('household'), Type.Literal('resident')]), residentId: Nullable(Type.String()),
    state: Type.Union([Type.Literal('online'), Type.Literal('offline'), Type.Literal('never')]),
    battery: Nullable(Type.Integer()), lastSeenAt: Nullable(Type.String()), activeAlarms: Type.Integer(),
  }), { description: 'care devices (door magnets, wristbands, smoke detectors …) bound to the household or one of its members' }),
  history: Type.Array(ChangeView, { description: 'every change of the household and its members, newest first (200 at most)' }),
  policies: Type.Array(lit(HOUSEHOLD_POLICIES)),
});

// ---------------------------------------------------------------------------------------------------------------------
// Places

export const PLACE_POLICIES = ['update', 'revealPhone'] as const;

export const PlaceListQuery = Type.Object({
  q: Q(NAME_Q), ...ScopeFilter,
  kind: Type.Optional(Type.Array(lit(PLACE_KINDS), { maxItems: PLACE_KINDS.length })),
  ...Paging,
}, { additionalProperties: false });

export const PlaceView = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  kind: lit(PLACE_KINDS),
  name: Type.String(),
  address: Nullable(Type.String()),
  location: Location,
  buildingId: Nullable(Type.String()),
  creditCode: Nullable(Type.String({ description: '统一社会信用代码' })),
  contactName: Nullable(Type.String()),
  contactPhone: Nullable(Type.String({ description: 'masked; whole only through POST …/reveal' })),
  note: Nullable(Type.String()),
  ...Placement,
  ...Stamps,
  policies: Type.Array(lit(PLACE_POLICIES)),
});
export const PlaceList = ListPage(PlaceView);

const PlaceFields = {
  kind: lit(PLACE_KINDS),
  name: Name,
  address: Type.Optional(Nullable(Address)),
  location: Location,
  buildingId: Type.Optional(Nullable(Id)),
  creditCode: Type.Optional(Nullable(Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$', description: '18 characters' }))),
  contactName: Type.Optional(Nullable(Type.String({ maxLength: L.name }))),
  contactPhone: Type.Optional(Nullable(Phone)),
  gridId: Type.Optional(GridIdInput),
  note: Type.Optional(Nullable(Note)),
};
export const PlaceBody = Type.Object(PlaceFields, { additionalProperties: false });
export const PlacePatch = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  ...Type.Partial(Type.Object(PlaceFields)).properties,
}, { additionalProperties: false });

// ---------------------------------------------------------------------------------------------------------------------
// Things (risk points and facilities) and their inspections

export const THING_POLICIES = ['update', 'inspect', 'addHazard'] as const;
export const INSPECTION_RESULTS = ['normal', 'hazard'] as const;

export const ThingListQuery = Type.Object({
  q: Q(NAME_Q), ...ScopeFilter,
  kind: Type.Optional(Type.Array(lit(THING_KINDS), { maxItems: THING_KINDS.length })),
  riskLevel: Type.Optional(Type.Array(lit(RISK_LEVELS), { maxItems: RISK_LEVELS.length })),
  buildingId: Type.Optional(Type.String({ maxLength: 64 })),
  ...Paging,
}, { additionalProperties: false });

export const ThingView = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  kind: lit(THING_KINDS),
  name: Type.String(),
  address: Nullable(Type.String()),
  location: Location,
  buildingId: Nullable(Type.String()),
  riskLevel: lit(RISK_LEVELS),
  inspectionEveryDays: Nullable(Type.Integer()),
  lastInspectedOn: Nullable(Type.String()),
  nextInspectionOn: Nullable(Type.String({ description: 'lastInspectedOn + inspectionEveryDays (or created + interval when never inspected)' })),
  note: Nullable(Type.String()),
  ...Placement,
  ...Stamps,
  policies: Type.Array(lit(THING_POLICIES)),
});
export const ThingList = ListPage(ThingView);

export const InspectionView = Type.Object({
  id: Type.String(),
  inspectedOn: Type.String(),
  result: lit(INSPECTION_RESULTS),
  note: Nullable(Type.String()),
  inspectorName: Nullable(Type.String()),
  createdAt: Time,
});

export const ThingDetail = Type.Object({
  thing: ThingView,
  inspections: Type.Array(InspectionView, { description: 'newest first (100 at most)' }),
  hazards: Type.Array(HazardView),
  cases: Type.Array(CaseRef, { description: 'cases linked to this thing: empty until cases carry a thing (issue 11, things in the case loop)' }),
  history: Type.Array(ChangeView),
  policies: Type.Array(lit(THING_POLICIES)),
});

const ThingFields = {
  kind: lit(THING_KINDS),
  name: Name,
  address: Type.Optional(Nullable(Address)),
  location: Location,
  buildingId: Type.Optional(Nullable(Id)),
  riskLevel: lit(RISK_LEVELS),
  inspectionEveryDays: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 3660 }))),
  gridId: Type.Optional(GridIdInput),
  note: Type.Optional(Nullable(Note)),
};
export const ThingBody = Type.Object(ThingFields, { additionalProperties: false });
export const ThingPatch = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  ...Type.Partial(Type.Object(ThingFields)).properties,
}, { additionalProperties: false });

export const InspectionBody = Type.Object({
  inspectedOn: LocalDate('the day of the inspection (not in the future)'),
  result: lit(INSPECTION_RESULTS),
  note: Type.Optional(Nullable(Type.String({ maxLength: L.note }))),
}, { additionalProperties: false });

// ---------------------------------------------------------------------------------------------------------------------
// Single-record answers of the other entities

export const BuildingDetail = Type.Object({
  building: BuildingView,
  places: Type.Array(PlaceView),
  things: Type.Array(ThingView),
  hazards: Type.Array(HazardView),
  history: Type.Array(ChangeView),
  policies: Type.Array(lit(BUILDING_POLICIES)),
});

export const PlaceDetail = Type.Object({
  place: PlaceView,
  history: Type.Array(ChangeView),
  policies: Type.Array(lit(PLACE_POLICIES)),
});

export const ResidentDetail = Type.Object({
  resident: ResidentView,
  history: Type.Array(ChangeView),
  policies: Type.Array(lit(RESIDENT_POLICIES)),
});

export type TagCatalogT = Static<typeof TagCatalog>;
export type ResidentViewT = Static<typeof ResidentView>;
export type ResidentListT = Static<typeof ResidentList>;
export type ResidentDetailT = Static<typeof ResidentDetail>;
export type ResidentBodyT = Static<typeof ResidentBody>;
export type ResidentPatchT = Static<typeof ResidentPatch>;
export type ResidentListQueryT = Static<typeof ResidentListQuery>;
export type HouseholdViewT = Static<typeof HouseholdView>;
export type HouseholdListT = Static<typeof HouseholdList>;
export type HouseholdFileT = Static<typeof HouseholdFile>;
export type HouseholdBodyT = Static<typeof HouseholdBody>;
export type HouseholdPatchT = Static<typeof HouseholdPatch>;
export type HouseholdListQueryT = Static<typeof HouseholdListQuery>;
export type BuildingViewT = Static<typeof BuildingView>;
export type BuildingListT = Static<typeof BuildingList>;
export type BuildingDetailT = Static<typeof BuildingDetail>;
export type BuildingLayoutT = Static<typeof BuildingLayout>;
export type BuildingBodyT = Static<typeof BuildingBody>;
export type BuildingPatchT = Static<typeof BuildingPatch>;
export type BuildingListQueryT = Static<typeof BuildingListQuery>;
export type PlaceViewT = Static<typeof PlaceView>;
export type PlaceListT = Static<typeof PlaceList>;
export type PlaceDetailT = Static<typeof PlaceDetail>;
export type PlaceBodyT = Static<typeof PlaceBody>;
export type PlacePatchT = Static<typeof PlacePatch>;
export type PlaceListQueryT = Static<typeof PlaceListQuery>;
export type ThingViewT = Static<typeof ThingView>;
export type ThingListT = Static<typeof ThingList>;
export type ThingDetailT = Static<typeof ThingDetail>;
export type ThingBodyT = Static<typeof ThingBody>;
export type ThingPatchT = Static<typeof ThingPatch>;
export type ThingListQueryT = Static<typeof ThingListQuery>;
export type InspectionBodyT = Static<typeof InspectionBody>;
export type HazardViewT = Static<typeof HazardView>;
export type HazardBodyT = Static<typeof HazardBody>;
export type HazardPatchT = Static<typeof HazardPatch>;
export type ChangeViewT = Static<typeof ChangeView>;
export type CaseRefT = Static<typeof CaseRef>;
export type RevealedT = Static<typeof Revealed>;
