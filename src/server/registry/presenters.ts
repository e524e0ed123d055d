import type { Static } from '@sinclair/typebox';
import { visibleTags, type TagDefinition } from '../../domain/registry/tags.ts';
import type { Reach } from './reach.ts';
import type { BuildingRow, ChangeRow, HouseholdRow, ResidentRow, CaseRefRow } from './store.ts';
import type { HazardRow, InspectionRow, PlaceRow, ThingRow } from './place-thing-store.ts';
import type * as s from './schemas.ts';

/* The only place that shapes the registry's JSON: masked personal data, the tags the caller may see, `policies`. */

type Policies<T extends readonly string[]> = T[number][];
const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());
const loc = (lng: number | null, lat: number | null) => (lng === null || lat === null ? null : { lng: Number(lng), lat: Number(lat) });

/** The tags a caller sees, and how many it does not. */
export function tagsFor(tags: readonly string[], catalog: readonly TagDefinition[], reach: Reach): { tags: string[]; hiddenTags: number } {
  const shown = visibleTags(tags, catalog, reach.carer);
  return { tags: shown, hiddenTags: tags.length - shown.length };
}

export function residentPolicies(r: ResidentRow, reach: Reach): Policies<typeof s.RESIDENT_POLICIES> {
  const p: Policies<typeof s.RESIDENT_POLICIES> = [];
  if (reach.editor && r.left_at === null) p.push('update', 'leave');
  if (reach.carer && r.phone !== null) p.push('revealPhone');
  if (reach.idReader) p.push('revealIdNumber');
  return p;
}

export function presentResident(r: ResidentRow, reach: Reach, catalog: readonly TagDefinition[]): Static<typeof s.ResidentView> {
  return {
    id: r.id, version: r.version, name: r.name, gender: r.gender, birthDate: r.birth_date,
    idNumber: r.id_number_masked, phone: r.phone_masked,
    householdId: r.household_id, householdAddress: r.household_address,
    relation: r.relation as Static<typeof s.ResidentView>['relation'],
    gridId: r.grid_id, gridName: r.grid_name, townId: r.town_id,
    ...tagsFor(r.tags, catalog, reach),
    partyMember: r.party_member, note: r.note, leftAt: iso(r.left_at), leftReason: r.left_reason,
    createdAt: iso(r.created_at)!, updatedAt: iso(r.updated_at)!,
    policies: residentPolicies(r, reach),
  };
}

export function householdPolicies(reach: Reach): Policies<typeof s.HOUSEHOLD_POLICIES> {
  return reach.editor ? ['update', 'addMember', 'addHazard'] : [];
}

export function presentHousehold(h: HouseholdRow, reach: Reach, catalog: readonly TagDefinition[]): Static<typeof s.HouseholdView> {
  return {
    id: h.id, version: h.version, address: h.address, buildingId: h.building_id, buildingName: h.building_name,
    unitNo: h.unit_no, floorNo: h.floor_no, roomNo: h.room_no, location: loc(h.lng, h.lat),
    headResidentId: h.head_resident_id, headName: h.head_name,
    residenceKind: h.residence_kind as Static<typeof s.HouseholdView>['residenceKind'],
    memberCount: Number(h.member_count), ...tagsFor(h.member_tags, catalog, reach), note: h.note,
    gridId: h.grid_id, gridName: h.grid_name, townId: h.town_id,
    createdAt: iso(h.created_at)!, updatedAt: iso(h.updated_at)!,
    policies: householdPolicies(reach),
  };
}

export function buildingPolicies(reach: Reach): Policies<typeof s.BUILDING_POLICIES> {
  return reach.editor ? ['update', 'addHousehold'] : [];
}

export function presentBuilding(b: BuildingRow, reach: Reach): Static<typeof s.BuildingView> {
  return {
    id: b.id, version: b.version, name: b.name, address: b.address, location: loc(b.lng, b.lat)!,
    units: b.units, floors: b.floors, roomsPerFloor: b.rooms_per_floor, structure: b.structure, builtYear: b.built_year,
    note: b.note, householdCount: Number(b.household_count),
    gridId: b.grid_id, gridName: b.grid_name, townId: b.town_id,
    createdAt: iso(b.created_at)!, updatedAt: iso(b.updated_at)!,
    policies: buildingPolicies(reach),
  };
}

export function placePolicies(p: PlaceRow, reach: Reach): Policies<typeof s.PLACE_POLICIES> {
  const out: Policies<typeof s.PLACE_POLICIES> = reach.editor ? ['update'] : [];
  if (reach.carer && p.contact_phone !== null) out.push('revealPhone');
  return out;
}

