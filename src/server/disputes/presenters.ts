import type { Tx } from '../platform/db/db.ts';
import type { Principal } from '../platform/auth.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import { forbidden, notFound } from '../platform/errors.ts';
import { assigneeNames } from '../cases/store.ts';
import { clockLight, suspendedSoFar, type ClockState } from '../../domain/sla/clocks.ts';
import { disputeActionAllowed, type DisputeStep } from '../../domain/disputes/lifecycle.ts';
import { suggestTier } from '../../domain/disputes/tier.ts';
import type { RiskFactors } from '../../shared/disputes.ts';
import type { Light } from '../../shared/matters.ts';
import { loadMediationParts } from './mediation-store.ts';
import { handles, isDepartmentMember } from './scope.ts';
import { maskedPartyName, presentParty } from './parties.ts';
import * as store from './store.ts';
import type * as s from './schemas.ts';

/* The only place that shapes the disputes' JSON: parties masked (whole only on an audited unmasked read), `policies`. */

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

export const NO_FACTORS: RiskFactors = { threats: false, groupSize: 0, amountYuan: null, note: null };
export const factorsOf = (f: Partial<RiskFactors> | null | undefined): RiskFactors => ({ ...NO_FACTORS, ...(f ?? {}) });

const POLICY_STEP: Record<s.DisputePolicy, DisputeStep> = {
  mediate: 'mediate', push: 'push', reply: 'reply', litigate: 'litigate', changeTier: 'change-tier', assessRisk: 'assess-risk',
  followUp: 'follow-up', attachSigned: 'attach-signed', close: 'close', reopen: 'reopen', unmask: 'unmask',
};

/**
 * What the caller may do to the dispute now: DISPUTE_HANDLERS of its scope take every step its status allows (reopen
 * only while no later dispute was reopened from it; reply while a referral waits); a department's member replies to a
 * referral of theirs that is not done. Residents and other readers only read.
 */
export function disputePolicies(d: Pick<store.DisputeRow, 'status' | 'org_path'>, p: Principal, o: { hasLater: boolean; replyable: boolean }): s.DisputePolicy[] {
  const out: s.DisputePolicy[] = [];
  const handler = handles(p, d.org_path);
  for (const [policy, step] of Object.entries(POLICY_STEP) as [s.DisputePolicy, DisputeStep][]) {
    if (!disputeActionAllowed(d.status, step)) continue;
    if (policy === 'reply') {
      if (o.replyable) out.push(policy);
      continue;
    }
    if (!handler) continue;
    if (policy === 'reopen' && o.hasLater) continue;
    out.push(policy);
  }
  return out;
}

/** Whether the caller may reply to this referral: a member of its department, or a handler of the dispute's scope. */
export const mayReply = (r: store.ReferralRow, d: Pick<store.DisputeRow, 'org_path'>, p: Principal): boolean =>
  r.status !== 'done' && (handles(p, d.org_path) || (isDepartmentMember(p) && r.department_id !== null && p.departmentIds.includes(r.department_id)));

export function presentSummary(d: store.DisputeListRow, parties: readonly store.PartyRow[], p: Principal, pii: PiiCipher): s.DisputeSummaryT {
  const own = parties.filter((x) => x.dispute_id === d.id).sort((a, b) => (a.role === 'applicant' ? 0 : 1) - (b.role === 'applicant' ? 0 : 1) || a.seq - b.seq);
  return {
    ...core(d),
    riskLevel: d.risk_level,
    partyNames: own.map((x) => maskedPartyName(x, pii)),
    // the list does not know of referrals or later disputes: what it offers is checked again by each action
    policies: disputePolicies(d, p, { hasLater: false, replyable: false }).filter((x) => x !== 'reply'),
  };
}

function core(d: store.DisputeListRow) {
  return {
    id: d.id, number: d.number, version: d.version, status: d.status,
    classCode: d.class_code, className: d.class_name, subclassCode: d.subclass_code, subclassName: d.subclass_name,
    description: d.description, location: { lng: Number(d.lng), lat: Number(d.lat) }, address: d.address, source: d.source,
    tier: d.tier, handlingUnitId: d.handling_unit_id, handlingUnitName: d.handling_unit_name,
    gridId: d.grid_id, gridName: d.grid_name, townId: d.town_id, caseId: d.case_id, flareUps: d.flare_ups,
    createdAt: iso(d.created_at), updatedAt: iso(d.updated_at), resolvedAt: isoOrNull(d.resolved_at), closedAt: isoOrNull(d.closed_at),
  };
}

const LIGHT_ORDER: readonly Light[] = ['green', 'yellow', 'red'];

