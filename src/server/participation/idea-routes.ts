import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { requirePrincipal, type Principal } from '../platform/auth.ts';
import { AppError, notFound } from '../platform/errors.ts';
import type { Tx } from '../platform/db/db.ts';
import { PARTICIPATION_LEADS, PARTICIPATION_READERS, PARTICIPATION_STAFF } from '../../shared/participation.ts';
import { previousQuarter, quarterOf } from '../../domain/participation/ideas.ts';
import { requirePersonOfAccount } from './person.ts';
import { actorOf, isLeadOf, isResident, type Reader } from './scope.ts';
import { readerOf } from './meetings.ts';
import {
  actOnIdea, findIdea, listIdeas, liveTopTen, publishTopTen, publishedTopTen, submitIdea, supportIdea, townOfReader,
} from './ideas.ts';
import { presentIdea, presentTopItem } from './idea-presenters.ts';
import { decodeCursor, encodeCursor, requestKeyOf } from './meeting-routes.ts';
import * as s from './idea-schemas.ts';

const TAGS = ['participation'];

/** The town a top-ten request is about: `townId` when the caller reads it, else the caller's own (resident) or scope's. */
async function townFor(tx: Tx, r: Reader, townId: string | undefined): Promise<{ id: string; path: string; name: string }> {
  if (townId) {
    const t = (await tx.query<{ id: string; path: string; name: string }>(`select id, path, name from org_units where id = $1 and level = 'town'`, [townId])).rows[0];
    const reads = t && (isResident(r.p) ? (await townOfReader(tx, r))?.id === t.id
      : r.p.scopePath !== null && (t.path.startsWith(r.p.scopePath) || r.p.scopePath.startsWith(t.path)));
    if (!t || !reads) throw notFound('town');
    return t;
  }
  if (isResident(r.p)) {
    const t = await townOfReader(tx, r);
    if (!t) throw notFound('town');
    return t;
  }
  const t = r.p.scopePath === null ? undefined : (await tx.query<{ id: string; path: string; name: string }>(
    `select id, path, name from org_units where level = 'town' and starts_with($1, path) order by length(path) desc limit 1`, [r.p.scopePath])).rows[0];
  if (!t) throw new AppError('VALIDATION_FAILED', 'Name the town (townId): your scope holds several.', '请选择街道。');
  return t;
}

