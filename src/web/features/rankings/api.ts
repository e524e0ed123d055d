// The calls of the 赛马比拼 pages: a board, the bulletins, generating one and downloading its Word file. Types are the
// server's schemas (type-only imports).
import type { Static } from '@sinclair/typebox';
import { api, ApiError, tokenStore } from '../../lib/api.ts';
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
export async function downloadBulletin(id: string, fallbackName: string): Promise<string> {
  const res = await fetch(`/api/rankings/bulletins/${encodeURIComponent(id)}/document`, { headers: { authorization: `Bearer ${tokenStore.get() ?? ''}` } });
  if (!res.ok) {
    const body = await res.json().catch(() => undefined) as { error?: { code?: string; message?: string; messageZh?: string } } | undefined;
    throw new ApiError(res.status, body?.error?.code ?? `HTTP_${res.status}`, body?.error?.message ?? res.statusText, body?.error?.messageZh);
  }
  const star = /filename\*=UTF-8''([^;]+)/i.exec(res.headers.get('content-disposition') ?? '');
  const name = star?.[1] ? decodeURIComponent(star[1]) : fallbackName;
  const href = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return name;
}
