import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { requirePrincipal } from '../platform/auth.ts';
import { idempotencyKeyOf } from '../platform/idempotency-key.ts';
import { VOLUNTEER_ORGANISERS, VOLUNTEER_READERS } from '../../shared/volunteers.ts';
import {
  CommitmentsBody, NewPartyPostBody, PartyMemberList, PartyMemberListQuery, PartyMemberParams, PartyMemberView,
  PartyPostList, PartyPostListQuery, PartyPostView, StarsBody,
  type CommitmentsInput, type NewPartyPostInput, type StarsInput,
} from './party-schemas.ts';
import { createPost, listMembers, listPosts, loadMember, rateMember, saveCommitments } from './party.ts';
import { partyReaderOf } from './party-scope.ts';

const TAGS = ['volunteers'];

/** 党员亮身份、践承诺、评星级 and the 微阵地 where party members serve (issue 16). */
export async function partyRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/volunteers/party-posts', {
    config: { access: VOLUNTEER_READERS },
    schema: {
      summary: 'Party posts (微阵地)', tags: TAGS, querystring: PartyPostListQuery, response: { 200: PartyPostList },
      description: 'The 微阵地 where party members serve: staff see those of their scope and of the units holding it; a resident those of their community, its grids and the units holding it. Each with how many party members serve there this year. `orgUnitId` narrows to a unit\'s subtree.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof PartyPostListQuery>;
    return app.db.transaction(async (tx) => listPosts(tx, await partyReaderOf(tx, app.pii, p), q, app.clock()));
  });

  app.post('/api/volunteers/party-posts', {
    config: { access: VOLUNTEER_ORGANISERS },
    schema: {
      summary: 'Add a party post (微阵地)', tags: TAGS, body: NewPartyPostBody, response: { 201: PartyPostView, 200: PartyPostView },
      description: 'A 微阵地 of a town, community or grid inside the caller\'s scope (404 outside it; 422 VOLUNTEER_INVALID for another level or a name the unit already has), with its address and location. Audited. Honours Idempotency-Key (a retry answers 200 with the first post).',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const key = idempotencyKeyOf(req);
    const r = await app.db.transaction((tx) => createPost(tx, p, req.body as NewPartyPostInput, app.clock(), key, req.ip));
    return reply.status(r.created ? 201 : 200).send(r.post);
  });

  app.get('/api/volunteers/party-members', {
    config: { access: VOLUNTEER_READERS },
    schema: {
      summary: 'Party members (亮身份)', tags: TAGS, querystring: PartyMemberListQuery, response: { 200: PartyMemberList },
      description: 'The living party members of the registry with their commitments, 微阵地 and stars of `year` (this year by default), by community, grid and name. Staff: the members under their scope, with names and registry ids. A resident: the members of their community, names masked (张*) but their own, without ids or the stars\' notes. `orgUnitId` narrows to a unit\'s subtree; `offset`/`limit` (200 by default, at most 500) page the list, `total` counts it.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof PartyMemberListQuery>;
    return app.db.transaction(async (tx) => listMembers(tx, await partyReaderOf(tx, app.pii, p), q, app.clock()));
  });

  app.put('/api/volunteers/party-members/:residentId/commitments', {
    config: { access: VOLUNTEER_ORGANISERS },
    schema: {
      summary: 'Save a party member\'s commitments (践承诺)', tags: TAGS, params: PartyMemberParams, body: CommitmentsBody, response: { 200: PartyMemberView },
      description: 'The year\'s commitments (1–5, trimmed, repeats dropped) of a party member under the caller\'s scope (404 outside it), for last year, this year or next, and the 微阵地 where they serve (a post of their grid, community, a unit holding it, or another grid of their community). A second save replaces the first; the audit log keeps both. 422 VOLUNTEER_INVALID for a person who is not a party member, a year out of range, no commitments or a post elsewhere.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { residentId } = req.params as Static<typeof PartyMemberParams>;
    const body = req.body as CommitmentsInput;
    return app.db.transaction(async (tx) => {
      await saveCommitments(tx, p, residentId, body, app.clock(), req.ip);
      return loadMember(tx, await partyReaderOf(tx, app.pii, p), residentId, body.year, app.clock());
    });
  });

  app.post('/api/volunteers/party-members/:residentId/stars', {
    config: { access: VOLUNTEER_ORGANISERS },
    schema: {
      summary: 'Rate a party member (评星级)', tags: TAGS, params: PartyMemberParams, body: StarsBody, response: { 200: PartyMemberView },
      description: '1–5 stars, with a note, for how a party member under the caller\'s scope (404 outside it) kept a year\'s commitments: this year or an earlier one whose commitments were saved (422 VOLUNTEER_INVALID otherwise). A second rating replaces the first; every rating is audited.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { residentId } = req.params as Static<typeof PartyMemberParams>;
    const body = req.body as StarsInput;
    return app.db.transaction(async (tx) => {
      await rateMember(tx, p, residentId, body, app.clock(), req.ip);
      return loadMember(tx, await partyReaderOf(tx, app.pii, p), residentId, body.year, app.clock());
    });
  });
}
