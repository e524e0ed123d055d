import type { FastifyPluginAsync } from 'fastify';

/** GET /api/screen/summary (H5) — placeholder of the issue 17 contract; its owner replaces this file (keep the export). */
export const screenRoutes: FastifyPluginAsync = async () => {};
