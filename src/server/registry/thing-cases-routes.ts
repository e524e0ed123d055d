import { decodeCaseCursor, encodeCaseCursor } from '../cases/cursor.ts';
import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { REGISTRY_READERS } from '../../shared/registry.ts';
import { boundingBox } from '../../domain/cases/duplicates.ts';
import { suggestThing, thingsNear, TERRITORY_REACH_M } from '../../domain/registry/thing-reach.ts';
import { requirePrincipal } from '../platform/auth.ts';
import { notFound } from '../platform/errors.ts';
import { actorOf, assigneeId, viewerOf } from '../cases/case-mapping.ts';
import { presentCaseListItem } from '../cases/presenters.ts';
import { CasePage } from '../cases/schemas.ts';
import * as cases from '../cases/store.ts';
import { findThingSummary, listThingsInBox } from './thing-cases-store.ts';
import { inReach, reachOf } from './reach.ts';
import { presentNearThings } from './thing-cases-presenters.ts';
import * as s from './thing-cases-schemas.ts';

/** the most things the picker lists; the box read is capped higher, so the nearest are among those read */
const NEAR_ITEMS = 20;
const NEAR_READ = 500;

/** Things in the case loop (issue 11): a thing's cases, and the things near a point a report may be made at. */
export async function thingCaseRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/registry/things/:id/cases', {
    config: { access: REGISTRY_READERS },
    schema: {
      tags: ['registry'],
      summary: 'The cases reported at a thing',
      description: 'The cases reported at a registered thing (a manhole, a hydrant, a facade) of the caller\'s territory, newest first, as case lists show them (each case also only if the caller sees it); `open=true` only those still open. 404 for a thing outside the territory.',
      params: s.ThingIdParams, querystring: s.ThingCasesQuery, response: { 200: CasePage },
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id } = req.params as Static<typeof s.ThingIdParams>;
    const q = req.query as Static<typeof s.ThingCasesQuery>;
    const reach = reachOf(p);
    const thing = await findThingSummary(app.db, id);
    if (!thing || !inReach(reach, thing)) throw notFound('thing');
    const limit = q.limit ?? 50;
    const rows = await cases.listCasesOfThing(app.db, id, viewerOf(p), { open: q.open ?? false, before: q.cursor ? decodeCaseCursor(q.cursor) : undefined, limit: limit + 1 });
    const page = rows.slice(0, limit);
    const names = await cases.assigneeNames(app.db, page.flatMap((r) => { const a = assigneeId(r.assignee); return a ? [a] : []; }));
    const last = page[page.length - 1];
    return {
      items: page.map((r) => presentCaseListItem(r, names, app.clock(), actorOf(p))),
      nextCursor: rows.length > limit && last ? encodeCaseCursor(last) : null,
    };
  });

  app.get('/api/registry/things/nearby', {
    config: { access: REGISTRY_READERS },
    schema: {
      tags: ['registry'],
      summary: 'Things near a point, to report at',
      description: `For 在部件处上报: the unretired things of the caller's territory within ${TERRITORY_REACH_M} m of the point, nearest first, and with \`categoryCode\` the one intake suggests (the nearest thing of a kind the category is about, within 5 m).`,
      querystring: s.NearThingsQuery, response: { 200: s.NearThings },
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof s.NearThingsQuery>;
    const at = { lng: q.lng, lat: q.lat };
    const rows = await listThingsInBox(app.db, boundingBox(at, TERRITORY_REACH_M), reachOf(p), NEAR_READ);
    const near = thingsNear(rows.map((r) => ({ ...r, location: { lng: r.lng, lat: r.lat } })), at, TERRITORY_REACH_M);
    return presentNearThings(near, suggestThing(near, q.categoryCode, at), NEAR_ITEMS);
  });
}

