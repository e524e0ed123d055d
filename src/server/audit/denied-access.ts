import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { actorOf, audit } from './audit-log.ts';

/**
 * A signed-in caller refused with 403 (a role without the right, or a case action its rules refuse) is written to the
 * audit log as a failure: 等保 asks for failed attempts as well as successes. Unauthenticated calls (401) are left to
 * the login log and the rate limits; 404s outside a caller's scope say nothing by design, here too.
 */
export const deniedAccessAudit = fp(async (app: FastifyInstance) => {
  // before the answer goes out, so the entry is there by the time the caller (or a test) looks
  app.addHook('onSend', async (req, reply, payload) => {
    if (reply.statusCode !== 403 || !req.principal || !req.url.startsWith('/api/')) return payload;
    try {
      await audit(app.db, {
        at: app.clock(), ...actorOf(req), action: 'access.denied', targetType: 'route',
        targetId: `${req.method} ${req.routeOptions.url ?? req.url.split('?')[0]}`, success: false,
        detail: { roles: req.principal.roles },
      });
    } catch (err) {
      req.log.error({ err }, 'could not write the refusal to the audit log');
    }
    return payload;
  });
});
