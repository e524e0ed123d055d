import type { Tx } from '../platform/db/db.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { checkPhotos } from '../cases/assignees.ts';
import { decideCompletion } from '../../domain/tasks/task-policies.ts';
import { doneAt, visitTimeRefusal } from '../../domain/tasks/visit-rules.ts';
import type { CompleteBodyT, TaskConflictDetailsT } from './schemas.ts';
import { doerOfGrid, type TaskReach } from './task-reach.ts';
import * as store from './task-store.ts';
import { visitorOfVisit } from './visit-store.ts';

/** Who acts, from where, when. */
export interface TaskActorCtx {
  reach: TaskReach;
  ip: string | null;
  now: Date;
}

export const taskInvalid = (message: string, messageZh: string, details?: unknown) => new AppError('TASK_INVALID', message, messageZh, details);

function conflict(t: store.TaskRow, reason: TaskConflictDetailsT['reason']): AppError {
  const details: TaskConflictDetailsT = {
    taskId: t.id, status: t.status, reason,
    assignee: t.assignee_id ? { id: t.assignee_id, name: t.assignee_name ?? '' } : null,
    doneBy: t.done_by ? { id: t.done_by, name: t.done_by_name ?? '' } : null,
    doneAt: t.done_at ? t.done_at.toISOString() : null,
  };
  const words: Record<TaskConflictDetailsT['reason'], [string, string]> = {
    reassigned: [`The task was given to ${t.assignee_name ?? 'someone else'} meanwhile.`, `该任务已改派给${t.assignee_name ?? '他人'}。`],
    cancelled: ['The task was cancelled meanwhile.', '该任务已被取消。'],
    doneByOther: [`${t.done_by_name ?? 'Someone else'} completed the task meanwhile.`, `该任务已由${t.done_by_name ?? '他人'}完成。`],
  };
  const [en, zh] = words[reason];
  return new AppError('TASK_CONFLICT', en, zh, details);
}

const notYours = () => new AppError('TASK_NOT_YOURS', 'This task is someone else\'s: only its assignee completes it.', '这是他人的任务，只有任务承办人可以完成。');

/**
 * Ticks a task off (perhaps sent later from an offline phone): the assignee's open task becomes done with the note,
 * photos and visit given, in one transaction with its audit entry. A second tick by the same actor (or with the same
 * Idempotency-Key) answers the task as it is; a tick that meets a task cancelled, reassigned or done by someone else
 * is 409 TASK_CONFLICT with what became of it. `key` is the caller's Idempotency-Key, scoped to the caller.
 */
export async function completeTask(tx: Tx, who: TaskActorCtx, id: string, body: CompleteBodyT, key: string | null): Promise<{ changed: boolean }> {
  const t = await store.findTask(tx, who.reach, id, true);
  if (!t) throw notFound('task');
  const scopedKey = key === null ? null : `${who.reach.accountId}:${key}`;
  const decision = decideCompletion(
    { status: t.status, assigneeId: t.assignee_id, doneById: t.done_by, completionKey: t.completion_key },
    { accountId: who.reach.accountId, doerOfGrid: doerOfGrid(who.reach, t) }, scopedKey, body.expectedAssigneeId ?? null);
  switch (decision.outcome) {
    case 'alreadyDone': return { changed: false };
    case 'notYours': throw notYours();
    case 'conflict': throw conflict(t, decision.reason);
    case 'complete': break;
    default: return decision satisfies never;
  }
  const at = body.at === undefined ? null : new Date(body.at);
  if (at !== null && (Number.isNaN(at.getTime()) || visitTimeRefusal(at, who.now) !== null)) {
    throw taskInvalid('The time of the tick lies in the future: check the phone\'s clock.', '完成时间晚于当前时间，请检查手机时间。', { field: 'at' });
  }
  if (body.visitId) {
    if (await visitorOfVisit(tx, body.visitId) !== who.reach.accountId) {
      throw taskInvalid('The visit named is not one of yours.', '所选走访记录不是您的。', { field: 'visitId' });
    }
  }
  const photos = body.photos ?? [];
  await checkPhotos(tx, photos);
  const when = doneAt(at, who.now);
  const ok = await store.completeTask(tx, {
    id: t.id, version: t.version, doneAt: when < t.created_at ? who.now : when, doneBy: who.reach.accountId, doneByName: who.reach.name,
    note: body.note?.trim() || null, photos, visitId: body.visitId ?? null, completionKey: scopedKey, takeOver: t.assignee_id === null, now: who.now,
  });
  if (!ok) throw new AppError('CONFLICT', 'The task changed while completing it: try again.', '任务刚被修改，请重试。');
  await appendAudit(tx, {
    at: who.now, actorId: who.reach.accountId, actorName: who.reach.name, ip: who.ip, action: 'task.complete', targetType: 'task', targetId: t.id,
    success: true, detail: { kind: t.kind, gridId: t.grid_id, photos: photos.length, visitId: body.visitId ?? null, doneAt: when.toISOString() },
  });
  return { changed: true };
}
