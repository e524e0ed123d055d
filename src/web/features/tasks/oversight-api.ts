// Oversight calls of the desktop (issue 12): progress per community, grid and worker; the scoped task list and the
// "+1" assignment; visits for the map and the household file; publicity campaigns; absences.
import type { Static } from '@sinclair/typebox';
import { api, type Query } from '../../lib/api.ts';
// the types of what the API answers and accepts come from its schemas, as types only: no server code reaches the bundle
import type * as s from '../../../server/tasks/schemas.ts';
import type * as ab from '../../../server/tasks/absence-schemas.ts';

export type Task = Static<typeof s.TaskView>;
export type TaskList = Static<typeof s.TaskList>;
export type TaskQuery = Omit<Static<typeof s.TaskListQuery>, 'assignee' | 'date' | 'lng' | 'lat'>;
export type Visit = Static<typeof s.VisitView>;
/** the schema's Page helper types `policies` loosely: these are its values */
export type VisitList = Omit<Static<typeof s.VisitList>, 'policies'> & { policies: 'create'[] };
export type VisitQuery = Static<typeof s.VisitListQuery>;
export type Progress = Static<typeof s.Progress>;
export type ProgressRow = Static<typeof s.ProgressRow>;
export type Figures = Static<typeof s.ProgressFigures>;
export type Campaign = Static<typeof s.CampaignView>;
export type CampaignList = Omit<Static<typeof s.CampaignList>, 'policies'> & { policies: 'create'[] };
export type AssignInput = Static<typeof s.AdHocTaskBody>;
export type CampaignInput = Static<typeof s.CampaignBody>;

export type Absence = Static<typeof ab.AbsenceView>;
export type AbsenceList = Static<typeof ab.AbsenceList>;
export type AbsenceInput = Static<typeof ab.AbsenceBody>;

const query = (q: object) => q as Query;

export const fetchProgress = (q: { orgUnitId: string; from: string; to: string }, signal?: AbortSignal) =>
  api<Progress>('/api/tasks/progress', { query: q, signal });

export const fetchTasks = (q: TaskQuery, signal?: AbortSignal) => api<TaskList>('/api/tasks', { query: query(q), signal });

/** Every page of a query, up to `max` records (the map's points). */
async function all<T>(load: (page: number, pageSize: number) => Promise<{ items: T[]; total: number }>, max: number): Promise<{ items: T[]; truncated: boolean }> {
  const pageSize = 500;
  const items: T[] = [];
  let total = 0;
  for (let page = 1; items.length < max; page++) {
    const answer = await load(page, pageSize);
    items.push(...answer.items);
    total = answer.total;
    if (answer.items.length < pageSize || items.length >= total) break;
  }
  return { items: items.slice(0, max), truncated: total > max };
}

export const fetchAllTasks = (q: TaskQuery, max: number, signal?: AbortSignal) =>
  all((page, pageSize) => fetchTasks({ ...q, page, pageSize }, signal), max);

export const fetchVisits = (q: VisitQuery, signal?: AbortSignal) => api<VisitList>('/api/visits', { query: query(q), signal });

export const fetchAllVisits = (q: VisitQuery, max: number, signal?: AbortSignal) =>
  all((page, pageSize) => fetchVisits({ ...q, page, pageSize }, signal), max);

/** Assigns an ad hoc task (the "+1"); the key is made once per form and reused on a retry. */
export const assignTask = (input: AssignInput, idempotencyKey: string) =>
  api<Task>('/api/tasks', { method: 'POST', headers: { 'idempotency-key': idempotencyKey }, body: input });

export const fetchCampaigns = (q: { orgUnitId?: string; page?: number; pageSize?: number }, signal?: AbortSignal) =>
  api<CampaignList>('/api/task-campaigns', { query: query(q), signal });

export const pushCampaign = (input: CampaignInput, idempotencyKey: string) =>
  api<Campaign>('/api/task-campaigns', { method: 'POST', headers: { 'idempotency-key': idempotencyKey }, body: input });

export const fetchAbsences = (q: Static<typeof ab.AbsenceQuery>, signal?: AbortSignal) =>
  api<AbsenceList>('/api/absences', { query: query(q), signal });

export const recordAbsence = (input: AbsenceInput, idempotencyKey: string) =>
  api<Absence>('/api/absences', { method: 'POST', headers: { 'idempotency-key': idempotencyKey }, body: input });

export const deleteAbsence = (id: string) => api<void>(`/api/absences/${encodeURIComponent(id)}`, { method: 'DELETE' });
