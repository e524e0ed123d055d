import type { Db, Tx } from '../platform/db/db.ts';
import type { Principal } from '../platform/auth.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { nextDocumentSeq } from '../platform/db/document-numbers.ts';
import { disputeActionAllowed, mediationHasAgreement, statusAfterMediation, type DisputeStep } from '../../domain/disputes/lifecycle.ts';
import type { DisputeStatus } from '../../shared/disputes.ts';
import * as disputes from './store.ts';
import { disputeInvalid } from './parties.ts';
import * as store from './mediation-store.ts';
import type { RecordMediationInput } from './mediation-schemas.ts';

/** A session or visit may be written down a little after it happened, never before: a few minutes of clock skew pass. */
export const FUTURE_SLACK_MS = 5 * 60_000;

const STATUS_ZH: Record<DisputeStatus, string> = { open: '化解中', resolved: '已化解', litigation: '已转诉讼', closed: '已办结' };

export const stateConflict = (status: DisputeStatus, step: DisputeStep, zhStep: string) => new AppError('DISPUTE_STATE_CONFLICT',
  `A dispute that is ${status} does not take "${step}".`, `纠纷${STATUS_ZH[status]}，不能${zhStep}。`, { status, step });

export function refuseFuture(at: Date, now: Date, zhWhat: string): void {
  if (at.getTime() > now.getTime() + FUTURE_SLACK_MS) {
    throw disputeInvalid('`at` lies in the future: record what has happened.', `${zhWhat}时间晚于现在，请记录已经发生的情况。`, { field: 'at' });
  }
}

/**
 * 人民调解协议书 number: （2026）春晖调字第7号 — the year of the session, the town's short name (its first two characters),
 * the town's yearly sequence of agreements.
 */
export function printAgreementNumber(townName: string, year: string, seq: number): string {
  return `（${year}）${[...townName].slice(0, 2).join('')}调字第${seq}号`;
}

/** The Idempotency-Key as stored: scoped to the caller, so two accounts' keys never meet. */
export const scopedKey = (p: Principal, key: string | null) => (key === null ? null : `${p.accountId}:${key}`);

export interface RecordedMediation {
  mediationId: string;
  agreementNumber: string | null;
  /** the same Idempotency-Key was seen: nothing was written again */
  repeated: boolean;
}

/**
 * Records one mediation session of a dispute, by DISPUTE_HANDLERS of its scope (404 otherwise): the session with the
 * next seq, its statements and attendees (names sealed), the agreed text and terms. A resolved or partial session
 * with terms makes a 人民调解协议书 numbered from the town's yearly 'agreement' counter. A resolved session resolves an
 * open dispute (resolved_at = the session's time). Refused on closed or litigation disputes (409), a session in the
 * future or a party seq the dispute does not have (422). One transaction: the session, the status, the timeline entry,
 * the audit row. The same Idempotency-Key answers the first session.
 */
