import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { createHash } from 'node:crypto';
import { requirePrincipal } from '../platform/auth.ts';
import { notFound } from '../platform/errors.ts';
import { publicRateLimit } from '../platform/public-rate-limit.ts';
import { PLATFORM_ADMINS } from '../../shared/alarms.ts';
import * as s from './partner-schemas.ts';
import * as store from './alert-platform-store.ts';
import { presentPlatform } from './partner-presenters.ts';
import { registerPlatform, rotatePlatformKey, updatePlatform, type PlatformActor } from './register-platform.ts';
import { receiveAlert } from './receive-alert.ts';

const TAGS = ['alarms'];
const admins = { access: PLATFORM_ADMINS };

/** Alerts from other platforms (fire AI, anti-fraud, enterprise anomaly) with their own API keys, and their registration. */
export async function alertRoutes(app: FastifyInstance): Promise<void> {
  await publicRateLimit(app, { en: 'alerts', zh: '告警推送' });
  const actor = (req: FastifyRequest): PlatformActor => ({ principal: requirePrincipal(req), ip: req.ip, now: app.clock() });
  const platform = async (req: FastifyRequest, id: string) => {
    const path = requirePrincipal(req).scopePath;
    const p = path ? await store.findPlatform(app.db, path, id) : null;
    if (!p) throw notFound('platform');
    return p;
  };
  const apiKeyOf = (req: FastifyRequest) => {
    const k = req.headers['x-api-key'];
    return typeof k === 'string' ? k : undefined;
  };

  app.post('/api/alerts', {
    config: {
      access: 'public',
      // per key (per address without one): a platform sends from one address, a guesser is held back
      rateLimit: {
        max: 600, timeWindow: '1 minute',
        keyGenerator: (req) => {
          const k = apiKeyOf(req);
          return k ? `k:${createHash('sha256').update(k).digest('hex')}` : `ip:${req.ip}`;
        },
      },
    },
    schema: {
      summary: 'Receive another platform\'s alert', tags: TAGS, body: s.AlertBody, response: { 201: s.AlertAccepted, 200: s.AlertAccepted },
      description: 'Another platform (fire AI, anti-fraud, enterprise anomaly) sends an alert with its `X-Api-Key`: it becomes a case (source `platform`) of the matter the platform\'s type → matter map names, at the location (or at the registered building or place with that exact address). 401 API_KEY_INVALID for a missing, wrong or revoked key or one of another platform; 422 ALERT_INVALID when the type maps to no matter or the point lies outside the platform\'s ground. Idempotent on (platform, externalId): sending it again answers the first case (200).',
    },
  }, async (req, reply) => {
    const body = req.body as Static<typeof s.AlertBody>;
    const out = await receiveAlert(app.db, app, apiKeyOf(req), body, app.clock());
    return reply.status(out.created ? 201 : 200).send(out);
  });

  app.get('/api/alert-platforms', {
    config: admins,
    schema: {
      summary: 'Alert platforms', tags: TAGS, response: { 200: s.PlatformList },
      description: 'The platforms that send alerts onto the caller\'s ground, with their type → matter maps and how many alerts each sent. Keys are never shown again.',
    },
  }, async (req) => {
    const path = requirePrincipal(req).scopePath;
    return { items: path ? (await store.listPlatforms(app.db, path)).map(presentPlatform) : [], policies: path ? ['create' as const] : [] };
  });

  app.post('/api/alert-platforms', {
    config: admins,
    schema: {
      summary: 'Register an alert platform', tags: TAGS, body: s.PlatformBody, response: { 201: s.PlatformKeyed },
      description: 'Registers a platform on a district or town of the caller\'s scope, with its type → matter map (422 ALERT_INVALID naming a type or matter that does not hold; 409 CONFLICT when the id is taken). Answers its API key, shown only now; only the key\'s SHA-256 is kept.',
    },
  }, async (req, reply) => {
    const body = req.body as Static<typeof s.PlatformBody>;
    const { apiKey } = await app.db.transaction((tx) => registerPlatform(tx, body, actor(req)));
    return reply.status(201).send({ platform: presentPlatform(await platform(req, body.id)), apiKey });
  });

  app.put('/api/alert-platforms/:id', {
    config: admins,
    schema: {
      summary: 'Change an alert platform', tags: TAGS, params: s.IdParams, body: s.PlatformUpdate, response: { 200: s.Platform },
      description: 'Changes the name, ground, type → matter map, or stops the platform (`active: false`: its key is refused with 401). `version` from the last read: 409 CONFLICT if it moved.',
    },
  }, async (req) => {
    const { id } = req.params as Static<typeof s.IdParams>;
    await app.db.transaction((tx) => updatePlatform(tx, id, req.body as Static<typeof s.PlatformUpdate>, actor(req)));
    return presentPlatform(await platform(req, id));
  });

  app.post('/api/alert-platforms/:id/key', {
    config: admins,
    schema: {
      summary: 'Rotate an alert platform\'s API key', tags: TAGS, params: s.IdParams, body: s.VersionBody, response: { 200: s.PlatformKeyed },
      description: 'Makes a new API key, shown only now; the old key is refused from this moment on. `version` from the last read: 409 CONFLICT if it moved.',
    },
  }, async (req) => {
    const { id } = req.params as Static<typeof s.IdParams>;
    const { version } = req.body as Static<typeof s.VersionBody>;
    const { apiKey } = await app.db.transaction((tx) => rotatePlatformKey(tx, id, version, actor(req)));
    return { platform: presentPlatform(await platform(req, id)), apiKey };
  });
}
