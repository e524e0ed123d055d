import type { Static } from '@sinclair/typebox';
import type { Tx } from '../platform/db/db.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import { forbidden, notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { maskPhone } from '../../domain/registry/mask.ts';
import { normalisePhone } from '../../domain/registry/phone.ts';
import { type LocatorSource, placeRecord } from './reach.ts';
import * as store from './store.ts';
import * as sites from './place-thing-store.ts';
import { createRecord, diff, recordChange, type RegistryActor } from './change-log.ts';
import { invalid, phoneInvalid, stale } from './refusals.ts';
import { shanghaiDay } from './save-resident.ts';
import { spell } from './spelling.ts';
import type * as s from './schemas.ts';

/* Places (shops, enterprises, schools …) and things (risk points, facilities) with their inspections. */

const PLACE_COLUMNS = [['kind', 'kind'], ['name', 'name'], ['address', 'address'], ['creditCode', 'credit_code'], ['contactName', 'contact_name'], ['note', 'note']] as const;
const THING_COLUMNS = [['kind', 'kind'], ['name', 'name'], ['address', 'address'], ['riskLevel', 'risk_level'], ['inspectionEveryDays', 'inspection_every_days'], ['note', 'note']] as const;

const placeSnapshot = (p: Record<string, unknown>) => ({
  kind: p.kind, name: p.name, address: p.address, lng: p.lng, lat: p.lat, buildingId: p.building_id, creditCode: p.credit_code,
  contactName: p.contact_name, contactPhone: p.contact_phone_masked, gridId: p.grid_id, note: p.note,
});
const thingSnapshot = (t: Record<string, unknown>) => ({
  kind: t.kind, name: t.name, address: t.address, lng: t.lng, lat: t.lat, buildingId: t.building_id, riskLevel: t.risk_level,
  inspectionEveryDays: t.inspection_every_days, gridId: t.grid_id, note: t.note,
});

function contactPhone(pii: PiiCipher, raw: string | null) {
  if (raw === null || raw.trim() === '') return { contact_phone: null, contact_phone_hash: null, contact_phone_masked: null };
  const phone = normalisePhone(raw);
  if (phone === null) throw phoneInvalid();
  return { contact_phone: pii.encrypt(phone), contact_phone_hash: pii.lookupHash(phone), contact_phone_masked: maskPhone(phone) };
}

async function buildingRef(tx: Tx, who: RegistryActor, id: string | null | undefined): Promise<string | null> {
  if (!id) return null;
  const b = await store.findBuildingRecord(tx, who.reach, id);
  if (!b) throw notFound('building');
  return b.id;
}

export async function createPlace(tx: Tx, pii: PiiCipher, locator: LocatorSource, who: RegistryActor, body: Static<typeof s.PlaceBody>): Promise<string> {
  const grid = await placeRecord(tx, locator, who.reach, { gridId: body.gridId, location: body.location });
  const row: Record<string, unknown> = {
    town_id: grid.town_id, grid_id: grid.id, org_path: grid.path, name_initials: spell(body.name.trim()).initials,
    lng: body.location.lng, lat: body.location.lat, building_id: await buildingRef(tx, who, body.buildingId),
    ...contactPhone(pii, body.contactPhone ?? null), created_at: who.now, updated_at: who.now,
  };
  for (const [k, col] of PLACE_COLUMNS) row[col] = body[k] ?? null;
  row.name = body.name.trim();
  return createRecord(tx, who, 'registry_places', row, { kind: 'place', householdId: null, orgPath: grid.path, action: 'create', before: null, after: placeSnapshot(row) });
}

export async function updatePlace(tx: Tx, pii: PiiCipher, locator: LocatorSource, who: RegistryActor, id: string, patch: Static<typeof s.PlacePatch>): Promise<void> {
  const p = await sites.findPlace(tx, who.reach, id, true);
  if (!p) throw notFound('place');
  if (p.version !== patch.version) throw stale();
  const set: Record<string, unknown> = {};
  for (const [k, col] of PLACE_COLUMNS) if (patch[k] !== undefined) set[col] = patch[k];
  if (patch.name !== undefined) set.name_initials = spell(patch.name.trim()).initials;
  if (patch.contactPhone !== undefined) Object.assign(set, contactPhone(pii, patch.contactPhone));
  if (patch.buildingId !== undefined) set.building_id = await buildingRef(tx, who, patch.buildingId);
  if (patch.location) Object.assign(set, { lng: patch.location.lng, lat: patch.location.lat });
  if (patch.gridId !== undefined || patch.location) {
    const g = await placeRecord(tx, locator, who.reach, { gridId: patch.gridId, location: patch.location });
    if (g.id !== p.grid_id) Object.assign(set, { grid_id: g.id, org_path: g.path, town_id: g.town_id });
  }
  if (Object.keys(set).length === 0) return;
  if (!(await store.updateVersioned(tx, 'registry_places', p.id, p.version, set, who.now))) throw stale();
  const change = diff(placeSnapshot(p as unknown as Record<string, unknown>), placeSnapshot({ ...p, ...set }));
  await recordChange(tx, who, { kind: 'place', id: p.id, householdId: null, orgPath: (set.org_path as string | undefined) ?? p.org_path, action: 'update', ...change });
}

