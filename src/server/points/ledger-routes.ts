import type { FastifyPluginAsync } from 'fastify';

/** Placeholder: H4 replaces this file (issue 16). */
export const ledgerRoutes: FastifyPluginAsync = async () => {};
