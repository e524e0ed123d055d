import { Type, type Static } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import { CIRCLE_PROJECT_LIMITS, CIRCLE_PROJECT_STATUSES } from '../../shared/analytics.ts';
import { IDEA_CATEGORIES } from '../../shared/participation.ts';

/*
 * 高频诉求 and the 15-minute service circle (issue 17, H8): TypeBox request and response schemas of the hot spots and
 * the circle projects. The web takes its types from here (type-only imports). Changes stay additive.
 */

const L = CIRCLE_PROJECT_LIMITS;
export const Id = Type.String({ minLength: 1, maxLength: 64 });
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD (Asia/Shanghai)' });
const Time = Type.String({ description: 'ISO 8601 with zone' });
const CellKey = Type.String({ pattern: '^-?\\d{1,9}:-?\\d{1,9}$', maxLength: 24, description: 'a hot cell\'s key (row:col)' });

// ---------------------------------------------------------------------------------------------------------------------
// Hot spots

export const HotspotQuery = Type.Object({
  orgUnitId: Type.Optional(Id),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
}, { additionalProperties: false });

const TrendFields = {
  current: Type.Integer({ description: 'count in the span' }),
  previous: Type.Integer({ description: 'count in the previous span of equal length' }),
  change: Type.Integer(),
  ratio: Nullable(Type.Number({ description: 'change ÷ previous; null when the previous span had none' })),
  direction: lit(['up', 'down', 'flat'] as const),
};
export const Trend = Type.Object(TrendFields);

export const HotCategory = Type.Object({ code: Type.String(), name: Type.String(), rank: Type.Integer(), share: Type.Number(), ...TrendFields });
export const HotIdeaCategory = Type.Object({ category: lit(IDEA_CATEGORIES), rank: Type.Integer(), share: Type.Number(), ...TrendFields });
export const HotCell = Type.Object({
  key: Type.String(), lng: Type.Number(), lat: Type.Number(), rank: Type.Integer(), ...TrendFields,
  topCategoryCode: Type.String(), topCategoryName: Type.String(),
  gridId: Type.String(), gridName: Type.String(),
  communityId: Nullable(Type.String({ description: 'the community holding the cell\'s main grid: where a project of it belongs' })),
  communityName: Nullable(Type.String()),
});
export const HotGrid = Type.Object({
  id: Type.String(), name: Type.String(), rank: Type.Integer(), share: Type.Number(), ...TrendFields,
  topCategoryCode: Type.String(), topCategoryName: Type.String(), lng: Type.Number(), lat: Type.Number(),
});
export const HOTSPOT_POLICIES = ['createProject'] as const;
export const Hotspots = Type.Object({
  orgUnitId: Type.String(), orgUnitName: Type.String(),
  from: Type.String(), to: Type.String(), previousFrom: Type.String(), previousTo: Type.String(),
  cellMetres: Type.Integer(),
  cases: Trend, ideas: Trend,
  categories: Type.Array(HotCategory), ideaCategories: Type.Array(HotIdeaCategory),
  cells: Type.Array(HotCell), grids: Type.Array(HotGrid),
  policies: Type.Array(lit(HOTSPOT_POLICIES)),
});
export type HotspotsView = Static<typeof Hotspots>;

// ---------------------------------------------------------------------------------------------------------------------
// Projects

export const PROJECT_POLICIES = ['update', 'start', 'finish', 'drop', 'linkCases'] as const;
export type ProjectPolicy = (typeof PROJECT_POLICIES)[number];

export const ProjectListQuery = Type.Object({
  orgUnitId: Type.Optional(Id),
  status: Type.Optional(lit(CIRCLE_PROJECT_STATUSES)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 100 })),
}, { additionalProperties: false });

export const ProjectView = Type.Object({
  id: Type.String(),
  townId: Type.String(), communityId: Type.String(), communityName: Type.String(),
  name: Type.String(), categoryCode: Nullable(Type.String()), categoryName: Nullable(Type.String()), description: Type.String(),
  ownerAccountId: Nullable(Type.String()), ownerName: Type.String(),
  status: lit(CIRCLE_PROJECT_STATUSES), dueOn: Nullable(Type.String()), overdue: Type.Boolean({ description: 'open and past its due day' }),
  lng: Nullable(Type.Number()), lat: Nullable(Type.Number()),
  cells: Type.Array(Type.String()), spanFrom: Nullable(Type.String()), spanTo: Nullable(Type.String()),
  result: Nullable(Type.String()),
  cases: Type.Integer({ description: 'linked cases' }), casesClosed: Type.Integer(),
  version: Type.Integer(), createdAt: Time, updatedAt: Time, startedAt: Nullable(Time), finishedAt: Nullable(Time), droppedAt: Nullable(Time),
  policies: Type.Array(lit(PROJECT_POLICIES)),
});
export type ProjectViewT = Static<typeof ProjectView>;
export const ProjectList = Type.Object({ items: Type.Array(ProjectView), policies: Type.Array(lit(['create'] as const)) });

export const LinkedCase = Type.Object({
  id: Type.String(), number: Type.String(), status: Type.String(), categoryName: Type.String(), address: Nullable(Type.String()),
  gridName: Type.String(), createdAt: Time, closedAt: Nullable(Time), linkedAt: Time,
});
export const ProjectEvent = Type.Object({
  at: Time, action: Type.String(), actorName: Type.String(), fromStatus: Nullable(Type.String()), toStatus: Nullable(Type.String()), note: Nullable(Type.String()),
});
export const ProjectDetail = Type.Composite([ProjectView, Type.Object({ caseList: Type.Array(LinkedCase), events: Type.Array(ProjectEvent) })]);
export type ProjectDetailT = Static<typeof ProjectDetail>;

const Name = Type.String({ minLength: 1, maxLength: L.name });
const Description = Type.String({ maxLength: L.description });
export const NewProjectBody = Type.Object({
  communityId: Id,
  name: Name,
  categoryCode: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 32 }))),
  description: Type.Optional(Description),
  ownerAccountId: Type.Optional(Id),
  dueOn: Type.Optional(Nullable(Day)),
  lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
  cells: Type.Optional(Type.Array(CellKey, { maxItems: 20, description: 'hot cells: their cases of the span (and the category, when given) are linked' })),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  caseIds: Type.Optional(Type.Array(Id, { maxItems: L.cases })),
}, { additionalProperties: false });
export type NewProject = Static<typeof NewProjectBody>;

export const UpdateProjectBody = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  name: Type.Optional(Name),
  categoryCode: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 32 }))),
  description: Type.Optional(Description),
  ownerAccountId: Type.Optional(Id),
  dueOn: Type.Optional(Nullable(Day)),
}, { additionalProperties: false });
export type UpdateProject = Static<typeof UpdateProjectBody>;

export const ActionParams = Type.Object({ id: Id, action: lit(['start', 'finish', 'drop'] as const) }, { additionalProperties: false });
export const ActionBody = Type.Object({
  version: Type.Optional(Type.Integer({ minimum: 1 })),
  note: Type.Optional(Type.String({ maxLength: 500, description: 'finish: the result; drop: the reason (required)' })),
}, { additionalProperties: false });
export const LinkCasesBody = Type.Object({ caseIds: Type.Array(Id, { minItems: 1, maxItems: L.cases }) }, { additionalProperties: false });
