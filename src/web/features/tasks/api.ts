// Task and visit calls of the phone app (照单履职): today's list in walking order, one task, a visit; the writes go
// through the outbox (offline/outbox.ts), which sends them with their Idempotency-Key when the network is there.
import type { Static } from '@sinclair/typebox';
import { api } from '../../lib/api.ts';
// the types of what the API answers and accepts come from its schemas, as types only: no server code reaches the bundle
import type * as s from '../../../server/tasks/schemas.ts';
import { enqueue, splitPhotos } from './offline/outbox.ts';
import type { OutboxItem } from './offline/outbox-db.ts';

export type TaskView = Static<typeof s.TaskView>;
export type TaskSubject = Static<typeof s.TaskSubject>;
export type TaskList = Static<typeof s.TaskList>;
export type TaskConflictDetails = Static<typeof s.TaskConflictDetails>;
export type CompleteInput = Static<typeof s.CompleteBody>;
export type VisitInput = Static<typeof s.VisitBody>;
export type VisitView = Static<typeof s.VisitView>;
export type VisitCaseInput = Static<typeof s.VisitCaseBody>;

/** Today's list of the signed-in worker, in walking order from where the phone is (else the grid's centre). */
export const fetchMyTasks = (at: { lng: number; lat: number } | null, signal?: AbortSignal) =>
  api<TaskList>('/api/tasks', {
    query: { assignee: 'me', date: 'today', ...(at ? { lng: at.lng.toFixed(6), lat: at.lat.toFixed(6) } : {}) }, signal,
  });

export const fetchTask = (id: string, signal?: AbortSignal) => api<TaskView>(`/api/tasks/${encodeURIComponent(id)}`, { signal });

/** Ticks a task off (queued; sent at once when there is a network). Whom the phone saw holding it goes along: another holder meanwhile is a conflict. */
export function queueComplete(task: TaskView, input: { note?: string; photos: string[] }, me: string): Promise<OutboxItem> {
  const { uploaded, local } = splitPhotos(input.photos);
  return enqueue({
    kind: 'complete', path: `/api/tasks/${encodeURIComponent(task.id)}/complete`, taskId: task.id,
    subject: task.title,
    body: {
      ...(input.note ? { note: input.note } : {}), ...(uploaded.length ? { photos: uploaded } : {}),
      expectedAssigneeId: task.assignee?.id ?? me,
      // when it was ticked: a tick sent later from offline still counts by its deadline
      at: new Date().toISOString(),
    },
    photos: local,
  });
}

/** Records a visit (queued); its server id is kept under `ref`, for a case reported from its finding. */
export function queueVisit(input: Omit<VisitInput, 'photos'> & { photos: string[] }, subjectName: string, ref: string): Promise<OutboxItem> {
  const { uploaded, local } = splitPhotos(input.photos);
  const { photos: _, ...rest } = input;
  return enqueue({
    kind: 'visit', path: '/api/visits', produces: ref, subject: subjectName, ...(input.taskId ? { taskId: input.taskId } : {}),
    body: { ...rest, ...(uploaded.length ? { photos: uploaded } : {}) },
    photos: local,
  });
}

/** Turns a visit's finding into a case (queued after the visit: it waits for the visit's server id); the answer is kept under caseRef(visitRef). */
export function queueVisitCase(visitRef: string, input: VisitCaseInput, subjectName: string): Promise<OutboxItem> {
  return enqueue({
    kind: 'visitCase', path: `/api/visits/{ref:${visitRef}}/case`, needs: [visitRef], produces: caseRef(visitRef),
    subject: subjectName, body: input, photos: [],
  });
}

export const caseRef = (visitRef: string) => `case:${visitRef}`;

