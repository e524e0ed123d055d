import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { ORG_EDITORS } from '../../shared/roles.ts';
import { idsOnPath } from '../../domain/identity/scope.ts';
import { requirePrincipal, type Principal } from '../platform/auth.ts';
import { notFound } from '../platform/errors.ts';
import { actorOf } from '../audit/audit-log.ts';
import { createUnit } from './create-unit.ts';
import { renameUnit } from './rename-unit.ts';
import { retireUnit } from './retire-unit.ts';
import { setUnitBoundary } from './set-unit-boundary.ts';
import { previewBoundaryChange } from '../registry/boundary-preview.ts';
import { BoundaryChangeBody, BoundaryPreview } from '../registry/boundary-schemas.ts';
import { moveUnit, outsideParent } from './move-unit.ts';
import { findMovePlace, listBoundaryHistory, listMoveTargets } from './unit-admin-store.ts';
import { PARENT_LEVEL } from '../../shared/org-levels.ts';
import { isAdministered } from '../../domain/org/unit-admin.ts';
import { presentUnit } from './presenters.ts';
import { IdParams, UnitWithGeometry } from './schemas.ts';
import { Boundaries, BoundaryBody, EditBody, MoveBody, MoveTargets, NewUnitBody } from './unit-admin-schemas.ts';
import * as store from './store.ts';

const scopeOf = (p: Principal): string => {
  if (!p.scopePath) throw notFound('organisation unit');
  return p.scopePath;
};

