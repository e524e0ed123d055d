// The calls of 高频诉求 and the 15-minute circle's project pages. Types are the server's schemas (type-only imports).
import type { Static } from '@sinclair/typebox';
import { api } from '../../lib/api.ts';
import type * as s from '../../../server/analytics/schemas.ts';
import type { CircleProjectStatus } from '../../../shared/analytics.ts';

export type Hotspots = s.HotspotsView;
export type HotCell = Static<typeof s.HotCell>;
export type Project = s.ProjectViewT;
export type ProjectDetail = s.ProjectDetailT;
export type ProjectList = Static<typeof s.ProjectList>;
export type NewProject = s.NewProject;
export type UpdateProject = s.UpdateProject;

const enc = encodeURIComponent;

export const fetchHotspots = (q: { orgUnitId?: string; from?: string; to?: string; limit?: number }, signal?: AbortSignal) =>
  api<Hotspots>('/api/analytics/hotspots', { query: q, signal });
export const listProjects = (q: { status?: CircleProjectStatus; orgUnitId?: string }, signal?: AbortSignal) =>
  api<ProjectList>('/api/analytics/projects', { query: q, signal });
export const fetchProject = (id: string, signal?: AbortSignal) => api<ProjectDetail>(`/api/analytics/projects/${enc(id)}`, { signal });
export const createProject = (body: NewProject, key: string) =>
  api<ProjectDetail>('/api/analytics/projects', { method: 'POST', body, headers: { 'idempotency-key': key } });
export const updateProject = (id: string, body: UpdateProject) => api<ProjectDetail>(`/api/analytics/projects/${enc(id)}`, { method: 'PUT', body });
export const actOnProject = (id: string, action: 'start' | 'finish' | 'drop', body: { version: number; note?: string }) =>
  api<ProjectDetail>(`/api/analytics/projects/${enc(id)}/actions/${action}`, { method: 'POST', body });
export const linkCases = (id: string, caseIds: string[]) => api<ProjectDetail>(`/api/analytics/projects/${enc(id)}/cases`, { method: 'POST', body: { caseIds } });

/** The ids of cases by their exact numbers (found through the case list's search, so only cases the caller reads). */
export async function caseIdsByNumber(numbers: string[]): Promise<{ ids: string[]; unknown: string[] }> {
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const n of numbers) {
    const r = await api<{ items: { id: string; number: string }[] }>('/api/cases', { query: { q: n, limit: 5 } });
    const hit = r.items.find((c) => c.number === n);
    if (hit) ids.push(hit.id); else unknown.push(n);
  }
  return { ids, unknown };
}
