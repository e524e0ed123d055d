import type { FastifyInstance } from 'fastify';

/** Placeholder: its owner replaces this file (see /work/notes/issue15-contract.md). */
export async function disputeRoutes(_app: FastifyInstance): Promise<void> {}
