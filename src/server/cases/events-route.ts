import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { STAFF_ROLES } from '../../shared/roles.ts';
import { requirePrincipal } from '../platform/auth.ts';
import { liveSessionAccess, principalAccess } from '../identity/session-access.ts';
import { canSeeCase } from '../../domain/cases/visibility.ts';
import { viewerOf } from './case-mapping.ts';
import { presentCaseEvent } from './presenters.ts';
import { SCREEN_VIEWERS } from '../../shared/screen.ts';
import { presentScreenChange } from '../screen/screen-events.ts';

export async function caseEventRoutes(app: FastifyInstance): Promise<void> {
  app.live.guardSessions((hashes) => liveSessionAccess(app.db, hashes, app.clock()), app.config.liveRecheckMs);

  app.get('/api/events', {
    config: { access: [...STAFF_ROLES, 'resident'] },
    schema: {
      summary: 'Live case changes (Server-Sent Events)',
      tags: ['cases'],
      description: 'Server-Sent Events: one `case` event per change of a case within the caller\'s scope (or reported by the caller); for the command screen\'s viewers also one `alarm` event per alarm raised, acknowledged or cleared and one `incident` event per incident started, changed or stood down within their territory (no person named). When this node may have missed changes (its connection to the database\'s notifications was lost and is back), a last `resync` event (`reason`: `changesMissed`) is sent and the stream closes: read what is shown again, then reconnect. When the caller\'s session ends (sign-out, expiry, a disabled account, a password change elsewhere) or what it may see changes, a last `revoked` event (`reason`: `sessionEnded` or `accessChanged`) is sent and the stream closes; reconnecting then answers 401 or streams with the new access. Send the bearer token in the Authorization header (fetch-based readers).',
      response: {
        200: {
          description: 'an event stream that stays open',
          content: { 'text/event-stream': { schema: Type.String({ description: '`event: case` with `data:` a JSON CaseEvent { caseId, number, eventId, action, status, at } and `id:` the eventId; `event: alarm` / `event: incident` with `data:` a ScreenLiveChange { subject, id, action, status, type, level, gridId, number?, title?, at }; a last `event: revoked` with `data: { reason }`, or a last `event: resync` with `data: { reason: changesMissed }`' }) } },
        },
      },
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const viewer = viewerOf(p);
    // alarms and incidents (the command screen, issue 17): its viewers, inside their territory
    const screenScope = p.roles.some((r) => (SCREEN_VIEWERS as readonly string[]).includes(r)) ? p.scopePath : null;
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(`retry: 3000\n: connected\n\n`);
    const unsubscribe = app.live.subscribe({
      accountId: p.accountId,
      tokenHash: p.tokenHash,
      access: principalAccess(p),
      accepts: (c) => canSeeCase(viewer, c),
      send: (c) => res.write(`id: ${c.eventId}\nevent: case\ndata: ${JSON.stringify(presentCaseEvent(c))}\n\n`),
      acceptsScreen: (c) => screenScope !== null && c.orgPath.startsWith(screenScope),
      sendScreen: (c) => res.write(`event: ${c.subject}\ndata: ${JSON.stringify(presentScreenChange(c))}\n\n`),
      end: (revoked) => {
        close();
        if (revoked) res.write(`event: revoked\ndata: ${JSON.stringify({ reason: revoked })}\n\n`);
        res.end();
      },
      resync: () => {
        close();
        res.write(`event: resync\ndata: ${JSON.stringify({ reason: 'changesMissed' })}\n\n`);
        res.end();
      },
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
    const close = () => {
      clearInterval(heartbeat);
      unsubscribe();
    };
    req.raw.on('close', close);
  });
}
