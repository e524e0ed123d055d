import type { FastifyPluginAsync } from 'fastify';

/** Placeholder: H4 replaces this file (issue 16). */
export const ruleRoutes: FastifyPluginAsync = async () => {};
