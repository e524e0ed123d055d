import type { FastifyInstance } from 'fastify';

/** placeholder: its owner fills it in (issue 14) */
export async function planRoutes(_app: FastifyInstance): Promise<void> {}
