import type { Tx } from '../platform/db/db.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { forbidden } from '../platform/errors.ts';
import { dutyItemProblems, mayRequestAt } from '../../domain/duties/admission.ts';
import type { TownRow } from '../org/town-store.ts';
import type { DutyActor } from './duty-reach.ts';
import { itemInvalid, levelAboveRequester } from './refusals.ts';
import type { AdmissionBodyT } from './schemas.ts';
import * as store from './store.ts';

const blankToNull = (s: string | null | undefined) => (s === null || s === undefined || s.trim() === '' ? null : s.trim());

/**
 * Files a request (清单准入) for a new duty at a level of a town: pending until the town's office decides. Only at the
 * requester's level or below (403); an item with a blank name or basis, or without the department it assists or was
 * withdrawn to, is refused (422). The same Idempotency-Key of the same account answers the first request. Audited.
 */
export async function requestAdmission(tx: Tx, a: DutyActor, town: TownRow, body: AdmissionBodyT, key: string | null): Promise<string> {
  if (!a.requester) throw forbidden();
  if (!mayRequestAt(a.scope.level, body.level)) throw levelAboveRequester();
  const problems = dutyItemProblems(body.item);
  if (problems.length > 0) throw itemInvalid(problems);
  if (key !== null) {
    const first = await store.findAdmissionByKey(tx, a.accountId, key);
    if (first) return first;
  }
  const item = {
    name: body.item.name.trim(), listType: body.item.listType, basis: body.item.basis.trim(), description: blankToNull(body.item.description),
    department: blankToNull(body.item.department), dutyCode: body.item.dutyCode ?? null, minutesPerVisit: body.item.minutesPerVisit,
  };
  const id = await store.insertAdmission(tx, {
    town_id: town.id, level: body.level, item, reason: body.reason.trim(), visits_per_month: body.burden,
    requested_by: a.accountId, requested_by_name: a.name, requester_unit: a.unitName, request_key: key, created_at: a.now,
  });
  await appendAudit(tx, {
    at: a.now, actorId: a.accountId, actorName: a.username, ip: a.ip, action: 'duty.admission.request', targetType: 'duty_admission', targetId: id,
    success: true, detail: { townId: town.id, level: body.level, listType: item.listType, name: item.name, visitsPerMonth: body.burden },
  });
  return id;
}
