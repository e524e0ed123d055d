import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { outsideGrids } from '../platform/errors.ts';
import { publicRateLimit } from '../platform/public-rate-limit.ts';
import { reportCase } from './report-case.ts';
import { trackCase } from './track-case.ts';
import { previewRouting } from './preview-routing.ts';
import { presentPublicMatters, presentPublicReceipt, presentPublicTrack } from './public-presenters.ts';
import * as store from './store.ts';
import { listCurrentMatters } from '../matters/store.ts';
import { findTownOfUnit } from '../org/town-store.ts';
import * as s from './schemas.ts';
import { reportReach } from '../registry/thing-cases-reach.ts';

const LocateQuery = Type.Object({ lng: Type.Number({ minimum: -180, maximum: 180 }), lat: Type.Number({ minimum: -90, maximum: 90 }) }, { additionalProperties: false });
const TrackQuery = Type.Object({ phone: Type.String({ pattern: '^1[3-9][0-9]{9}$' }) }, { additionalProperties: false });
const NumberParams = Type.Object({ number: Type.String({ maxLength: 40 }) });

/**
 * 随手拍 without an account: a resident reports with a phone number and follows the case by its number
 * and that phone. Rate-limited per address, since anyone can call it.
 */
export async function publicCaseRoutes(app: FastifyInstance): Promise<void> {
  await publicRateLimit(app, { en: 'reports', zh: '提交' });

  app.post('/api/public/cases', {
    config: { access: 'public', rateLimit: { max: 10, timeWindow: '10 minutes' } },
    schema: {
      summary: 'Report a case anonymously (随手拍)',
      tags: ['cases'], security: [],
      description: 'Anonymous 随手拍: report with a phone number (no account); `thingId` names a registered thing within 30 m (e.g. from the code on it). Answers the case number to track it with, and `similarNearby`: how many open cases of the same category are near (not which). Rate-limited per address.',
      body: s.PublicReportBody, response: { 200: s.PublicReceipt, 201: s.PublicReceipt },
    },
  }, async (req, reply) => {
    const body = req.body as Static<typeof s.PublicReportBody>;
    const key = req.headers['idempotency-key'];
    const { thingId, ...report } = body;
    const result = await reportCase(app.db, app, {
      ...report, source: 'resident', thing: thingId ? { id: thingId, reach: reportReach(null) } : null,
      reporter: { kind: 'resident', accountId: null, name: body.reporter.name ?? null, phone: body.reporter.phone },
      actorName: null,
      idempotencyKey: typeof key === 'string' && key.length > 0 && key.length <= 200 ? `public:${body.reporter.phone}:${key}` : null,
    }, app.clock());
    const row = (await store.findCase(app.db, result.caseId, null))!;
    return reply.status(result.created ? 201 : 200).send(presentPublicReceipt(row, result.duplicates));
  });

  app.get('/api/public/matters', {
    config: { access: 'public', rateLimit: { max: 60, timeWindow: '10 minutes' } },
    schema: {
      summary: 'The categories to report at a point',
      tags: ['cases'], security: [],
      description: 'The categories a resident may report at a point (the current catalog of the town that holds it): for the anonymous 随手拍 form.',
      querystring: LocateQuery, response: { 200: s.PublicMatters },
    },
  }, async (req) => {
    const { lng, lat } = req.query as Static<typeof LocateQuery>;
    const gridId = (await app.locator.current()).locate(lng, lat);
    const town = gridId ? await findTownOfUnit(app.db, gridId) : null;
    if (!town) throw outsideGrids();
    return presentPublicMatters(town, await listCurrentMatters(app.db, town.id, false));
  });

  app.get('/api/public/routing-preview', {
    config: { access: 'public', rateLimit: { max: 60, timeWindow: '10 minutes' } },
    schema: {
      tags: ['cases'], security: [],
      summary: 'Who would handle an anonymous report, and why',
      description: 'For the anonymous 随手拍 form, before sending: the post or department a report of this category at this point would go to, its town and district, and the reason as a code (no grid worker\'s name). Rate-limited per address.',
      querystring: s.RoutingPreviewQuery, response: { 200: s.RoutingPreview },
    },
  }, async (req) => previewRouting(app.db, app.locator, req.query as Static<typeof s.RoutingPreviewQuery>, false));

  app.get('/api/public/cases/:number', {
    config: { access: 'public', rateLimit: { max: 30, timeWindow: '10 minutes' } },
    schema: {
      summary: 'Track a case by its number',
      tags: ['cases'], security: [],
      description: 'Track a case by its number and the phone it was reported with: status, deadlines and the steps so far (no staff names).',
      params: NumberParams, querystring: TrackQuery, response: { 200: s.PublicTrack },
    },
  }, async (req) => {
    const { number } = req.params as Static<typeof NumberParams>;
    const { phone } = req.query as Static<typeof TrackQuery>;
    const { row, events } = await trackCase(app.db, number, app.pii.lookupHash(phone));
    return presentPublicTrack(row, events, app.clock());
  });
}