/** A place's contact phone whole, to carers (community staff, grid workers) only; audited in the same transaction. */
export async function revealPlacePhone(tx: Tx, pii: PiiCipher, who: RegistryActor, id: string): Promise<string | null> {
  const p = await sites.findPlace(tx, who.reach, id);
  if (!p) throw notFound('place');
  if (!who.reach.carer) throw forbidden();
  await appendAudit(tx, {
    at: who.now, actorId: who.reach.accountId, actorName: who.reach.username, ip: who.ip, action: 'registry.place.reveal',
    targetType: 'registry_place', targetId: p.id, success: true, detail: { field: 'contactPhone' },
  });
  return p.contact_phone === null ? null : pii.tryDecrypt(p.contact_phone);
}

export async function createThing(tx: Tx, locator: LocatorSource, who: RegistryActor, body: Static<typeof s.ThingBody>): Promise<string> {
  const grid = await placeRecord(tx, locator, who.reach, { gridId: body.gridId, location: body.location });
  const row: Record<string, unknown> = {
    town_id: grid.town_id, grid_id: grid.id, org_path: grid.path, name_initials: spell(body.name.trim()).initials,
    lng: body.location.lng, lat: body.location.lat, building_id: await buildingRef(tx, who, body.buildingId),
    created_at: who.now, updated_at: who.now,
  };
  for (const [k, col] of THING_COLUMNS) row[col] = body[k] ?? null;
  row.name = body.name.trim();
  return createRecord(tx, who, 'registry_things', row, { kind: 'thing', householdId: null, orgPath: grid.path, action: 'create', before: null, after: thingSnapshot(row) });
}

export async function updateThing(tx: Tx, locator: LocatorSource, who: RegistryActor, id: string, patch: Static<typeof s.ThingPatch>): Promise<void> {
  const t = await sites.findThing(tx, who.reach, id, true);
  if (!t) throw notFound('thing');
  if (t.version !== patch.version) throw stale();
  const set: Record<string, unknown> = {};
  for (const [k, col] of THING_COLUMNS) if (patch[k] !== undefined) set[col] = patch[k];
  if (patch.name !== undefined) set.name_initials = spell(patch.name.trim()).initials;
  if (patch.buildingId !== undefined) set.building_id = await buildingRef(tx, who, patch.buildingId);
  if (patch.location) Object.assign(set, { lng: patch.location.lng, lat: patch.location.lat });
  if (patch.gridId !== undefined || patch.location) {
    const g = await placeRecord(tx, locator, who.reach, { gridId: patch.gridId, location: patch.location });
    if (g.id !== t.grid_id) Object.assign(set, { grid_id: g.id, org_path: g.path, town_id: g.town_id });
  }
  if (Object.keys(set).length === 0) return;
  if (!(await store.updateVersioned(tx, 'registry_things', t.id, t.version, set, who.now))) throw stale();
  const change = diff(thingSnapshot(t as unknown as Record<string, unknown>), thingSnapshot({ ...t, ...set }));
  await recordChange(tx, who, { kind: 'thing', id: t.id, householdId: null, orgPath: (set.org_path as string | undefined) ?? t.org_path, action: 'update', ...change });
}

/** An inspection of a thing: recorded, the thing's last inspection day moved forward, in the history and the audit log. */
export async function inspectThing(tx: Tx, who: RegistryActor, id: string, body: Static<typeof s.InspectionBody>): Promise<string> {
  const t = await sites.findThing(tx, who.reach, id, true);
  if (!t) throw notFound('thing');
  if (body.inspectedOn > shanghaiDay(who.now)) throw invalid('An inspection cannot lie in the future.', '巡查日期不能晚于今天。', { field: 'inspectedOn' });
  const inspectionId = await sites.insertInspection(tx, {
    thing_id: t.id, inspected_on: body.inspectedOn, inspector_id: who.reach.accountId, inspector_name: who.reach.name,
    result: body.result, note: body.note ?? null, created_at: who.now,
  });
  await sites.markInspected(tx, t.id, body.inspectedOn, who.now);
  await recordChange(tx, who, {
    kind: 'thing', id: t.id, householdId: null, orgPath: t.org_path, action: 'inspect',
    before: null, after: { inspectedOn: body.inspectedOn, result: body.result, note: body.note ?? null },
  });
  return inspectionId;
}
