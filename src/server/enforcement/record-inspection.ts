import type { Db } from '../platform/db/db.ts';
import type { Principal } from '../platform/auth.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { IntakeServices } from '../cases/report-case.ts';
import { openEnforcementCaseIn } from './open-case.ts';
import type { RecordInspectionBody } from './inspection-schemas.ts';
import { departmentsOf, visitsSaved } from './inspection-presenters.ts';
import * as store from './inspection-store.ts';

const invalid = (en: string, zh: string, details?: Record<string, unknown>) => new AppError('INSPECTION_INVALID', en, zh, details);

/**
 * The answers to a planned inspection's checklists, checked against what it holds: every checklist answered once and
 * every item of it answered, in order. Answers the checklists with their results, or throws 422 INSPECTION_INVALID
 * naming the checklist. Pure.
 */
export function answeredChecklists(held: readonly store.HeldChecklist[], results: RecordInspectionBody['results']): store.HeldChecklist[] {
  const heldIds = new Set(held.map((c) => c.checklistId));
  const unknown = results.filter((r) => !heldIds.has(r.checklistId)).map((r) => r.checklistId);
  if (unknown.length > 0) throw invalid('Answers to checklists the inspection does not hold.', '提交的检查表不属于本次联合检查。', { unknown });
  const byId = new Map<string, RecordInspectionBody['results'][number]>();
  for (const r of results) {
    if (byId.has(r.checklistId)) throw invalid('A checklist is answered twice.', '同一检查表提交了两次。', { checklistId: r.checklistId });
    byId.set(r.checklistId, r);
  }
  return held.map((c) => {
    const answer = byId.get(c.checklistId);
    if (!answer || answer.items.length !== c.items.length) {
      throw invalid(`Answer every item of ${c.department}'s checklist (${c.items.length} items).`,
        `请逐项填写「${c.department} · ${c.title}」的全部 ${c.items.length} 个检查项。`, { checklistId: c.checklistId, items: c.items.length });
    }
    return { ...c, items: c.items.map((item, i) => ({ text: item.text, result: answer.items[i]!.result, note: answer.items[i]!.note?.trim() || null })) };
  });
}

/**
 * Records a planned joint inspection's results, all or nothing, in ONE transaction: every item of every checklist
 * answered (422 INSPECTION_INVALID naming the checklist), the findings, done_at, the audit row with the visits saved,
 * and — when `openCase` is given — an enforcement case opened from the inspection through openEnforcementCaseIn (facts
 * checked by the benchmarks: a missing fact refuses the whole recording, nothing written). A done or cancelled
 * inspection → 409 INSPECTION_STATE_CONFLICT, except a retry with the recording's Idempotency-Key, which answers it.
 */
export async function recordInspection(
  db: Db, services: IntakeServices, principal: Principal, id: string, body: RecordInspectionBody, now: Date, requestKey: string | null, ip: string | null,
): Promise<{ inspectionId: string; openedCase: { id: string; number: string } | null; created: boolean }> {
  const scopePath = principal.scopePath;
  if (scopePath === null) throw notFound('inspection');
  // the grid map is resolved outside the transaction: PGlite runs one connection, a read of it from inside would wait forever
  const located = body.openCase ? { pii: services.pii, locator: await services.locator.current() } : null;
  return db.transaction(async (tx) => {
    const row = await store.findInspection(tx, id, scopePath, true);
    if (!row) throw notFound('inspection');
    if (row.status === 'done' && requestKey !== null && row.done_request_key === requestKey) {
      const [first] = await store.listCasesOf(tx, [row.id]);
      return { inspectionId: row.id, openedCase: first ? { id: first.id, number: first.number } : null, created: false };
    }
    if (row.status !== 'planned') {
      throw new AppError('INSPECTION_STATE_CONFLICT', `The inspection is ${row.status}: its results are recorded once.`,
        row.status === 'done' ? '该联合检查已完成，结果不能重复登记。' : '该联合检查已取消。');
    }
    const checklists = answeredChecklists(row.checklists, body.results);
    const findings = body.findings?.trim() || null;
    await store.saveResults(tx, row.id, { checklists, findings, doneAt: now, doneBy: principal.accountId, requestKey });
    const issues = checklists.reduce((n, c) => n + c.items.filter((i) => i.result === 'issue').length, 0);
    await appendAudit(tx, {
      at: now, actorId: principal.accountId, actorName: principal.name, ip, action: 'inspection.record', targetType: 'joint_inspection',
      targetId: row.id, success: true,
      detail: { number: row.number, departments: departmentsOf(checklists), issues, visitsSaved: visitsSaved('done', checklists), openCase: body.openCase?.matterCode ?? null },
    });
    let openedCase: { id: string; number: string } | null = null;
    if (body.openCase && located) {
      const oc = body.openCase;
      // the inspected firm is the subject unless another is named (its credit code from the registry place)
      const creditCode = oc.subject ? null : await store.placeCreditCode(tx, row.place_id);
      const opened = await openEnforcementCaseIn(tx, located, principal, {
        matterCode: oc.matterCode, facts: oc.facts, inspectionId: row.id, description: oc.description,
        subject: oc.subject ?? { kind: 'firm', name: row.subject_name, address: row.address, creditCode },
      }, now, requestKey ? `${requestKey}:case` : null);
      const [c] = (await store.listCasesOf(tx, [row.id])).filter((x) => x.id === opened.id);
      openedCase = c ? { id: c.id, number: c.number } : null;
    }
    return { inspectionId: row.id, openedCase, created: true };
  });
}
