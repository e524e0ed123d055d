import type { FastifyPluginAsync } from 'fastify';

/** 一表通 forms and fills (H7) — placeholder of the issue 17 contract; its owner replaces this file (keep the export). */
export const reportRoutes: FastifyPluginAsync = async () => {};
