// The calls of the 赛马比拼 pages: a board, the bulletins, generating one and downloading its Word file. Types are the
// server's schemas (type-only imports).
import type { Static } from '@sinclair/typebox';
import { api } from '../../lib/api.ts';
import { saveFile } from '../../lib/download.ts';
import type * as s from '../../../server/rankings/schemas.ts';
import type { RatingLevel } from '../../../shared/ratings.ts';

export type Board = s.RankingBoardT;
export type BoardRow = Static<typeof s.RankingRowSchema>;
export type Bulletin = s.BulletinViewT;
export type BulletinList = s.BulletinListT;
export type BulletinSummary = Static<typeof s.BulletinSummary>;

export const fetchBoard = (q: { level: RatingLevel; indicator: string; period: string; parentId?: string | null }, signal?: AbortSignal) =>
  api<Board>('/api/rankings', { query: q, signal });
export const fetchBulletins = (signal?: AbortSignal) => api<BulletinList>('/api/rankings/bulletins', { signal });
export const fetchBulletin = (id: string, signal?: AbortSignal) => api<Bulletin>(`/api/rankings/bulletins/${encodeURIComponent(id)}`, { signal });
export const generateBulletin = (body: { level: RatingLevel; period: string; parentId?: string }, key: string) =>
  api<Bulletin>('/api/rankings/bulletins', { method: 'POST', body, headers: { 'idempotency-key': key } });

/** Downloads the bulletin's Word file under its Chinese title; answers the name. */
export const downloadBulletin = (id: string, fallbackName: string) =>
  saveFile(`/api/rankings/bulletins/${encodeURIComponent(id)}/document`, fallbackName);
