import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { requirePrincipal } from '../platform/auth.ts';
import { notFound } from '../platform/errors.ts';
import { ID_NUMBER_READERS, REGISTRY_CARERS, REGISTRY_EDITORS, REGISTRY_READERS } from '../../shared/registry.ts';
import { findTownHoldingPath, findTownInScope } from '../org/town-store.ts';
import { normaliseIdNumber } from '../../domain/registry/id-number.ts';
import { normalisePhone } from '../../domain/registry/phone.ts';
import { reachOf, filterPath, type Reach } from './reach.ts';
import { actorFor, catalogFor, checkTagFilter, createOnce, frozenLocator, pageOf, pagingOf } from './route-helpers.ts';
import * as store from './store.ts';
import { listTagCatalog } from './tags-store.ts';
import * as p from './presenters.ts';
import * as s from './schemas.ts';
import { createResident, leaveResident, revealResident, updateResident } from './save-resident.ts';
import { createHousehold, updateHousehold } from './save-household.ts';
import { createBuilding, updateBuilding } from './save-building.ts';
import { buildingDetail, householdFile, registryDetailRoutes } from './detail-routes.ts';

const TAGS = ['registry'];
const readers = { access: REGISTRY_READERS };
const editors = { access: REGISTRY_EDITORS };

