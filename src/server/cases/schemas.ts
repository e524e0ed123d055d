import { Type } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import { CASE_ACTIONS, CASE_LIMITS, CASE_SOURCES, CASE_STATUSES } from '../../shared/cases.ts';
import { LIGHTS, TIERS } from '../../shared/matters.ts';
import { CaseThing } from '../registry/thing-cases-schemas.ts';


export const Location = Type.Object({
  lng: Type.Number({ minimum: -180, maximum: 180 }),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
}, { additionalProperties: false });

const ThingId = Type.String({ minLength: 1, maxLength: 64, description: 'the registered thing (部件) the report is made at: in the reporter\'s territory within 200 m for those who read the registry, else within 30 m of `location` (e.g. from the code on it); 422 CASE_THING_INVALID otherwise' });

const PhotoHashes = Type.Array(Type.String({ pattern: '^[0-9a-f]{64}$' }), { maxItems: CASE_LIMITS.photos });

export const ReportBody = Type.Object({
  categoryCode: Type.String({ minLength: 1, maxLength: 10 }),
  description: Type.String({ minLength: 1, maxLength: CASE_LIMITS.description }),
  location: Location,
  address: Type.Optional(Type.String({ maxLength: CASE_LIMITS.address })),
  thingId: Type.Optional(ThingId),
  source: Type.Optional(lit(CASE_SOURCES)),
  photos: Type.Optional(PhotoHashes),
  reporter: Type.Optional(Type.Object({
    name: Type.Optional(Type.String({ maxLength: CASE_LIMITS.reporterName })),
    phone: Type.Optional(Type.String({ pattern: '^1[3-9][0-9]{9}$' })),
  }, { additionalProperties: false })),
}, { additionalProperties: false });

export const PublicReportBody = Type.Object({
  categoryCode: Type.String({ minLength: 1, maxLength: 10 }),
  description: Type.String({ minLength: 1, maxLength: CASE_LIMITS.description }),
  location: Location,
  address: Type.Optional(Type.String({ maxLength: CASE_LIMITS.address })),
  thingId: Type.Optional(ThingId),
  photos: Type.Optional(PhotoHashes),
  reporter: Type.Object({
    name: Type.Optional(Type.String({ maxLength: CASE_LIMITS.reporterName })),
    phone: Type.String({ pattern: '^1[3-9][0-9]{9}$' }),
  }, { additionalProperties: false }),
}, { additionalProperties: false });

export const AssigneeInput = Type.Union([
  Type.Object({ postId: Type.String({ maxLength: 64 }) }, { additionalProperties: false }),
  Type.Object({ departmentId: Type.String({ maxLength: 64 }) }, { additionalProperties: false }),
  Type.Object({ staffId: Type.String({ maxLength: 64 }) }, { additionalProperties: false }),
]);

export const ActionBody = Type.Object({
  version: Type.Optional(Type.Integer({ minimum: 1 })),
  reason: Type.Optional(Type.String({ maxLength: CASE_LIMITS.reason })),
  note: Type.Optional(Type.String({ maxLength: CASE_LIMITS.note })),
  assignee: Type.Optional(AssigneeInput),
  photos: Type.Optional(PhotoHashes),
  rating: Type.Optional(Type.Object({
    score: Type.Integer({ minimum: 1, maximum: 5 }),
    comment: Type.Optional(Type.String({ maxLength: CASE_LIMITS.ratingComment })),
  }, { additionalProperties: false })),
  until: Type.Optional(Type.String({ format: 'date-time' })),
  duplicateOf: Type.Optional(Type.String({ maxLength: 64, description: 'reject only: the id of the case this report repeats' })),
}, { additionalProperties: false });

export const ActionParams = Type.Object({ id: Type.String({ maxLength: 64 }), action: lit(CASE_ACTIONS) });
export const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

const LocalDate = (description: string) => Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', description });

