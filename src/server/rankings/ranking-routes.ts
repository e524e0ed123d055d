import type { FastifyPluginAsync } from 'fastify';

/** GET /api/rankings (H4) — placeholder of the issue 17 contract; its owner replaces this file (keep the export). */
export const rankingRoutes: FastifyPluginAsync = async () => {};
