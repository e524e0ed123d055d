import type { FastifyPluginAsync } from 'fastify';

/** Placeholder: H3 replaces this file (issue 16). */
export const meetingRoutes: FastifyPluginAsync = async () => {};