/** Every filter narrows the caller's own cases (scope, posts, department, own reports): none can widen them. */
export const CaseListQuery = Type.Object({
  status: Type.Optional(Type.Array(lit(CASE_STATUSES), { maxItems: 7 })),
  orgUnitId: Type.Optional(Type.String({ maxLength: 64, description: 'cases in this unit (a community, a grid) and below' })),
  overdue: Type.Optional(Type.Boolean()),
  q: Type.Optional(Type.String({ maxLength: 50, description: 'part of the case number, the description or the address' })),
  category: Type.Optional(Type.Array(Type.String({ maxLength: 10 }), { maxItems: 20, description: 'category codes (事项编码)' })),
  source: Type.Optional(Type.Array(lit(CASE_SOURCES), { maxItems: CASE_SOURCES.length, description: 'channels the cases came in by' })),
  from: Type.Optional(LocalDate('reported on or after this Shanghai date (YYYY-MM-DD)')),
  to: Type.Optional(LocalDate('reported on or before this Shanghai date (YYYY-MM-DD)')),
  total: Type.Optional(Type.Boolean({ description: 'also count every case the filters match (`total` of the answer)' })),
  mine: Type.Optional(lit(['reported', 'assigned', 'verify'] as const)),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
}, { additionalProperties: false });

export const Clock = Type.Object({
  startedAt: Type.String(),
  /** the due time now: the planned one plus the time suspended so far */
  dueAt: Type.String(),
  /** the due time set when the clock started, before any suspension */
  plannedDueAt: Type.String(),
  /** suspended time before the suspension under way, if any */
  suspendedMs: Type.Integer({ minimum: 0 }),
  /** when the suspension under way began; null when the clock runs */
  pausedAt: Nullable(Type.String()),
  light: lit(LIGHTS), stoppedAt: Nullable(Type.String()),
});
/** The case's SLA clocks by name (accept, dispatch, arrive, handle, verify): only those started so far. */
const Deadlines = Type.Record(Type.String(), Clock);

const VERIFIER_KINDS = ['communityStaff', 'townDispatcher', 'reportingGridWorker'] as const;
const ROUTE_REASON_CODE_LIST = ['withdrawn', 'townPost', 'townDepartment', 'districtDepartment', 'gridTeam', 'communityTriage', 'dispatcherChooses'] as const;
/** Why routing proposes whom it does: a code the reader's language renders with the names beside it. */
export const RouteReason = Type.Object({
  code: lit(ROUTE_REASON_CODE_LIST),
  escalated: Type.Boolean({ description: 'the case was escalated above its matter\'s tier; the target is the one at its tier now' }),
});

const Assignee = Type.Object({ kind: lit(['post', 'department', 'staff'] as const), id: Type.String(), name: Type.String() });
const Score = Type.Union([1, 2, 3, 4, 5].map((n) => Type.Literal(n)));

export const CaseSummary = Type.Object({
  id: Type.String(), number: Type.String(), status: lit(CASE_STATUSES), version: Type.Integer(),
  categoryCode: Type.String(), categoryName: Type.String(), description: Type.String(),
  location: Location, address: Nullable(Type.String()),
  gridId: Type.String(), ancestorIds: Type.Array(Type.String()), townId: Type.String(),
  tier: lit(TIERS), source: lit(CASE_SOURCES),
  assignee: Nullable(Assignee),
  deadlines: Deadlines,
  suspended: Type.Boolean(),
  duplicateOf: Nullable(Type.String()),
  thingId: Nullable(Type.String({ description: 'the registered thing (部件) the case was reported at' })),
  satisfaction: Nullable(Type.Object({ score: Score, label: Type.String(), comment: Type.Optional(Type.String()) })),
  createdAt: Type.String(), updatedAt: Type.String(),
});

const CasePolicies = Type.Array(lit(CASE_ACTIONS), { description: 'the actions the caller may take now' });

