import type { FastifyPluginAsync } from 'fastify';

/** POST /api/ratings/:id/appeal and answers (H3) — placeholder of the issue 17 contract; its owner replaces this file (keep the export). */
export const appealRoutes: FastifyPluginAsync = async () => {};
