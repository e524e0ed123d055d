import type { FastifyPluginAsync } from 'fastify';

/** Placeholder: H2 replaces this file (issue 16). */
export const councilRoutes: FastifyPluginAsync = async () => {};
