import type { FastifyInstance } from 'fastify';

/** placeholder: its owner fills it in (issue 14) */
export async function triggerRoutes(_app: FastifyInstance): Promise<void> {}
