import { randomUUID } from 'node:crypto';
import type { Db } from '../platform/db/db.ts';
import type { Principal } from '../platform/auth.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { assessRisk } from '../../domain/disputes/risk.ts';
import { disputeActionAllowed } from '../../domain/disputes/lifecycle.ts';
import { handlingUnitOf, suggestTier } from '../../domain/disputes/tier.ts';
import { stateConflict } from './act.ts';
import { disputeInvalid } from './parties.ts';
import { factorsOf } from './presenters.ts';
import { disputeNumber, openDisputeWorkOrder, placeOfGrid, recordRegistered, type DisputeServices } from './register-dispute.ts';
import * as store from './store.ts';

/**
 * A resolved or closed dispute flared up again: a NEW dispute (its own number and work order) with `reopened_from` =
 * the earlier one, one flare-up more, the same parties, class and place, the risk re-assessed (flare-ups raise it) and
 * the tier the rules suggest; the earlier one gets a `reopened` event naming the new number (its status stays). A
 * dispute reopened already (a later one exists) → 409 DISPUTE_STATE_CONFLICT: reopen the latest of the chain.
 * `requestKey` (Idempotency-Key, scoped to the caller): a repeat answers the first new dispute with `created: false`.
 */
export async function reopenDispute(db: Db, services: Pick<DisputeServices, 'calendar'>, p: Principal, id: string,
  input: { description: string; reason: string }, now: Date, o: { requestKey: string | null; ip: string | null }): Promise<{ id: string; created: boolean }> {
  if (o.requestKey) {
    const first = await store.findByIdempotencyKey(db, o.requestKey);
    if (first) return { id: first.id, created: false };
  }
  const calendar = await services.calendar.current();
  return db.transaction(async (tx) => {
    const earlier = await store.findDisputeForAction(tx, id, p);
    if (!earlier) throw notFound('dispute');
    if (!disputeActionAllowed(earlier.status, 'reopen')) throw stateConflict(earlier.status, 'reopen');
    const later = await store.laterDispute(tx, earlier.id);
    if (later) {
      throw new AppError('DISPUTE_STATE_CONFLICT', `The dispute was reopened already as ${later.number}.`, `该纠纷已再次登记为 ${later.number}，请在最新的纠纷上操作。`, { laterId: later.id });
    }
    const place = await placeOfGrid(tx, earlier.grid_id);
    if (!place) throw disputeInvalid('The dispute\'s grid no longer exists.', '纠纷所在网格已不存在。');
    const parties = (await store.listParties(tx, [earlier.id])).map(({ dispute_id: _d, seq: _s, ...rest }) => rest);
    const factors = factorsOf(earlier.risk_factors);
    const flareUps = earlier.flare_ups + 1;
    const risk = assessRisk({ factors, flareUps, parties, classCode: earlier.class_code });
    const suggested = suggestTier({ risk: risk.level, groupSize: factors.groupSize, gridsOfParties: await store.gridsOfParties(tx, earlier.id), classCode: earlier.class_code });
    const tier = suggested.tier;
    const newId = randomUUID();
    const number = await disputeNumber(tx, place, now);
    const description = input.description.trim();
    const reason = input.reason.trim();
    const actor = { id: p.accountId, name: p.name };
    const workOrder = await openDisputeWorkOrder(tx, place, tier, { description, lng: earlier.lng, lat: earlier.lat, address: earlier.address, number }, actor, calendar, now);
    await store.insertDispute(tx, {
      id: newId, number, caseId: workOrder.id, townId: earlier.town_id, gridId: earlier.grid_id, orgPath: earlier.org_path,
      classCode: earlier.class_code, subclassCode: earlier.subclass_code, description, lng: earlier.lng, lat: earlier.lat, address: earlier.address,
      source: earlier.source, riskLevel: risk.level, riskReasons: risk.reasons, riskFactors: factors, tier, tierReason: null,
      handlingUnitId: handlingUnitOf(tier, place), reopenedFrom: earlier.id, flareUps, idempotencyKey: o.requestKey, createdBy: p.accountId, now,
    });
    await store.insertParties(tx, newId, parties);
    await recordRegistered(tx, { id: newId, number, workOrder, risk, tier, suggested: tier, parties, attached: false }, p, o.ip, now, null, 'dispute.reopen',
      { reopenedFrom: earlier.id, reopenedFromNumber: earlier.number, reason, flareUps });
    await store.appendDisputeEvent(tx, {
      disputeId: earlier.id, at: now, actor, action: 'reopened', requestKey: null, data: { laterId: newId, laterNumber: number, reason },
    });
    await store.bumpDispute(tx, earlier.id, now);
    return { id: newId, created: true };
  });
}
