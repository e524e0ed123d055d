import type { Principal } from '../platform/auth.ts';
import type { Tx } from '../platform/db/db.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { RatingLevel } from '../../shared/ratings.ts';
import { answerOutcome, appealActionAllowed } from '../../domain/ratings/rules.ts';
import { rateUnits } from './compute-ratings.ts';
import { ruleInForce } from './rules-store.ts';
import { appealById, ratingById } from './store.ts';
import { judges, ownsUnit, type Town } from './scope.ts';

/*
 * The ratings' commands, each inside the caller's transaction with its audit row: publish a month, appeal a rating,
 * answer an appeal, review a department. The routes and the demo call them.
 */

const notOwn = () => new AppError('APPEAL_NOT_OWN', 'Only the rated unit\'s own staff appeal its rating.', '只有被评单位本身的工作人员可以对其评价提出申诉。');
const appealConflict = (en: string, zh: string) => new AppError('APPEAL_STATE_CONFLICT', en, zh);

/** Publishes the computed ratings of the level and month of the towns; returns how many. */
export async function publishRatings(tx: Tx, p: Principal, towns: Town[], level: RatingLevel, period: string, now: Date, ip: string | null): Promise<number> {
  const res = await tx.query(
    `update ratings set status = 'published', published_at = $4, published_by = $5, version = version + 1
      where level = $1 and period = $2 and town_id = any($3::text[]) and status = 'computed'`,
    [level, period, towns.map((t) => t.id), now, p.accountId]);
  await appendAudit(tx, { at: now, actorId: p.accountId, actorName: p.name, ip, action: 'ratings.publish', targetType: 'rating_period', targetId: `${level}:${period}`, success: true,
    detail: { level, period, towns: towns.map((t) => t.id), published: res.rowCount } });
  return res.rowCount;
}

/** The rated unit's own staff appeal a published rating (one open at a time); returns the appeal's id. */
export async function fileAppeal(tx: Tx, p: Principal, ratingId: string, reason: string, key: string | null, now: Date, ip: string | null): Promise<string> {
  if (key) {
    const prior = await tx.query<{ id: string }>('select id from rating_appeals where by_account = $1 and idempotency_key = $2', [p.accountId, key]);
    if (prior.rows[0]) return prior.rows[0].id;
  }
  const r = await ratingById(tx, p, ratingId, true);
  if (!r) throw notFound('rating');
  if (!ownsUnit(p, r.org_unit_id)) throw notOwn();
  if (r.status !== 'published') throw appealConflict('Only a published rating is appealed.', '评价结果尚未公布，不能申诉。');
  const open = await tx.query('select 1 from rating_appeals where rating_id = $1 and status = $2', [r.id, 'open']);
  if (open.rowCount > 0) throw appealConflict('The rating already has an open appeal.', '该评价已有待答复的申诉。');
  const ins = await tx.query<{ id: string }>(
    `insert into rating_appeals (rating_id, org_path, by_account, reason, at, status, score_before, stars_before, idempotency_key)
     values ($1, $2, $3, $4, $5, 'open', $6, $7, $8) returning id`,
    [r.id, r.org_path, p.accountId, reason.trim(), now, r.score, r.stars, key]);
  const aid = ins.rows[0]!.id;
  await appendAudit(tx, { at: now, actorId: p.accountId, actorName: p.name, ip, action: 'ratings.appeal', targetType: 'rating', targetId: r.id, success: true, detail: { appealId: aid, period: r.period, level: r.level } });
  return aid;
}

/** A judge above the rated unit answers an open appeal; upheld sets the stars given or recomputes. */
export async function answerAppeal(tx: Tx, p: Principal, appealId: string, b: { decision: 'upheld' | 'rejected'; answer: string; stars?: number }, now: Date, ip: string | null): Promise<void> {
  const a = await appealById(tx, p, appealId, true);
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
  await appendAudit(tx, { at: now, actorId: p.accountId, actorName: p.name, ip, action: 'ratings.appeal.answer', targetType: 'rating', targetId: r.id, success: true,
    detail: { appealId: a.id, decision: b.decision, before: { score: Number(r.score), stars: Number(r.stars) }, after } });
}
