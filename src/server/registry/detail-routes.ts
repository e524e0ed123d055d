import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { requirePrincipal } from '../platform/auth.ts';
import { notFound } from '../platform/errors.ts';
import { likePrefix } from '../platform/db/sql.ts';
import { REGISTRY_CARERS, REGISTRY_EDITORS, REGISTRY_READERS } from '../../shared/registry.ts';
import { buildingLayout } from '../../domain/registry/layout.ts';
import { reachOf, filterPath, type Reach } from './reach.ts';
import * as store from './store.ts';
import { listHouseholdVisits } from '../tasks/visit-store.ts';
import * as sites from './place-thing-store.ts';
import * as p from './presenters.ts';
import * as s from './schemas.ts';
import { actorFor, catalogFor, createOnce, frozenLocator, pageOf, pagingOf } from './route-helpers.ts';
import { createPlace, createThing, inspectThing, revealPlacePhone, updatePlace, updateThing } from './save-place-thing.ts';
import { createHazard, updateHazard } from './save-hazard.ts';
import { distanceM } from '../../domain/cases/duplicates.ts';
import { listHouseholdDevices } from '../devices/device-store.ts';

const TAGS = ['registry'];
const readers = { access: REGISTRY_READERS };
const editors = { access: REGISTRY_EDITORS };
const CASES_NEAR_M = 30;

async function hazardViews(app: FastifyInstance, rows: sites.HazardRow[], reach: Reach) {
  const changes = await store.listHazardChanges(app.db, rows.map((z) => z.id));
  return rows.map((z) => p.presentHazard(z, reach, changes));
}

/** The household file (一户一档): the household, its members, hazards, cases reported there, and its history. */
export async function householdFile(app: FastifyInstance, id: string, reach: Reach): Promise<Static<typeof s.HouseholdFile>> {
  const h = await store.findHousehold(app.db, reach, id);
  if (!h) throw notFound('household');
  const [catalog, members, hazards, changes] = await Promise.all([
    catalogFor(app.db, reach), store.listMembers(app.db, [h.id]),
    h.building_id ? sites.listHazards(app.db, { buildingId: h.building_id, householdId: h.id }) : sites.listHazardsNaming(app.db, h.id),
    store.listHouseholdChanges(app.db, h.id),
  ]);
  const visits = (await listHouseholdVisits(app.db, h.id, reach.scopePath, 50)).map((v) => ({
    id: v.id, at: v.at.toISOString(), subjectKind: v.subject_kind, subjectId: v.subject_id, subjectName: v.subject_name, visitorName: v.visitor_name,
    findings: v.findings, far: v.far, photos: v.photos, caseId: v.case_id,
  }));
  const at = h.lng !== null && h.lat !== null ? { lng: Number(h.lng), lat: Number(h.lat) } : null;
  const dLat = CASES_NEAR_M / 111_320;
  const box = at ? { minLat: at.lat - dLat, maxLat: at.lat + dLat, minLng: at.lng - dLat / Math.cos((at.lat * Math.PI) / 180), maxLng: at.lng + dLat / Math.cos((at.lat * Math.PI) / 180) } : null;
  const phones = members.flatMap((m) => (m.phone_hash ? [m.phone_hash] : []));
  const found = await store.listCasesAt(app.db, reach, phones, box, 60);
  const cases = found.flatMap((c) => {
    if (c.reporter_phone_hash !== null && phones.includes(c.reporter_phone_hash)) return [p.presentCaseRef(c, 'phone')];
    return at && distanceM(at, { lng: Number(c.lng), lat: Number(c.lat) }) <= CASES_NEAR_M ? [p.presentCaseRef(c, 'location')] : [];
  }).slice(0, 20);
  const household = p.presentHousehold(h, reach, catalog);
  const devices = (await listHouseholdDevices(app.db, h.id, members.map((m) => m.id))).map((d) => ({
    id: d.id, name: d.name, type: d.device_type, boundTo: d.binding_kind as 'household' | 'resident',
    residentId: d.binding_kind === 'resident' ? d.binding_id : null, state: d.state as 'online' | 'offline' | 'never',
    battery: d.battery, lastSeenAt: d.last_seen_at?.toISOString() ?? null, activeAlarms: d.active_alarms,
  }));
  return {
    household, members: members.map((m) => p.presentResident(m, reach, catalog)), hazards: await hazardViews(app, hazards, reach),
    cases, visits, devices, history: changes.map((c) => p.presentChange(c, reach, catalog)), policies: household.policies,
  };
}

