import type { FastifyPluginAsync } from 'fastify';

/** GET /api/indicators/values, runs and recompute (H1 values; H2 runs) — placeholder of the issue 17 contract; its owner replaces this file (keep the export). */
export const valueRoutes: FastifyPluginAsync = async () => {};
