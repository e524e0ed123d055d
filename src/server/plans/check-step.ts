import type { Db } from '../platform/db/db.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { Principal } from '../platform/auth.ts';
import { applyCaseActionIn } from '../cases/apply-case-action.ts';
import { actorOf } from '../cases/case-mapping.ts';
import type { WorkingCalendar } from '../../domain/sla/working-calendar.ts';
import { incidentClosed } from './change-level.ts';
import { holdsWorkOrder, isCommander, stepStateOf } from './incident-presenters.ts';
import * as store from './incident-store.ts';

/** the case action a step's last tick hands its work order in with */
const HAND_IN = 'report_done' as const;

/**
 * Ticks (or unticks) one item of a step's checklist, by a holder of the step's work order (its post's holders, its staff
 * assignee) or a commander in whose scope the incident lies. Ticking the last item completes the step (`step_completed`)
 * and, in the same transaction, hands its work order in (case action `report_done` by that person) when the lifecycle
 * lets them (the assignee's holders; a commander who is not one leaves the work order to its assignee). An unticked
 * step stays open. `requestKey` (the caller's Idempotency-Key): a repeat changes nothing and answers as the first time.
 * A stood-down incident, or a step no longer open → 409 INCIDENT_STATE_CONFLICT.
 */
export async function checkStep(
  db: Db, calendar: WorkingCalendar, incidentId: string, stepKey: string, input: { item: number; checked: boolean }, p: Principal,
  ip: string | null, requestKey: string | null, now: Date,
): Promise<{ completed: boolean; repeated: boolean }> {
  return db.transaction(async (tx) => {
    // a commander reaches the incidents of their scope; a holder of a step's work order reaches that step wherever it is
    const inScope = isCommander(p) ? await store.findIncident(tx, incidentId, p.scopePath, true) : null;
    const i = inScope ?? await store.findIncident(tx, incidentId, '/', true);
    if (!i) throw notFound('incident');
    const step = (await store.listSteps(tx, [i.id], true)).find((s) => s.step_key === stepKey);
    if (!step || (!inScope && !holdsWorkOrder(p, step))) throw notFound('step');
    if (requestKey && (await store.findEventByRequestKey(tx, i.id, requestKey)) !== null) {
      return { completed: (await store.listSteps(tx, [i.id])).find((s) => s.step_key === stepKey)!.state === 'done', repeated: true };
    }
    if (i.status !== 'active') throw incidentClosed();
    if (stepStateOf(step).state !== 'open') {
      throw new AppError('INCIDENT_STATE_CONFLICT', 'The step is done or left already: its checklist no longer changes.', '该步骤已完成或已遗留，清单不能再修改。');
    }
    if (input.item >= step.checklist.length) {
      throw new AppError('VALIDATION_FAILED', `The step's checklist has ${step.checklist.length} items.`, `该步骤清单只有 ${step.checklist.length} 项。`);
    }
    const changed = await store.setCheck(tx, i.id, stepKey, input.item, input.checked, { id: p.accountId, name: p.name }, now);
    if (!changed) return { completed: false, repeated: false };
    await store.insertEvent(tx, {
      incident_id: i.id, at: now, action: input.checked ? 'step_checked' : 'step_unchecked', actor_id: p.accountId, actor_name: p.name, reason: null,
      data: { stepKey, item: input.item, text: step.checklist[input.item] }, request_key: requestKey,
    });
    let completed = false;
    if (input.checked) {
      const ticked = (await store.listChecks(tx, i.id)).filter((c) => c.step_key === stepKey).length;
      if (ticked >= step.checklist.length) {
        completed = true;
        await store.completeStep(tx, i.id, stepKey, p.accountId, now);
        const handedIn = await applyCaseActionIn(tx, step.case_id, { action: HAND_IN, note: `预案步骤「${step.title}」清单已全部完成` },
          actorOf(p), null, p.name, now, calendar, { ifAllowed: true });
        await store.insertEvent(tx, {
          incident_id: i.id, at: now, action: 'step_completed', actor_id: p.accountId, actor_name: p.name, reason: null,
          data: { stepKey, caseId: step.case_id, number: step.case_number, handedIn: handedIn !== null },
        });
      }
    }
    await appendAudit(tx, {
      at: now, actorId: p.accountId, actorName: p.name, ip, action: 'incident.check', targetType: 'incident', targetId: i.id, success: true,
      detail: { number: i.number, stepKey, item: input.item, checked: input.checked, completed },
    });
    return { completed, repeated: false };
  });
}
