import type { Db, Tx } from '../platform/db/db.ts';
import type { Principal } from '../platform/auth.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { nextDocumentSeq } from '../platform/db/document-numbers.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { applyCaseActionIn } from '../cases/apply-case-action.ts';
import { actorOf } from '../cases/case-mapping.ts';
import { checkPhotos } from '../cases/assignees.ts';
import { WorkingCalendarCache } from '../calendar/calendar-cache.ts';
import type { WorkingCalendar } from '../../domain/sla/working-calendar.ts';
import {
  PENALTY_KIND_NAMES, penaltyDeparture, penaltyRefusals, proposeBenchmark,
} from '../../domain/enforcement/benchmarks.ts';
import { enforcementActionRefusal, statusAfter } from '../../domain/enforcement/lifecycle.ts';
import { ENFORCEMENT_REVIEWERS, type EnforcementAction } from '../../shared/enforcement.ts';
import type { EnforcementActionBodies } from './schemas.ts';
import { findMatterByCode } from './matter-store.ts';
import * as store from './case-store.ts';
import { isOfficer } from './open-case.ts';
import { enforcementInvalid, proposalRefusal, stateConflict } from './refusals.ts';

/** The audit action of each step (named on the audit page: src/web/features/audit/action-names.ts). */
interface StepAudit {
  // on one line: the audit-names test reads the union from it
  action: 'enforcement.case.update_facts' | 'enforcement.case.add_evidence' | 'enforcement.case.confirm_band' | 'enforcement.case.review' | 'enforcement.case.decide' | 'enforcement.case.pay' | 'enforcement.case.execute' | 'enforcement.case.close' | 'enforcement.case.drop';
}
const AUDIT_ACTION: Record<EnforcementAction, StepAudit['action']> = {
  'update-facts': 'enforcement.case.update_facts', 'add-evidence': 'enforcement.case.add_evidence', 'confirm-band': 'enforcement.case.confirm_band',
  review: 'enforcement.case.review', decide: 'enforcement.case.decide', pay: 'enforcement.case.pay', execute: 'enforcement.case.execute',
  close: 'enforcement.case.close', drop: 'enforcement.case.drop',
};

export const isReviewer = (p: Principal) => p.roles.some((r) => (ENFORCEMENT_REVIEWERS as readonly string[]).includes(r));

/** the case action an enforcement case's closing hands its loop case in with */
const HAND_IN = 'report_done' as const;
/** a step's time may be given up to this far ahead of the server's clock (phones' clocks drift) */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface ActionOptions {
  /** the working calendar (closing hands the loop case in); read from the database when not given */
  calendar?: WorkingCalendarCache;
  ip?: string | null;
}
/** inside a transaction: the calendar already resolved (a cache refresh would read outside the transaction) */
export interface ActionOptionsIn {
  calendar?: WorkingCalendar;
  ip?: string | null;
}

/**
 * One step of an enforcement case (POST /api/enforcement/cases/:id/actions/<action>), in one transaction: the case in
 * the caller's scope (404 else), locked; the caller's role for the step (officers: everything but review; reviewers:
 * review, never of a case they are an officer of → 422 ENFORCEMENT_SELF_REVIEW); the lifecycle's refusal (422
 * ENFORCEMENT_REVIEW_REQUIRED, 409 ENFORCEMENT_STATE_CONFLICT); the step's own checks; then the row (version + 1), a
 * timed event and an audit row. `requestKey` (Idempotency-Key): a repeat changes nothing (`repeated: true`).
 */
export async function applyEnforcementAction<A extends EnforcementAction>(
  db: Db, p: Principal, id: string, action: A, body: EnforcementActionBodies[A], now: Date, requestKey: string | null, opts: ActionOptions = {},
): Promise<{ id: string; repeated: boolean }> {
  // resolved before the transaction: a refresh reads the database, which PGlite's one connection would wait on
  const calendar = action === 'close' ? await (opts.calendar ?? new WorkingCalendarCache(db)).current() : undefined;
  return db.transaction((tx) => applyEnforcementActionIn(tx, p, id, action, body, now, requestKey, { calendar, ip: opts.ip ?? null }));
}