export async function buildingDetail(app: FastifyInstance, id: string, reach: Reach): Promise<Static<typeof s.BuildingDetail>> {
  const b = await store.findBuilding(app.db, reach, id);
  if (!b) throw notFound('building');
  const [catalog, places, things, hazards, changes] = await Promise.all([
    catalogFor(app.db, reach), sites.listPlacesOfBuilding(app.db, b.id), sites.listThingsOfBuilding(app.db, b.id),
    sites.listHazards(app.db, { buildingId: b.id }), store.listChanges(app.db, 'building', b.id),
  ]);
  const building = p.presentBuilding(b, reach);
  return {
    building, places: places.map((x) => p.presentPlace(x, reach)), things: things.map((x) => p.presentThing(x, reach)),
    hazards: await hazardViews(app, hazards, reach), history: changes.map((c) => p.presentChange(c, reach, catalog)),
    policies: building.policies,
  };
}

async function thingDetail(app: FastifyInstance, id: string, reach: Reach): Promise<Static<typeof s.ThingDetail>> {
  const t = await sites.findThing(app.db, reach, id);
  if (!t) throw notFound('thing');
  const [catalog, inspections, hazards, changes, cases] = await Promise.all([
    catalogFor(app.db, reach), sites.listInspections(app.db, t.id), sites.listHazards(app.db, { thingId: t.id }),
    store.listChanges(app.db, 'thing', t.id),
    app.db.query<store.CaseRefRow>(
      `select c.id, c.number, c.status, m.name as category_name, c.address, c.created_at, c.lng, c.lat, c.reporter_phone_hash
         from cases c join matters m on m.id = c.matter_id where c.thing_id = $1 and c.org_path like $2 order by c.created_at desc limit 20`,
      [t.id, likePrefix(reach.scopePath)]),
  ]);
  const thing = p.presentThing(t, reach);
  return {
    thing, inspections: inspections.map(p.presentInspection), hazards: await hazardViews(app, hazards, reach),
    cases: cases.rows.map((c) => p.presentCaseRef(c, 'thing')), history: changes.map((c) => p.presentChange(c, reach, catalog)),
    policies: thing.policies,
  };
}

async function placeDetail(app: FastifyInstance, id: string, reach: Reach): Promise<Static<typeof s.PlaceDetail>> {
  const x = await sites.findPlace(app.db, reach, id);
  if (!x) throw notFound('place');
  const [catalog, changes] = await Promise.all([catalogFor(app.db, reach), store.listChanges(app.db, 'place', x.id)]);
  const place = p.presentPlace(x, reach);
  return { place, history: changes.map((c) => p.presentChange(c, reach, catalog)), policies: place.policies };
}

async function hazardView(app: FastifyInstance, id: string, reach: Reach) {
  const z = await sites.findHazard(app.db, reach, id);
  if (!z) throw notFound('hazard');
  return (await hazardViews(app, [z], reach))[0]!;
}

