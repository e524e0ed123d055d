import type { Static } from '@sinclair/typebox';
import type { Tx } from '../platform/db/db.ts';
import { notFound } from '../platform/errors.ts';
import * as store from './store.ts';
import * as sites from './place-thing-store.ts';
import { createRecord, recordChange, diff, type RegistryActor } from './change-log.ts';
import { invalid, stale } from './refusals.ts';
import type * as s from './schemas.ts';

/* The hazard ledger (隐患台账): what was found on a thing or a building, which flats, what was done, the next check. */

const snapshot = (z: Record<string, unknown>) => ({
  thingId: z.thing_id, buildingId: z.building_id, householdIds: z.household_ids, foundOn: z.found_on, description: z.description,
  actionTaken: z.action_taken, nextCheckOn: z.next_check_on, status: z.status,
});

/** The flats named must be households of the building (in reach). */
async function checkedHouseholds(tx: Tx, who: RegistryActor, buildingId: string | null, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  for (const id of unique) {
    const h = await store.findHouseholdRecord(tx, who.reach, id);
    if (!h) throw notFound('household');
    if (buildingId !== null && h.building_id !== buildingId) {
      throw invalid('A flat named by the entry is not in its building.', '所列住户不在该楼栋内。', { field: 'householdIds', householdId: id });
    }
  }
  return unique;
}

export async function createHazard(tx: Tx, who: RegistryActor, body: Static<typeof s.HazardBody>): Promise<string> {
  if (!body.thingId && !body.buildingId) {
    throw invalid('Name the thing or the building the hazard was found on.', '请选择隐患所在的部件或楼栋。', { field: 'thingId' });
  }
  const thing = body.thingId ? await sites.findThing(tx, who.reach, body.thingId) : null;
  if (body.thingId && !thing) throw notFound('thing');
  const buildingId = body.buildingId ?? thing?.building_id ?? null;
  const building = buildingId ? await store.findBuildingRecord(tx, who.reach, buildingId) : null;
  if (buildingId && !building) throw notFound('building');
  const at = thing ?? building!;
  const row = {
    town_id: at.town_id, grid_id: at.grid_id, org_path: at.org_path, thing_id: thing?.id ?? null, building_id: building?.id ?? null,
    household_ids: await checkedHouseholds(tx, who, building?.id ?? null, body.householdIds ?? []),
    found_on: body.foundOn, description: body.description, action_taken: body.actionTaken ?? null,
    next_check_on: body.nextCheckOn ?? null, status: body.status ?? 'open', created_by: who.reach.accountId,
    created_at: who.now, updated_at: who.now,
  };
  const after = snapshot(row);
  const id = await createRecord(tx, who, 'registry_hazards', row, { kind: 'hazard', householdId: null, orgPath: at.org_path, action: 'create', before: null, after });
  for (const h of row.household_ids) {
    await recordChange(tx, who, { kind: 'hazard', id, householdId: h, orgPath: at.org_path, action: 'name', before: null, after: { description: body.description } });
  }
  return id;
}

export async function updateHazard(tx: Tx, who: RegistryActor, id: string, patch: Static<typeof s.HazardPatch>): Promise<void> {
  const z = await sites.findHazard(tx, who.reach, id, true);
  if (!z) throw notFound('hazard');
  if (z.version !== patch.version) throw stale();
  const set: Record<string, unknown> = {};
  if (patch.description !== undefined) set.description = patch.description;
  if (patch.actionTaken !== undefined) set.action_taken = patch.actionTaken;
  if (patch.nextCheckOn !== undefined) set.next_check_on = patch.nextCheckOn;
  if (patch.status !== undefined) set.status = patch.status;
  if (patch.householdIds !== undefined) set.household_ids = await checkedHouseholds(tx, who, z.building_id, patch.householdIds);
  if (Object.keys(set).length === 0) return;
  if (!(await store.updateVersioned(tx, 'registry_hazards', z.id, z.version, set, who.now))) throw stale();
  const before = snapshot(z as unknown as Record<string, unknown>);
  const after = snapshot({ ...z, ...set });
  const change = diff(before, after);
  // the follow-up carries the entry's state after it, so the ledger reads as a list of what was done
  await recordChange(tx, who, { kind: 'hazard', id: z.id, householdId: null, orgPath: z.org_path, action: 'update', before: change.before,
    after: { ...change.after, actionTaken: after.actionTaken, nextCheckOn: after.nextCheckOn, status: after.status } });
}
