import type { FastifyPluginAsync } from 'fastify';

/** Placeholder: H5 replaces this file (issue 16). */
export const goodsRoutes: FastifyPluginAsync = async () => {};
