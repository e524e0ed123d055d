import type { FastifyPluginAsync } from 'fastify';

/** Placeholder: H1 replaces this file (issue 16). */
export const partyRoutes: FastifyPluginAsync = async () => {};