export const CasePage = Type.Object({
  items: Type.Array(Type.Composite([CaseSummary, Type.Object({ policies: CasePolicies })])), nextCursor: Nullable(Type.String()),
  total: Type.Optional(Type.Integer({ minimum: 0, description: 'how many cases the filters match, when asked with `total=true`' })),
});

const Count = Type.Integer({ minimum: 0 });

/** The overview of the caller's cases: what is open now, and what happened today (Shanghai time). */
export const CaseFigures = Type.Object({
  day: Type.String({ description: 'today, the Shanghai date the day figures count (YYYY-MM-DD)' }),
  reportedToday: Count, acceptedToday: Count, closedToday: Count,
  open: Count, overdue: Count, escalated: Type.Integer({ minimum: 0, description: 'open cases escalated (提级) at least once' }),
  lights: Type.Object({ green: Count, yellow: Count, red: Count, none: Count }, { description: 'open cases by the light of their worst running clock' }),
  avgAcceptMinutes: Nullable(Type.Number({ description: 'from report to acceptance, over the cases accepted today' })),
  byCategory: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), count: Count }), { description: 'open cases by category, most first' }),
  byBoard: Type.Array(Type.Object({
    boardId: Nullable(Type.String()), name: Nullable(Type.String({ description: 'null: not with a board\'s post (not yet dispatched, or with a department or grid worker)' })), count: Count,
  }), { description: 'open cases by the board (板块) of the post they are with, most first' }),
});

const Photo = Type.Object({
  hash: Type.String(), phase: lit(['before', 'after'] as const), eventId: Nullable(Type.Integer()), url: Type.String(), thumbUrl: Type.String(),
});

export const CaseDetail = Type.Composite([CaseSummary, Type.Object({
  routedAssignee: Nullable(Assignee),
  reporter: Type.Object({
    kind: Type.String(),
    name: Nullable(Type.String({ description: 'masked (张*) unless the reader works on the case' })),
    phone: Nullable(Type.String({ description: 'masked (138****1111) unless the reader works on the case' })),
    unavailable: Type.Boolean({ description: 'sealed with a key this server does not hold (a restore without its key)' }),
  }),
  suspension: Nullable(Type.Object({
    state: lit(['requested', 'active'] as const), reason: Type.String(), until: Nullable(Type.String()),
    requestedBy: Type.String(), requestedAt: Type.String(), approvedAt: Nullable(Type.String()),
  })),
  original: Nullable(Type.Object({ id: Type.String(), number: Type.String(), status: lit(CASE_STATUSES) }, {
    description: 'a duplicate: the case it repeats (`duplicateOf`), when the caller may see it',
  })),
  duplicatedBy: Type.Array(Type.Object({ id: Type.String(), number: Type.String(), status: lit(CASE_STATUSES), createdAt: Type.String() }), {
    description: 'the later reports rejected as repeats of this case that the caller may see, oldest first',
  }),
  timeline: Type.Array(Type.Object({
    id: Type.Integer(), at: Type.String(), action: Type.String(),
    actor: Type.String({ description: 'who acted: a staff member\'s name, the reporter as the contact view shows them, empty for the system or an anonymous reporter' }),
    actorKind: lit(['staff', 'reporter', 'system'] as const),
    from: Nullable(lit(CASE_STATUSES)), to: Nullable(lit(CASE_STATUSES)), reason: Nullable(Type.String()),
    data: Nullable(Type.Record(Type.String(), Type.Unknown())),
    /** the report entry: how it came in and who reported it (a 12345 caller, an anonymous resident …) */
    channel: Nullable(lit(CASE_SOURCES)),
    reporter: Nullable(Type.Object({ kind: Type.String(), name: Nullable(Type.String()) })),
    /** a dispatch (or escalation) names whom it went to; a reassignment also whom routing had proposed */
    assignee: Nullable(Assignee),
    routedAssignee: Nullable(Assignee),
    photos: Type.Array(Photo),
  })),
  verification: Nullable(Type.Object({
    by: Type.Array(lit(VERIFIER_KINDS), { description: 'who may verify it now: never the one who handled it' }),
    onSpot: Type.Boolean({ description: 'resolved on the spot (琐事马上办): the community verifies it' }),
    handledBy: Nullable(Type.String({ description: 'the name of who handled it' })),
  }, { description: 'while the case waits for verification (handled)' })),
  routing: Nullable(Type.Composite([RouteReason, Type.Object({ matter: Type.String() })], { description: 'why the routed assignee was proposed' })),
  photos: Type.Array(Photo),
  policies: CasePolicies,
  thing: Nullable(CaseThing),
})]);

