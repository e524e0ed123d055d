import type { Static } from '@sinclair/typebox';
import type { Tx } from '../platform/db/db.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import { forbidden, notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { parseIdNumber } from '../../domain/registry/id-number.ts';
import { maskIdNumber, maskPhone } from '../../domain/registry/mask.ts';
import { normalisePhone } from '../../domain/registry/phone.ts';
import type { TagDefinition } from '../../domain/registry/tags.ts';
import { inReach, reachableGrid, type GridRow } from './reach.ts';
import * as store from './store.ts';
import { createRecord, recordChange, diff, type RegistryActor } from './change-log.ts';
import { idNumberInvalid, idNumberTaken, invalid, isUniqueViolation, phoneInvalid, stale } from './refusals.ts';
import { spell } from './spelling.ts';
import type * as s from './schemas.ts';

/* Residents: add, change, leave (moved away, died), and the audited reveal of a phone or an ID number. */

/** The day in China (UTC+8), YYYY-MM-DD: ID numbers born after it are refused. */
export const shanghaiDay = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** What the history keeps of a resident: personal fields masked. */
export function residentSnapshot(r: Pick<store.ResidentRow, 'name' | 'id_number_masked' | 'phone_masked' | 'gender' | 'birth_date' | 'household_id' | 'relation' | 'grid_id' | 'tags' | 'party_member' | 'note'>): Record<string, unknown> {
  return {
    name: r.name, idNumber: r.id_number_masked, phone: r.phone_masked, gender: r.gender, birthDate: r.birth_date,
    householdId: r.household_id, relation: r.relation, gridId: r.grid_id, tags: r.tags, partyMember: r.party_member, note: r.note,
  };
}

interface IdNumberFields { id_number: string; id_number_hash: string; id_number_masked: string; gender: 'male' | 'female'; birth_date: string }

/** The checked ID number, sealed, hashed and masked, with what it says (birth date, gender); refusals 422 / 409. */
async function idNumberFields(tx: Tx, pii: PiiCipher, who: RegistryActor, raw: string, selfId: string | null,
  given: { gender?: string | undefined; birthDate?: string | undefined }): Promise<IdNumberFields> {
  const parsed = parseIdNumber(raw, shanghaiDay(who.now));
  if (!parsed.ok) throw idNumberInvalid(parsed.code);
  if ((given.gender && given.gender !== parsed.gender) || (given.birthDate && given.birthDate !== parsed.birthDate)) {
    throw invalid('The gender or birth date does not agree with the ID number.', '性别或出生日期与身份证号不一致。',
      { field: given.gender && given.gender !== parsed.gender ? 'gender' : 'birthDate' });
  }
  const hash = pii.lookupHash(parsed.idNumber);
  const existing = await store.findResidentByIdNumberHash(tx, hash);
  if (existing && existing.id !== selfId) throw idNumberTaken(inReach(who.reach, existing) ? existing.id : null);
  return {
    id_number: pii.encrypt(parsed.idNumber), id_number_hash: hash, id_number_masked: maskIdNumber(parsed.idNumber),
    gender: parsed.gender, birth_date: parsed.birthDate,
  };
}

function phoneFields(pii: PiiCipher, raw: string | null) {
  if (raw === null || raw.trim() === '') return { phone: null, phone_hash: null, phone_masked: null };
  const phone = normalisePhone(raw);
  if (phone === null) throw phoneInvalid();
  return { phone: pii.encrypt(phone), phone_hash: pii.lookupHash(phone), phone_masked: maskPhone(phone) };
}

/** Tags from the catalog; a sensitive one only from a carer (others keep the sensitive tags the record has). */
function checkedTags(given: readonly string[], kept: readonly string[], catalog: readonly TagDefinition[], carer: boolean): string[] {
  const unknown = given.filter((c) => !catalog.some((t) => t.code === c));
  if (unknown.length > 0) throw invalid(`Unknown tags: ${unknown.join(', ')}.`, `标签不存在：${unknown.join('、')}。`, { field: 'tags', unknown });
  const sensitive = (c: string) => catalog.find((t) => t.code === c)?.sensitive !== false;
  if (!carer && given.some(sensitive)) {
    throw invalid('Sensitive tags are set by community staff and grid workers only.', '敏感标签仅可由社区工作人员或网格员设置。', { field: 'tags' });
  }
  const keptHidden = carer ? [] : kept.filter(sensitive);
  return [...new Set([...given, ...keptHidden])];
}

