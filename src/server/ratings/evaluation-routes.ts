import type { FastifyPluginAsync } from 'fastify';

/** 反向评价 of district departments (H3) — placeholder of the issue 17 contract; its owner replaces this file (keep the export). */
export const evaluationRoutes: FastifyPluginAsync = async () => {};
