import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { VERSION } from './version.ts';

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/health', {
    config: { access: 'public' },
    schema: {
      summary: 'Health check',
      tags: ['platform'],
      security: [],
      description: 'Liveness for load balancers and monitors: answers once the database does. Says nothing about accounts or demo data.',
      response: { 200: Type.Object({ status: Type.String(), db: Type.String(), version: Type.String() }) },
    },
  }, async () => {
    await app.db.query('select 1');
    return { status: 'ok', db: app.db.kind, version: VERSION };
  });
}
