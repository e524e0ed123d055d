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
import { listBoundaryHistory } from './unit-admin-store.ts';
import { presentUnit } from './presenters.ts';
import { IdParams, UnitWithGeometry } from './schemas.ts';
import { Boundaries, BoundaryBody, EditBody, NewUnitBody } from './unit-admin-schemas.ts';
import * as store from './store.ts';

const scopeOf = (p: Principal): string => {
  if (!p.scopePath) throw notFound('organisation unit');
  return p.scopePath;
};

/** Communities, grids, dedicated grids and micro-grids created, renamed, retired and re-drawn by the town's administrators. */
export async function unitAdminRoutes(app: FastifyInstance): Promise<void> {
  const editors = { access: ORG_EDITORS };
  const detail = async (id: string, scopePath: string) => {
    const unit = await store.getUnit(app.db, id, scopePath);
    if (!unit) throw notFound('organisation unit');
    const ancestors = await store.listUnitsByIds(app.db, idsOnPath(unit.path).slice(0, -1));
    return { ...presentUnit(unit), geometry: unit.geometry, ancestors: ancestors.map((a) => ({ id: a.id, name: a.name, level: a.level, code: a.code })) };
  };

  app.post('/api/org-units', {
    config: editors,
    bodyLimit: 5 * 1024 * 1024,
    schema: {
      tags: ['org'], body: NewUnitBody, response: { 201: UnitWithGeometry },
      description: 'Creates a community, grid (001–899), dedicated grid (901–999) or micro-grid under a unit of the caller\'s scope; its code extends the parent\'s. A grid brings its boundary, checked like an import (inside the community, no overlap). 409 when the code is taken.',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const id = await createUnit(app.db, req.body as Static<typeof NewUnitBody>, scopeOf(p), actorOf(req), app.clock());
    app.locator.invalidate();
    return reply.status(201).send(await detail(id, scopeOf(p)));
  });

  app.patch('/api/org-units/:id', {
    config: editors,
    schema: { tags: ['org'], params: IdParams, body: EditBody, response: { 200: UnitWithGeometry }, description: 'Renames a unit; its code, place and cases stay.' },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id } = req.params as Static<typeof IdParams>;
    await renameUnit(app.db, id, (req.body as Static<typeof EditBody>).name, scopeOf(p), actorOf(req), app.clock());
    return detail(id, scopeOf(p));
  });

  app.post('/api/org-units/:id/retire', {
    config: editors,
    schema: {
      tags: ['org'], params: IdParams, response: { 204: Type.Null() },
      description: 'Retires a community, grid or micro-grid with no open case and no unit under it in use (409 UNIT_IN_USE otherwise): it leaves the lists and the map; closed cases keep it.',
    },
  }, async (req, reply) => {
    await retireUnit(app.db, (req.params as Static<typeof IdParams>).id, scopeOf(requirePrincipal(req)), actorOf(req), app.clock());
    app.locator.invalidate();
    return reply.status(204).send();
  });

  app.put('/api/org-units/:id/boundary', {
    config: editors,
    bodyLimit: 5 * 1024 * 1024,
    schema: {
      tags: ['org'], params: IdParams, body: BoundaryBody, response: { 200: UnitWithGeometry },
      description: 'A grid\'s new boundary, with the checks of the GeoJSON import (422 GEOMETRY_REJECTED with the problems); the old one is kept in its history.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id } = req.params as Static<typeof IdParams>;
    await setUnitBoundary(app.db, id, (req.body as Static<typeof BoundaryBody>).geometry, scopeOf(p), actorOf(req), app.clock());
    app.locator.invalidate();
    return detail(id, scopeOf(p));
  });

  app.get('/api/org-units/:id/boundaries', {
    config: editors,
    schema: { tags: ['org'], params: IdParams, response: { 200: Boundaries }, description: 'The boundaries a unit had before its current one, newest first, with when each stopped being the boundary.' },
  }, async (req) => {
    const { id } = req.params as Static<typeof IdParams>;
    await detail(id, scopeOf(requirePrincipal(req)));
    const rows = await listBoundaryHistory(app.db, id);
    return { items: rows.map((r) => ({ geometry: r.geometry, validUntil: r.valid_until.toISOString() })) };
  });
}
