import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { ORG_EDITORS, STAFF_ROLES } from '../../shared/roles.ts';
import { requirePrincipal, type Principal } from '../platform/auth.ts';
import { notFound } from '../platform/errors.ts';
import { actorOf } from '../audit/audit-log.ts';
import { resolveTown } from './town-of.ts';
import * as store from './posts-store.ts';
import * as s from './posts-schemas.ts';
import { presentPost, presentPostList } from './posts-presenter.ts';
import { createPost } from './create-post.ts';
import { updatePost } from './update-post.ts';
import { setPostHolders } from './set-post-holders.ts';
import type { OrgCommand } from './org-command.ts';
import { findStaffCandidates } from './staff-candidates-store.ts';
import { administersTown } from '../../domain/org/posts.ts';
import { staffIneligibility } from '../../domain/cases/assignee-eligibility.ts';
import { idsOnPath } from '../../domain/identity/scope.ts';

/** 岗位: the posts of a town's command center and four boards, their A, B and back-up holders. Admins of the town change them. */
export async function postRoutes(app: FastifyInstance): Promise<void> {
  const admins = { access: ORG_EDITORS };
  const command = (req: FastifyRequest): OrgCommand => {
    const scopePath = requirePrincipal(req).scopePath;
    if (!scopePath) throw notFound('post');
    return { scopePath, actor: actorOf(req), now: app.clock() };
  };
  /** the staff who may hold the town's posts, for its administrators' picker */
  const holderCandidates = async (townPath: string) => {
    const listed = await store.listHolderCandidates(app.db, townPath, idsOnPath(townPath));
    const rules = await findStaffCandidates(app.db, listed.map((c) => c.id));
    return listed.filter((c) => staffIneligibility(rules.get(c.id)!, townPath) === null);
  };
  const answer = async (id: string, p: Principal) => {
    const row = p.scopePath ? await store.findPostInScope(app.db, id, p.scopePath) : null;
    if (!row) throw notFound('post');
    return presentPost(row, p);
  };

  app.get('/api/posts', {
    config: { access: STAFF_ROLES },
    schema: {
      summary: 'List the posts of a town',
      tags: ['org'], querystring: s.PostListQuery, response: { 200: s.PostList },
      description: 'The posts of a town (the caller\'s, or `townId` within the caller\'s scope), board by board, with their holders; a post with neither an A nor a B holder is flagged `vacant`.',
    },
  }, async (req) => {
    const q = req.query as Static<typeof s.PostListQuery>;
    const p = requirePrincipal(req);
    const town = await resolveTown(app.db, p.scopePath, q.townId);
    const boards = await store.listBoards(app.db, town.id);
    const posts = await store.listTownPosts(app.db, town.id, q.includeRetired ?? false);
    return presentPostList(town, boards, posts, administersTown(p, town.path) ? await holderCandidates(town.path) : [], p);
  });

  app.post('/api/posts', {
    config: admins,
    schema: {
      summary: 'Add a post',
      tags: ['org'], body: s.NewPostBody, response: { 201: s.Post },
      description: 'Adds a fixed or special post to a board of a town the admin administers, without holders (flagged `vacant` until they are set).',
    },
  }, async (req, reply) => {
    const body = req.body as Static<typeof s.NewPostBody>;
    const id = await createPost(app.db, command(req), { ...body, special: body.special ?? false });
    return reply.status(201).send(await answer(id, requirePrincipal(req)));
  });

  app.patch('/api/posts/:id', {
    config: admins,
    schema: {
      summary: 'Edit a post',
      tags: ['org'], params: s.PostParams, body: s.PostPatchBody, response: { 200: s.Post },
      description: 'Renames a post, moves it to another board of its town, marks it fixed or special, retires or restores it. Its code never changes.',
    },
  }, async (req) => {
    const { id } = req.params as Static<typeof s.PostParams>;
    await updatePost(app.db, command(req), id, req.body as Static<typeof s.PostPatchBody>);
    return answer(id, requirePrincipal(req));
  });

  app.put('/api/posts/:id/holders', {
    config: admins,
    schema: {
      summary: 'Set a post\'s holders',
      tags: ['org'], params: s.PostParams, body: s.HoldersBody, response: { 200: s.Post },
      description: 'Sets the A, B and back-up holders (staff who handle the town\'s cases; null leaves a place empty, an omitted back-up is none). Leaving a post with open cases without any holder is refused with the cases listed (409).',
    },
  }, async (req) => {
    const { id } = req.params as Static<typeof s.PostParams>;
    const body = req.body as Static<typeof s.HoldersBody>;
    await setPostHolders(app.db, command(req), id, { a: body.a, b: body.b, backup: body.backup ?? null });
    return answer(id, requirePrincipal(req));
  });
}
