import { randomUUID } from 'node:crypto';
import type { Tx } from '../platform/db/db.ts';
import { notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { shanghaiDate } from '../../domain/sla/working-calendar.ts';
import { assign, gridTeamOf } from '../../domain/tasks/assignment.ts';
import { standingDutiesOf } from '../../domain/tasks/standing-duties.ts';
import { TASK_DOERS } from '../../shared/tasks.ts';
import { loadStandingDuties } from './standing-duties-store.ts';
import type { AdHocTaskBodyT } from './schemas.ts';
import { inTaskReach } from './task-reach.ts';
import { taskInvalid, type TaskActorCtx } from './complete-task.ts';
import { loadSubjects, subjectKey } from './subjects-store.ts';
import * as store from './task-store.ts';
import * as team from './team-store.ts';

/** The dedupe key of an ad hoc task sent with an Idempotency-Key: the key is the creator's own. */
export const assignedDedupeKey = (accountId: string, key: string) => `assigned:${accountId}:${key}`;

/**
 * An ad hoc task (the "+1") a community or the town gives a grid: to the worker named (who must be on the grid's team
 * with a doer's account), else to a present worker of the grid as the daily generation would choose. The subject, if
 * any, must be a registry record of that grid. One transaction with its audit entry; `key` (the caller's
 * Idempotency-Key) makes a retry answer the first task.
 */
export async function createAdHocTask(tx: Tx, who: TaskActorCtx, body: AdHocTaskBodyT, key: string | null): Promise<string> {
  const grid = await team.findGrid(tx, body.orgUnitId);
  if (!grid || !inTaskReach(who.reach, { grid_id: grid.id, org_path: grid.path })) throw notFound('grid');
  const dedupeKey = key === null ? `assigned:${randomUUID()}` : assignedDedupeKey(who.reach.accountId, key);
  if (key !== null) {
    const first = await store.findTaskIdByKey(tx, grid.town_id, dedupeKey);
    if (first) return first;
  }
  if (body.title.trim() === '') throw taskInvalid('Give the task a title.', '请填写任务标题。', { field: 'title' });
  const today = shanghaiDate(who.now);
  const startsOn = body.startsOn ?? today;
  if (body.dueOn < startsOn || body.dueOn < today) {
    throw taskInvalid('The due day must be today or later, and not before the first day.', '截止日期不能早于今天或开始日期。', { field: 'dueOn' });
  }
  const subject = body.subject ? (await loadSubjects(tx, [body.subject])).get(subjectKey(body.subject.kind, body.subject.id)) : undefined;
  if (body.subject && (!subject || subject.grid_id !== grid.id)) {
    throw taskInvalid('The record the task is about is not in that grid.', '任务对象不在该网格内。', { field: 'subject' });
  }
  const members = await team.gridTeamMembers(tx, grid.id);
  let assignee: { id: string; name: string } | null = null;
  if (body.assigneeId) {
    const m = members.find((x) => x.accountId === body.assigneeId && x.active && x.roles.some((r) => (TASK_DOERS as readonly string[]).includes(r)));
    if (!m) throw taskInvalid('The assignee is not a worker of that grid.', '承办人不是该网格的网格员。', { field: 'assigneeId' });
    assignee = { id: m.accountId!, name: m.name };
  } else {
    const crew = gridTeamOf(members);
    const ids = [...crew.workers.map((w) => w.accountId), ...(crew.leader ? [crew.leader.accountId] : [])];
    const a = assign({ stickKey: body.subject ? subjectKey(body.subject.kind, body.subject.id) : dedupeKey, startsOn },
      crew, await team.absencesOn(tx, ids, startsOn), await team.openLoads(tx, grid.id));
    assignee = a.assigneeId ? { id: a.assigneeId, name: a.assigneeName } : null;
  }
  const duty = standingDutiesOf(await loadStandingDuties(tx, grid.town_id)).find((d) => d.kind === 'assigned');
  const made = await store.insertTask(tx, {
    town_id: grid.town_id, grid_id: grid.id, org_path: grid.path, kind: 'assigned', duty_code: duty?.code ?? null,
    subject_kind: body.subject?.kind ?? null, subject_id: body.subject?.id ?? null, title: body.title.trim(), detail: body.detail?.trim() || null,
    campaign_id: null, assignee_id: assignee?.id ?? null, assignee_name: assignee?.name ?? null, lng: subject?.lng ?? null, lat: subject?.lat ?? null,
    starts_on: startsOn, due_on: body.dueOn, dedupe_key: dedupeKey, created_by: who.reach.accountId, created_by_name: who.reach.name, created_at: who.now,
  });
  if (!made.created) return made.id;
  await appendAudit(tx, {
    at: who.now, actorId: who.reach.accountId, actorName: who.reach.name, ip: who.ip, action: 'task.create', targetType: 'task', targetId: made.id,
    success: true, detail: { gridId: grid.id, assigneeId: assignee?.id ?? null, dueOn: body.dueOn, subject: body.subject ?? null },
  });
  return made.id;
}
