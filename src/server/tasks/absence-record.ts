import type { Db } from '../platform/db/db.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { appendAudit, type actorOf } from '../audit/audit-log.ts';
import { gridTeamOf } from '../../domain/tasks/assignment.ts';
import { absenceProblem, handOverPlan, ABSENCE_MAX_DAYS, type AbsenceProblem } from '../../domain/tasks/absences.ts';
import { absencesOf, openLoads, teamsOf } from './generation-store.ts';
import * as store from './absence-store.ts';

export interface AbsenceCommand {
  scopePath: string;
  actor: ReturnType<typeof actorOf>;
  now: Date;
}

const PROBLEMS: Record<AbsenceProblem, [string, string]> = {
  notADay: ['from and to must be days that exist.', '起止日期必须是存在的日期。'],
  endsBeforeStart: ['The absence ends before it starts.', '结束日期早于开始日期。'],
  tooLong: [`An absence is at most ${ABSENCE_MAX_DAYS} days; record a longer one in parts.`, `一次请假最长 ${ABSENCE_MAX_DAYS} 天，更长的请分段登记。`],
};

/**
 * Records a worker's absence: the worker must be on the team of a grid in the caller's scope (404 otherwise). Their
 * open tasks in those grids that start during the absence go to the colleagues present (the grid leader when nobody
 * is), by the generation's rule; a task nobody can take stays with them. One transaction: absence, hand-over, audit.
 * The same Idempotency-Key of the same caller answers the first absence.
 */
export async function recordAbsence(
  db: Db, c: AbsenceCommand, input: { accountId: string; from: string; to: string; reason?: string | undefined }, key: string | null,
): Promise<string> {
  return db.transaction(async (tx) => {
    if (key !== null) {
      const first = await store.findAbsenceByKey(tx, c.actor.actorId!, key);
      if (first) return first;
    }
    const problem = absenceProblem(input.from, input.to);
    if (problem) throw new AppError('TASK_INVALID', PROBLEMS[problem][0], PROBLEMS[problem][1], { field: problem === 'notADay' ? 'from' : 'to' });
    const worker = await store.workerInScope(tx, input.accountId, c.scopePath);
    if (!worker) throw notFound('account');
    const id = await store.insertAbsence(tx, {
      accountId: worker.id, from: input.from, to: input.to, reason: input.reason?.trim() || null, createdBy: c.actor.actorId!, at: c.now, key,
    });
    if (id === null) return (await store.findAbsenceByKey(tx, c.actor.actorId!, key!))!;

    const held = await store.openTasksStarting(tx, worker.id, c.scopePath, input.from, input.to);
    const gridIds = [...new Set(held.map((t) => t.gridId))];
    const members = gridIds.length > 0 ? await teamsOf(tx, gridIds) : [];
    const teams = new Map(gridIds.map((g) => [g, gridTeamOf(members.filter((m) => m.gridId === g))]));
    const accounts = [...new Set(members.flatMap((m) => (m.accountId ? [m.accountId] : [])))];
    const [absences, loads] = await Promise.all([absencesOf(tx, accounts, input.from), openLoads(tx, accounts)]);
    const plan = handOverPlan({ accountId: worker.id, from: input.from, to: input.to }, held, teams, absences, loads);
    const handed = await store.reassignTasks(tx, plan.handed, worker.id, c.now);
    await store.setHandedOver(tx, id, handed);
    await appendAudit(tx, {
      at: c.now, ...c.actor, action: 'absence.create', targetType: 'account', targetId: worker.id, success: true,
      detail: { absence: id, from: input.from, to: input.to, handedOver: handed, kept: plan.kept.length },
    });
    return id;
  });
}

/** Takes an absence back (in scope, else 404). Tasks handed over when it was recorded stay with the colleagues. Audited. */
export async function removeAbsence(db: Db, c: AbsenceCommand, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const found = await store.findAbsence(tx, id, c.scopePath);
    if (!found) throw notFound('absence');
    await store.deleteAbsence(tx, id);
    await appendAudit(tx, {
      at: c.now, ...c.actor, action: 'absence.delete', targetType: 'account', targetId: found.account_id, success: true,
      detail: { absence: id, from: found.from_day, to: found.to_day },
    });
  });
}
