import type { FastifyPluginAsync } from 'fastify';

/** 15-minute circle projects (H8) — placeholder of the issue 17 contract; its owner replaces this file (keep the export). */
export const projectRoutes: FastifyPluginAsync = async () => {};
