import type { Db } from '../platform/db/db.ts';
import { forbidden, notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { reportCase, type IntakeServices } from '../cases/report-case.ts';
import { holdsAnyRole } from '../../shared/roles.ts';
import type { Principal } from '../platform/auth.ts';
import type { VisitCaseBodyT } from './schemas.ts';
import type { TaskActorCtx } from './complete-task.ts';
import { visitInvalid } from './record-visit.ts';
import * as store from './visit-store.ts';

/**
 * A visit's finding becomes a case in one tap: the intake command (report-case.ts) with the subject's building (or the
 * visit's position) as the location, its address, the grid it lies in, the findings as the description unless one is
 * given, and the visit's photos; then the visit names the case. The intake's own idempotency key is the visit, so a
 * retry — also one cut off between the two steps — answers the same case, and a visit becomes at most one case.
 */
export async function reportVisitCase(db: Db, services: IntakeServices, who: TaskActorCtx, p: Principal, visitId: string, body: VisitCaseBodyT): Promise<{ caseId: string; number: string }> {
  const v = await store.findVisit(db, who.reach, visitId);
  if (!v) throw notFound('visit');
  if (v.case_id) return { caseId: v.case_id, number: v.case_number ?? '' };
  if (v.visitor_id !== who.reach.accountId && !(who.reach.doer && who.reach.gridIds === null)) throw forbidden();
  const location = v.target_lng !== null && v.target_lat !== null ? { lng: Number(v.target_lng), lat: Number(v.target_lat) }
    : v.lng !== null && v.lat !== null ? { lng: Number(v.lng), lat: Number(v.lat) } : null;
  if (!location) throw visitInvalid('Neither the visit nor its subject has a place to report the case at.', '走访对象和走访记录都没有位置，无法上报事件。', { field: 'location' });
  const description = (body.description ?? v.findings ?? '').trim();
  if (description === '') throw visitInvalid('Say what was found: the visit recorded no findings.', '请填写发现的问题：该走访没有记录发现。', { field: 'description' });
  const kind = holdsAnyRole(p.roles, ['gridWorker']) ? 'gridWorker' as const : 'staff' as const;
  const reported = await reportCase(db, services, {
    categoryCode: body.categoryCode, description, location, ...(v.subject_address ? { address: v.subject_address } : {}),
    source: 'visit', photos: v.photos,
    reporter: { kind, accountId: p.accountId, name: p.name, phone: null }, actorName: p.name, actorId: p.accountId,
    idempotencyKey: `${p.accountId}:visit-case:${v.id}`,
  }, who.now);
  return db.transaction(async (tx) => {
    if (await store.setVisitCase(tx, v.id, reported.caseId)) {
      await appendAudit(tx, {
        at: who.now, actorId: p.accountId, actorName: p.name, ip: who.ip, action: 'visit.report_case', targetType: 'visit', targetId: v.id,
        success: true, detail: { caseId: reported.caseId, categoryCode: body.categoryCode },
      });
    }
    const again = await store.findVisit(tx, who.reach, v.id);
    return { caseId: again?.case_id ?? reported.caseId, number: again?.case_number ?? '' };
  });
}