async function workOrderOf(tx: Tx, caseId: string, now: Date): Promise<s.DisputeDetailT['workOrder']> {
  const c = await store.findWorkOrder(tx, caseId);
  if (!c) return null;
  const running = Object.values(c.clocks ?? {}).filter((k) => k.stoppedAt === null) as ClockState[];
  const light = running.reduce<Light | null>((worst, k) => {
    const l = clockLight(k, now.getTime());
    return worst === null || LIGHT_ORDER.indexOf(l) > LIGHT_ORDER.indexOf(worst) ? l : worst;
  }, null);
  const handle = c.clocks?.handle as ClockState | undefined;
  const assigneeId = c.assignee === null ? null : 'postId' in c.assignee ? c.assignee.postId : 'staffId' in c.assignee ? c.assignee.staffId : c.assignee.departmentId;
  const names = assigneeId === null ? new Map<string, string>() : await assigneeNames(tx, [assigneeId]);
  return {
    id: c.id, number: c.number, status: c.status as NonNullable<s.DisputeDetailT['workOrder']>['status'], light,
    dueAt: handle ? new Date(handle.due + suspendedSoFar(handle, handle.stoppedAt ?? now.getTime())).toISOString() : null,
    assigneeName: assigneeId === null ? null : names.get(assigneeId) ?? null,
  };
}

/**
 * The dispute as its page shows it, read inside `tx` as the caller reaches it (404 otherwise). `unmask`: the parties
 * whole, for DISPUTE_HANDLERS of its scope only (403 for any other reader); the caller writes the audit row of that read.
 */
export async function loadDisputeDetail(tx: Tx, id: string, p: Principal, pii: PiiCipher, o: { unmask: boolean; now: Date }): Promise<s.DisputeDetailT> {
  const reader = await store.readerOf(tx, pii, p);
  const d = await store.findDisputeToRead(tx, id, reader);
  if (!d) throw notFound('dispute');
  if (o.unmask && !handles(p, d.org_path)) throw forbidden();
  const selfHash = reader.phoneHash ?? null;
  const [parties, referrals, events, chain, grids, workOrder, parts] = [
    await store.listParties(tx, [d.id]), await store.listReferrals(tx, d.id), await store.listEvents(tx, d.id), await store.chainOf(tx, d.id),
    await store.gridsOfParties(tx, d.id), await workOrderOf(tx, d.case_id, o.now),
    await loadMediationParts(tx, d.id, { pii, partiesWhole: o.unmask }),
  ];
  const readable = await store.readableIds(tx, reader, chain.map((c) => c.id));
  const factors = factorsOf(d.risk_factors);
  const suggested = suggestTier({ risk: d.risk_level, groupSize: factors.groupSize, gridsOfParties: grids, classCode: d.class_code });
  const replies = events.filter((e) => e.action === 'replied');
  const litigated = [...events].reverse().find((e) => e.action === 'litigated');
  const replyable = referrals.some((r) => mayReply(r, d, p));
  return {
    ...core(d),
    risk: { level: d.risk_level, reasons: d.risk_reasons, factors },
    suggestedTier: suggested.tier,
    suggestedTierReasons: suggested.reasons,
    tierReason: d.tier_reason,
    unmasked: o.unmask,
    parties: parties.map((x) => presentParty(x, pii, { whole: o.unmask, self: selfHash !== null && x.phone_hash === selfHash })),
    workOrder,
    courtCaseNumber: d.court_case_number,
    court: typeof litigated?.data.court === 'string' ? litigated.data.court : null,
    closeReason: d.close_reason,
    reopenedFrom: d.reopened_from,
    chain: chain.map((c) => ({ id: c.id, number: c.number, status: c.status, createdAt: iso(c.created_at), current: c.id === d.id, readable: readable.has(c.id) })),
    mediations: parts.mediations,
    followUps: parts.followUps,
    referrals: referrals.map((r) => ({
      id: r.id, unitKind: r.unit_kind, departmentId: r.department_id, unitName: r.unit_name, note: r.note, dueAt: iso(r.due_at),
      status: r.status, overdue: r.status === 'pending' && new Date(r.due_at).getTime() < o.now.getTime(), repliedAt: isoOrNull(r.replied_at),
      replies: replies.filter((e) => e.data.referralId === r.id).map((e) => ({
        at: iso(e.at), by: e.actor_name, text: String(e.data.text ?? ''), done: e.data.done === true,
      })),
      createdAt: iso(r.created_at),
      canReply: disputeActionAllowed(d.status, 'reply') && mayReply(r, d, p),
    })),
    events: events.map((e) => ({ id: e.id, at: iso(e.at), actorName: e.actor_name, action: e.action, data: e.data })),
    policies: disputePolicies(d, p, { hasLater: (await store.laterDispute(tx, d.id)) !== null, replyable }),
  };
}
