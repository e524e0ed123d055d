import type { FastifyInstance } from 'fastify';
import { idempotencyKeyOf } from '../platform/idempotency-key.ts';
import type { Static } from '@sinclair/typebox';
import { publicRateLimit } from '../platform/public-rate-limit.ts';
import { findUnitRef } from '../org/store.ts';
import { presentMe } from './presenters.ts';
import { loadPrincipal } from './principal.ts';
import { tokenHash } from './tokens.ts';
import { LoginResult } from './schemas.ts';
import { smsSenderFor } from './sms-sender.ts';
import { sendRegistrationCode } from './send-registration-code.ts';
import { registerResident } from './register-resident.ts';
import { searchGrids } from './registration-store.ts';
import { CodeBody, CodeSent, GridMatches, GridSearchQuery, RegisterBody } from './registration-schemas.ts';

const MAX_WORDS = 4;

/**
 * Resident self-registration (居民注册): a code sent to the phone, then the account with its home grid, signed in.
 * Public routes, limited per address in memory on top of the per-number and per-address throttles kept in the database.
 */
export async function registrationRoutes(app: FastifyInstance): Promise<void> {
  await publicRateLimit(app, { en: 'registration requests', zh: '注册请求' });
  const sms = smsSenderFor(app.config.sms, app.config.production, app.log);
  if (!sms) app.log.warn('SMS_WEBHOOK_URL is not set: resident self-registration answers 503 SMS_UNAVAILABLE until an SMS gateway adapter is configured');
  const tags = ['identity'];

  app.post('/api/auth/register/code', {
    config: { access: 'public', rateLimit: { max: 10, timeWindow: '10 minutes' } },
    schema: {
      summary: 'Send a registration code by SMS',
      tags, security: [], body: CodeBody, response: { 202: CodeSent },
      description: 'Sends a 6-digit registration code by SMS to a mobile number not registered yet; it holds 10 minutes. One code a minute and five an '
        + 'hour to a number, an address slowed down past twenty an hour (429 with Retry-After). A registered number 409 PHONE_TAKEN; a server without '
        + 'an SMS gateway (SMS_WEBHOOK_URL) in production 503 SMS_UNAVAILABLE.',
    },
  }, async (req, reply) => {
    const { phone } = req.body as Static<typeof CodeBody>;
    const now = app.clock();
    const sent = await sendRegistrationCode(app.db, app.pii, sms, { phone, ip: req.ip, now });
    return reply.status(202).send({
      expiresAt: sent.expiresAt.toISOString(), resendAt: sent.resendAt.toISOString(), resendAfterSeconds: Math.ceil((sent.resendAt.getTime() - now.getTime()) / 1000),
    });
  });

  app.post('/api/auth/register', {
    config: { access: 'public', rateLimit: { max: 20, timeWindow: '10 minutes' } },
    schema: {
      summary: 'Register a resident',
      tags, security: [], body: RegisterBody, response: { 200: LoginResult, 201: LoginResult },
      description: 'Registers a resident with the code sent to the phone and signs them in (as POST /api/auth/login answers). The home grid is the one '
        + 'holding `location`, else the grid `gridId` picked from GET /api/auth/register/grids; the resident then signs in with the phone number. '
        + 'A wrong, expired or used-up code 422 VERIFICATION_CODE_INVALID (five wrong codes lock the number for 15 minutes: 429); a registered '
        + 'number 409 PHONE_TAKEN; a weak password 400; a place outside every grid 422. With Idempotency-Key, a retry with the same password '
        + 'answers 200 signed in to the account the first created.',
    },
  }, async (req, reply) => {
    const b = req.body as Static<typeof RegisterBody>;
    const now = app.clock();
    const done = await registerResident(app.db, app.pii, await app.locator.current(), {
      phone: b.phone, code: b.code, name: b.name, password: b.password, address: b.address, location: b.location ?? null, gridId: b.gridId ?? null,
      ip: req.ip, userAgent: req.headers['user-agent'] ?? null, idempotencyKey: idempotencyKeyOf(req), now, ttlSeconds: app.config.tokenTtlSeconds,
    });
    const p = (await loadPrincipal(app.db, tokenHash(done.token), now))!;
    const user = presentMe(p, null, p.homeOrgUnitId ? await findUnitRef(app.db, p.homeOrgUnitId) : null);
    return reply.status(done.replayed ? 200 : 201).send({ token: done.token, expiresAt: done.expiresAt.toISOString(), mustChangePassword: false, user });
  });

  app.get('/api/auth/register/grids', {
    config: { access: 'public', rateLimit: { max: 60, timeWindow: '10 minutes' } },
    schema: {
      summary: 'Find a home grid by address, for registration',
      tags, security: [], querystring: GridSearchQuery, response: { 200: GridMatches },
      description: 'The address search of registration: grids (with their outlines, as public as the community boards) whose town, community or grid '
        + 'name holds every word of `q`, at most 20.',
    },
  }, async (req) => {
    const words = (req.query as Static<typeof GridSearchQuery>).q.split(/\s+/).filter(Boolean).slice(0, MAX_WORDS)
      .map((w) => w.replace(/[\\%_]/g, (c) => `\\${c}`));
    const rows = words.length ? await searchGrids(app.db, words, 20) : [];
    return {
      items: rows.map((g) => ({ id: g.id, name: g.name, level: g.level, communityName: g.community_name, townName: g.town_name, geometry: g.geometry as never })),
      nextCursor: null,
    };
  });
}