/** The household file, buildings' pages and layouts, places, things and their inspections, the hazard ledger. */
export async function registryDetailRoutes(app: FastifyInstance): Promise<void> {
  const idOf = (params: unknown) => (params as Static<typeof s.IdParams>).id;
  const reachOfReq = (req: Parameters<typeof requirePrincipal>[0]) => reachOf(requirePrincipal(req));

  app.get('/api/registry/households/:id', {
    config: readers,
    schema: {
      summary: 'The household file (一户一档)', tags: TAGS, params: s.IdParams, response: { 200: s.HouseholdFile },
      description: 'One household: members with their tags (sensitive ones for carers only), the hazards of its building that concern it with their follow-ups, the cases the caller sees reported by a member\'s phone or within 30 m (newest 20), and the history of every change (personal fields masked). `visits`: the visits (走访) to the household and its members, newest 50. `devices`: the active care devices bound to the household or a member, with their state and standing alarms.',
    },
  }, async (req) => householdFile(app, idOf(req.params), reachOfReq(req)));

  app.get('/api/registry/buildings/:id', {
    config: readers,
    schema: {
      summary: 'A building', tags: TAGS, params: s.IdParams, response: { 200: s.BuildingDetail },
      description: 'A building with the places and things in it, its hazard ledger and its history.',
    },
  }, async (req) => buildingDetail(app, idOf(req.params), reachOfReq(req)));

  app.get('/api/registry/buildings/:id/layout', {
    config: readers,
    schema: {
      summary: 'The building view (楼栋图)', tags: TAGS, params: s.IdParams, response: { 200: s.BuildingLayout },
      description: 'Units × floors (top floor first) × rooms, each room with its household\'s id, head\'s name, member count and the codes of its members\' tags the caller may see; households whose room is not in the drawing are listed under `unplaced`.',
    },
  }, async (req) => {
    const reach = reachOfReq(req);
    const b = await store.findBuilding(app.db, reach, idOf(req.params));
    if (!b) throw notFound('building');
    const [catalog, households] = await Promise.all([catalogFor(app.db, reach), store.listBuildingHouseholds(app.db, b.id)]);
    let hidden = 0;
    const room = (h: store.HouseholdRow) => {
      const t = p.tagsFor(h.member_tags, catalog, reach);
      hidden += t.hiddenTags;
      return { householdId: h.id, headName: h.head_name, memberCount: Number(h.member_count), tags: t.tags };
    };
    const layout = buildingLayout({ units: b.units, floors: b.floors, roomsPerFloor: b.rooms_per_floor },
      households.map((h) => ({ id: h.id, unitNo: h.unit_no, floorNo: h.floor_no, roomNo: h.room_no, row: h })));
    const empty = { householdId: null, headName: null, memberCount: 0, tags: [] };
    return {
      building: p.presentBuilding(b, reach),
      units: layout.units.map((u) => ({
        unitNo: u.unitNo,
        floors: u.floors.map((f) => ({ floorNo: f.floorNo, rooms: f.rooms.map((r) => ({ roomNo: r.roomNo, ...(r.household ? room(r.household.row) : empty) })) })),
      })),
      unplaced: layout.unplaced.map((h) => ({ ...room(h.row), householdId: h.id, address: h.row.address, unitNo: h.unitNo, floorNo: h.floorNo, roomNo: h.roomNo })),
      hiddenTags: hidden,
    };
  });

  // -------------------------------------------------------------------------------------------------------------------
  // places

  app.get('/api/registry/places', {
    config: readers,
    schema: {
      summary: 'Search places', tags: TAGS, querystring: s.PlaceListQuery, response: { 200: s.PlaceList },
      description: 'Shops, enterprises, schools, parks, hospitals and markets in the caller\'s reach; contact phones masked.',
    },
  }, async (req) => {
    const q = req.query as Static<typeof s.PlaceListQuery>;
    const reach = reachOfReq(req);
    const filter = { q: q.q?.trim() || undefined, kinds: q.kind, underPath: await filterPath(app.db, reach, q.gridId) };
    const paging = pagingOf(q);
    const [rows, total] = await Promise.all([sites.listPlaces(app.db, reach, filter, paging), paging.after ? null : sites.countPlaces(app.db, reach, filter)]);
    return pageOf(rows, paging, total, (x) => [x.name, x.id], (x) => p.presentPlace(x, reach), reach.editor);
  });

  app.post('/api/registry/places', {
    config: editors,
    schema: {
      summary: 'Add a place', tags: TAGS, body: s.PlaceBody, response: { 201: s.PlaceDetail },
      description: 'A place in the grid holding its location (or the grid named, in the caller\'s reach). The contact phone is stored sealed. Honours Idempotency-Key.',
    },
  }, async (req, reply) => {
    const who = actorFor(app, req);
    const locator = await frozenLocator(app);
    const id = await createOnce(app, req, 'place', async (tx) => createPlace(tx, app.pii, locator, who, req.body as Static<typeof s.PlaceBody>));
    return reply.code(201).send(await placeDetail(app, id, who.reach));
  });

  app.get('/api/registry/places/:id', {
    config: readers,
    schema: { summary: 'A place', tags: TAGS, params: s.IdParams, response: { 200: s.PlaceDetail }, description: 'A place with its history.' },
  }, async (req) => placeDetail(app, idOf(req.params), reachOfReq(req)));

  app.patch('/api/registry/places/:id', {
    config: editors,
    schema: {
      summary: 'Change a place', tags: TAGS, params: s.IdParams, body: s.PlacePatch, response: { 200: s.PlaceDetail },
      description: 'Changes the fields given, with the version read (409 CONFLICT when stale).',
    },
  }, async (req) => {
    const who = actorFor(app, req);
    const id = idOf(req.params);
    const locator = await frozenLocator(app);
    await app.db.transaction(async (tx) => updatePlace(tx, app.pii, locator, who, id, req.body as Static<typeof s.PlacePatch>));
    return placeDetail(app, id, who.reach);
  });

  app.post('/api/registry/places/:id/reveal', {
    config: { access: REGISTRY_CARERS },
    schema: {
      summary: 'A place\'s contact phone whole', tags: TAGS, params: s.IdParams, body: s.PlaceRevealBody, response: { 200: s.Revealed },
      description: 'To carers (community staff, grid workers) in reach; audited.',
    },
  }, async (req) => {
    const who = actorFor(app, req);
    const id = idOf(req.params);
    return { field: 'contactPhone' as const, value: await app.db.transaction((tx) => revealPlacePhone(tx, app.pii, who, id)) };
  });

  // -------------------------------------------------------------------------------------------------------------------
  // things

  app.get('/api/registry/things', {
    config: readers,
    schema: {
      summary: 'Search things (risk points and facilities)', tags: TAGS, querystring: s.ThingListQuery, response: { 200: s.ThingList },
      description: 'Hydrants, manholes, retaining walls, facades and slopes in the caller\'s reach, with their risk level and next inspection.',
    },
  }, async (req) => {
    const q = req.query as Static<typeof s.ThingListQuery>;
    const reach = reachOfReq(req);
    const filter = { q: q.q?.trim() || undefined, kinds: q.kind, riskLevels: q.riskLevel, buildingId: q.buildingId, underPath: await filterPath(app.db, reach, q.gridId) };
    const paging = pagingOf(q);
    const [rows, total] = await Promise.all([sites.listThings(app.db, reach, filter, paging), paging.after ? null : sites.countThings(app.db, reach, filter)]);
    return pageOf(rows, paging, total, (x) => [x.name, x.id], (x) => p.presentThing(x, reach), reach.editor);
  });

  app.post('/api/registry/things', {
    config: editors,
    schema: {
      summary: 'Add a thing', tags: TAGS, body: s.ThingBody, response: { 201: s.ThingDetail },
      description: 'A risk point or facility in the grid holding its location (or the grid named, in the caller\'s reach). Honours Idempotency-Key.',
    },
  }, async (req, reply) => {
    const who = actorFor(app, req);
    const locator = await frozenLocator(app);
    const id = await createOnce(app, req, 'thing', async (tx) => createThing(tx, locator, who, req.body as Static<typeof s.ThingBody>));
    return reply.code(201).send(await thingDetail(app, id, who.reach));
  });

  app.get('/api/registry/things/:id', {
    config: readers,
    schema: {
      summary: 'A thing', tags: TAGS, params: s.IdParams, response: { 200: s.ThingDetail },
      description: 'A thing with its inspections (newest first), hazards with their follow-ups, the cases reported at it that the caller sees, and its history.',
    },
  }, async (req) => thingDetail(app, idOf(req.params), reachOfReq(req)));

  app.patch('/api/registry/things/:id', {
    config: editors,
    schema: {
      summary: 'Change a thing', tags: TAGS, params: s.IdParams, body: s.ThingPatch, response: { 200: s.ThingDetail },
      description: 'Changes the fields given, with the version read (409 CONFLICT when stale).',
    },
  }, async (req) => {
    const who = actorFor(app, req);
    const id = idOf(req.params);
    const locator = await frozenLocator(app);
    await app.db.transaction(async (tx) => updateThing(tx, locator, who, id, req.body as Static<typeof s.ThingPatch>));
    return thingDetail(app, id, who.reach);
  });

  app.post('/api/registry/things/:id/inspections', {
    config: editors,
    schema: {
      summary: 'Record an inspection of a thing', tags: TAGS, params: s.IdParams, body: s.InspectionBody, response: { 201: s.ThingDetail },
      description: 'An inspection (normal, or a hazard found) on a day not in the future; moves the thing\'s last inspection day forward. Honours Idempotency-Key.',
    },
  }, async (req, reply) => {
    const who = actorFor(app, req);
    const id = idOf(req.params);
    await createOnce(app, req, 'inspection', (tx) => inspectThing(tx, who, id, req.body as Static<typeof s.InspectionBody>));
    return reply.code(201).send(await thingDetail(app, id, who.reach));
  });

  // -------------------------------------------------------------------------------------------------------------------
  // hazards

  app.post('/api/registry/hazards', {
    config: editors,
    schema: {
      summary: 'Enter a hazard in the ledger', tags: TAGS, body: s.HazardBody, response: { 201: s.HazardView },
      description: 'A hazard found on a thing or a building (the flats concerned, what was done, the next check); in the grid of what it was found on. Honours Idempotency-Key.',
    },
  }, async (req, reply) => {
    const who = actorFor(app, req);
    const id = await createOnce(app, req, 'hazard', (tx) => createHazard(tx, who, req.body as Static<typeof s.HazardBody>));
    return reply.code(201).send(await hazardView(app, id, who.reach));
  });

  app.patch('/api/registry/hazards/:id', {
    config: editors,
    schema: {
      summary: 'Follow up a hazard', tags: TAGS, params: s.IdParams, body: s.HazardPatch, response: { 200: s.HazardView },
      description: 'What was done, the next check, resolved; with the version read (409 CONFLICT when stale). Each change is a follow-up of the entry.',
    },
  }, async (req) => {
    const who = actorFor(app, req);
    const id = idOf(req.params);
    await app.db.transaction((tx) => updateHazard(tx, who, id, req.body as Static<typeof s.HazardPatch>));
    return hazardView(app, id, who.reach);
  });
}
