import { Type } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import { POST_CODE_PATTERN } from '../../domain/org/posts.ts';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Ref = Type.Object({ id: Type.String(), name: Type.String() });
/** a name with at least one visible character */
const Name = Type.String({ minLength: 1, maxLength: 30, pattern: '\\S' });

export const Post = Type.Object({
  id: Type.String(), townId: Type.String(), boardId: Type.String(), boardCode: Type.String(), boardName: Type.String(),
  code: Type.String(), name: Type.String(),
  special: Type.Boolean({ description: 'a special post (特设岗) rather than one of the fixed posts' }),
  retired: Type.Boolean(),
  holders: Type.Object({ a: Nullable(Ref), b: Nullable(Ref), backup: Nullable(Ref) }),
  staffing: lit(['full', 'partial', 'vacant'] as const),
  openCases: Type.Integer({ description: 'open cases assigned to the post' }),
  policies: Type.Array(lit(['edit', 'setHolders', 'retire', 'restore'] as const)),
});

export const PostList = Type.Object({
  town: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }),
  boards: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), kind: lit(['commandCenter', 'board'] as const) })),
  items: Type.Array(Post),
  candidates: Type.Array(Ref, { description: 'for the town\'s administrators: the staff who may hold its posts' }),
  policies: Type.Array(lit(['create'] as const)),
});

export const PostListQuery = Type.Object({
  townId: Type.Optional(Id),
  includeRetired: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

export const PostParams = Type.Object({ id: Id });

export const NewPostBody = Type.Object({
  boardId: Id,
  code: Type.String({ pattern: POST_CODE_PATTERN, description: 'board letters, a dash, post letters (JJ-CSGX); fixed for good' }),
  name: Name,
  special: Type.Optional(Type.Boolean({ default: false })),
}, { additionalProperties: false });

export const PostPatchBody = Type.Object({
  name: Type.Optional(Name),
  boardId: Type.Optional(Id),
  special: Type.Optional(Type.Boolean()),
  retired: Type.Optional(Type.Boolean({ description: 'true retires the post (refused while cases assigned to it are open or Matters route to it); false restores it' })),
}, { additionalProperties: false, minProperties: 1 });

export const HoldersBody = Type.Object({
  a: Nullable(Id), b: Nullable(Id),
  backup: Type.Optional(Nullable(Id)),
}, { additionalProperties: false });
