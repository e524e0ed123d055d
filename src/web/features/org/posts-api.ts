// Posts of a town (岗位) and their holders; the types are the server's schemas.
import type { Static } from '@sinclair/typebox';
import { api } from '../../lib/api.ts';
import type * as s from '../../../server/org/posts-schemas.ts';

export type PostList = Static<typeof s.PostList>;
export type TownPost = Static<typeof s.Post>;
export type NewPost = Static<typeof s.NewPostBody>;
export type PostPatch = Static<typeof s.PostPatchBody>;
export type PostHolders = Static<typeof s.HoldersBody>;

export const fetchPosts = (townId: string, includeRetired: boolean, signal?: AbortSignal) =>
  api<PostList>('/api/posts', { query: { townId, includeRetired: includeRetired ? 'true' : undefined }, signal });

export const createPost = (body: NewPost) => api<TownPost>('/api/posts', { method: 'POST', body });

export const updatePost = (id: string, body: PostPatch) => api<TownPost>(`/api/posts/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export const setPostHolders = (id: string, body: PostHolders) =>
  api<TownPost>(`/api/posts/${encodeURIComponent(id)}/holders`, { method: 'PUT', body });