/** 金点子 (issue 16): ideas, supports, screening and responses, and the quarterly top ten. */
export async function ideaRoutes(app: FastifyInstance): Promise<void> {
  const one = (id: string, p: Principal) => app.db.transaction(async (tx) => {
    const r = await readerOf(tx, app.pii, p);
    return presentIdea(r, await findIdea(tx, r, id));
  });

  app.get('/api/ideas', {
    config: { access: PARTICIPATION_READERS },
    schema: {
      summary: 'List ideas', tags: TAGS, querystring: s.IdeaListQuery, response: { 200: s.IdeaList },
      description: 'Golden ideas (金点子) the caller reads, by support (default: most supported first) or newest, paged by `cursor`: staff those of their scope, a resident those of their town (rejected ones only their own) with `supportedByMe`. Authors\' names masked for residents except their own. Filters: status, category, quarter, mine.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof s.IdeaListQuery>;
    const sort = q.sort ?? 'support';
    const limit = q.limit ?? 50;
    let after: { support: number; at: Date; id: string } | null = null;
    if (q.cursor) {
      const [support, at, id] = decodeCursor(q.cursor, 3) as [string, string, string];
      const d = new Date(at);
      if (!/^[0-9]+$/.test(support) || Number.isNaN(d.getTime())) throw new AppError('VALIDATION_FAILED', 'The cursor is not one this API handed out.', '分页游标无效。');
      after = { support: Number(support), at: d, id };
    }
    return app.db.transaction(async (tx) => {
      const r = await readerOf(tx, app.pii, p);
      const rows = await listIdeas(tx, r, { sort, status: q.status ?? null, category: q.category ?? null, quarter: q.quarter ?? null, mine: q.mine === true }, after, limit + 1);
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: page.map((i) => presentIdea(r, i)),
        nextCursor: rows.length > limit && last ? encodeCursor([last.support_count, new Date(last.created_at).toISOString(), last.id]) : null,
        policies: isResident(p) ? ['create' as const] : [],
      };
    });
  });

  app.post('/api/ideas', {
    config: { access: ['resident'] },
    schema: {
      summary: 'Submit an idea', tags: TAGS, body: s.NewIdeaBody, response: { 200: s.IdeaView, 201: s.IdeaView },
      description: 'A resident\'s idea to their town (城市治理我建言, 心愿墙), filed under their registry person\'s grid, else their account\'s home unit (none → 422 PARTICIPATION_INVALID), in the quarter of today (Asia/Shanghai). 201; 200 with the first one for a repeated Idempotency-Key. Audited (participation.idea.create).',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const r = await app.db.transaction(async (tx) => {
      const rd = await readerOf(tx, app.pii, p);
      return submitIdea(tx, { accountId: p.accountId, person: rd.person, name: rd.person?.name ?? p.name, unitId: p.homeOrgUnitId },
        req.body as Static<typeof s.NewIdeaBody>, actorOf(p, req.ip, app.clock(), requestKeyOf(req, p)));
    });
    return reply.status(r.created ? 201 : 200).send(await one(r.id, p));
  });

  app.get('/api/ideas/top', {
    config: { access: PARTICIPATION_READERS },
    schema: {
      summary: 'The quarter\'s top ten ideas', tags: TAGS, querystring: s.TopListQuery, response: { 200: s.TopList },
      description: 'The top ten golden ideas of a town\'s quarter with their responses: the published snapshot (`published` true), else the live ranking of its accepted and answered ideas by support, earlier first on a tie (`published` false). Quarter by default: the last quarter when its list is published, else this quarter. Town by default: the resident\'s, or the one of the staff member\'s scope (above a town: `townId` needed, else 400). `policies: [publish]` for PARTICIPATION_LEADS whose scope holds the town while the quarter is unpublished.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof s.TopListQuery>;
    const now = app.clock();
    return app.db.transaction(async (tx) => {
      const r = await readerOf(tx, app.pii, p);
      const town = await townFor(tx, r, q.townId);
      let quarter = q.quarter ?? previousQuarter(quarterOf(now));
      let published = await publishedTopTen(tx, town.id, quarter);
      if (!q.quarter && !published) {
        quarter = quarterOf(now);
        published = await publishedTopTen(tx, town.id, quarter);
      }
      const items = published ? published.items : await liveTopTen(tx, town.id, quarter);
      return {
        townId: town.id, townName: town.name, quarter, published: published !== null, publishedAt: published ? new Date(published.publishedAt).toISOString() : null,
        items: items.map((i) => presentTopItem(r, i)),
        policies: !published && isLeadOf(p, town.path) ? ['publish' as const] : [],
      };
    });
  });

  app.post('/api/ideas/top', {
    config: { access: PARTICIPATION_LEADS },
    schema: {
      summary: 'Publish the quarter\'s top ten ideas', tags: TAGS, body: s.PublishTopBody, response: { 201: s.TopList },
      description: 'Publishes the town\'s top ten of the quarter as a snapshot (later supports do not reorder it): PARTICIPATION_LEADS whose scope holds the town (else 403). Once per town and quarter: again → 409 IDEA_STATE_CONFLICT; a quarter not begun or with no accepted idea → 422 PARTICIPATION_INVALID. 201 with the list. Audited (participation.idea.top.publish).',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const b = req.body as Static<typeof s.PublishTopBody>;
    const now = app.clock();
    const out = await app.db.transaction(async (tx) => {
      const r = await readerOf(tx, app.pii, p);
      const town = await townFor(tx, r, b.townId);
      await publishTopTen(tx, p, town, b.quarter, actorOf(p, req.ip, now));
      const published = (await publishedTopTen(tx, town.id, b.quarter))!;
      return {
        townId: town.id, townName: town.name, quarter: b.quarter, published: true, publishedAt: new Date(published.publishedAt).toISOString(),
        items: published.items.map((i) => presentTopItem(r, i)), policies: [],
      };
    });
    return reply.status(201).send(out);
  });

  app.get('/api/ideas/:id', {
    config: { access: PARTICIPATION_READERS },
    schema: {
      summary: 'An idea', tags: TAGS, params: s.IdParams, response: { 200: s.IdeaView },
      description: 'One idea with its support count, whether the caller supports it, the screening note, the response and `policies`. 404 when the caller does not read it.',
    },
  }, async (req) => one((req.params as { id: string }).id, requirePrincipal(req)));

  app.post('/api/ideas/:id/support', {
    config: { access: ['resident'] },
    schema: {
      summary: 'Support an idea', tags: TAGS, params: s.IdParams, response: { 200: s.SupportAnswer, 201: s.SupportAnswer },
      description: 'Once per person (the registry person\'s key, whatever account): 201 the first time, 200 with created false after (the first stands). Not in the registry → 422 PERSON_NOT_IN_REGISTRY; an idea of another town → 404; a rejected or answered idea → 409 IDEA_STATE_CONFLICT. Audited (participation.idea.support).',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const { id } = req.params as { id: string };
    const r = await app.db.transaction(async (tx) => {
      const rd = await readerOf(tx, app.pii, p);
      await findIdea(tx, rd, id);
      const person = rd.person ?? await requirePersonOfAccount(tx, app.pii, p.accountId);
      return supportIdea(tx, id, person, p.accountId, actorOf(p, req.ip, app.clock()));
    });
    return reply.status(r.created ? 201 : 200).send({ supported: true as const, created: r.created, supportCount: r.supportCount });
  });

  app.post('/api/ideas/:id/actions/:action', {
    config: { access: PARTICIPATION_STAFF },
    schema: {
      summary: 'Screen or answer an idea', tags: TAGS, params: s.IdeaActionParams, body: s.IdeaActionBody, response: { 200: s.IdeaView },
      description: 'screen { accepted, note }: a submitted idea accepted or rejected (an accepted one may still be rejected); accepting awards the author ideaAccepted points when they are in the registry and their community has the rule. respond { response }: the answer to an accepted idea (revisable). Staff of the idea\'s scope (else 403/404); a status that does not take the step → 409 IDEA_STATE_CONFLICT. Audited (participation.idea.screen / participation.idea.respond).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id, action } = req.params as Static<typeof s.IdeaActionParams>;
    const b = req.body as Record<string, unknown>;
    let a: { kind: 'screen'; accepted: boolean; note: string } | { kind: 'respond'; response: string };
    if (action === 'screen') {
      if (typeof b.accepted !== 'boolean' || typeof b.note !== 'string') throw new AppError('VALIDATION_FAILED', 'screen needs { accepted, note }.', '筛选需要填写是否采纳和意见。');
      a = { kind: 'screen', accepted: b.accepted, note: b.note };
    } else {
      if (typeof b.response !== 'string') throw new AppError('VALIDATION_FAILED', 'respond needs { response }.', '答复需要填写答复内容。');
      a = { kind: 'respond', response: b.response };
    }
    await app.db.transaction(async (tx) => actOnIdea(tx, app.pii, await readerOf(tx, app.pii, p), id, a, actorOf(p, req.ip, app.clock())));
    return one(id, p);
  });
}
