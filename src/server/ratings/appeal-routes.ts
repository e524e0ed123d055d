import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { requirePrincipal } from '../platform/auth.ts';
import { idempotencyKeyOf } from '../platform/idempotency-key.ts';
import { INDICATOR_READERS } from '../../shared/indicators.ts';
import { RATING_APPEALERS, RATING_JUDGES } from '../../shared/ratings.ts';
import { appealById, listAppeals } from './store.ts';
import { answerAppeal, fileAppeal } from './commands.ts';
import { presentAppeal } from './presenters.ts';
import * as s from './schemas.ts';

const TAGS = ['ratings'];


/** POST /api/ratings/:id/appeal, answers, the appeals list. */
export async function appealRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/ratings/appeals', {
    config: { access: INDICATOR_READERS },
    schema: {
      summary: 'Appeals of ratings', tags: TAGS, querystring: s.AppealListQuery, response: { 200: s.AppealList },
      description: 'The appeals of ratings of units in the caller\'s scope (the rated unit\'s staff and the judges above it; never a peer\'s), newest first, with the answer and the score and stars before and after. `status` filters.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof s.AppealListQuery>;
    const rows = await listAppeals(app.db, p, { status: q.status });
    return { items: rows.map((a) => presentAppeal(a, p)) };
  });

  app.post('/api/ratings/:id/appeal', {
    config: { access: RATING_APPEALERS },
    schema: {
      summary: 'Appeal a rating', tags: TAGS, params: s.IdParams, body: s.AppealBody, response: { 201: s.AppealView },
      description: 'The rated unit\'s own staff (the grid\'s worker, the community\'s staff, the town\'s leader) appeal a published rating with a reason; anyone else → 403 APPEAL_NOT_OWN. A rating not yet published, or one with an open appeal → 409 APPEAL_STATE_CONFLICT. The appeal and its answer are kept. Honours Idempotency-Key. Audited (ratings.appeal).',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const { id } = req.params as Static<typeof s.IdParams>;
    const b = req.body as Static<typeof s.AppealBody>;
    const key = idempotencyKeyOf(req);
    const now = app.clock();
    const appealId = await app.db.transaction((tx) => fileAppeal(tx, p, id, b.reason, key, now, req.ip));
    const a = await appealById(app.db, p, appealId);
    reply.code(201);
    return presentAppeal(a!, p);
  });

  app.post('/api/ratings/appeals/:id/answer', {
    config: { access: RATING_JUDGES },
    schema: {
      summary: 'Answer an appeal', tags: TAGS, params: s.IdParams, body: s.AnswerBody, response: { 200: s.AppealView },
      description: 'A judge whose scope holds the rated unit (not the unit\'s own staff) answers an open appeal: `rejected` keeps the rating; `upheld` sets the stars given (the score kept) or, without stars, computes the rating again from the current figures by the rule in force. The answer and the score and stars before and after are kept on the appeal. An appeal already answered → 409 APPEAL_STATE_CONFLICT. Audited (ratings.appeal.answer).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id } = req.params as Static<typeof s.IdParams>;
    const b = req.body as Static<typeof s.AnswerBody>;
    const now = app.clock();
    await app.db.transaction((tx) => answerAppeal(tx, p, id, b, now, req.ip));
    return presentAppeal((await appealById(app.db, p, id))!, p);
  });
}
