import { Type } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import { CASE_ACTIONS, CASE_SOURCES, CASE_STATUSES } from '../../shared/cases.ts';


export const Location = Type.Object({
  lng: Type.Number({ minimum: -180, maximum: 180 }),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
}, { additionalProperties: false });

const PhotoHashes = Type.Array(Type.String({ pattern: '^[0-9a-f]{64}$' }), { maxItems: 9 });

export const ReportBody = Type.Object({
  categoryCode: Type.String({ minLength: 1, maxLength: 10 }),
  description: Type.String({ minLength: 1, maxLength: 2000 }),
  location: Location,
  address: Type.Optional(Type.String({ maxLength: 200 })),
  source: Type.Optional(lit(CASE_SOURCES)),
  photos: Type.Optional(PhotoHashes),
  reporter: Type.Optional(Type.Object({
    name: Type.Optional(Type.String({ maxLength: 40 })),
    phone: Type.Optional(Type.String({ pattern: '^1[3-9][0-9]{9}$' })),
  }, { additionalProperties: false })),
}, { additionalProperties: false });

export const PublicReportBody = Type.Object({
  categoryCode: Type.String({ minLength: 1, maxLength: 10 }),
  description: Type.String({ minLength: 1, maxLength: 2000 }),
  location: Location,
  address: Type.Optional(Type.String({ maxLength: 200 })),
  photos: Type.Optional(PhotoHashes),
  reporter: Type.Object({
    name: Type.Optional(Type.String({ maxLength: 40 })),
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
  reason: Type.Optional(Type.String({ maxLength: 1000 })),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
  assignee: Type.Optional(AssigneeInput),
  photos: Type.Optional(PhotoHashes),
  rating: Type.Optional(Type.Object({
    score: Type.Integer({ minimum: 1, maximum: 5 }),
    comment: Type.Optional(Type.String({ maxLength: 500 })),
  }, { additionalProperties: false })),
  until: Type.Optional(Type.String({ format: 'date-time' })),
  duplicateOf: Type.Optional(Type.String({ maxLength: 64 })),
}, { additionalProperties: false });

export const ActionParams = Type.Object({ id: Type.String({ maxLength: 64 }), action: lit(CASE_ACTIONS) });
export const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

export const CaseListQuery = Type.Object({
  status: Type.Optional(Type.Array(lit(CASE_STATUSES), { maxItems: 7 })),
  orgUnitId: Type.Optional(Type.String({ maxLength: 64 })),
  overdue: Type.Optional(Type.Boolean()),
  q: Type.Optional(Type.String({ maxLength: 50 })),
  mine: Type.Optional(lit(['reported', 'assigned', 'verify'] as const)),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
}, { additionalProperties: false });

const Clock = Type.Object({
  startedAt: Type.String(),
  /** the due time now: the planned one plus the time suspended so far */
  dueAt: Type.String(),
  /** the due time set when the clock started, before any suspension */
  plannedDueAt: Type.String(),
  /** suspended time before the suspension under way, if any */
  suspendedMs: Type.Integer({ minimum: 0 }),
  /** when the suspension under way began; null when the clock runs */
  pausedAt: Nullable(Type.String()),
  light: lit(['green', 'yellow', 'red'] as const), stoppedAt: Nullable(Type.String()),
});

export const CaseSummary = Type.Object({
  id: Type.String(), number: Type.String(), status: lit(CASE_STATUSES), version: Type.Integer(),
  categoryCode: Type.String(), categoryName: Type.String(), description: Type.String(),
  location: Location, address: Nullable(Type.String()),
  gridId: Type.String(), ancestorIds: Type.Array(Type.String()), townId: Type.String(),
  tier: Type.String(), source: Type.String(),
  assignee: Nullable(Type.Object({ kind: Type.String(), id: Type.String(), name: Type.String() })),
  deadlines: Type.Record(Type.String(), Clock),
  suspended: Type.Boolean(),
  duplicateOf: Nullable(Type.String()),
  satisfaction: Nullable(Type.Object({ score: Type.Integer(), label: Type.String(), comment: Type.Optional(Type.String()) })),
  createdAt: Type.String(), updatedAt: Type.String(),
});
