import type { FastifyPluginAsync } from 'fastify';

// filled in by its owner (issue 13)
export const alertRoutes: FastifyPluginAsync = async () => {};
