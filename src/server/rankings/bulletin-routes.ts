import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { requirePrincipal } from '../platform/auth.ts';
import { forbidden, notFound } from '../platform/errors.ts';
import { idempotencyKeyOf } from '../platform/idempotency-key.ts';
import { documentResponse, sendDocument } from '../platform/documents/index.ts';
import { checkPeriod } from './rank-units.ts';
import { boardParentFor, BULLETIN_GENERATORS, mayGenerateBulletin, RANKING_READERS, reachOf } from './scope.ts';
import { findBulletin, generateBulletin, listBulletins } from './bulletins.ts';
import { bulletinDocument } from './bulletin-document.ts';
import * as s from './schemas.ts';

const TAGS = ['rankings'];

/** 线上通报 (issue 17): generate a bulletin of the boards, list and read them, download one as Word. */
export async function bulletinRoutes(app: FastifyInstance): Promise<void> {
  app.post('/api/rankings/bulletins', {
    config: { access: BULLETIN_GENERATORS },
    schema: {
      summary: 'Generate a 线上通报', tags: TAGS, body: s.BulletinBody, response: { 200: s.BulletinView },
      description: 'Generates and keeps a bulletin of the `level`\'s boards under `parentId` (default the caller\'s town) for `period`: for the published stars (months) and the key indicators (结案率, 按期结案率, 事件按期办理率, 满意率, 任务完成率, 网格员活跃度, 矛盾纠纷化解率) the first and last three, the biggest risers and fallers, and the units on red. The snapshot is kept: a bulletin never changes when the figures are recounted (generate again for a new one). INDICATOR_EDITORS and dispatchers whose scope holds the unit (a unit they only read → 403). Bad period → 422 PERIOD_INVALID. Idempotency-Key: a retry answers the first bulletin. Audited (rankings.bulletin.generate).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const body = req.body as Static<typeof s.BulletinBody>;
    checkPeriod(body.period, '');
    const parent = await boardParentFor(app.db, p, body.parentId);
    if (!mayGenerateBulletin(p, parent.path)) throw forbidden();
    const key = idempotencyKeyOf(req);
    return app.db.transaction((tx) => generateBulletin(tx, parent, body.level, body.period,
      { accountId: p.accountId, name: p.name, ip: req.ip, at: app.clock() }, key === null ? null : `${p.accountId}:${key}`));
  });

  app.get('/api/rankings/bulletins', {
    config: { access: RANKING_READERS },
    schema: {
      summary: 'List 线上通报', tags: TAGS, querystring: s.BulletinListQuery, response: { 200: s.BulletinList },
      description: 'The bulletins of units the caller reads boards of (their scope, and the town it lies in), newest first (`limit`, default 30); `parentId` narrows to a unit (outside the caller\'s reach → 404). Departments → 403.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof s.BulletinListQuery>;
    const { reach, town } = await reachOf(app.db, p);
    const unit = q.parentId ? await boardParentFor(app.db, p, q.parentId) : null;
    const items = await listBulletins(app.db, unit?.path ?? reach, q.limit ?? 30);
    const home = unit?.path ?? town?.path ?? p.scopePath!;
    return {
      items: items.map(({ snapshot: _snapshot, ...b }) => b),
      policies: mayGenerateBulletin(p, home) ? ['generate' as const] : [],
    };
  });

  app.get('/api/rankings/bulletins/:id', {
    config: { access: RANKING_READERS },
    schema: {
      summary: 'A 线上通报', tags: TAGS, params: s.BulletinIdParams, response: { 200: s.BulletinView },
      description: 'One bulletin with its kept snapshot; one of a unit outside the caller\'s reach → 404.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id } = req.params as Static<typeof s.BulletinIdParams>;
    const { reach } = await reachOf(app.db, p);
    const b = await findBulletin(app.db, id, reach);
    if (!b) throw notFound('bulletin');
    return b;
  });

  app.get('/api/rankings/bulletins/:id/document', {
    config: { access: RANKING_READERS },
    schema: {
      summary: 'A 线上通报 as Word', tags: TAGS, params: s.BulletinIdParams, response: { 200: documentResponse('线上通报') },
      description: 'The bulletin as a Word file (.docx, A4, 仿宋 body) named by its title (「春晖路街道2026年11月网格赛马比拼通报.docx」, RFC 5987), from the kept snapshot; outside the caller\'s reach → 404.',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const { id } = req.params as Static<typeof s.BulletinIdParams>;
    const { reach } = await reachOf(app.db, p);
    const b = await findBulletin(app.db, id, reach);
    if (!b) throw notFound('bulletin');
    return sendDocument(reply, bulletinDocument(b), 'docx', b.title, `bulletin-${b.period}`);
  });
}