export function presentPlace(p: PlaceRow, reach: Reach): Static<typeof s.PlaceView> {
  return {
    id: p.id, version: p.version, kind: p.kind as Static<typeof s.PlaceView>['kind'], name: p.name, address: p.address,
    location: loc(p.lng, p.lat)!, buildingId: p.building_id, creditCode: p.credit_code, contactName: p.contact_name,
    contactPhone: p.contact_phone_masked, note: p.note,
    gridId: p.grid_id, gridName: p.grid_name, townId: p.town_id,
    createdAt: iso(p.created_at)!, updatedAt: iso(p.updated_at)!,
    policies: placePolicies(p, reach),
  };
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export function thingPolicies(reach: Reach): Policies<typeof s.THING_POLICIES> {
  return reach.editor ? ['update', 'inspect', 'addHazard'] : [];
}

export function presentThing(t: ThingRow, reach: Reach): Static<typeof s.ThingView> {
  const every = t.inspection_every_days;
  const from = t.last_inspected_on ?? new Date(t.created_at).toISOString().slice(0, 10);
  return {
    id: t.id, version: t.version, kind: t.kind as Static<typeof s.ThingView>['kind'], name: t.name, address: t.address,
    location: loc(t.lng, t.lat)!, buildingId: t.building_id, riskLevel: t.risk_level as Static<typeof s.ThingView>['riskLevel'],
    inspectionEveryDays: every, lastInspectedOn: t.last_inspected_on,
    nextInspectionOn: every === null ? null : addDays(from, every), note: t.note,
    gridId: t.grid_id, gridName: t.grid_name, townId: t.town_id,
    createdAt: iso(t.created_at)!, updatedAt: iso(t.updated_at)!,
    policies: thingPolicies(reach),
  };
}

export function presentInspection(i: InspectionRow): Static<typeof s.InspectionView> {
  return { id: i.id, inspectedOn: i.inspected_on, result: i.result, note: i.note, inspectorName: i.inspector_name, createdAt: iso(i.created_at)! };
}

export function presentHazard(z: HazardRow, reach: Reach, changes: readonly ChangeRow[]): Static<typeof s.HazardView> {
  const followUps = changes.filter((c) => c.entity_id === z.id && (c.action === 'create' || c.action === 'update')).map((c) => {
    const a = c.after ?? {};
    return {
      at: iso(c.at)!, actorName: c.actor_name, action: c.action,
      actionTaken: (a.actionTaken as string | null | undefined) ?? null,
      nextCheckOn: (a.nextCheckOn as string | null | undefined) ?? null,
      status: ((a.status as string | undefined) ?? z.status) as 'open' | 'resolved',
    };
  });
  return {
    id: z.id, version: z.version, thingId: z.thing_id, thingName: z.thing_name, buildingId: z.building_id, buildingName: z.building_name,
    householdIds: z.household_ids, foundOn: z.found_on, description: z.description, actionTaken: z.action_taken,
    nextCheckOn: z.next_check_on, status: z.status, createdByName: z.created_by_name, followUps,
    gridId: z.grid_id, gridName: z.grid_name, townId: z.town_id,
    createdAt: iso(z.created_at)!, updatedAt: iso(z.updated_at)!,
    policies: reach.editor ? ['update'] : [],
  };
}

/** A history entry; the tags in it are those the caller may see. */
export function presentChange(c: ChangeRow, reach: Reach, catalog: readonly TagDefinition[]): Static<typeof s.ChangeView> {
  const shown = (o: Record<string, unknown> | null) =>
    o === null || !Array.isArray(o.tags) ? o : { ...o, tags: visibleTags(o.tags as string[], catalog, reach.carer) };
  return {
    id: String(c.id), at: iso(c.at)!, entityKind: c.entity_kind as Static<typeof s.ChangeView>['entityKind'], entityId: c.entity_id,
    action: c.action, actorName: c.actor_name, reason: c.reason, before: shown(c.before), after: shown(c.after),
  };
}

export function presentCaseRef(c: CaseRefRow, match: 'phone' | 'location' | 'thing'): Static<typeof s.CaseRef> {
  return {
    id: c.id, number: c.number, status: c.status as Static<typeof s.CaseRef>['status'], categoryName: c.category_name,
    address: c.address, createdAt: iso(c.created_at)!, match,
  };
}
