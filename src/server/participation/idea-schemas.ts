import { Type, type Static } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import { IDEA_CATEGORIES, IDEA_STATUSES, PARTICIPATION_LIMITS } from '../../shared/participation.ts';

/*
 * 金点子 (城市治理我建言, 心愿墙; issue 16): TypeBox request and response schemas of ideas, their supports, screening and
 * responses, and the quarterly top ten. The web takes its types from here (type-only imports). Changes stay additive.
 */

const L = PARTICIPATION_LIMITS;
export const Id = Type.String({ minLength: 1, maxLength: 64 });
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
const Time = Type.String({ description: 'ISO 8601 with zone' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Quarter = Type.String({ pattern: '^[0-9]{4}Q[1-4]$', description: 'e.g. 2026Q4 (Asia/Shanghai)' });

export const IDEA_POLICIES = ['support', 'screen', 'respond'] as const;
export type IdeaPolicy = (typeof IDEA_POLICIES)[number];

export const IdeaListQuery = Type.Object({
  sort: Type.Optional(lit(['support', 'newest'] as const)),
  status: Type.Optional(lit(IDEA_STATUSES)),
  category: Type.Optional(lit(IDEA_CATEGORIES)),
  quarter: Type.Optional(Quarter),
  mine: Type.Optional(Type.Boolean({ description: 'only the caller\'s own ideas' })),
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'nextCursor of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
}, { additionalProperties: false });

export const IdeaView = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  townId: Type.String(),
  orgUnitId: Type.String(),
  orgUnitName: Type.String(),
  title: Type.String(),
  body: Type.String(),
  category: Nullable(lit(IDEA_CATEGORIES)),
  authorName: Type.String({ description: 'masked (张*) for residents, except their own' }),
  mine: Type.Boolean(),
  status: lit(IDEA_STATUSES),
  screenNote: Nullable(Type.String()),
  screenedAt: Nullable(Time),
  response: Nullable(Type.String()),
  respondedAt: Nullable(Time),
  supportCount: Type.Integer(),
  supportedByMe: Type.Boolean(),
  quarter: Type.String(),
  createdAt: Time,
  policies: Type.Array(lit(IDEA_POLICIES)),
});
export type IdeaViewType = Static<typeof IdeaView>;

export const IdeaList = Type.Object({
  items: Type.Array(IdeaView),
  nextCursor: Nullable(Type.String()),
  policies: Type.Array(lit(['create'] as const)),
});

export const NewIdeaBody = Type.Object({
  title: Text(L.title),
  body: Text(L.body),
  category: lit(IDEA_CATEGORIES),
}, { additionalProperties: false });

export const IdeaActionParams = Type.Object({ id: Id, action: lit(['screen', 'respond'] as const) }, { additionalProperties: false });
export const ScreenBody = Type.Object({
  accepted: Type.Boolean(),
  note: Text(L.reason),
}, { additionalProperties: false });
export const RespondBody = Type.Object({
  response: Text(L.body),
}, { additionalProperties: false });
export const IdeaActionBody = Type.Union([ScreenBody, RespondBody]);

export const SupportAnswer = Type.Object({
  supported: Type.Literal(true),
  created: Type.Boolean({ description: 'false when the person had supported it already (the first stands)' }),
  supportCount: Type.Integer(),
});

export const TopListQuery = Type.Object({
  quarter: Type.Optional(Quarter),
  townId: Type.Optional(Id),
}, { additionalProperties: false, description: 'quarter: default the last one; townId: default the caller\'s town' });

export const TopItem = Type.Object({
  rank: Type.Integer(),
  ideaId: Type.String(),
  title: Type.String(),
  category: Nullable(lit(IDEA_CATEGORIES)),
  authorName: Type.String({ description: 'masked (张*) for residents' }),
  supportCount: Type.Integer(),
  status: lit(IDEA_STATUSES),
  response: Nullable(Type.String()),
});

export const TopList = Type.Object({
  townId: Type.String(),
  townName: Type.String(),
  quarter: Type.String(),
  published: Type.Boolean({ description: 'false: the live ranking, not yet published' }),
  publishedAt: Nullable(Time),
  items: Type.Array(TopItem),
  policies: Type.Array(lit(['publish'] as const)),
});

export const PublishTopBody = Type.Object({
  quarter: Quarter,
  townId: Type.Optional(Id),
}, { additionalProperties: false });