const SimilarNearby = Type.Object({
  count: Type.Integer(), nearestM: Nullable(Type.Integer({ description: 'metres to the nearest, rounded' })),
}, { description: 'to residents: that similar open cases are near, not which' });

/** The answer to a report: the case, and the nearby open cases of the same category (which to staff, how many to residents). */
export const ReportedCase = Type.Composite([CaseDetail, Type.Object({
  duplicates: Type.Optional(Type.Array(Type.Object({
    id: Type.String(), distanceM: Type.Number(), number: Type.String(), status: lit(CASE_STATUSES), createdAt: Type.String(),
    sameThing: Type.Optional(Type.Boolean({ description: 'reported at the same registered thing as this report: listed first, at any distance' })),
  }), { description: 'to staff: the open cases of the same category at the same registered thing, then those nearby, nearest first' })),
  similarNearby: Type.Optional(SimilarNearby),
})]);

export const PublicReceipt = Type.Object({ number: Type.String(), status: lit(CASE_STATUSES), createdAt: Type.String(), similarNearby: SimilarNearby });

export const PublicMatters = Type.Object({
  town: Type.Object({ id: Type.String(), name: Type.String() }),
  items: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), class: Type.String(), onSpot: Type.Boolean(), urgent: Type.Boolean() })),
});

export const PublicTrack = Type.Object({
  number: Type.String(), status: lit(CASE_STATUSES), categoryName: Type.String(), description: Type.String(),
  address: Nullable(Type.String()), createdAt: Type.String(),
  deadlines: Deadlines,
  satisfaction: Nullable(Type.Object({ score: Score, label: Type.String(), comment: Nullable(Type.String()) })),
  timeline: Type.Array(Type.Object({ at: Type.String(), action: Type.String(), to: Nullable(lit(CASE_STATUSES)) })),
}, { description: 'what the reporter may see of their case: no staff names, no contact details' });

/** The data of a `case` event on GET /api/events. */
export const CaseEvent = Type.Object({
  caseId: Type.String(), number: Type.String(), eventId: Type.Integer(), action: Type.String(), status: lit(CASE_STATUSES), at: Type.String(),
});

export const RoutingPreviewQuery = Type.Object({
  categoryCode: Type.String({ minLength: 1, maxLength: 10 }),
  lng: Type.Number({ minimum: -180, maximum: 180 }),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
}, { additionalProperties: false });

const NamedUnit = Type.Object({ id: Type.String(), name: Type.String() });

export const RoutingPreview = Type.Object({
  matter: Type.Object({ code: Type.String(), name: Type.String(), onSpot: Type.Boolean() }),
  tier: lit(TIERS),
  target: Nullable(Type.Object({
    kind: lit(['post', 'department', 'staff'] as const), id: Type.String(),
    name: Nullable(Type.String({ description: 'a grid worker\'s name is shown to staff only' })),
  })),
  cooperatingDepartment: Nullable(Type.String()),
  grid: NamedUnit, community: NamedUnit, town: NamedUnit, district: NamedUnit,
  reason: RouteReason,
}, { description: 'who would handle a report of this category at this point, and why (nothing is written)' });
