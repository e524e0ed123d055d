import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { checkMetricsAccess, NodeMetrics } from './metrics.ts';

/**
 * GET /metrics (Prometheus text) and the hook that times every request by its route template. Installed on the root
 * app before the capabilities' routes, so the hook covers them all. docs/operations.md, "Monitoring".
 */
export function installMetrics(app: FastifyInstance): void {
  const metrics = new NodeMetrics({ db: app.db, sseClients: () => app.live.connections, liveResyncs: () => app.live.resyncs }, app.config.env);

  app.addHook('onResponse', (req, reply, done) => {
    // a live stream answers once, when it closes: its length is no latency (zhizhi_sse_clients counts the open ones)
    const type = String(reply.raw.getHeader('content-type') ?? '');
    if (!type.startsWith('text/event-stream')) metrics.observeRequest(req.method, req.routeOptions.url, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });

  app.get('/metrics', {
    config: { access: 'public' },
    // before anything else: a caller refused learns nothing more than 401 or 403
    onRequest: async (req) => {
      checkMetricsAccess(app.config.env, { headers: req.headers, remoteAddress: req.socket.remoteAddress, localAddress: req.socket.localAddress });
    },
    schema: {
      summary: 'Metrics for Prometheus',
      tags: ['platform'],
      security: [],
      description: 'This node\'s metrics in the Prometheus text format: requests by method, route template and status class with their '
        + 'latency, live streams open, job queue backlogs and the age of the oldest waiting job, device readings taken in over MQTT and HTTP, '
        + 'the database pool, Node\'s process metrics, the version. Not for accounts: with METRICS_TOKEN set, send '
        + '`Authorization: Bearer <METRICS_TOKEN>` (401 otherwise); without it, only a client on the machine itself, not through a proxy, '
        + 'is answered (403 otherwise). docs/operations.md, "Monitoring".',
      response: {
        200: {
          description: 'Prometheus text exposition format 0.0.4',
          content: { 'text/plain': { schema: Type.String({ description: 'metric families: # HELP, # TYPE and one line per series' }) } },
        },
      },
    },
  }, async (_req, reply) => {
    const text = await metrics.scrape();
    return reply.type(metrics.contentType).send(text);
  });
}
