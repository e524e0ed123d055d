import type { Db } from '../platform/db/db.ts';
import { notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import { draftAndQueueNotice } from './notify-incident.ts';
import { noticeOf, type IncidentActor } from './activate-plan.ts';
import { incidentClosed, incidentStale } from './change-level.ts';
import { stepStateOf } from './incident-presenters.ts';
import * as store from './incident-store.ts';

/**
 * Ends the response (解除响应), in one transaction: status closed; each step still open (its checklist not ticked through
 * and its work order not handled) becomes 'left' and is listed in the `stood_down` entry with its work order; a `Cancel`
 * CAP alert; the audit row. The left steps' work orders stay in the case loop: their assignees finish or close them as
 * any other work order. A stood-down incident → 409 INCIDENT_STATE_CONFLICT.
 */
export async function standDown(db: Db, pii: PiiCipher, incidentId: string, reason: string, actor: IncidentActor, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const i = await store.findIncident(tx, incidentId, actor.scopePath, true);
    if (!i) throw notFound('incident');
    if (i.status !== 'active') throw incidentClosed();
    const steps = await store.listSteps(tx, [i.id], true);
    const handled = steps.filter((s) => s.state === 'open' && stepStateOf(s).state === 'done');
    for (const s of handled) await store.completeStep(tx, i.id, s.step_key, null, s.case_handled_at ?? now);
    const left = steps.filter((s) => stepStateOf(s).state === 'open');
    if (left.length > 0) {
      await tx.query(`update incident_steps set state = 'left' where incident_id = $1 and step_key = any($2::text[]) and state = 'open'`,
        [i.id, left.map((s) => s.step_key)]);
    }
    if (!(await store.updateIncident(tx, i.id, i.version, {
      status: 'closed', stood_down_at: now, stood_down_by: actor.accountId, stood_down_by_name: actor.name, stand_down_reason: reason.trim(),
    }, now))) throw incidentStale();
    await store.insertEvent(tx, {
      incident_id: i.id, at: now, action: 'stood_down', actor_id: actor.accountId, actor_name: actor.name, reason: reason.trim(),
      data: { left: left.map((s) => ({ stepKey: s.step_key, title: s.title, caseId: s.case_id, number: s.case_number, status: s.case_status })) },
    });
    const town = (await store.findTown(tx, i.town_id))!;
    await draftAndQueueNotice(tx, noticeOf(i, town), 'Cancel', now, pii);
    await appendAudit(tx, {
      at: now, actorId: actor.accountId, actorName: actor.name, ip: actor.ip, action: 'incident.standDown', targetType: 'incident', targetId: i.id,
      success: true, detail: { number: i.number, left: left.map((s) => s.step_key) },
    });
  });
}
