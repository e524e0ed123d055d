import type { Db } from '../platform/db/db.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { IntakeServices } from '../cases/report-case.ts';
import { stepsAddedBy } from '../../domain/plans/plan-rules.ts';
import type { PlanLevel } from '../../shared/plans.ts';
import { draftAndQueueNotice } from './notify-incident.ts';
import { currentMatter, levelInvalid, noticeOf, openSteps, type IncidentActor } from './activate-plan.ts';
import * as store from './incident-store.ts';

export const incidentClosed = () =>
  new AppError('INCIDENT_STATE_CONFLICT', 'The incident is stood down: it can no longer change.', '该事件已解除响应，不能再变更。');
export const incidentStale = () => new AppError('CONFLICT', 'The incident changed meanwhile; reload and try again.', '事件已被他人更新，请刷新后重试。');

/**
 * Raises or lowers the response level, in one transaction: the `level_changed` entry (from, to, reason); when raised,
 * the steps the new level reaches that the incident does not have yet (their roles filled, their work orders due at
 * this time + their offsets) and a `steps_added` entry; an `Update` CAP alert referencing the earlier ones; the audit row.
 * Lowering adds and removes nothing (the open work orders stay). The same level, or one the plan does not have → 422
 * PLAN_LEVEL_INVALID; a stood-down incident → 409 INCIDENT_STATE_CONFLICT.
 */
export async function changeLevel(
  db: Db, services: IntakeServices, incidentId: string, input: { level: PlanLevel; reason: string }, actor: IncidentActor, now: Date,
): Promise<void> {
  const calendar = await services.calendar.current();
  await db.transaction(async (tx) => {
    const i = await store.findIncident(tx, incidentId, actor.scopePath, true);
    if (!i) throw notFound('incident');
    if (i.status !== 'active') throw incidentClosed();
    const body = i.snapshot;
    if (!body.levels.includes(input.level)) throw levelInvalid(input.level, body.levels);
    if (input.level === i.level) {
      throw new AppError('PLAN_LEVEL_INVALID', `The incident is at level ${i.level} already.`, '事件已处于该响应级别。');
    }
    const reason = input.reason.trim();
    const have = new Set((await store.listSteps(tx, [i.id])).map((s) => s.step_key));
    const adding = stepsAddedBy(body, i.level, input.level).filter((s) => !have.has(s.key));
    if (!(await store.updateIncident(tx, i.id, i.version, { level: input.level }, now))) throw incidentStale();
    await store.insertEvent(tx, {
      incident_id: i.id, at: now, action: 'level_changed', actor_id: actor.accountId, actor_name: actor.name, reason,
      data: { from: i.level, to: input.level },
    });
    if (adding.length > 0) {
      const grid = await store.findGrid(tx, i.affected_grid_ids[0]!);
      const town = (await store.findTown(tx, i.town_id))!;
      const opened = await openSteps(tx, {
        id: i.id, title: i.title, drill: i.drill, townId: i.town_id, townCode: town.code, gridId: grid!.id, gridPath: grid!.path,
        lng: i.lng!, lat: i.lat!, address: i.address, matter: await currentMatter(tx, i.town_id, body.matterCode),
      }, body, adding, await store.listRoles(tx, i.id), now, actor, calendar, have.size);
      await store.insertEvent(tx, {
        incident_id: i.id, at: now, action: 'steps_added', actor_id: actor.accountId, actor_name: actor.name, reason: null,
        data: { level: input.level, steps: opened.map((s) => s.stepKey) },
      });
    }
    const town = (await store.findTown(tx, i.town_id))!;
    await draftAndQueueNotice(tx, noticeOf({ ...i, level: input.level }, town), 'Update', now, services.pii);
    await appendAudit(tx, {
      at: now, actorId: actor.accountId, actorName: actor.name, ip: actor.ip, action: 'incident.level', targetType: 'incident', targetId: i.id,
      success: true, detail: { number: i.number, from: i.level, to: input.level, stepsAdded: adding.map((s) => s.key) },
    });
  });
}
