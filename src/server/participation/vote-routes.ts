import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { requirePrincipal, type Principal } from '../platform/auth.ts';
import { AppError } from '../platform/errors.ts';
import { PARTICIPATION_READERS, PARTICIPATION_STAFF } from '../../shared/participation.ts';
import { actorOf, isResident, isStaffOf } from './scope.ts';
import { findMeeting, invalid, readerOf } from './meetings.ts';
import { castVote, closeMotion, createMotion } from './votes.ts';
import { personOfResident, requirePersonOfAccount } from './person.ts';
import { loadMeetingDetail } from './meeting-presenters.ts';
import { requestKeyOf } from './meeting-routes.ts';
import * as s from './meeting-schemas.ts';

const TAGS = ['participation'];

/**
 * 表决 (issue 16): motions of a meeting with their rules, votes under one person (or household) one vote for every
 * channel, and the close with the tally. The rules and checks live in votes.ts.
 */
export async function voteRoutes(app: FastifyInstance): Promise<void> {
  const detail = (id: string, p: Principal) => app.db.transaction(async (tx) => loadMeetingDetail(tx, await readerOf(tx, app.pii, p), id, app.clock()));

  app.post('/api/meetings/:id/motions', {
    config: { access: PARTICIPATION_STAFF },
    schema: {
      summary: 'Open a motion (表决) at a meeting', tags: TAGS, params: s.IdParams, body: s.NewMotionBody, response: { 200: s.MeetingDetail, 201: s.MeetingDetail },
      description: 'A vote on a scheduled or open meeting the caller runs (staff of its council\'s scope; else 403/404), open at once until `closesAt`: options (default for/against/abstain), rules (unit person|household, electorate residents|anyone, quorum share|count, passShare, secret; refused with reasons 422 PARTICIPATION_INVALID), optionally about a proposal of the agenda. The electorate is counted from the registry now (living residents of the area aged 18 or more, by person or household). Electorate `anyone` loosens eligibility: without `loosening: { confirmed: true, reason }` 422 VOTE_LOOSENING_UNCONFIRMED; only PARTICIPATION_LEADS confirm it (403); the confirmation is audited (participation.vote.loosen) and shown as a notice on the vote. 201 with the meeting page; 200 for a repeated Idempotency-Key. Audited (participation.motion.create).',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const { id } = req.params as { id: string };
    const r = await app.db.transaction(async (tx) => createMotion(tx, await readerOf(tx, app.pii, p), id, req.body as Static<typeof s.NewMotionBody>,
      actorOf(p, req.ip, app.clock(), requestKeyOf(req, p))));
    return reply.status(r.created ? 201 : 200).send(await detail(id, p));
  });

  app.post('/api/meetings/:id/votes', {
    config: { access: PARTICIPATION_READERS },
    schema: {
      summary: 'Vote', tags: TAGS, params: s.IdParams, body: s.VoteBody, response: { 201: s.VoteAnswer },
      description: 'One vote on an open motion of the meeting. A resident votes for themself by phone (their registry person; not in the registry → 422 PERSON_NOT_IN_REGISTRY, unless the motion\'s electorate was loosened for accounts of the area). Staff of the council\'s scope record a vote for a registry person (`residentId`) on site (channel onSite, the default) or assisted. One row per voter and motion under the table\'s primary key (person key, or household under a household rule), whatever the channel: the second vote → 409 VOTE_DUPLICATE and the first stands; a repeated Idempotency-Key of the counted vote answers 201 again. After the close → 409 VOTE_CLOSED; not eligible (outside the area, under 18, outside the registry) → 403 VOTE_NOT_ELIGIBLE with the reason; a choice not among the options → 422 PARTICIPATION_INVALID. A secret ballot is stored with no voter key and no time. Votes are never changed or withdrawn. Audited (participation.vote.cast; no choice for a secret ballot).',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const { id } = req.params as { id: string };
    const b = req.body as Static<typeof s.VoteBody>;
    const now = app.clock();
    const requestKey = requestKeyOf(req, p);
    const channel = await app.db.transaction(async (tx) => {
      const r = await readerOf(tx, app.pii, p);
      const m = await findMeeting(tx, r, id);
      if (b.residentId !== undefined) {
        if (!isStaffOf(p, m.org_path)) throw new AppError('FORBIDDEN', 'Only the council\'s staff record votes for others.', '只有本议事会所在辖区的工作人员可以代为登记投票。');
        const channel = b.channel ?? 'onSite';
        if (channel === 'phone') throw invalid('A vote recorded by staff is on site or assisted.', '工作人员代为登记的投票只能是现场或协助投票。');
        const person = await personOfResident(tx, b.residentId);
        if (!person) throw invalid('No such person in the registry.', '居民信息中没有这个人。');
        await castVote(tx, { motionId: b.motionId, meetingId: id, person, choice: b.choice, channel, castBy: p.accountId, castByName: p.name, at: now, ip: req.ip, requestKey });
        return channel;
      }
      if (!isResident(p)) throw invalid('Name the person whose vote is recorded (residentId).', '请选择投票的居民。');
      if (b.channel && b.channel !== 'phone') throw invalid('A resident votes by phone.', '居民本人只能通过手机投票。');
      const motion = (await tx.query<{ loosened_at: Date | null }>('select loosened_at from motions where id = $1 and meeting_id = $2', [b.motionId, id])).rows[0];
      const voter = r.person
        ?? (motion?.loosened_at ? { accountId: p.accountId, personKey: `account:${p.accountId}`, areaPath: r.areaPath } : await requirePersonOfAccount(tx, app.pii, p.accountId));
      await castVote(tx, { motionId: b.motionId, meetingId: id, person: voter, choice: b.choice, channel: 'phone', castBy: p.accountId, castByName: p.name, at: now, ip: req.ip, requestKey });
      return 'phone' as const;
    });
    return reply.status(201).send({ counted: true as const, motionId: b.motionId, channel });
  });

  app.post('/api/meetings/:id/motions/:motionId/close', {
    config: { access: PARTICIPATION_STAFF },
    schema: {
      summary: 'Close a motion', tags: TAGS, params: s.MotionParams, response: { 200: s.MeetingDetail },
      description: 'Closes an open motion of a meeting the caller runs and stores its result: votes per option, cast, electorate, quorum met, passed (strictly more than half of the votes cast for passShare 0.5, at least passShare otherwise; abstentions count as cast). Closed already → 409 VOTE_CLOSED. Audited (participation.motion.close).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id, motionId } = req.params as Static<typeof s.MotionParams>;
    await app.db.transaction(async (tx) => closeMotion(tx, await readerOf(tx, app.pii, p), id, motionId, actorOf(p, req.ip, app.clock())));
    return detail(id, p);
  });
}