type HouseholdRef = { id: string; grid_id: string; org_path: string; town_id: string; head_resident_id: string | null; grid_name: string };

async function householdOf(tx: Tx, who: RegistryActor, id: string): Promise<HouseholdRef> {
  const h = await store.findHouseholdRecord(tx, who.reach, id, true);
  if (!h) throw notFound('household');
  return h;
}

const gridOf = (h: HouseholdRef): GridRow => ({ id: h.grid_id, path: h.org_path, name: h.grid_name, town_id: h.town_id });

async function idNumberGuarded(run: () => Promise<string>): Promise<string> {
  try {
    return await run();
  } catch (e) {
    if (isUniqueViolation(e, 'registry_residents_id_number')) throw idNumberTaken(null);
    throw e;
  }
}

export async function createResident(tx: Tx, pii: PiiCipher, who: RegistryActor, catalog: readonly TagDefinition[],
  body: Static<typeof s.ResidentBody>): Promise<string> {
  const household = body.householdId ? await householdOf(tx, who, body.householdId) : null;
  if (!household && !body.gridId) {
    throw invalid('Name the resident\'s household or grid (gridId).', '请选择居民所属的户或网格。', { field: 'householdId' });
  }
  const grid = household ? gridOf(household) : await reachableGrid(tx, who.reach, body.gridId!);
  const id = await idNumberFields(tx, pii, who, body.idNumber, null, body);
  const name = body.name.trim();
  const spelled = spell(name);
  const row = {
    town_id: grid.town_id, grid_id: grid.id, org_path: grid.path, household_id: household?.id ?? null,
    relation: household ? (body.relation ?? null) : null, name, name_pinyin: spelled.pinyin, name_initials: spelled.initials,
    ...id, ...phoneFields(pii, body.phone ?? null),
    tags: checkedTags(body.tags ?? [], [], catalog, who.reach.carer), party_member: body.partyMember ?? false,
    note: body.note ?? null, created_at: who.now, updated_at: who.now,
  };
  const residentId = await idNumberGuarded(() => createRecord(tx, who, 'registry_residents', row, {
    kind: 'resident', householdId: household?.id ?? null, orgPath: grid.path, action: 'create', before: null, after: residentSnapshot(row),
  }));
  if (household && row.relation === 'head' && household.head_resident_id === null) {
    await tx.query('update registry_households set head_resident_id = $2 where id = $1', [household.id, residentId]);
  }
  return residentId;
}

async function residentForChange(tx: Tx, who: RegistryActor, id: string, version: number | undefined): Promise<store.ResidentRow> {
  const r = await store.findResident(tx, who.reach, id, true);
  if (!r) throw notFound('resident');
  if (version !== undefined && r.version !== version) throw stale();
  if (r.left_at !== null) throw invalid('This resident has left the registry (moved away or died).', '该居民已迁出或去世，不能修改。');
  return r;
}

