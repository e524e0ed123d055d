import type { FastifyInstance } from 'fastify';
import { publicRateLimit } from '../platform/public-rate-limit.ts';
import { Type, type Static } from '@sinclair/typebox';
import { idsOnPath } from '../../domain/identity/scope.ts';
import { outsideGrids } from '../platform/errors.ts';
import { presentFeatures } from './presenters.ts';
import * as store from './store.ts';
import * as s from './schemas.ts';

const PointQuery = Type.Object({ lng: Type.Number({ minimum: -180, maximum: 180 }), lat: Type.Number({ minimum: -90, maximum: 90 }) }, { additionalProperties: false });

/**
 * The grid map around a point for people without a staff account (residents, the anonymous 随手拍 form): the
 * community that holds the point and its grids, as drawn on every community's public board. Outlines and names
 * only — no figures, no teams.
 */
export async function publicOrgRoutes(app: FastifyInstance): Promise<void> {
  await publicRateLimit(app, { en: 'requests', zh: '请求' });

  app.get('/api/public/grid-map', {
    config: { access: 'public', rateLimit: { max: 60, timeWindow: '10 minutes' } },
    schema: {
      summary: 'The grids around a point, for the anonymous report',
      tags: ['org'], security: [], querystring: PointQuery, response: { 200: s.FeatureCollection },
      description: 'The community holding a point and its grids (outlines and names, nothing else), for the map of a resident\'s report. 422 outside every grid.',
    },
  }, async (req) => {
    const { lng, lat } = req.query as Static<typeof PointQuery>;
    const gridId = (await app.locator.current()).locate(lng, lat);
    if (!gridId) throw outsideGrids();
    const [grid] = await store.listUnitsByIds(app.db, [gridId]);
    const chain = await store.listUnitsByIds(app.db, idsOnPath(grid!.path));
    const area = chain.findLast((u) => u.level === 'community') ?? grid!;
    const rows = await store.listFeatures(app.db, area.path, area.path, ['community', 'grid', 'dedicatedGrid']);
    const map = presentFeatures(rows);
    for (const f of map.features) { f.properties.population = null; f.properties.households = null; }
    return map;
  });
}
