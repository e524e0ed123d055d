import type { FastifyPluginAsync } from 'fastify';

/** GET /api/analytics/hotspots (H8) — placeholder of the issue 17 contract; its owner replaces this file (keep the export). */
export const hotspotRoutes: FastifyPluginAsync = async () => {};