export async function recordMediation(
  db: Db, pii: PiiCipher, p: Principal, disputeId: string, input: RecordMediationInput, now: Date, requestKey: string | null, ip: string | null,
): Promise<RecordedMediation> {
  return db.transaction(async (tx) => {
    const d = await disputes.findDisputeForAction(tx, disputeId, p);
    if (!d) throw notFound('dispute');
    const key = scopedKey(p, requestKey);
    if (key !== null) {
      const earlier = await store.findMediationByKey(tx, key);
      if (earlier !== null && earlier.dispute_id === d.id) {
        const m = (await store.findMediation(tx, d.id, earlier.id))!;
        return { mediationId: m.id, agreementNumber: m.agreement_number, repeated: true };
      }
      if (earlier !== null) {
        throw new AppError('CONFLICT', 'This Idempotency-Key was used for another dispute\'s session.', '该请求编号已用于另一纠纷的调解记录。');
      }
    }
    if (!disputeActionAllowed(d.status, 'mediate')) throw stateConflict(d.status, 'mediate', '记录调解');
    const at = new Date(input.at);
    refuseFuture(at, now, '调解');
    await checkPartySeqs(tx, d.id, input);
    if (input.mediator.accountId && !(await accountExists(tx, input.mediator.accountId))) {
      throw disputeInvalid('The mediator\'s account does not exist.', '调解员账号不存在。', { field: 'mediator.accountId' });
    }
    const terms = input.terms.map((t) => t.trim()).filter((t) => t !== '');
    let agreementNumber: string | null = null;
    if (mediationHasAgreement(input.outcome, terms)) {
      const { period, seq } = await nextDocumentSeq(tx, 'agreement', d.town_id, at);
      agreementNumber = printAgreementNumber(await townName(tx, d.town_id), period, seq);
    }
    const created = await store.insertMediation(tx, {
      disputeId: d.id, at, place: input.place.trim(),
      mediator: { kind: input.mediator.kind, name: input.mediator.name.trim(), accountId: input.mediator.accountId ?? null },
      attendees: input.attendees.map((a) => ({ name: pii.encrypt(a.name.trim()), partySeq: a.partySeq ?? null })),
      statements: input.statements.map((s) => ({ partySeq: s.partySeq, said: s.said.trim() })),
      agreed: input.agreed?.trim() || null, terms, outcome: input.outcome, agreementNumber,
      recordedBy: p.accountId, idempotencyKey: key, createdAt: now,
    });
    const status = statusAfterMediation(d.status, input.outcome);
    if (status !== d.status) {
      // resolved when the agreement was reached (a session recorded before the dispute's registration counts from then)
      const resolvedAt = at.getTime() < new Date(d.created_at).getTime() ? new Date(d.created_at) : at;
      await disputes.updateDispute(tx, d.id, now, { status, resolved_at: resolvedAt });
    } else {
      await disputes.bumpDispute(tx, d.id, now);
    }
    await disputes.appendDisputeEvent(tx, {
      disputeId: d.id, at: now, action: 'mediated', actor: { id: p.accountId, name: p.name }, requestKey: key,
      data: {
        mediationId: created.id, seq: created.seq, sessionAt: at.toISOString(), outcome: input.outcome, agreementNumber,
        mediatorName: input.mediator.name.trim(), mediatorKind: input.mediator.kind, statusFrom: d.status, statusTo: status,
      },
    });
    await appendAudit(tx, {
      at: now, actorId: p.accountId, actorName: p.name, ip, action: 'dispute.mediate', targetType: 'dispute', targetId: d.id, success: true,
      detail: { number: d.number, mediationId: created.id, seq: created.seq, outcome: input.outcome, agreementNumber, status },
    });
    return { mediationId: created.id, agreementNumber, repeated: false };
  });
}

async function checkPartySeqs(tx: Tx, disputeId: string, input: RecordMediationInput): Promise<void> {
  const seqs = new Set((await disputes.listParties(tx, [disputeId])).map((x) => x.seq));
  const unknown = [
    ...input.statements.map((s) => s.partySeq),
    ...input.attendees.flatMap((a) => (a.partySeq == null ? [] : [a.partySeq])),
  ].filter((s) => !seqs.has(s));
  if (unknown.length > 0) {
    throw disputeInvalid(`The dispute has no party ${unknown[0]}.`, `该纠纷没有第 ${unknown[0]} 位当事人。`, { unknownPartySeqs: [...new Set(unknown)] });
  }
}

async function accountExists(tx: Tx, id: string): Promise<boolean> {
  const r = await tx.query('select 1 from accounts where id = $1', [id]);
  return r.rows.length > 0;
}

export async function townName(tx: Tx, townId: string): Promise<string> {
  const r = await tx.query<{ name: string }>('select name from org_units where id = $1', [townId]);
  return r.rows[0]?.name ?? '';
}
