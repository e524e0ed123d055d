// Calls of the case views: the overview's figures and the history search (one page at a time, with its total).
import type { Static } from '@sinclair/typebox';
import { api, type Query } from '../../lib/api.ts';
import type { CaseSource, CaseStatus } from '../../../shared/cases.ts';
import type * as s from '../../../server/cases/schemas.ts';

export type CaseFigures = Static<typeof s.CaseFigures>;
export type CasePage = Static<typeof s.CasePage>;

export const fetchFigures = (signal?: AbortSignal) => api<CaseFigures>('/api/cases/figures', { signal });

export interface HistoryQuery {
  q?: string;
  status?: CaseStatus[];
  category?: string[];
  orgUnitId?: string;
  source?: CaseSource[];
  /** Shanghai dates, YYYY-MM-DD, both included */
  from?: string;
  to?: string;
}

/** One page of the cases matching the search, newest first, and how many match in all. */
export function searchCases(query: HistoryQuery, cursor: string | null, limit: number, signal?: AbortSignal): Promise<CasePage> {
  const q: Query = {
    q: query.q || undefined, status: query.status?.length ? query.status : undefined, category: query.category?.length ? query.category : undefined,
    orgUnitId: query.orgUnitId || undefined, source: query.source?.length ? query.source : undefined, from: query.from, to: query.to,
    total: 'true', cursor, limit,
  };
  return api<CasePage>('/api/cases', { query: q, signal });
}
