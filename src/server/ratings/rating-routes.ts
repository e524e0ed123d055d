import type { FastifyPluginAsync } from 'fastify';

/** GET /api/ratings, rules, compute, publish (H3) — placeholder of the issue 17 contract; its owner replaces this file (keep the export). */
export const ratingRoutes: FastifyPluginAsync = async () => {};
