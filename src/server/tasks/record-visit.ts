import type { Tx } from '../platform/db/db.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { checkPhotos } from '../cases/assignees.ts';
import { shanghaiDate } from '../../domain/sla/working-calendar.ts';
import { visitDistance } from '../../domain/tasks/visit-distance.ts';
import { doneAt, visitTimeRefusal } from '../../domain/tasks/visit-rules.ts';
import type { VisitBodyT } from './schemas.ts';
import { inTaskReach } from './task-reach.ts';
import type { TaskActorCtx } from './complete-task.ts';
import { loadSubjects, subjectKey } from './subjects-store.ts';
import * as tasks from './task-store.ts';
import * as store from './visit-store.ts';

export const visitInvalid = (message: string, messageZh: string, details?: unknown) => new AppError('VISIT_INVALID', message, messageZh, details);

/**
 * A visit (走访) to a resident, household or place of the visitor's grid (outside it: 404, as if it did not exist).
 * The phone's position is measured against the subject's building (the household's, the place's point): farther than
 * TASK_LIMITS.farMeters is flagged `far`, never refused. The subject's last visit day moves forward (a household's
 * members' too); the task named (`taskId`) and the open key-visit tasks of the subject (a household's: of its members
 * too) held by the visitor or by nobody are closed by it. `at` may be past (sent later from offline), not in the future
 * beyond a few minutes. One transaction with its audit entry; `key` (the visitor's Idempotency-Key) makes a retry answer
 * the first visit, so a visit sent twice is one row.
 */
export async function recordVisit(tx: Tx, who: TaskActorCtx, body: VisitBodyT, key: string | null): Promise<string> {
  const visitorId = who.reach.accountId;
  if (key !== null) {
    const first = await store.findVisitIdByKey(tx, visitorId, key);
    if (first) return first;
  }
  const at = new Date(body.at);
  if (Number.isNaN(at.getTime()) || visitTimeRefusal(at, who.now) !== null) {
    throw visitInvalid('The time of the visit lies in the future: check the phone\'s clock.', '走访时间晚于当前时间，请检查手机时间。', { field: 'at' });
  }
  const subject = (await loadSubjects(tx, [body.subject])).get(subjectKey(body.subject.kind, body.subject.id));
  if (!subject || !inTaskReach(who.reach, subject)) throw notFound(body.subject.kind);
  const named = body.taskId ? await tasks.findTask(tx, who.reach, body.taskId, true) : null;
  if (body.taskId && !named) throw notFound('task');
  const photos = body.photos ?? [];
  await checkPhotos(tx, photos);
  const position = body.location ? { lng: body.location.lng, lat: body.location.lat } : null;
  const target = subject.lng !== null && subject.lat !== null ? { lng: subject.lng, lat: subject.lat } : null;
  const { distanceM, far } = visitDistance(position, target);
  const id = await store.insertVisit(tx, {
    town_id: subject.town_id, grid_id: subject.grid_id, org_path: subject.org_path, subject_kind: body.subject.kind, subject_id: subject.id,
    subject_name: subject.name, subject_address: subject.address, household_id: subject.household_id, visitor_id: visitorId, visitor_name: who.reach.name,
    at, lng: position?.lng ?? null, lat: position?.lat ?? null, accuracy_m: body.location?.accuracy ?? null, distance_m: distanceM,
    target_lng: target?.lng ?? null, target_lat: target?.lat ?? null, far, findings: body.findings.trim() || null, photos,
    task_id: named?.id ?? null, request_key: key, created_at: who.now,
  });
  if (id === null) throw new AppError('CONFLICT', 'The same visit is being recorded already: try again.', '相同的走访正在提交，请稍后重试。');
  const day = shanghaiDate(at);
  await store.markVisited(tx, body.subject.kind, subject.id, day);

  // the tasks it closes: the one named, if it is still the visitor's to do, and the subject's key visits due by then
  const covered = [{ kind: body.subject.kind as string, id: subject.id }];
  if (body.subject.kind === 'household') {
    covered.push(...(await store.householdMembers(tx, subject.id)).map((id) => ({ kind: 'resident', id })));
  }
  const closing = await tasks.openVisitTasks(tx, covered, visitorId, day);
  if (named && named.status === 'open' && (named.assignee_id === visitorId || named.assignee_id === null) && !closing.some((c) => c.id === named.id)) {
    closing.push({ id: named.id, version: named.version, assignee_id: named.assignee_id });
  }
  const closed: string[] = [];
  const when = doneAt(at, who.now);
  for (const t of closing) {
    const ok = await tasks.completeTask(tx, {
      id: t.id, version: t.version, doneAt: when, doneBy: visitorId, doneByName: who.reach.name, note: null, photos: [], visitId: id,
      completionKey: null, takeOver: t.assignee_id === null, now: who.now,
    });
    if (ok) closed.push(t.id);
  }
  await appendAudit(tx, {
    at: who.now, actorId: visitorId, actorName: who.reach.name, ip: who.ip, action: 'visit.create', targetType: 'visit', targetId: id, success: true,
    detail: { subjectKind: body.subject.kind, subjectId: subject.id, at: at.toISOString(), far, distanceM, photos: photos.length, closedTasks: closed },
  });
  return id;
}