export async function applyEnforcementActionIn<A extends EnforcementAction>(
  tx: Tx, p: Principal, id: string, action: A, body: EnforcementActionBodies[A], now: Date, requestKey: string | null, opts: ActionOptionsIn = {},
): Promise<{ id: string; repeated: boolean }> {
  const c = await store.findCaseForAction(tx, id, p);
  if (!c) throw notFound('enforcement case');
  if (requestKey && (await store.findEventByRequestKey(tx, c.id, requestKey))) return { id: c.id, repeated: true };
  if (action === 'review') {
    if (!isReviewer(p)) throw forbidden();
    if (c.officer_ids.includes(p.accountId)) {
      throw new AppError('ENFORCEMENT_SELF_REVIEW', 'Legal review is by someone who is not an officer of the case.', '法制审核须由非本案承办人员进行。');
    }
  } else if (!isOfficer(p)) {
    throw forbidden();
  }
  const refusal = enforcementActionRefusal(c.status, action, { penaltyKind: c.confirmed?.penalty.kind ?? null });
  if (refusal) throw lifecycleRefusal(refusal, c.status, action);

  const step = await stepOf(tx, c, p, action, body as never, now);
  const patch: store.CasePatch = { ...step.patch };
  if (step.patch.status === undefined) {
    const next = statusAfter(c.status, action, { approved: action === 'review' ? (body as EnforcementActionBodies['review']).approved : undefined });
    if (next !== c.status) patch.status = next;
  }
  // whoever works the case is one of its officers (and so may not review it)
  if (action !== 'review' && !c.officer_ids.includes(p.accountId)) patch.officer_ids = [...c.officer_ids, p.accountId];
  await store.updateCase(tx, c.id, patch, now);
  if (action === 'close' && c.case_id) {
    const calendar = opts.calendar ?? await new WorkingCalendarCache(tx).current();
    const handedIn = await applyCaseActionIn(tx, c.case_id, { action: HAND_IN, note: `执法案件 ${c.number} 已结案` },
      actorOf(p), null, p.name, now, calendar, { ifAllowed: true });
    step.data.handedIn = handedIn !== null;
  }
  await store.appendEnforcementEvent(tx, {
    caseId: c.id, at: now, actor: { id: p.accountId, name: p.name }, action, data: { ...step.data, status: patch.status ?? c.status }, requestKey,
  });
  await appendAudit(tx, {
    at: now, actorId: p.accountId, actorName: p.name, ip: opts.ip ?? null, action: AUDIT_ACTION[action],
    targetType: 'enforcement_case', targetId: c.id, success: true, detail: { number: c.number, from: c.status, to: patch.status ?? c.status, ...step.audit },
  });
  return { id: c.id, repeated: false };
}

function lifecycleRefusal(code: NonNullable<ReturnType<typeof enforcementActionRefusal>>, status: string, action: string): AppError {
  switch (code) {
    case 'ENFORCEMENT_REVIEW_REQUIRED':
      return new AppError(code, 'A decision needs legal review (法制审核) approved first.', '作出处罚决定前须经法制审核通过。', { status, action });
    case 'ENFORCEMENT_INVALID':
      return action === 'pay'
        ? enforcementInvalid('Only a fine is paid; a warning or a confiscation is executed.', '只有罚款需要缴款；警告、没收请选择执行。', { status, action })
        : enforcementInvalid('A fine is paid, not executed; a decision of no penalty is closed directly.', '罚款请登记缴款；不予处罚的可直接结案。', { status, action });
    case 'ENFORCEMENT_STATE_CONFLICT':
      return stateConflict(`The case is ${status}: ${action} is not possible now.`, `案件当前状态下不能执行此操作。`, { status, action });
    default: { const never: never = code; throw new Error(`unknown refusal ${String(never)}`); }
  }
}