/** Communities, grids, dedicated grids and micro-grids created, renamed, retired and re-drawn by the town's administrators. */
export async function unitAdminRoutes(app: FastifyInstance): Promise<void> {
  const editors = { access: ORG_EDITORS };
  const detail = async (id: string, p: Principal) => {
    const unit = await store.getUnit(app.db, id, scopeOf(p));
    if (!unit) throw notFound('organisation unit');
    const ancestors = await store.listUnitsByIds(app.db, idsOnPath(unit.path).slice(0, -1));
    return { ...presentUnit(unit, p), geometry: unit.geometry, ancestors: ancestors.map((a) => ({ id: a.id, name: a.name, level: a.level, code: a.code })) };
  };

  app.post('/api/org-units', {
    config: editors,
    bodyLimit: 5 * 1024 * 1024,
    schema: {
      summary: 'Create an org unit',
      tags: ['org'], body: NewUnitBody, response: { 201: UnitWithGeometry },
      description: 'Creates a community, grid (001–899), dedicated grid (901–999) or micro-grid under a unit of the caller\'s scope; its code extends the parent\'s. A grid brings its boundary, checked like an import (inside the community, no overlap). 409 when the code is taken.',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const id = await createUnit(app.db, req.body as Static<typeof NewUnitBody>, scopeOf(p), actorOf(req), app.clock());
    app.locator.invalidate();
    return reply.status(201).send(await detail(id, p));
  });

  app.patch('/api/org-units/:id', {
    config: editors,
    schema: { summary: 'Rename an org unit', tags: ['org'], params: IdParams, body: EditBody, response: { 200: UnitWithGeometry }, description: 'Renames a unit; its code, place and cases stay.' },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id } = req.params as Static<typeof IdParams>;
    await renameUnit(app.db, id, (req.body as Static<typeof EditBody>).name, scopeOf(p), actorOf(req), app.clock());
    return detail(id, p);
  });

  app.post('/api/org-units/:id/move', {
    config: editors,
    schema: {
      tags: ['org'], params: IdParams, body: MoveBody, response: { 200: UnitWithGeometry },
      summary: 'Move a unit to another parent',
      description: 'Hangs a grid or dedicated grid under another community of its town, or a micro-grid under another grid, with the units under it and every case located in it (their paths follow, so scope follows). Its code takes the new parent\'s prefix, keeping its own number when free. 422 UNIT_MOVE_REFUSED (details.problems: level, other town, into itself, same parent, retired, or TEAM_OUTSIDE with the team members who would lose sight of the grid), 422 GEOMETRY_REJECTED when its boundary is not inside the new parent, 404 when either unit is outside the caller\'s scope.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id } = req.params as Static<typeof IdParams>;
    await moveUnit(app.db, id, (req.body as Static<typeof MoveBody>).parentId, { scopePath: scopeOf(p), actor: actorOf(req), now: app.clock() });
    app.locator.invalidate();
    return detail(id, p);
  });

  app.get('/api/org-units/:id/move-targets', {
    config: editors,
    schema: {
      tags: ['org'], params: IdParams, response: { 200: MoveTargets },
      summary: 'Where a unit may move',
      description: 'The units of the caller\'s scope a unit may be moved under: those of its parent\'s level in its own town, in use, other than its parent, each with whether the unit\'s boundary fits inside it (`fits`). Empty for a unit that does not move (a town, a community: its parent is the town).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id } = req.params as Static<typeof IdParams>;
    const unit = await findMovePlace(app.db, id, scopeOf(p), { lock: false });
    if (!unit) throw notFound('organisation unit');
    const level = PARENT_LEVEL[unit.level];
    if (!isAdministered(unit.level) || !level || !unit.town_id || unit.retired_at || level === 'town') return { items: [] };
    const [town] = await store.listUnitsByIds(app.db, [unit.town_id]);
    const rows = await listMoveTargets(app.db, { level, townPath: town!.path, scopePath: scopeOf(p), outsidePath: unit.path });
    return {
      items: rows.filter((r) => r.id !== unit.parent_id).map((r) => ({
        id: r.id, level: r.level, code: r.code, name: r.name, parentId: r.parent_id, parentName: r.parent_name,
        fits: outsideParent(unit, r).length === 0,
      })),
    };
  });

  app.post('/api/org-units/:id/retire', {
    config: editors,
    schema: {
      summary: 'Retire an org unit',
      tags: ['org'], params: IdParams, response: { 204: Type.Null() },
      description: 'Retires a community, grid or micro-grid with no open case and no unit under it in use (409 UNIT_IN_USE otherwise): it leaves the lists and the map; closed cases keep it.',
    },
  }, async (req, reply) => {
    await retireUnit(app.db, (req.params as Static<typeof IdParams>).id, scopeOf(requirePrincipal(req)), actorOf(req), app.clock());
    app.locator.invalidate();
    return reply.status(204).send();
  });

  app.post('/api/org-units/:id/boundary-preview', {
    config: editors,
    bodyLimit: 5 * 1024 * 1024,
    schema: {
      summary: 'Preview a boundary change (勘界)',
      tags: ['org'], params: IdParams, body: BoundaryChangeBody, response: { 200: BoundaryPreview },
      description: 'What saving these boundaries would do, without saving: the grid\'s new boundary (`geometry`), or several grids of the town redrawn together (`units`: a strip handed to a neighbour, a merge, a split), checked like the save (422 GEOMETRY_REJECTED with the problems). Answers the registry records that change grid, per kind with the first 50 (a resident\'s name masked), the records the change would leave in no grid (`refused`: the save is then refused), and the open cases on ground that changes grid (left where they are by the save). 404 when a unit is outside the caller\'s scope.',
    },
  }, async (req) => {
    const { id } = req.params as Static<typeof IdParams>;
    return previewBoundaryChange(app.db, id, req.body as Static<typeof BoundaryChangeBody>, scopeOf(requirePrincipal(req)));
  });

  app.put('/api/org-units/:id/boundary', {
    config: editors,
    bodyLimit: 5 * 1024 * 1024,
    schema: {
      summary: 'Redraw a grid\'s boundary',
      tags: ['org'], params: IdParams, body: BoundaryBody, response: { 200: UnitWithGeometry },
      description: 'A grid\'s new boundary (`geometry`), with its neighbours\' when they change together (`units`), with the checks of the GeoJSON import (422 GEOMETRY_REJECTED with the problems); the old ones are kept in the history. In the same transaction the registry records that change grid move, each with a history row carrying the `reason` (required when any moves: 422 BOUNDARY_REASON_REQUIRED); a change that would leave records in no grid is refused (422 BOUNDARY_STRANDS_RECORDS, details.outside). Open cases stay in their grid. POST /api/org-units/{id}/boundary-preview shows all of it first.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id } = req.params as Static<typeof IdParams>;
    await setUnitBoundary(app.db, id, req.body as Static<typeof BoundaryBody>, scopeOf(p), actorOf(req), app.clock());
    app.locator.invalidate();
    return detail(id, p);
  });

  app.get('/api/org-units/:id/boundaries', {
    config: editors,
    schema: { summary: 'The boundary history of a unit', tags: ['org'], params: IdParams, response: { 200: Boundaries }, description: 'The boundaries a unit had before its current one, newest first, with when each stopped being the boundary.' },
  }, async (req) => {
    const { id } = req.params as Static<typeof IdParams>;
    await detail(id, requirePrincipal(req));
    const rows = await listBoundaryHistory(app.db, id);
    return { items: rows.map((r) => ({ geometry: r.geometry, validUntil: r.valid_until.toISOString() })) };
  });
}
