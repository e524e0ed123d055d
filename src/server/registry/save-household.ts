import type { Static } from '@sinclair/typebox';
import type { Tx } from '../platform/db/db.ts';
import { notFound } from '../platform/errors.ts';
import { normaliseRoomNo } from '../../domain/registry/layout.ts';
import { type LocatorSource, placeRecord, reachableGrid, type GridRow } from './reach.ts';
import * as store from './store.ts';
import { createRecord, diff, recordChange, type RegistryActor } from './change-log.ts';
import { invalid, isUniqueViolation, stale } from './refusals.ts';
import type * as s from './schemas.ts';

/* Households (户): add one in a building's room or at an address, change it. Members come and go through residents. */

function householdSnapshot(h: Record<string, unknown>): Record<string, unknown> {
  return {
    address: h.address, buildingId: h.building_id, unitNo: h.unit_no, floorNo: h.floor_no, roomNo: h.room_no,
    lng: h.lng, lat: h.lat, gridId: h.grid_id, headResidentId: h.head_resident_id, residenceKind: h.residence_kind, note: h.note,
  };
}

const roomTaken = (existingId: string | null) => invalid('Another household lives in this room of the building.',
  '该楼栋的这一户室已登记了其他住户。', { field: 'roomNo', ...(existingId ? { existingId } : {}) });

async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (isUniqueViolation(e, 'registry_households_room')) throw roomTaken(null);
    throw e;
  }
}

/** The address of a flat: the building's address (or name), unit and room (春晖路12号 2单元 301室). */
function flatAddress(b: store.BuildingRecord, unitNo: number | null, roomNo: string | null): string {
  return [b.address ?? b.name, unitNo ? `${unitNo}单元` : null, roomNo ? `${roomNo}室` : null].filter((x) => x).join(' ');
}

export async function createHousehold(tx: Tx, locator: LocatorSource, who: RegistryActor, body: Static<typeof s.HouseholdBody>): Promise<string> {
  const building = body.buildingId ? await store.findBuildingRecord(tx, who.reach, body.buildingId) : null;
  if (body.buildingId && !building) throw notFound('building');
  const roomNo = body.roomNo ? normaliseRoomNo(body.roomNo) : null;
  let grid: GridRow;
  if (building) {
    grid = body.gridId ? await reachableGrid(tx, who.reach, body.gridId) : { id: building.grid_id, path: building.org_path, name: building.grid_name, town_id: building.town_id };
    if (roomNo) {
      const existing = await store.findHouseholdInRoom(tx, building.id, body.unitNo ?? null, roomNo);
      if (existing) throw roomTaken(existing);
    }
  } else {
    if (!body.address) throw invalid('Give the household\'s address, or its building and room.', '请填写住址，或选择楼栋和户室。', { field: 'address' });
    grid = await placeRecord(tx, locator, who.reach, { gridId: body.gridId, location: body.location });
  }
  const location = body.location ?? (building ? { lng: building.lng, lat: building.lat } : null);
  const row = {
    town_id: grid.town_id, grid_id: grid.id, org_path: grid.path, building_id: building?.id ?? null,
    unit_no: body.unitNo ?? null, floor_no: body.floorNo ?? null, room_no: roomNo,
    address: body.address ?? flatAddress(building!, body.unitNo ?? null, roomNo),
    lng: location?.lng ?? null, lat: location?.lat ?? null, residence_kind: body.residenceKind ?? 'registered',
    note: body.note ?? null, created_at: who.now, updated_at: who.now,
  };
  return guarded(() => createRecord(tx, who, 'registry_households', row,
    { kind: 'household', householdId: 'self', orgPath: grid.path, action: 'create', before: null, after: householdSnapshot(row) }));
}

export async function updateHousehold(tx: Tx, locator: LocatorSource, who: RegistryActor, id: string, patch: Static<typeof s.HouseholdPatch>): Promise<void> {
  const h = await store.findHouseholdRecord(tx, who.reach, id, true);
  if (!h) throw notFound('household');
  if (h.version !== patch.version) throw stale();
  const set: Record<string, unknown> = {};
  for (const [k, col] of [['address', 'address'], ['unitNo', 'unit_no'], ['floorNo', 'floor_no'], ['residenceKind', 'residence_kind'], ['note', 'note']] as const) {
    if (patch[k] !== undefined) set[col] = patch[k];
  }
  if (patch.roomNo !== undefined) set.room_no = patch.roomNo === null ? null : normaliseRoomNo(patch.roomNo);
  if (patch.location !== undefined) Object.assign(set, { lng: patch.location?.lng ?? null, lat: patch.location?.lat ?? null });
  if (patch.buildingId !== undefined && patch.buildingId !== h.building_id) {
    if (patch.buildingId === null) set.building_id = null;
    else {
      const b = await store.findBuildingRecord(tx, who.reach, patch.buildingId);
      if (!b) throw notFound('building');
      Object.assign(set, { building_id: b.id, grid_id: b.grid_id, org_path: b.org_path, town_id: b.town_id });
    }
  }
  if (patch.gridId !== undefined && patch.gridId !== (set.grid_id ?? h.grid_id)) {
    const g = await reachableGrid(tx, who.reach, patch.gridId);
    Object.assign(set, { grid_id: g.id, org_path: g.path, town_id: g.town_id });
  } else if (patch.location && set.grid_id === undefined && patch.gridId === undefined && (set.building_id ?? h.building_id) === null) {
    const g = await placeRecord(tx, locator, who.reach, { location: patch.location });
    if (g.id !== h.grid_id) Object.assign(set, { grid_id: g.id, org_path: g.path, town_id: g.town_id });
  }
  if (patch.headResidentId !== undefined && patch.headResidentId !== h.head_resident_id) {
    if (patch.headResidentId !== null) {
      const m = await store.findResident(tx, who.reach, patch.headResidentId);
      if (!m || m.household_id !== h.id || m.left_at !== null) {
        throw invalid('The head of a household is one of its members.', '户主须为本户成员。', { field: 'headResidentId' });
      }
    }
    set.head_resident_id = patch.headResidentId;
  }
  if (Object.keys(set).length === 0) return;
  const ok = await guarded(() => store.updateVersioned(tx, 'registry_households', h.id, h.version, set, who.now));
  if (!ok) throw stale();
  if (set.grid_id !== undefined) {
    // members live where their household does
    await tx.query('update registry_residents set grid_id = $2, org_path = $3, town_id = $4, updated_at = $5, version = version + 1 where household_id = $1 and left_at is null',
      [h.id, set.grid_id, set.org_path, set.town_id, who.now]);
  }
  const change = diff(householdSnapshot(h as unknown as Record<string, unknown>), householdSnapshot({ ...h, ...set }));
  await recordChange(tx, who, { kind: 'household', id: h.id, householdId: h.id, orgPath: (set.org_path as string | undefined) ?? h.org_path, action: 'update', ...change });
}
