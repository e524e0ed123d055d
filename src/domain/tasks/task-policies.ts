import type { TaskStatus } from '../../shared/tasks.ts';
import { VISIT_SUBJECT_KINDS, type TaskSubjectKind } from '../../shared/tasks.ts';

/** A task as completion and the policies see it. */
export interface TaskState {
  status: TaskStatus;
  assigneeId: string | null;
  doneById: string | null;
  /** the completion's Idempotency-Key, scoped to its actor */
  completionKey: string | null;
}

/** Who asks: the account, whether it is a doer of the task's grid (on its team, a grid worker or community staff there). */
export interface TaskActor {
  accountId: string;
  doerOfGrid: boolean;
}

export type CompletionDecision =
  | { outcome: 'complete' }
  /** done already by this actor (or with this key): the first result, 200 */
  | { outcome: 'alreadyDone' }
  | { outcome: 'notYours' }
  | { outcome: 'conflict'; reason: 'reassigned' | 'cancelled' | 'doneByOther' };

/**
 * What a tick does. The assignee completes an open task; an open task nobody holds (its grid had nobody present) may be
 * taken by a doer of its grid. Completing again what this actor (or this key) completed answers the first result. A tick
 * the phone made while the task was its own, sent after it was cancelled, done by someone else or given to another,
 * is a conflict the phone shows (never dropped); someone else's task otherwise is not yours (403).
 */
export function decideCompletion(t: TaskState, actor: TaskActor, key: string | null, expectedAssigneeId: string | null): CompletionDecision {
  switch (t.status) {
    case 'done':
      if (t.doneById === actor.accountId || (key !== null && t.completionKey === key)) return { outcome: 'alreadyDone' };
      return expectedAssigneeId === actor.accountId || t.assigneeId === actor.accountId
        ? { outcome: 'conflict', reason: 'doneByOther' } : { outcome: 'notYours' };
    case 'cancelled':
      return expectedAssigneeId === actor.accountId || t.assigneeId === actor.accountId
        ? { outcome: 'conflict', reason: 'cancelled' } : { outcome: 'notYours' };
    case 'open':
      if (t.assigneeId === actor.accountId) return { outcome: 'complete' };
      if (t.assigneeId === null && actor.doerOfGrid) return { outcome: 'complete' };
      return expectedAssigneeId === actor.accountId ? { outcome: 'conflict', reason: 'reassigned' } : { outcome: 'notYours' };
    default:
      return t.status satisfies never;
  }
}

export type TaskPolicy = 'complete' | 'visit' | 'openFile';

/**
 * What the caller may do with a task now: complete it (as decideCompletion would let it), visit its subject (a
 * resident, household or place, by a doer of the grid), open the household file (a registry reader, when there is one).
 */
export function taskPolicies(t: TaskState & { subjectKind: TaskSubjectKind | null; householdId: string | null }, actor: TaskActor & { registryReader: boolean }): TaskPolicy[] {
  const out: TaskPolicy[] = [];
  if (t.status === 'open' && decideCompletion(t, actor, null, null).outcome === 'complete') out.push('complete');
  if (actor.doerOfGrid && t.subjectKind !== null && (VISIT_SUBJECT_KINDS as readonly string[]).includes(t.subjectKind)) out.push('visit');
  if (actor.registryReader && t.householdId !== null) out.push('openFile');
  return out;
}
