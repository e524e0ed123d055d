// Registry people for issue 16's tests: supports, votes, points and sign-ups rest on a person of the registry, found
// for a resident's account by its phone.
import { expect } from 'vitest';
import { bearer, type TestApp } from './test-app.ts';
import { DEMO_GRID, gridCentre } from './places.ts';
import { idNumberCheckDigit } from '../../src/domain/registry/id-number.ts';
import { phoneNumber } from '../../src/server/platform/seed/demo-town.ts';
import { DEMO_RESIDENT_ID_NUMBER } from '../../src/server/participation/demo/demo-resident.ts';

/** the demo resident account's phone (the seed gives each demo account a number from its username) */
export const RESIDENT_PHONE = phoneNumber('resident'.length * 97);

/** A valid ID number born on `birth` (YYYYMMDD) with the three-digit sequence `seq` (odd last digit: a man). */
export function idNumberOf(birth: string, seq: string): string {
  const first17 = `500103${birth}${seq}`;
  return first17 + idNumberCheckDigit(first17);
}

export interface RegisteredHousehold {
  buildingId: string;
  householdId: string;
  /** the demo resident 周淑芬, her account `resident` tied to her by phone */
  residentId: string;
}

let roomSeq = 0;

/**
 * Registers, as the demo grid worker, a household in the demo grid (春晖社区第1网格) with the demo resident 周淑芬 as its
 * head; `room` keeps households of one test apart.
 */
export async function registerDemoResident(t: TestApp, o: { room?: string } = {}): Promise<RegisteredHousehold> {
  const gw = await t.login('gridworker');
  const centre = await gridCentre(t.db, DEMO_GRID);
  const b = await t.app.inject({
    method: 'POST', url: '/api/registry/buildings', headers: bearer(gw),
    payload: { name: `议事苑 ${++roomSeq} 栋`, address: `春晖路 30 号议事苑 ${roomSeq} 栋`, location: centre, units: 1, floors: 6, roomsPerFloor: 2 },
  });
  expect(b.statusCode, b.body).toBeLessThan(300);
  const buildingId = b.json().building.id as string;
  const householdId = await addHousehold(t, buildingId, o.room ?? '301');
  const residentId = await addPerson(t, householdId, { name: '周淑芬', idNumber: DEMO_RESIDENT_ID_NUMBER, phone: RESIDENT_PHONE, relation: 'head' });
  return { buildingId, householdId, residentId };
}

/** Another household in the same building. */
export async function addHousehold(t: TestApp, buildingId: string, room: string): Promise<string> {
  const gw = await t.login('gridworker');
  const h = await t.app.inject({
    method: 'POST', url: '/api/registry/households', headers: bearer(gw),
    payload: { buildingId, unitNo: 1, floorNo: Number(room[0]), roomNo: room },
  });
  expect(h.statusCode, h.body).toBeLessThan(300);
  return h.json().household.id as string;
}

/** A person in a household, registered by the grid worker. */
export async function addPerson(t: TestApp, householdId: string, p: { name: string; idNumber: string; phone?: string; relation?: string }): Promise<string> {
  const gw = await t.login('gridworker');
  const r = await t.app.inject({
    method: 'POST', url: '/api/registry/residents', headers: bearer(gw),
    payload: { name: p.name, idNumber: p.idNumber, phone: p.phone ?? null, householdId, relation: p.relation ?? 'other' },
  });
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.json().resident.id as string;
}
