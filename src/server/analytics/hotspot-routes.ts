import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { requirePrincipal } from '../platform/auth.ts';
import { ANALYTICS_READERS } from '../../shared/analytics.ts';
import { CELL_METRES } from '../../domain/analytics/cells.ts';
import { DEFAULT_DAYS, MAX_DAYS, hotspots } from './hotspots.ts';
import { HotspotQuery, Hotspots } from './schemas.ts';

/** GET /api/analytics/hotspots — 高频诉求: what is asked for most, and where, under a unit of the caller's scope. */
export async function hotspotRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/analytics/hotspots', {
    config: { access: ANALYTICS_READERS },
    schema: {
      summary: 'Hot spots of demand (高频诉求)', tags: ['analytics'], querystring: HotspotQuery, response: { 200: Hotspots },
      description: `The cases and ideas reported from \`from\` to \`to\` (days, Asia/Shanghai, both included; default the last ${DEFAULT_DAYS} days to today, at most ${MAX_DAYS}) under \`orgUnitId\` (a unit inside the caller's scope, 404 outside; default the scope itself), counted in SQL under the unit's path, against the previous span of equal length: the top categories of cases (names) and of ideas, the top places as cells of about ${CELL_METRES} m (centre, count, trend, the top category there, the main grid and its community) and the top grids. No reporter, name or phone is in it. \`policies\` holds createProject for those who make the community's 15-minute circle projects.`,
    },
  }, async (req) => hotspots(app.db, requirePrincipal(req), req.query as Static<typeof HotspotQuery>, app.clock()));
}
