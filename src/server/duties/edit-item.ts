import type { Tx } from '../platform/db/db.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { notFound } from '../platform/errors.ts';
import { dutyItemProblems } from '../../domain/duties/admission.ts';
import { findTownOfUnit, type TownRow } from '../org/town-store.ts';
import { editsTown, type DutyActor } from './duty-reach.ts';
import { itemInvalid, itemStale, reasonMissing } from './refusals.ts';
import type { ItemPatchT } from './schemas.ts';
import * as store from './store.ts';

const blankToNull = (s: string | null | undefined) => (s === null || s === undefined || s.trim() === '' ? null : s.trim());

async function editable(tx: Tx, a: DutyActor, id: string): Promise<{ item: store.ItemRow; town: TownRow }> {
  const item = await store.findItem(tx, id, true);
  const town = item ? await findTownOfUnit(tx, item.town_id) : null;
  if (!item || !town || !editsTown(a, town)) throw notFound('duty item');
  return { item, town };
}

/**
 * The town's office corrects an item's text (name, description, basis, department). Its list type, level and burden
 * stay: more work at a level is a new admission, never an edit. Stale version 409; audited.
 */
export async function editItem(tx: Tx, a: DutyActor, id: string, patch: ItemPatchT): Promise<void> {
  const { item } = await editable(tx, a, id);
  const next = {
    name: (patch.name ?? item.name).trim(), basis: (patch.basis ?? item.basis).trim(),
    description: patch.description === undefined ? item.description : blankToNull(patch.description),
    department: patch.department === undefined ? item.department : blankToNull(patch.department),
  };
  const problems = dutyItemProblems({ ...next, listType: item.list_type });
  if (problems.length > 0) throw itemInvalid(problems);
  if (item.version !== patch.version || !(await store.updateItemText(tx, item.id, patch.version, next))) throw itemStale();
  const fields = (['name', 'description', 'basis', 'department'] as const).filter((k) => next[k] !== item[k]);
  await appendAudit(tx, {
    at: a.now, actorId: a.accountId, actorName: a.username, ip: a.ip, action: 'duty.item.update', targetType: 'duty_item', targetId: item.id,
    success: true, detail: { townId: item.town_id, code: item.code, fields },
  });
}

/** The town's office takes an item out of its catalog, with the reason; it stays in the history and the trend. */
export async function retireItem(tx: Tx, a: DutyActor, id: string, version: number, reason: string): Promise<void> {
  const { item } = await editable(tx, a, id);
  if (reason.trim() === '') throw reasonMissing();
  if (item.version !== version || !(await store.retireItem(tx, item.id, version, a.now, reason.trim()))) throw itemStale();
  await appendAudit(tx, {
    at: a.now, actorId: a.accountId, actorName: a.username, ip: a.ip, action: 'duty.item.retire', targetType: 'duty_item', targetId: item.id,
    success: true, detail: { townId: item.town_id, code: item.code, level: item.level, reason: reason.trim() },
  });
}