export async function updateResident(tx: Tx, pii: PiiCipher, who: RegistryActor, catalog: readonly TagDefinition[],
  id: string, patch: Static<typeof s.ResidentPatch>): Promise<void> {
  const r = await residentForChange(tx, who, id, patch.version);
  const set: Record<string, unknown> = {};
  if (patch.name !== undefined) {
    const spelled = spell(patch.name.trim());
    Object.assign(set, { name: patch.name.trim(), name_pinyin: spelled.pinyin, name_initials: spelled.initials });
  }
  if (patch.idNumber !== undefined) Object.assign(set, await idNumberFields(tx, pii, who, patch.idNumber, r.id, {}));
  if (patch.phone !== undefined) Object.assign(set, phoneFields(pii, patch.phone));
  if (patch.tags !== undefined) set.tags = checkedTags(patch.tags, r.tags, catalog, who.reach.carer);
  if (patch.partyMember !== undefined) set.party_member = patch.partyMember;
  if (patch.note !== undefined) set.note = patch.note;
  if (patch.relation !== undefined) set.relation = patch.relation;
  let householdId = r.household_id;
  if (patch.householdId !== undefined && patch.householdId !== r.household_id) {
    householdId = patch.householdId;
    if (patch.householdId === null) {
      set.household_id = null;
      set.relation = null;
    } else {
      const h = await householdOf(tx, who, patch.householdId);
      Object.assign(set, { household_id: h.id, grid_id: h.grid_id, org_path: h.org_path, town_id: h.town_id });
    }
    if (r.household_id) await tx.query('update registry_households set head_resident_id = null where id = $1 and head_resident_id = $2', [r.household_id, r.id]);
  }
  if (patch.gridId !== undefined && patch.gridId !== r.grid_id) {
    if ((set.household_id ?? r.household_id) !== null) {
      throw invalid('A member of a household lives in its household\'s grid: move the household instead.', '户内成员随户所在网格，请调整户的网格。', { field: 'gridId' });
    }
    const g = await reachableGrid(tx, who.reach, patch.gridId);
    Object.assign(set, { grid_id: g.id, org_path: g.path, town_id: g.town_id });
  }
  if (Object.keys(set).length === 0) return;
  try {
    if (!(await store.updateVersioned(tx, 'registry_residents', r.id, r.version, set, who.now))) throw stale();
  } catch (e) {
    if (isUniqueViolation(e, 'registry_residents_id_number')) throw idNumberTaken(null);
    throw e;
  }
  const after = { ...r, ...set } as store.ResidentRow;
  const change = diff(residentSnapshot(r), residentSnapshot(after));
  await recordChange(tx, who, {
    kind: 'resident', id: r.id, householdId, orgPath: after.org_path, action: 'update', ...change,
  });
  if (r.household_id && r.household_id !== householdId) {
    await recordChange(tx, who, { kind: 'resident', id: r.id, householdId: r.household_id, orgPath: r.org_path, action: 'moveOut', before: { householdId: r.household_id }, after: { householdId } });
  }
}

export async function leaveResident(tx: Tx, who: RegistryActor, id: string, body: Static<typeof s.LeaveBody>): Promise<void> {
  const r = await residentForChange(tx, who, id, body.version);
  const reason = body.note ? `${body.reason}: ${body.note}` : body.reason;
  if (!(await store.updateVersioned(tx, 'registry_residents', r.id, r.version, { left_at: who.now, left_reason: reason }, who.now))) throw stale();
  if (r.household_id) await tx.query('update registry_households set head_resident_id = null where id = $1 and head_resident_id = $2', [r.household_id, r.id]);
  await recordChange(tx, who, {
    kind: 'resident', id: r.id, householdId: r.household_id, orgPath: r.org_path, action: 'leave', reason,
    before: { leftAt: null }, after: { leftAt: who.now.toISOString(), leftReason: reason },
  });
}

/**
 * A resident's phone (carers: community staff and grid workers) or ID number (ID_NUMBER_READERS) whole, audited in
 * the same transaction; any other caller in reach 403.
 */
export async function revealResident(tx: Tx, pii: PiiCipher, who: RegistryActor, id: string, field: 'phone' | 'idNumber'): Promise<string | null> {
  const r = await store.findResident(tx, who.reach, id);
  if (!r) throw notFound('resident');
  if (field === 'phone' ? !who.reach.carer : !who.reach.idReader) throw forbidden();
  const sealed = field === 'phone' ? r.phone : r.id_number;
  const value = sealed === null ? null : pii.tryDecrypt(sealed);
  await appendAudit(tx, {
    at: who.now, actorId: who.reach.accountId, actorName: who.reach.username, ip: who.ip, action: 'registry.resident.reveal',
    targetType: 'registry_resident', targetId: r.id, success: true, detail: { field },
  });
  return value;
}