export async function registryRoutes(app: FastifyInstance): Promise<void> {
  await app.register(registryDetailRoutes);

  const residentDetail = async (id: string, reach: Reach) => {
    const r = await store.findResident(app.db, reach, id);
    if (!r) throw notFound('resident');
    const [catalog, changes] = await Promise.all([catalogFor(app.db, reach), store.listChanges(app.db, 'resident', id)]);
    const resident = p.presentResident(r, reach, catalog);
    return { resident, history: changes.map((c) => p.presentChange(c, reach, catalog)), policies: resident.policies };
  };

  app.get('/api/registry/tags', {
    config: readers,
    schema: {
      summary: 'The key-population tag catalog', tags: TAGS, querystring: s.TagCatalogQuery, response: { 200: s.TagCatalog },
      description: 'The tags residents may carry (独居老人, 留守儿童 …) with the visit frequency of the caller\'s town (a town\'s own overrides the platform default). Sensitive tags are listed to carers (community staff, grid workers) only; `hiddenTags` counts the others.',
    },
  }, async (req) => {
    const reach = reachOf(requirePrincipal(req));
    const { townId } = req.query as Static<typeof s.TagCatalogQuery>;
    const town = townId ? await findTownInScope(app.db, townId, reach.scopePath) : await findTownHoldingPath(app.db, reach.scopePath);
    if (townId && !town) throw notFound('town');
    const all = await listTagCatalog(app.db, town?.id ?? null);
    const items = all.filter((t) => reach.carer || !t.sensitive);
    return { townId: town?.id ?? null, items, hiddenTags: all.length - items.length };
  });

  // -------------------------------------------------------------------------------------------------------------------
  // residents

  app.get('/api/registry/residents', {
    config: readers,
    schema: {
      summary: 'Search residents', tags: TAGS, querystring: s.ResidentListQuery, response: { 200: s.ResidentList },
      description: 'Residents in the caller\'s reach (its territory; a grid worker: its team\'s grids). `q` matches part of the name, the pinyin initials (zsf) or part of the household\'s address; `idNumber` and `phone` match exactly, through their keyed hashes. ID numbers and phones are masked; sensitive tags only for carers (`hiddenTags` counts the others). Those who moved away or died are left out unless `includeLeft`.',
    },
  }, async (req) => {
    const q = req.query as Static<typeof s.ResidentListQuery>;
    const reach = reachOf(requirePrincipal(req));
    const catalog = await catalogFor(app.db, reach);
    checkTagFilter(q.tag, catalog, reach);
    const phone = q.phone === undefined ? undefined : normalisePhone(q.phone);
    const filter: store.ResidentFilter = {
      q: q.q?.trim() || undefined, tags: q.tag, householdId: q.householdId, includeLeft: q.includeLeft,
      underPath: await filterPath(app.db, reach, q.gridId),
      idNumberHash: q.idNumber === undefined ? undefined : app.pii.lookupHash(normaliseIdNumber(q.idNumber)),
      phoneHash: q.phone === undefined ? undefined : app.pii.lookupHash(phone ?? q.phone),
    };
    const paging = pagingOf(q);
    const [rows, total] = await Promise.all([
      store.listResidents(app.db, reach, filter, paging), paging.after ? null : store.countResidents(app.db, reach, filter),
    ]);
    return pageOf(rows, paging, total, (r) => [r.name_pinyin, r.id], (r) => p.presentResident(r, reach, catalog), reach.editor);
  });

  app.post('/api/registry/residents', {
    config: editors,
    schema: {
      summary: 'Add a resident', tags: TAGS, body: s.ResidentBody, response: { 201: s.ResidentDetail },
      description: 'Adds a resident to a household (its grid) or, without one, to a grid the caller reaches. The ID number is checked (GB 11643: 422 ID_NUMBER_INVALID with the problem) and must be new (409 ID_NUMBER_TAKEN, with `details.existingId` when the caller may see that record); gender and birth date are read from it. The ID number and phone are stored sealed. Honours Idempotency-Key.',
    },
  }, async (req, reply) => {
    const who = actorFor(app, req);
    const body = req.body as Static<typeof s.ResidentBody>;
    const id = await createOnce(app, req, 'resident', async (tx) => createResident(tx, app.pii, who, await catalogFor(tx, who.reach), body));
    return reply.code(201).send(await residentDetail(id, who.reach));
  });

  app.get('/api/registry/residents/:id', {
    config: readers,
    schema: {
      summary: 'A resident', tags: TAGS, params: s.IdParams, response: { 200: s.ResidentDetail },
      description: 'A resident with the history of its record (personal fields masked), also after it left. 404 outside the caller\'s reach.',
    },
  }, async (req) => residentDetail((req.params as Static<typeof s.IdParams>).id, reachOf(requirePrincipal(req))));

  app.patch('/api/registry/residents/:id', {
    config: editors,
    schema: {
      summary: 'Change a resident', tags: TAGS, params: s.IdParams, body: s.ResidentPatch, response: { 200: s.ResidentDetail },
      description: 'Changes the fields given, with the version read (409 CONFLICT when someone changed it meanwhile). A new ID number is checked like a new resident\'s; moving to another household moves the resident to its grid.',
    },
  }, async (req) => {
    const who = actorFor(app, req);
    const { id } = req.params as Static<typeof s.IdParams>;
    await app.db.transaction(async (tx) => updateResident(tx, app.pii, who, await catalogFor(tx, who.reach), id, req.body as Static<typeof s.ResidentPatch>));
    return residentDetail(id, who.reach);
  });

  app.post('/api/registry/residents/:id/leave', {
    config: editors,
    schema: {
      summary: 'A resident moved away or died', tags: TAGS, params: s.IdParams, body: s.LeaveBody, response: { 200: s.ResidentDetail },
      description: 'Takes the resident out of the lists and its household (kept, with its history, for the household file).',
    },
  }, async (req) => {
    const who = actorFor(app, req);
    const { id } = req.params as Static<typeof s.IdParams>;
    await app.db.transaction((tx) => leaveResident(tx, who, id, req.body as Static<typeof s.LeaveBody>));
    return residentDetail(id, who.reach);
  });

  app.post('/api/registry/residents/:id/reveal', {
    config: { access: [...new Set([...REGISTRY_CARERS, ...ID_NUMBER_READERS])] },
    schema: {
      summary: 'A resident\'s phone or ID number whole', tags: TAGS, params: s.IdParams, body: s.RevealBody, response: { 200: s.Revealed },
      description: 'The phone to carers (community staff, grid workers: to call), the ID number to community staff (to verify an identity); others 403. Every reveal is audited.',
    },
  }, async (req) => {
    const who = actorFor(app, req);
    const { id } = req.params as Static<typeof s.IdParams>;
    const { field } = req.body as Static<typeof s.RevealBody>;
    return { field, value: await app.db.transaction((tx) => revealResident(tx, app.pii, who, id, field)) };
  });

  // -------------------------------------------------------------------------------------------------------------------
  // households

  app.get('/api/registry/households', {
    config: readers,
    schema: {
      summary: 'Search households', tags: TAGS, querystring: s.HouseholdListQuery, response: { 200: s.HouseholdList },
      description: 'Households in the caller\'s reach; `q` matches part of the address or a member\'s name; `tag` finds households with a member carrying one of the tags.',
    },
  }, async (req) => {
    const q = req.query as Static<typeof s.HouseholdListQuery>;
    const reach = reachOf(requirePrincipal(req));
    const catalog = await catalogFor(app.db, reach);
    checkTagFilter(q.tag, catalog, reach);
    const filter: store.HouseholdFilter = { q: q.q?.trim() || undefined, buildingId: q.buildingId, tags: q.tag, underPath: await filterPath(app.db, reach, q.gridId) };
    const paging = pagingOf(q);
    const [rows, total] = await Promise.all([
      store.listHouseholds(app.db, reach, filter, paging), paging.after ? null : store.countHouseholds(app.db, reach, filter),
    ]);
    return pageOf(rows, paging, total, (h) => [h.address, h.id], (h) => p.presentHousehold(h, reach, catalog), reach.editor);
  });

  app.post('/api/registry/households', {
    config: editors,
    schema: {
      summary: 'Add a household', tags: TAGS, body: s.HouseholdBody, response: { 201: s.HouseholdFile },
      description: 'A household in a building\'s room (one per room; its grid is the building\'s) or at an address placed by its location or gridId. Honours Idempotency-Key.',
    },
  }, async (req, reply) => {
    const who = actorFor(app, req);
    const locator = await frozenLocator(app);
    const id = await createOnce(app, req, 'household', async (tx) => createHousehold(tx, locator, who, req.body as Static<typeof s.HouseholdBody>));
    return reply.code(201).send(await householdFile(app, id, who.reach));
  });

  app.patch('/api/registry/households/:id', {
    config: editors,
    schema: {
      summary: 'Change a household', tags: TAGS, params: s.IdParams, body: s.HouseholdPatch, response: { 200: s.HouseholdFile },
      description: 'Changes the fields given, with the version read (409 CONFLICT when stale). Its members move with it to another grid; the head must be a member.',
    },
  }, async (req) => {
    const who = actorFor(app, req);
    const { id } = req.params as Static<typeof s.IdParams>;
    const locator = await frozenLocator(app);
    await app.db.transaction(async (tx) => updateHousehold(tx, locator, who, id, req.body as Static<typeof s.HouseholdPatch>));
    return householdFile(app, id, who.reach);
  });

  // -------------------------------------------------------------------------------------------------------------------
  // buildings

  app.get('/api/registry/buildings', {
    config: readers,
    schema: {
      summary: 'Search buildings', tags: TAGS, querystring: s.BuildingListQuery, response: { 200: s.BuildingList },
      description: 'Buildings in the caller\'s reach; `q` matches part of the name or address, or the name\'s pinyin initials.',
    },
  }, async (req) => {
    const q = req.query as Static<typeof s.BuildingListQuery>;
    const reach = reachOf(requirePrincipal(req));
    const filter = { q: q.q?.trim() || undefined, underPath: await filterPath(app.db, reach, q.gridId) };
    const paging = pagingOf(q);
    const [rows, total] = await Promise.all([
      store.listBuildings(app.db, reach, filter, paging), paging.after ? null : store.countBuildings(app.db, reach, filter),
    ]);
    return pageOf(rows, paging, total, (b) => [b.name, b.id], (b) => p.presentBuilding(b, reach), reach.editor);
  });

  app.post('/api/registry/buildings', {
    config: editors,
    schema: {
      summary: 'Add a building', tags: TAGS, body: s.BuildingBody, response: { 201: s.BuildingDetail },
      description: 'A building (units × floors × rooms per floor) in the grid holding its location, or the grid named; the grid must be in the caller\'s reach (else 422). Honours Idempotency-Key.',
    },
  }, async (req, reply) => {
    const who = actorFor(app, req);
    const locator = await frozenLocator(app);
    const id = await createOnce(app, req, 'building', async (tx) => createBuilding(tx, locator, who, req.body as Static<typeof s.BuildingBody>));
    return reply.code(201).send(await buildingDetail(app, id, who.reach));
  });

  app.patch('/api/registry/buildings/:id', {
    config: editors,
    schema: {
      summary: 'Change a building', tags: TAGS, params: s.IdParams, body: s.BuildingPatch, response: { 200: s.BuildingDetail },
      description: 'Changes the fields given, with the version read (409 CONFLICT when stale); its households and their members follow it to another grid.',
    },
  }, async (req) => {
    const who = actorFor(app, req);
    const { id } = req.params as Static<typeof s.IdParams>;
    const locator = await frozenLocator(app);
    await app.db.transaction(async (tx) => updateBuilding(tx, locator, who, id, req.body as Static<typeof s.BuildingPatch>));
    return buildingDetail(app, id, who.reach);
  });
}
