import type { FastifyPluginAsync } from 'fastify';

/** 线上通报 (H4) — placeholder of the issue 17 contract; its owner replaces this file (keep the export). */
export const bulletinRoutes: FastifyPluginAsync = async () => {};
