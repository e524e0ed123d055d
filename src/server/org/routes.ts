import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { ORG_EDITORS, STAFF_ROLES } from '../../shared/roles.ts';
import type { OrgLevel } from '../../shared/org-levels.ts';
import { requirePrincipal, type Principal } from '../platform/auth.ts';
import { notFound, outsideGrids } from '../platform/errors.ts';
import { idsOnPath } from '../../domain/identity/scope.ts';
import * as store from './store.ts';
import * as s from './schemas.ts';
import { presentBoards, presentFeatures, presentUnit } from './presenters.ts';
import { importGrids } from './import-grids.ts';
import { unitAdminRoutes } from './unit-admin-routes.ts';
import { actorOf } from '../audit/audit-log.ts';
import { unitInReach } from './unit-reach.ts';
import { postRoutes } from './posts-routes.ts';
import { rosterRoutes } from './roster-routes.ts';
import { teamRoutes } from './team-routes.ts';

function scopeOf(p: Principal): string {
  if (!p.scopePath) throw notFound('organisation unit');
  return p.scopePath;
}

export async function orgRoutes(app: FastifyInstance): Promise<void> {
  // creating, renaming, retiring and re-drawing units
  await app.register(unitAdminRoutes);
  const staff = { access: STAFF_ROLES };
  const inScope = (id: string, p: Principal) => unitInReach(app.db, id, p);
  // boards and posts, the duty roster, grid teams
  await app.register(postRoutes);
  await app.register(rosterRoutes);
  await app.register(teamRoutes);

  app.get('/api/org-units', {
    config: staff,
    schema: { summary: 'List org units', description: 'Org units in the caller\'s scope, filtered by parent or level; without geometry (see GET /api/org-units/{id} and /features).', tags: ['org'], querystring: s.UnitListQuery, response: { 200: s.UnitList } },
  }, async (req) => {
    const q = req.query as Static<typeof s.UnitListQuery>;
    const p = requirePrincipal(req);
    if (!p.scopePath) return { items: [], nextCursor: null };
    const limit = q.limit ?? 200;
    const rows = await store.listUnits(app.db, {
      scopePath: p.scopePath, parentId: q.parentId, level: q.level, q: q.q, afterCode: q.cursor, limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    return { items: page.map((u) => presentUnit(u, p)), nextCursor: rows.length > limit ? page[page.length - 1]!.code : null };
  });

  app.get('/api/org-units/locate', {
    config: { access: 'authenticated' },
    schema: {
      summary: 'The grid holding a point',
      tags: ['org'],
      description: 'The grid holding a WGS84 point, with its ancestors. Administrative divisions are public, so any signed-in account may ask.',
      querystring: s.LocateQuery, response: { 200: s.LocateResult },
    },
  }, async (req) => {
    const { lng, lat } = req.query as Static<typeof s.LocateQuery>;
    const gridId = (await app.locator.current()).locate(lng, lat);
    if (!gridId) {
      throw outsideGrids();
    }
    const [grid] = await store.listUnitsByIds(app.db, [gridId]);
    const ancestors = await store.listUnitsByIds(app.db, idsOnPath(grid!.path).slice(0, -1));
    const ref = (u: store.UnitRow) => ({ id: u.id, code: u.code, name: u.name, level: u.level });
    return { grid: ref(grid!), ancestors: ancestors.map(ref) };
  });

  app.get('/api/org-units/features', {
    config: staff,
    schema: { summary: 'Boundaries under a unit (GeoJSON)', tags: ['org'], description: 'Boundaries under a unit as a GeoJSON FeatureCollection.', querystring: s.FeaturesQuery, response: { 200: s.FeatureCollection } },
  }, async (req) => {
    const q = req.query as Static<typeof s.FeaturesQuery>;
    const p = requirePrincipal(req);
    const root = await inScope(q.rootId, p);
    const levels: OrgLevel[] = q.levels ?? ['community', 'grid', 'dedicatedGrid'];
    return presentFeatures(p.scopePath ? await store.listFeatures(app.db, root.path, p.scopePath, levels) : []);
  });

  app.get('/api/org-units/:id', {
    config: staff,
    schema: { summary: 'An org unit with its boundary', description: 'One org unit in the caller\'s scope, with its boundary (GeoJSON) and its ancestors.', tags: ['org'], params: s.IdParams, response: { 200: s.UnitWithGeometry } },
  }, async (req) => {
    const { id } = req.params as Static<typeof s.IdParams>;
    const p = requirePrincipal(req);
    const unit = await inScope(id, p);
    const ancestors = await store.listUnitsByIds(app.db, idsOnPath(unit.path).slice(0, -1));
    return {
      ...presentUnit(unit, p), geometry: unit.geometry,
      ancestors: ancestors.map((a) => ({ id: a.id, name: a.name, level: a.level, code: a.code })),
    };
  });

  app.get('/api/org-units/:id/boards', {
    config: staff,
    schema: { summary: 'The boards and posts of a town', tags: ['org'], description: 'The command center and four boards of a town, with posts and their A/B holders.', params: s.IdParams, response: { 200: s.Boards } },
  }, async (req) => {
    const { id } = req.params as Static<typeof s.IdParams>;
    await inScope(id, requirePrincipal(req));
    return { items: presentBoards(await store.listBoardPosts(app.db, id)) } as Static<typeof s.Boards>;
  });

  app.get('/api/org-units/:id/departments', {
    config: staff,
    schema: {
      summary: 'The departments cases can be sent to',
      tags: ['org'], description: 'The district departments (区县部门) that cases of this unit can be sent to ("部门报到").', params: s.IdParams,
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })) }) },
    },
  }, async (req) => {
    const { id } = req.params as Static<typeof s.IdParams>;
    const unit = await inScope(id, requirePrincipal(req));
    return { items: await store.listDepartmentsAbove(app.db, idsOnPath(unit.path)) };
  });

  app.post('/api/org-units/grids/import', {
    config: { access: ORG_EDITORS },
    bodyLimit: 20 * 1024 * 1024,
    schema: {
      summary: 'Import grid boundaries (GeoJSON)',
      tags: ['org'],
      description: 'Imports grid boundaries (GeoJSON). Invalid polygons, grids outside their community and overlaps refuse the whole file (422, details list every offending grid).',
      body: s.GridImportBody, response: { 200: s.GridImportResult },
    },
  }, async (req) => {
    const { features } = req.body as Static<typeof s.GridImportBody>;
    const result = await importGrids(app.db, { features, scopePath: scopeOf(requirePrincipal(req)), actor: actorOf(req), now: app.clock() });
    app.locator.invalidate();
    return result;
  });
}
