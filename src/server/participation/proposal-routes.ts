import type { FastifyInstance } from 'fastify';
import type { Static, TSchema } from '@sinclair/typebox';
import { requirePrincipal, type Principal } from '../platform/auth.ts';
import { AppError } from '../platform/errors.ts';
import type { Tx } from '../platform/db/db.ts';
import { PARTICIPATION_READERS, PARTICIPATION_STAFF } from '../../shared/participation.ts';
import { proposalOpenForSupport } from '../../domain/participation/proposals.ts';
import { personNotInRegistry } from './person.ts';
import { councilById, councilOfUnit } from './councils.ts';
import {
  commentOnProposal, createProposalIn, decideProposal, lockProposal, proposalNotFound, proposalStateConflict, rateProposal,
  rejectProposal, reportProposalResult, sendUpProposal, startProposal, supportProposal, type ProposalRow,
} from './proposals.ts';
import { listProposals, loadProposalDetail, presentProposal } from './proposal-presenters.ts';
import {
  actorOf, councilReadSql, decodeCursor, encodeCursor, isParticipationStaff, isResident, isStaffOf, readerOf, requestKeyOf,
  type Actor, type Reader,
} from './scope.ts';
import * as s from './proposal-schemas.ts';
import { IdParams } from './matter-schemas.ts';

const TAGS = ['participation'];

/**
 * 议题 (issue 16): proposals of the three councils — the list of the caller's area, proposing (a resident on their
 * grid's council by default), the proposal page, supports (once per person, idempotent), comments, ratings of a done
 * result (once per person), and the council's actions: decide, reject, start, report the result, send up.
 */
