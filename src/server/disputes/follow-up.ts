import type { Db } from '../platform/db/db.ts';
import type { Principal } from '../platform/auth.ts';
import { notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { disputeActionAllowed } from '../../domain/disputes/lifecycle.ts';
import * as disputes from './store.ts';
import * as store from './mediation-store.ts';
import type { FollowUpInput } from './mediation-schemas.ts';
import { refuseFuture, scopedKey, stateConflict } from './record-mediation.ts';

/**
 * 回访: a visit or call that checks the agreement of a resolved (or closed) dispute holds, by DISPUTE_HANDLERS of its
 * scope. A follow-up that finds it broken answers `suggestReopen` (while the dispute may still be reopened and no later
 * dispute was reopened from it): the page offers 重新立案 with the earlier parties. The follow-up row, the timeline entry
 * and the audit row in one transaction; the same Idempotency-Key answers the first without writing again.
 */
export async function followUp(
  db: Db, p: Principal, disputeId: string, input: FollowUpInput, now: Date, requestKey: string | null, ip: string | null,
): Promise<{ suggestReopen: boolean; repeated: boolean }> {
  return db.transaction(async (tx) => {
    const d = await disputes.findDisputeForAction(tx, disputeId, p);
    if (!d) throw notFound('dispute');
    const key = scopedKey(p, requestKey);
    const suggest = async (holds: boolean) => !holds && disputeActionAllowed(d.status, 'reopen') && (await disputes.laterDispute(tx, d.id)) === null;
    if (key !== null) {
      const earlier = await disputes.findEventByRequestKey(tx, d.id, key);
      if (earlier !== null) return { suggestReopen: await suggest(earlier.data.holds !== false), repeated: true };
    }
    if (!disputeActionAllowed(d.status, 'follow-up')) throw stateConflict(d.status, 'follow-up', '回访');
    const at = new Date(input.at);
    refuseFuture(at, now, '回访');
    const note = input.note?.trim() || null;
    const id = await store.insertFollowUp(tx, { disputeId: d.id, at, method: input.method, holds: input.holds, note, by: p.accountId, createdAt: now });
    await disputes.bumpDispute(tx, d.id, now);
    await disputes.appendDisputeEvent(tx, {
      disputeId: d.id, at: now, action: 'followedUp', actor: { id: p.accountId, name: p.name }, requestKey: key,
      data: { followUpId: id, visitedAt: at.toISOString(), method: input.method, holds: input.holds, note },
    });
    await appendAudit(tx, {
      at: now, actorId: p.accountId, actorName: p.name, ip, action: 'dispute.follow_up', targetType: 'dispute', targetId: d.id, success: true,
      detail: { number: d.number, followUpId: id, method: input.method, holds: input.holds },
    });
    return { suggestReopen: await suggest(input.holds), repeated: false };
  });
}
