import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { requirePrincipal } from '../platform/auth.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { createOnce } from '../registry/route-helpers.ts';
import { WEBHOOK_ADMINS } from '../../shared/alarms.ts';
import * as s from './partner-schemas.ts';
import * as store from './webhook-store.ts';
import { presentDelivery, presentWebhook } from './partner-presenters.ts';
import { createWebhook, testWebhook, updateWebhook, type WebhookActor } from './save-webhook.ts';

const TAGS = ['alarms'];
const admins = { access: WEBHOOK_ADMINS };
const PAGE = 50;

/** Partner webhooks (合作方通知): the town's family doctors, traffic police, 120 told of alarms, signed and retried. */
export async function webhookRoutes(app: FastifyInstance): Promise<void> {
  const actor = (req: FastifyRequest): WebhookActor => ({ principal: requirePrincipal(req), ip: req.ip, now: app.clock() });
  const scope = (req: FastifyRequest) => requirePrincipal(req).scopePath;
  const webhook = async (req: FastifyRequest, id: string) => {
    const path = scope(req);
    const w = path ? await store.findWebhook(app.db, path, id) : null;
    if (!w) throw notFound('webhook');
    return w;
  };

  app.get('/api/webhooks', {
    config: admins,
    schema: {
      summary: 'Partner webhooks', tags: TAGS, querystring: s.WebhookListQuery, response: { 200: s.WebhookList },
      description: 'The partner webhooks of the towns in (or holding) the caller\'s scope, with each one\'s last delivery. Secrets are never shown again.',
    },
  }, async (req) => {
    const path = scope(req);
    const { townId } = req.query as Static<typeof s.WebhookListQuery>;
    const rows = path ? await store.listWebhooks(app.db, path, townId ?? null) : [];
    return { items: rows.map(presentWebhook), policies: path ? ['create' as const] : [] };
  });

  app.post('/api/webhooks', {
    config: admins,
    schema: {
      summary: 'Add a partner webhook', tags: TAGS, body: s.WebhookBody, response: { 201: s.WebhookSaved, 200: s.WebhookSaved },
      description: 'Adds a webhook the town\'s alarms of the listed types (`*`: all) are POSTed to, signed with a secret answered only now (`X-Zhizhi-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`). Loopback and private addresses are refused (422 WEBHOOK_INVALID) unless the server runs with WEBHOOK_ALLOW_PRIVATE=1. `Idempotency-Key`: the same key answers the first webhook and its secret (200).',
    },
  }, async (req, reply) => {
    const body = req.body as Static<typeof s.WebhookBody>;
    let secret: string | null = null;
    const id = await createOnce(app, req, 'webhook', async (tx) => {
      const made = await createWebhook(tx, app.pii, body, actor(req));
      secret = made.secret;
      return made.id;
    });
    const w = await webhook(req, id);
    const created = secret !== null;
    return reply.status(created ? 201 : 200).send({ webhook: presentWebhook(w), secret: secret ?? app.pii.tryDecrypt(w.secret) });
  });

  app.put('/api/webhooks/:id', {
    config: admins,
    schema: {
      summary: 'Change a partner webhook', tags: TAGS, params: s.IdParams, body: s.WebhookUpdate, response: { 200: s.WebhookSaved },
      description: 'Changes the name, URL, alarm types or whether it is active (`version` from the last read: 409 CONFLICT if it moved). `rotateSecret` makes a new signing secret, answered only now; deliveries still queued are signed with the new one.',
    },
  }, async (req) => {
    const { id } = req.params as Static<typeof s.IdParams>;
    const body = req.body as Static<typeof s.WebhookUpdate>;
    const { secret } = await app.db.transaction((tx) => updateWebhook(tx, app.pii, id, body, actor(req)));
    return { webhook: presentWebhook(await webhook(req, id)), secret };
  });

  app.post('/api/webhooks/:id/test', {
    config: admins,
    schema: {
      summary: 'Send a test notification', tags: TAGS, params: s.IdParams, response: { 200: s.Delivery },
      description: 'POSTs a signed test payload (`event: "test"`) to the webhook now, once, and answers the delivery as the log keeps it: delivered with the partner\'s HTTP status, or failed with the error. Nothing is retried.',
    },
  }, async (req) => {
    const { id } = req.params as Static<typeof s.IdParams>;
    const rowId = await testWebhook(app.db, app.pii, id, actor(req));
    const d = await store.findDelivery(app.db, rowId);
    if (!d) throw notFound('delivery');
    return presentDelivery(d);
  });

  app.get('/api/webhooks/:id/deliveries', {
    config: admins,
    schema: {
      summary: 'A webhook\'s delivery log', tags: TAGS, params: s.IdParams, querystring: s.DeliveryQuery, response: { 200: s.DeliveryPage },
      description: 'The deliveries of one webhook, newest first, 50 a page: the alarm and care order each was about (or a test), attempts, the partner\'s last HTTP status or error, and when the next attempt is due.',
    },
  }, async (req) => {
    const { id } = req.params as Static<typeof s.IdParams>;
    const { before } = req.query as Static<typeof s.DeliveryQuery>;
    await webhook(req, id);
    const rows = await store.listDeliveries(app.db, id, before ? cursorOf(before) : null, PAGE + 1);
    const items = rows.slice(0, PAGE);
    const last = items.at(-1);
    return { items: items.map(presentDelivery), nextCursor: rows.length > PAGE && last ? `${last.created_at.toISOString()}|${last.id}` : null };
  });
}

function cursorOf(raw: string): { at: Date; id: string } {
  const [at, id] = raw.split('|');
  const d = new Date(at ?? '');
  if (!id || Number.isNaN(d.getTime())) throw new AppError('VALIDATION_FAILED', 'The cursor is not one this list gave.', '翻页参数无效。');
  return { at: d, id };
}