export async function proposalRoutes(app: FastifyInstance): Promise<void> {
  /** A proposal the caller reads, locked; 404 when they do not. */
  const lockReadable = async (tx: Tx, r: Reader, id: string): Promise<ProposalRow> => {
    const params: unknown[] = [id];
    const ok = await tx.query(`select 1 from proposals p where p.id = $1 and ${councilReadSql(r, 'p.org_path', params)}`, params);
    if (!ok.rows[0]) throw proposalNotFound();
    return lockProposal(tx, id);
  };

  app.get('/api/proposals', {
    config: { access: PARTICIPATION_READERS },
    schema: {
      summary: 'List proposals (议事厅)', tags: TAGS, querystring: s.ProposalListQuery, response: { 200: s.ProposalList },
      description: 'Newest first, paged by `cursor`: staff read the proposals of the councils in or above their scope; a resident those of the councils of their grid, community and town. Filters: councilId, level, status, q (title). Proposers\' names masked for residents (their own whole); `supportedByMe` by the caller\'s registry person.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof s.ProposalListQuery>;
    const limit = q.limit ?? 50;
    const r = await readerOf(app.db, app.pii, p);
    const rows = await listProposals(app.db, r, {
      councilId: q.councilId ?? null, level: q.level ?? null, status: q.status ?? null, q: q.q?.trim() || null,
    }, q.cursor ? decodeCursor(q.cursor) : null, limit + 1);
    const page = rows.slice(0, limit);
    return {
      items: page.map((x) => presentProposal(r, x, true)),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!) : null,
      policies: isParticipationStaff(p) || (isResident(p) && r.person) ? ['create' as const] : [],
    };
  });

  app.post('/api/proposals', {
    config: { access: [...PARTICIPATION_STAFF, 'resident'] },
    schema: {
      summary: 'Propose (提议题)', tags: TAGS, body: s.NewProposalBody, response: { 200: s.ProposalDetail, 201: s.ProposalDetail },
      description: 'A resident proposes on a council of their area (default: their grid\'s 邻里会; 422 PERSON_NOT_IN_REGISTRY when not in the registry); staff on a council of their scope (councilId required). A council outside the caller\'s reach → 404. 201 with the proposal (open); 200 with the first one for a repeated Idempotency-Key. Audited (participation.proposal.create).',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const b = req.body as Static<typeof s.NewProposalBody>;
    const who = actorOf(p, req.ip, app.clock(), requestKeyOf(req, p));
    const out = await app.db.transaction(async (tx) => {
      const r = await readerOf(tx, app.pii, p);
      let councilId: string;
      let proposerName = p.name;
      if (isParticipationStaff(p)) {
        if (!b.councilId) throw new AppError('PARTICIPATION_INVALID', 'Name the council.', '请选择议事会。', { field: 'councilId' });
        const c = await councilById(tx, b.councilId);
        if (!c || !isStaffOf(p, c.org_path)) throw new AppError('NOT_FOUND', 'No such council in your scope.', '您的范围内没有这个议事会。');
        councilId = c.id;
      } else {
        if (!r.person) throw personNotInRegistry();
        proposerName = r.person.name;
        if (b.councilId) {
          const c = await councilById(tx, b.councilId);
          if (!c || !r.person.orgPath.startsWith(c.org_path)) throw new AppError('NOT_FOUND', 'No such council of your area.', '您所在区域没有这个议事会。');
          councilId = c.id;
        } else {
          councilId = (await councilOfUnit(tx, r.person.gridId, who.at)).id;
        }
      }
      const made = await createProposalIn(tx, {
        councilId, title: b.title, body: b.body, proposerAccountId: p.accountId, proposerName, idempotencyKey: who.requestKey ?? null, who,
      });
      return { created: made.created, detail: await loadProposalDetail(tx, r, made.id) };
    });
    return reply.status(out.created ? 201 : 200).send(out.detail);
  });

  app.get('/api/proposals/:id', {
    config: { access: PARTICIPATION_READERS },
    schema: {
      summary: 'A proposal', tags: TAGS, params: IdParams, response: { 200: s.ProposalDetail },
      description: 'The proposal with its supports count and whether the caller supports it, comments (names masked for residents), ratings\' average and the caller\'s, the timeline, the meetings it is on, `policies`. 404 outside the caller\'s area.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    return loadProposalDetail(app.db, await readerOf(app.db, app.pii, p), (req.params as { id: string }).id);
  });

  app.post('/api/proposals/:id/support', {
    config: { access: ['resident'] },
    schema: {
      summary: 'Support a proposal', tags: TAGS, params: IdParams, response: { 200: s.SupportResult },
      description: 'The caller\'s registry person supports it, once per person (the primary key on the person\'s key, whichever account): a second support answers 200 with `counted: false` (idempotent, never a second count). Only while open or scheduled (else 409 PROPOSAL_STATE_CONFLICT); 422 PERSON_NOT_IN_REGISTRY; 404 outside their area. Audited when counted (participation.proposal.support).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const who = actorOf(p, req.ip, app.clock());
    return app.db.transaction(async (tx) => {
      const r = await readerOf(tx, app.pii, p);
      const pr = await lockReadable(tx, r, (req.params as { id: string }).id);
      if (!r.person) throw personNotInRegistry();
      if (!proposalOpenForSupport(pr.status)) throw proposalStateConflict(pr.status, 'support');
      const out = await supportProposal(tx, pr, r.person, who);
      return { ...out, supportedByMe: true as const };
    });
  });

  app.post('/api/proposals/:id/comments', {
    config: { access: [...PARTICIPATION_STAFF, 'resident'] },
    schema: {
      summary: 'Comment on a proposal', tags: TAGS, params: IdParams, body: s.CommentBody, response: { 201: s.ProposalDetail },
      description: 'Residents of its area and staff of its scope, while it is open or scheduled (else 409 PROPOSAL_STATE_CONFLICT). A resident comments as their registry person (422 PERSON_NOT_IN_REGISTRY). 201 with the proposal. Audited (participation.proposal.comment).',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const who = actorOf(p, req.ip, app.clock());
    const out = await app.db.transaction(async (tx) => {
      const r = await readerOf(tx, app.pii, p);
      const pr = await lockReadable(tx, r, (req.params as { id: string }).id);
      let name = p.name;
      if (!isStaffOf(p, pr.org_path)) {
        if (!isResident(p)) throw proposalNotFound();
        if (!r.person) throw personNotInRegistry();
        name = r.person.name;
      }
      if (!proposalOpenForSupport(pr.status)) throw proposalStateConflict(pr.status, 'comment');
      await commentOnProposal(tx, pr, name, (req.body as { body: string }).body, who);
      return loadProposalDetail(tx, r, pr.id);
    });
    return reply.status(201).send(out);
  });

  app.post('/api/proposals/:id/rating', {
    config: { access: ['resident'] },
    schema: {
      summary: 'Rate a proposal\'s result', tags: TAGS, params: IdParams, body: s.RatingBody, response: { 201: s.ProposalDetail },
      description: 'The caller\'s registry person rates a done proposal\'s result 1–5 stars, once per person (a second → 409 PROPOSAL_STATE_CONFLICT, the first stands); not done → 409; 422 PERSON_NOT_IN_REGISTRY. Audited (participation.proposal.rate).',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const who = actorOf(p, req.ip, app.clock());
    const b = req.body as Static<typeof s.RatingBody>;
    const out = await app.db.transaction(async (tx) => {
      const r = await readerOf(tx, app.pii, p);
      const pr = await lockReadable(tx, r, (req.params as { id: string }).id);
      if (!r.person) throw personNotInRegistry();
      await rateProposal(tx, pr, r.person, b.stars, b.comment ?? null, who);
      return loadProposalDetail(tx, r, pr.id);
    });
    return reply.status(201).send(out);
  });

  /** One council action: PARTICIPATION_STAFF whose scope holds the proposal's council (else 404); the proposal page as the answer. */
  const action = <B extends TSchema>(name: string, body: B, summary: string, description: string,
    run: (tx: Tx, pr: ProposalRow, b: Static<B>, who: Actor) => Promise<unknown>) => {
    app.post(`/api/proposals/:id/actions/${name}`, {
      config: { access: PARTICIPATION_STAFF },
      schema: { summary, description, tags: TAGS, params: IdParams, body, response: { 200: s.ProposalDetail } },
    }, async (req) => {
      const p: Principal = requirePrincipal(req);
      const who = actorOf(p, req.ip, app.clock(), requestKeyOf(req, p));
      const { id } = req.params as { id: string };
      return app.db.transaction(async (tx) => {
        const r = await readerOf(tx, app.pii, p);
        const pr = await lockReadable(tx, r, id);
        if (!isStaffOf(p, pr.org_path)) throw proposalNotFound();
        const repeat = who.requestKey
          ? (await tx.query('select 1 from proposal_events where proposal_id = $1 and request_key = $2', [id, who.requestKey])).rows.length > 0
          : false;
        if (!repeat) await run(tx, pr, req.body as Static<B>, who);
        return loadProposalDetail(tx, r, id);
      });
    });
  };
  const conflicts = '409 PROPOSAL_STATE_CONFLICT when its status does not allow it; a repeated Idempotency-Key answers the proposal as it is.';
  action('decide', s.DecideBody, 'Decide a proposal',
    `open | scheduled → decided: the decision, who carries it out (ownerName, optionally their account) and by when. ${conflicts} Audited (participation.proposal.decide).`,
    (tx, pr, b, who) => decideProposal(tx, pr, b, who));
  action('reject', s.RejectBody, 'Reject a proposal',
    `open | scheduled → rejected, with the reason. ${conflicts} Audited (participation.proposal.reject).`,
    (tx, pr, b, who) => rejectProposal(tx, pr, b.reason, who));
  action('start', s.StartBody, 'Start carrying out a decision',
    `decided → inProgress. ${conflicts} Audited (participation.proposal.start).`,
    (tx, pr, _b, who) => startProposal(tx, pr, who));
  action('report-result', s.ReportResultBody, 'Report a proposal\'s result',
    `inProgress → done with the result; residents may then rate it. ${conflicts} Audited (participation.proposal.report_result).`,
    async (tx, pr, b, who) => {
      await reportProposalResult(tx, pr, b.result, who);
      if (pr.matter_id) {
        await tx.query(`update resident_matters set status = 'closed', updated_at = $2, version = version + 1 where id = $1 and proposal_id = $3`, [pr.matter_id, who.at, pr.id]);
      }
    });
  action('send-up', s.SendUpBody, 'Send a proposal up one council',
    `open | scheduled | decided → sentUp: a new open proposal on the council above (grid → community → town) naming this one (sentUpTo), with the reason; once per proposal; a town council's → 409. ${conflicts} Audited (participation.proposal.send_up).`,
    (tx, pr, b, who) => sendUpProposal(tx, pr, b.reason, who));
}
