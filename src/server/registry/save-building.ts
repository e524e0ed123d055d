import type { Static } from '@sinclair/typebox';
import type { Tx } from '../platform/db/db.ts';
import { notFound } from '../platform/errors.ts';
import { type LocatorSource, placeRecord } from './reach.ts';
import * as store from './store.ts';
import { createRecord, diff, recordChange, type RegistryActor } from './change-log.ts';
import { stale } from './refusals.ts';
import { spell } from './spelling.ts';
import type * as s from './schemas.ts';

/* Buildings (楼栋): units × floors × rooms, placed in the grid holding their location (or the grid named). */

const COLUMNS = [['name', 'name'], ['address', 'address'], ['units', 'units'], ['floors', 'floors'], ['roomsPerFloor', 'rooms_per_floor'],
  ['structure', 'structure'], ['builtYear', 'built_year'], ['note', 'note']] as const;

function snapshot(b: Record<string, unknown>): Record<string, unknown> {
  return {
    name: b.name, address: b.address, lng: b.lng, lat: b.lat, units: b.units, floors: b.floors, roomsPerFloor: b.rooms_per_floor,
    structure: b.structure, builtYear: b.built_year, gridId: b.grid_id, note: b.note,
  };
}

export async function createBuilding(tx: Tx, locator: LocatorSource, who: RegistryActor, body: Static<typeof s.BuildingBody>): Promise<string> {
  const grid = await placeRecord(tx, locator, who.reach, { gridId: body.gridId, location: body.location });
  const name = body.name.trim();
  const row: Record<string, unknown> = {
    town_id: grid.town_id, grid_id: grid.id, org_path: grid.path, name, name_initials: spell(name).initials,
    lng: body.location.lng, lat: body.location.lat, created_at: who.now, updated_at: who.now,
  };
  for (const [k, col] of COLUMNS) if (k !== 'name') row[col] = body[k] ?? null;
  return createRecord(tx, who, 'registry_buildings', row, { kind: 'building', householdId: null, orgPath: grid.path, action: 'create', before: null, after: snapshot(row) });
}

export async function updateBuilding(tx: Tx, locator: LocatorSource, who: RegistryActor, id: string, patch: Static<typeof s.BuildingPatch>): Promise<void> {
  const b = await store.findBuildingRecord(tx, who.reach, id, true);
  if (!b) throw notFound('building');
  if (b.version !== patch.version) throw stale();
  const set: Record<string, unknown> = {};
  for (const [k, col] of COLUMNS) if (patch[k] !== undefined) set[col] = patch[k];
  if (patch.name !== undefined) set.name_initials = spell(patch.name.trim()).initials;
  if (patch.location) Object.assign(set, { lng: patch.location.lng, lat: patch.location.lat });
  if (patch.gridId !== undefined || patch.location) {
    const g = await placeRecord(tx, locator, who.reach, { gridId: patch.gridId, location: patch.location });
    if (g.id !== b.grid_id) Object.assign(set, { grid_id: g.id, org_path: g.path, town_id: g.town_id });
  }
  if (Object.keys(set).length === 0) return;
  if (!(await store.updateVersioned(tx, 'registry_buildings', b.id, b.version, set, who.now))) throw stale();
  if (set.grid_id !== undefined) {
    // its households and their members move with it
    const moved = [set.grid_id, set.org_path, set.town_id, who.now];
    await tx.query(`update registry_households set grid_id = $2, org_path = $3, town_id = $4, updated_at = $5, version = version + 1
                     where building_id = $1 and retired_at is null`, [b.id, ...moved]);
    await tx.query(`update registry_residents set grid_id = $2, org_path = $3, town_id = $4, updated_at = $5, version = version + 1
                     where left_at is null and household_id in (select id from registry_households where building_id = $1)`, [b.id, ...moved]);
  }
  const change = diff(snapshot(b as unknown as Record<string, unknown>), snapshot({ ...b, ...set }));
  await recordChange(tx, who, { kind: 'building', id: b.id, householdId: null, orgPath: (set.org_path as string | undefined) ?? b.org_path, action: 'update', ...change });
}
