import { Type, type Static } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import { VOLUNTEER_LIMITS } from '../../shared/volunteers.ts';

/*
 * 党员亮身份、践承诺、评星级 (issue 16, H1): the 微阵地 (party posts) where party members serve, the registry's party
 * members of a scope with their yearly commitments, post and stars. TypeBox request and response schemas; the web
 * takes its types from here (type-only imports). Changes stay additive.
 */

const L = VOLUNTEER_LIMITS;
const Id = Type.String({ minLength: 1, maxLength: 64 });
const Time = Type.String({ description: 'ISO 8601 with zone' });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });

export const PARTY_POST_POLICIES = ['assign'] as const;
export const PartyPostView = Type.Object({
  id: Type.String(),
  orgUnitId: Type.String(),
  orgUnitName: Type.String(),
  name: Type.String({ description: '微阵地的名称, e.g. 春晖苑党员服务站' }),
  address: Nullable(Type.String()),
  location: Nullable(Type.Object({ lng: Type.Number(), lat: Type.Number() })),
  members: Type.Integer({ description: 'party members who serve here this year (their commitments name it)' }),
  createdAt: Time,
  policies: Type.Array(lit(PARTY_POST_POLICIES), { description: 'assign: the caller may name this post in a member\'s commitments' }),
});
export type PartyPostViewT = Static<typeof PartyPostView>;

export const PartyPostListQuery = Type.Object({ orgUnitId: Type.Optional(Id) }, { additionalProperties: false });
export const PartyPostList = Type.Object({
  items: Type.Array(PartyPostView),
  policies: Type.Array(lit(['create'] as const)),
});
export type PartyPostListT = Static<typeof PartyPostList>;

export const NewPartyPostBody = Type.Object({
  orgUnitId: Id,
  name: Type.String({ minLength: 1, maxLength: L.title }),
  address: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  location: Type.Optional(Nullable(Type.Object({
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
  }, { additionalProperties: false }))),
}, { additionalProperties: false, description: 'a 微阵地 of a town, community or grid inside the caller\'s scope; names are unique per unit' });
export type NewPartyPostInput = Static<typeof NewPartyPostBody>;

export const PARTY_MEMBER_POLICIES = ['commit', 'rate'] as const;
export const PartyMemberView = Type.Object({
  residentId: Nullable(Type.String({ description: 'staff only (null for residents)' })),
  name: Type.String({ description: 'masked (张*) for residents, but their own' }),
  gridName: Type.String(),
  communityName: Type.String(),
  year: Type.Integer(),
  postId: Nullable(Type.String()),
  postName: Nullable(Type.String()),
  commitments: Type.Array(Type.String()),
  stars: Nullable(Type.Integer({ minimum: 1, maximum: 5 })),
  starsNote: Nullable(Type.String({ description: 'staff only (null for residents)' })),
  ratedAt: Nullable(Time),
  mine: Type.Boolean({ description: 'the reader is this party member' }),
  policies: Type.Array(lit(PARTY_MEMBER_POLICIES), { description: 'commit: save this year\'s commitments; rate: give the year\'s stars' }),
});
export type PartyMemberViewT = Static<typeof PartyMemberView>;

export const PartyMemberListQuery = Type.Object({
  year: Type.Optional(Year),
  orgUnitId: Type.Optional(Id),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
}, { additionalProperties: false });
export const PartyMemberList = Type.Object({
  year: Type.Integer(),
  total: Type.Integer(),
  items: Type.Array(PartyMemberView),
  policies: Type.Array(lit(['createPost'] as const)),
});
export type PartyMemberListT = Static<typeof PartyMemberList>;

export const PartyMemberParams = Type.Object({ residentId: Id }, { additionalProperties: false });

export const CommitmentsBody = Type.Object({
  year: Year,
  postId: Type.Optional(Nullable(Id)),
  commitments: Type.Array(Type.String({ minLength: 1, maxLength: L.commitment }), { minItems: 1, maxItems: L.commitments }),
}, { additionalProperties: false, description: '践承诺: the year\'s commitments (1–5, each at most 100 characters) and the 微阵地 where they serve' });
export type CommitmentsInput = Static<typeof CommitmentsBody>;

export const StarsBody = Type.Object({
  year: Year,
  stars: Type.Integer({ minimum: 1, maximum: 5 }),
  note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
}, { additionalProperties: false, description: '评星级: 1–5 stars for how the year\'s commitments were kept' });
export type StarsInput = Static<typeof StarsBody>;
