import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { VERSION } from './version.ts';

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/health', {
    config: { access: 'public' },
    schema: {
      tags: ['platform'],
      security: [],
      response: { 200: Type.Object({ status: Type.String(), db: Type.String(), version: Type.String(), demo: Type.Boolean({ description: 'demo data and demo accounts are loaded (never in production)' }) }) },
    },
  }, async () => {
    await app.db.query('select 1');
    return { status: 'ok', db: app.db.kind, version: VERSION, demo: !app.config.production };
  });
}
