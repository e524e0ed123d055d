import type { FastifyPluginAsync } from 'fastify';

/** GET /api/indicators, GET|POST|PUT /api/indicators/:code, targets (H1) — placeholder of the issue 17 contract; its owner replaces this file (keep the export). */
export const catalogRoutes: FastifyPluginAsync = async () => {};