interface Step {
  patch: store.CasePatch;
  /** the event's data (the timeline) */
  data: Record<string, unknown>;
  /** the audit row's detail beyond number and statuses */
  audit: Record<string, unknown>;
}

async function stepOf(tx: Tx, c: store.EnforcementCaseRow, p: Principal, action: EnforcementAction, body: never, now: Date): Promise<Step> {
  switch (action) {
    case 'update-facts': {
      const { facts } = body as EnforcementActionBodies['update-facts'];
      const matter = (await findMatterByCode(tx, c.matter_code))!;
      const proposal = proposeBenchmark(matter.body, facts);
      if (!proposal.ok) throw proposalRefusal(proposal);
      const b = proposal.benchmark;
      const proposed: store.ProposedBand = { benchmarkKey: b.key, name: b.name, penalty: b.penalty, description: b.description };
      return {
        patch: { facts, proposed },
        data: { benchmarkKey: b.key, benchmarkName: b.name, before: c.proposed.benchmarkKey },
        audit: { proposed: b.key },
      };
    }
    case 'add-evidence': {
      const e = body as EnforcementActionBodies['add-evidence'];
      if ((e.kind === 'photo' || e.kind === 'video') && !e.fileHash) {
        throw enforcementInvalid('A photo or a video needs the uploaded file\'s hash.', '照片、视频证据须先上传文件。', { field: 'fileHash' });
      }
      if (!e.fileHash && !e.text) throw enforcementInvalid('Evidence needs a file or its text.', '证据须上传文件或填写内容。', { field: 'text' });
      if (e.fileHash) await checkPhotos(tx, [e.fileHash]);
      const takenAt = e.takenAt ? new Date(e.takenAt) : now;
      if (Number.isNaN(takenAt.getTime()) || takenAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
        throw enforcementInvalid('takenAt is not a time, or lies in the future.', '取证时间有误（不能晚于当前时间）。', { field: 'takenAt' });
      }
      if ((e.lng === undefined) !== (e.lat === undefined)) throw enforcementInvalid('Give lng and lat together.', '经度和纬度须同时填写。', { field: 'lng' });
      const evidenceId = await store.insertEvidence(tx, {
        case_id: c.id, kind: e.kind, file_hash: e.fileHash ?? null, text: e.text ?? null, note: e.note ?? null, taken_at: takenAt,
        lng: e.lng ?? null, lat: e.lat ?? null, by_account: p.accountId, created_at: now,
      });
      return { patch: {}, data: { evidenceId, kind: e.kind }, audit: { evidenceId, kind: e.kind } };
    }
    case 'confirm-band': {
      const b = body as EnforcementActionBodies['confirm-band'];
      const matter = (await findMatterByCode(tx, c.matter_code))!;
      const chosen = { benchmarkKey: b.benchmarkKey, penalty: { kind: b.penalty.kind, fineYuan: b.penalty.fineYuan ?? null } };
      const refused = penaltyRefusals(matter.body, chosen);
      if (refused.zh.length > 0) throw enforcementInvalid(`${refused.en.join('; ')}.`, `${refused.zh.join('；')}。`, { reasons: refused.zh });
      const departure = penaltyDeparture(matter.body, c.proposed.benchmarkKey, chosen);
      const reason = b.departureReason?.trim() || null;
      if (departure.departs && !reason) {
        throw new AppError('ENFORCEMENT_DEPARTURE_REASON_REQUIRED',
          `The penalty departs from the proposed benchmark (${departure.reasonsEn.join('; ')}): give the reason.`,
          `处罚偏离建议的裁量基准（${departure.reasons.join('；')}），请填写偏离理由。`, { reasons: departure.reasons });
      }
      const picked = matter.body.benchmarks.find((x) => x.key === b.benchmarkKey)!;
      const confirmed: store.ConfirmedBand = { benchmarkKey: picked.key, name: picked.name, penalty: chosen.penalty, departureReasons: departure.reasons };
      return {
        patch: { confirmed, departure: departure.departs, departure_reason: departure.departs ? reason : null },
        data: { benchmarkKey: picked.key, benchmarkName: picked.name, penalty: chosen.penalty, departure: departure.departs, departureReason: departure.departs ? reason : null },
        audit: { benchmarkKey: picked.key, penalty: chosen.penalty, departure: departure.departs },
      };
    }
    case 'review': {
      const r = body as EnforcementActionBodies['review'];
      const review: store.ReviewRecord = { by: p.accountId, byName: p.name, at: now.toISOString(), approved: r.approved, opinion: r.opinion.trim() };
      return {
        patch: r.approved ? { review } : { review, review_returns: c.review_returns + 1 },
        data: { approved: r.approved, opinion: review.opinion },
        audit: { approved: r.approved },
      };
    }
    case 'decide': {
      if (!c.confirmed) throw stateConflict('The band is not confirmed.', '尚未确认裁量幅度。');
      const town = await store.townOf(tx, c.town_id);
      const { period, seq } = await nextDocumentSeq(tx, 'decision', c.town_id, now);
      const number = decisionNumber(town.name, period, seq);
      const decision: store.DecisionRecord = { number, at: now.toISOString(), penalty: c.confirmed.penalty, text: penaltyText(c.confirmed.penalty) };
      return { patch: { decision, decided_at: now }, data: { number, penalty: decision.penalty }, audit: { decisionNumber: number } };
    }
    case 'pay': {
      const b = body as EnforcementActionBodies['pay'];
      const due = c.decision?.penalty.fineYuan ?? null;
      if (due !== null && b.amountYuan !== due) {
        throw enforcementInvalid(`The amount paid must be the fine decided (${due} yuan).`, `缴款金额应与处罚决定的罚款金额一致（${due}元）。`, { field: 'amountYuan', due });
      }
      const execution: store.ExecutionRecord = { kind: 'paid', at: now.toISOString(), receiptNo: b.receiptNo.trim(), amountYuan: b.amountYuan, note: null };
      return { patch: { execution }, data: { receiptNo: execution.receiptNo, amountYuan: b.amountYuan }, audit: { receiptNo: execution.receiptNo, amountYuan: b.amountYuan } };
    }
    case 'execute': {
      const b = body as EnforcementActionBodies['execute'];
      const execution: store.ExecutionRecord = { kind: 'executed', at: now.toISOString(), receiptNo: null, amountYuan: null, note: b.note.trim() };
      return { patch: { execution }, data: { note: execution.note }, audit: {} };
    }
    case 'close': {
      const b = body as EnforcementActionBodies['close'];
      return { patch: { closed_at: now }, data: { note: b.note?.trim() || null }, audit: {} };
    }
    case 'drop': {
      const b = body as EnforcementActionBodies['drop'];
      return { patch: { drop_reason: b.reason.trim() }, data: { reason: b.reason.trim() }, audit: { reason: b.reason.trim() } };
    }
    default: { const never: never = action; throw new Error(`unknown action ${String(never)}`); }
  }
}

/** 春晖综执罚决字〔2026〕第12号: the town's short name (its first two characters), the year, the yearly sequence. */
export function decisionNumber(townName: string, year: string, seq: number): string {
  return `${[...townName].slice(0, 2).join('')}综执罚决字〔${year}〕第${seq}号`;
}

/** The penalty as the decision states it. */
export function penaltyText(penalty: { kind: keyof typeof PENALTY_KIND_NAMES; fineYuan: number | null }): string {
  switch (penalty.kind) {
    case 'none': return '不予行政处罚，责令改正';
    case 'warning': return '警告';
    case 'fine': return `罚款人民币${penalty.fineYuan ?? 0}元`;
    case 'confiscation': return PENALTY_KIND_NAMES.confiscation.zh;
    default: return PENALTY_KIND_NAMES[penalty.kind as keyof typeof PENALTY_KIND_NAMES]?.zh ?? String(penalty.kind);
  }
}
