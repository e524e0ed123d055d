// The ratings calls of the pages (三级五星评价 and 反向评价). Types are the server's schemas (type-only imports).
import type { Static } from '@sinclair/typebox';
import { api } from '../../lib/api.ts';
import type * as s from '../../../server/ratings/schemas.ts';
import type { RatingLevel } from '../../../shared/ratings.ts';

export type Rating = s.RatingViewT;
export type RatingList = Static<typeof s.RatingList>;
export type Appeal = s.AppealViewT;
export type Rule = s.RuleViewT;
export type EvaluationList = Static<typeof s.EvaluationList>;
export type DepartmentRow = s.DepartmentRowT;

export const fetchRatings = (q: { level: RatingLevel; period: string; orgUnitId?: string }, signal?: AbortSignal) =>
  api<RatingList>('/api/ratings', { query: q, signal });
export const fetchRating = (id: string, signal?: AbortSignal) => api<Rating>(`/api/ratings/${encodeURIComponent(id)}`, { signal });
export const fetchRule = (level: RatingLevel, signal?: AbortSignal) => api<Rule>('/api/ratings/rules', { query: { level }, signal });
export const computeRatings = (level: RatingLevel, period: string) =>
  api<Static<typeof s.ComputeResult>>('/api/ratings/compute', { method: 'POST', body: { level, period } });
export const publishRatings = (level: RatingLevel, period: string) =>
  api<Static<typeof s.ComputeResult>>('/api/ratings/publish', { method: 'POST', body: { level, period } });
export const appealRating = (id: string, reason: string, key: string) =>
  api<Appeal>(`/api/ratings/${encodeURIComponent(id)}/appeal`, { method: 'POST', body: { reason }, headers: { 'idempotency-key': key } });
export const answerAppeal = (id: string, body: { decision: 'upheld' | 'rejected'; answer: string; stars?: number }) =>
  api<Appeal>(`/api/ratings/appeals/${encodeURIComponent(id)}/answer`, { method: 'POST', body });
export const fetchAppeals = (status?: string, signal?: AbortSignal) => api<{ items: Appeal[] }>('/api/ratings/appeals', { query: { status }, signal });
export const fetchDepartments = (period: string, signal?: AbortSignal) => api<EvaluationList>('/api/ratings/departments', { query: { period }, signal });
export const evaluateDepartment = (body: { period: string; departmentId: string; scores: Record<string, number>; comment: string }) =>
  api<EvaluationList>('/api/ratings/departments', { method: 'POST', body });
