import type { FastifyInstance } from 'fastify';

/**
 * One JSON line per answered request (LOG_REQUESTS=1), through Fastify's logger (pino): `requestId`, `node`, `method`,
 * `route` (the template, `/api/cases/:id`: never the URL, whose path and query may carry ids, phone numbers or signed
 * links), `status` and `ms`. Never a header, a body or a token. A live stream is logged when it closes.
 */
export function logRequests(app: FastifyInstance): void {
  app.addHook('onResponse', (req, reply, done) => {
    req.log.info({ method: req.method, route: req.routeOptions.url ?? null, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
    done();
  });
}
