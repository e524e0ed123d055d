import type { Db, Tx } from '../platform/db/db.ts';
import type { Principal } from '../platform/auth.ts';
import { AppError } from '../platform/errors.ts';
import { applyCaseActionIn } from '../cases/apply-case-action.ts';
import { actorOf } from '../cases/case-mapping.ts';
import type { WorkingCalendar } from '../../domain/sla/working-calendar.ts';
import { assessRisk } from '../../domain/disputes/risk.ts';
import { handlingUnitOf, suggestTier, tierRefusal } from '../../domain/disputes/tier.ts';
import type { DisputeTier, RiskFactors } from '../../shared/disputes.ts';
import { actOnDispute } from './act.ts';
import { disputeInvalid } from './parties.ts';
import { factorsOf } from './presenters.ts';
import { placeOfGrid, tierReasonRequired } from './register-dispute.ts';
import { handles, isDepartmentMember } from './scope.ts';
import * as store from './store.ts';

/* The actions on one dispute besides push, reopen and the mediation routes: reply, litigate, change-tier, assess-risk, close. */

type Opts = { requestKey: string | null; ip: string | null; now: Date };

/**
 * A unit's answer to a referral: a member of the referral's department, or DISPUTE_HANDLERS of the dispute's scope
 * recording a reply given by phone. `done`: the unit has done its part (the referral no longer takes replies: 409).
 */
export async function replyToReferral(db: Db, p: Principal, id: string, input: { referralId: string; text: string; done: boolean }, o: Opts) {
  const find = async (tx: Tx) => {
    const d = await store.lockDispute(tx, id);
    if (!d) return null;
    if (handles(p, d.org_path)) return d;
    const r = isDepartmentMember(p) ? await store.findReferral(tx, d.id, input.referralId) : null;
    return r && r.department_id !== null && p.departmentIds.includes(r.department_id) ? d : null;
  };
  return actOnDispute(db, p, id, 'reply', o, async (tx, d) => {
    const r = await store.findReferral(tx, d.id, input.referralId);
    if (!r) throw disputeInvalid('The dispute has no referral with this id.', '该纠纷没有这条协同推送。', { field: 'referralId' });
    if (r.status === 'done') {
      throw new AppError('DISPUTE_STATE_CONFLICT',
        'The unit has done its part of this referral already.', '该协同单位已办结，不能再回复。', { referralId: r.id });
    }
    await tx.query('update dispute_referrals set status = $2, replied_at = $3 where id = $1', [r.id, input.done ? 'done' : 'replied', o.now]);
    return {
      event: 'replied', audit: 'dispute.reply',
      data: { referralId: r.id, unitName: r.unit_name, text: input.text.trim(), done: input.done, byDepartment: !handles(p, d.org_path) },
    };
  }, find);
}

/** 诉调对接: the dispute goes to court (status litigation) with the court's case number. */
export async function litigate(db: Db, p: Principal, id: string, input: { court: string; courtCaseNumber: string; note?: string | null | undefined }, o: Opts) {
  return actOnDispute(db, p, id, 'litigate', o, async () => ({
    event: 'litigated', audit: 'dispute.litigate',
    data: { court: input.court.trim(), courtCaseNumber: input.courtCaseNumber.trim(), note: input.note?.trim() || null },
    set: { status: 'litigation', court_case_number: input.courtCaseNumber.trim() },
  }));
}

/**
 * Another tier (and so another handling unit): one below the tier the rules suggest now needs the reason given (it
 * always comes: the body requires one); the same tier → 422 DISPUTE_INVALID. The work order stays where it is.
 */
export async function changeTier(db: Db, p: Principal, id: string, input: { tier: DisputeTier; reason: string }, o: Opts) {
  return actOnDispute(db, p, id, 'change-tier', o, async (tx, d) => {
    if (input.tier === d.tier) throw disputeInvalid('The dispute has this tier already.', '纠纷已是该化解层级。', { field: 'tier' });
    const factors = factorsOf(d.risk_factors);
    const suggested = suggestTier({ risk: d.risk_level, groupSize: factors.groupSize, gridsOfParties: await store.gridsOfParties(tx, d.id), classCode: d.class_code });
    if (tierRefusal(input.tier, suggested.tier, input.reason) !== null) throw tierReasonRequired();
    const place = await placeOfGrid(tx, d.grid_id);
    if (!place) throw disputeInvalid('The dispute\'s grid no longer exists.', '纠纷所在网格已不存在。');
    const unit = handlingUnitOf(input.tier, place);
    return {
      event: 'tierChanged', audit: 'dispute.change_tier',
      data: { from: d.tier, to: input.tier, suggested: suggested.tier, reason: input.reason.trim(), handlingUnitId: unit },
      set: { tier: input.tier, tier_reason: input.reason.trim(), handling_unit_id: unit },
    };
  });
}

/**
 * Re-assesses the risk with what staff now know (threats, group size, amount): the rules read the factors, the
 * parties' vulnerability and the flare-ups. The tier stays; the answer's suggestedTier tells whether it should change.
 */
export async function reassessRisk(db: Db, p: Principal, id: string, input: { factors: RiskFactors }, o: Opts) {
  return actOnDispute(db, p, id, 'assess-risk', o, async (tx, d) => {
    const factors = factorsOf(input.factors);
    const parties = await store.listParties(tx, [d.id]);
    const risk = assessRisk({ factors, flareUps: d.flare_ups, parties, classCode: d.class_code });
    const suggested = suggestTier({ risk: risk.level, groupSize: factors.groupSize, gridsOfParties: await store.gridsOfParties(tx, d.id), classCode: d.class_code });
    return {
      event: 'riskAssessed', audit: 'dispute.assess_risk',
      data: { from: d.risk_level, to: risk.level, reasons: risk.reasons, factors, suggestedTier: suggested.tier },
      set: { risk_level: risk.level, risk_reasons: risk.reasons, risk_factors: factors },
    };
  });
}

/**
 * Closes the dispute with a reason (settled, ruled by the court, withdrawn) and hands its work order in: case action
 * `report_done` by the closer in the same transaction when the loop lets them (else the work order stays with its
 * assignee, and the event says so); the dispatcher verifies it in the loop as usual.
 */
export async function closeDispute(db: Db, p: Principal, id: string, input: { reason: string }, calendar: WorkingCalendar, o: Opts) {
  return actOnDispute(db, p, id, 'close', o, async (tx, d) => {
    const handedIn = await applyCaseActionIn(tx, d.case_id, { action: 'report_done', note: `纠纷 ${d.number} 已办结：${input.reason.trim()}` },
      actorOf(p), null, p.name, o.now, calendar, { ifAllowed: true });
    return {
      event: 'closed', audit: 'dispute.close',
      data: { reason: input.reason.trim(), from: d.status, handedIn: handedIn !== null },
      set: { status: 'closed', close_reason: input.reason.trim(), closed_at: o.now },
    };
  });
}
