import type { Tx } from '../platform/db/db.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { notFound } from '../platform/errors.ts';
import { decideAdmission as decide, nextItemCode, type AdmissionDecision } from '../../domain/duties/admission.ts';
import { findTownOfUnit, type TownRow } from '../org/town-store.ts';
import { editsTown, type DutyActor } from './duty-reach.ts';
import { admissionDecided, noteMissing } from './refusals.ts';
import * as store from './store.ts';

/** The audit entry of a decision names it (the audit log's page has a name for each). */
interface DecisionAudit { action: 'duty.admission.approve' | 'duty.admission.refuse' }

/**
 * The town's office decides a request: approved, the item enters the catalog at its level with who approved it, when,
 * and the admission it came through (the only way a new item enters); refused, with the reason. A request decided
 * already is 409 ADMISSION_DECIDED. Deciders are the editors whose scope holds the town (others 404). Audited.
 */
export async function decideAdmission(tx: Tx, a: DutyActor, id: string, decision: AdmissionDecision, note: string | null): Promise<TownRow> {
  await store.lockAdmission(tx, id);
  const adm = await store.findAdmission(tx, id);
  const town = adm ? await findTownOfUnit(tx, adm.town_id) : null;
  if (!adm || !town || !editsTown(a, town)) throw notFound('admission');
  const verdict = decide(adm.status, decision, note);
  if (!verdict.ok) throw verdict.refusal === 'decided' ? admissionDecided() : noteMissing();
  let itemId: string | null = null;
  let code: string | null = null;
  if (verdict.status === 'approved') {
    // one approval at a time per town picks the next code
    await store.lockTownCatalog(tx, town.id);
    code = nextItemCode(adm.level, await store.itemCodes(tx, town.id));
    itemId = await store.insertItem(tx, {
      town_id: town.id, level: adm.level, list_type: adm.item.listType, code, name: adm.item.name, description: adm.item.description,
      basis: adm.item.basis, department: adm.item.department, duty_code: adm.item.dutyCode, visits_per_month: adm.visits_per_month,
      minutes_per_visit: adm.item.minutesPerVisit, admission_id: adm.id, approved_by: a.accountId, approved_by_name: a.name,
      approved_at: a.now, created_at: a.now,
    });
  }
  const trimmed = note === null || note.trim() === '' ? null : note.trim();
  await store.saveDecision(tx, adm.id, { status: verdict.status, by: a.accountId, byName: a.name, at: a.now, note: trimmed, itemId });
  const audited: DecisionAudit = { action: decision === 'approve' ? 'duty.admission.approve' : 'duty.admission.refuse' };
  await appendAudit(tx, {
    at: a.now, actorId: a.accountId, actorName: a.username, ip: a.ip, action: audited.action, targetType: 'duty_admission', targetId: adm.id,
    success: true, detail: { townId: town.id, level: adm.level, name: adm.item.name, ...(itemId ? { itemId, code } : {}), ...(trimmed ? { note: trimmed } : {}) },
  });
  return town;
}
