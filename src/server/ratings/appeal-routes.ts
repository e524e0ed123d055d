import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { requirePrincipal } from '../platform/auth.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { idempotencyKeyOf } from '../platform/idempotency-key.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { INDICATOR_READERS } from '../../shared/indicators.ts';
import { RATING_APPEALERS, RATING_JUDGES } from '../../shared/ratings.ts';
import { answerOutcome, appealActionAllowed } from '../../domain/ratings/rules.ts';
import { rateUnits } from './compute-ratings.ts';
import { ruleInForce } from './rules-store.ts';
import { appealById, listAppeals, ratingById } from './store.ts';
import { presentAppeal } from './presenters.ts';
import { judges, ownsUnit } from './scope.ts';
import * as s from './schemas.ts';

const TAGS = ['ratings'];

const notOwn = () => new AppError('APPEAL_NOT_OWN', 'Only the rated unit\'s own staff appeal its rating.', '只有被评单位本身的工作人员可以对其评价提出申诉。');
const appealConflict = (en: string, zh: string) => new AppError('APPEAL_STATE_CONFLICT', en, zh);

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
    const appealId = await app.db.transaction(async (tx) => {
      if (key) {
        const prior = await tx.query<{ id: string }>('select id from rating_appeals where by_account = $1 and idempotency_key = $2', [p.accountId, key]);
        if (prior.rows[0]) return prior.rows[0].id;
      }
      const r = await ratingById(tx, p, id, true);
      if (!r) throw notFound('rating');
      if (!ownsUnit(p, r.org_unit_id)) throw notOwn();
      if (r.status !== 'published') throw appealConflict('Only a published rating is appealed.', '评价结果尚未公布，不能申诉。');
      const open = await tx.query('select 1 from rating_appeals where rating_id = $1 and status = $2', [r.id, 'open']);
      if (open.rowCount > 0) throw appealConflict('The rating already has an open appeal.', '该评价已有待答复的申诉。');
      const ins = await tx.query<{ id: string }>(
        `insert into rating_appeals (rating_id, org_path, by_account, reason, at, status, score_before, stars_before, idempotency_key)
         values ($1, $2, $3, $4, $5, 'open', $6, $7, $8) returning id`,
        [r.id, r.org_path, p.accountId, b.reason.trim(), now, r.score, r.stars, key]);
      const aid = ins.rows[0]!.id;
      await appendAudit(tx, { at: now, actorId: p.accountId, actorName: p.name, ip: req.ip, action: 'ratings.appeal', targetType: 'rating', targetId: r.id, success: true, detail: { appealId: aid, period: r.period, level: r.level } });
      return aid;
    });
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
    await app.db.transaction(async (tx) => {
      const a = await appealById(tx, p, id, true);
      if (!a) throw notFound('appeal');
      if (!judges(p, { orgPath: a.org_path, orgUnitId: a.org_unit_id }) || a.by_account === p.accountId) throw notFound('appeal');
      if (!appealActionAllowed(a.status, 'answer')) throw appealConflict('The appeal was already answered.', '该申诉已答复。');
      const r = (await tx.query<{ id: string; score: number; stars: number; level: 'grid' | 'community' | 'town'; town_id: string; period: string; org_unit_id: string; org_path: string }>(
        'select id, score, stars, level, town_id, period, org_unit_id, org_path from ratings where id = $1 for update', [a.rating_id])).rows[0]!;
      let recomputed: { score: number; stars: number; breakdown: unknown; vetoesHit: unknown; ruleId: string; ruleVersion: number } | null = null;
      if (b.decision === 'upheld' && b.stars === undefined) {
        const rule = await ruleInForce(tx, r.level, r.town_id, now);
        const [one] = await rateUnits(tx, rule, r.town_id, r.period, [{ id: r.org_unit_id, path: r.org_path }]);
        if (one) recomputed = { score: one.score, stars: one.stars, breakdown: one.breakdown, vetoesHit: one.vetoesHit, ruleId: rule.id, ruleVersion: rule.version };
      }
      const after = answerOutcome(b.decision, { score: Number(r.score), stars: Number(r.stars) }, { stars: b.stars ?? null, recomputed });
      await tx.query(
        `update rating_appeals set status = $2, answer = $3, answered_by = $4, answered_at = $5, score_after = $6, stars_after = $7, version = version + 1 where id = $1`,
        [a.id, b.decision, b.answer.trim(), p.accountId, now, after.score, after.stars]);
      if (b.decision === 'upheld') {
        if (recomputed) {
          await tx.query(`update ratings set score = $2, stars = $3, breakdown = $4, vetoes_hit = $5, rule_id = $6, rule_version = $7, computed_at = $8, version = version + 1 where id = $1`,
            [r.id, after.score, after.stars, JSON.stringify(recomputed.breakdown), JSON.stringify(recomputed.vetoesHit), recomputed.ruleId, recomputed.ruleVersion, now]);
        } else {
          await tx.query(`update ratings set score = $2, stars = $3, version = version + 1 where id = $1`, [r.id, after.score, after.stars]);
        }
      }
      await appendAudit(tx, { at: now, actorId: p.accountId, actorName: p.name, ip: req.ip, action: 'ratings.appeal.answer', targetType: 'rating', targetId: r.id, success: true,
        detail: { appealId: a.id, decision: b.decision, before: { score: Number(r.score), stars: Number(r.stars) }, after } });
    });
    return presentAppeal((await appealById(app.db, p, id))!, p);
  });
}
