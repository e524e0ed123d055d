import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { STAFF_ROLES } from '../../shared/roles.ts';
import { requirePrincipal } from '../platform/auth.ts';
import { notFound } from '../platform/errors.ts';
import { resolveTown } from '../org/town-of.ts';
import * as store from './store.ts';
import * as s from './schemas.ts';
import { presentMatter } from './presenters.ts';
import { retireMatter, saveMatter } from './save-matter.ts';
import { actorOf, audit } from '../audit/audit-log.ts';

export async function matterRoutes(app: FastifyInstance): Promise<void> {
  const editors = { access: ['admin', 'leader'] as const };

  app.get('/api/matters', {
    config: { access: [...STAFF_ROLES, 'resident'] },
    schema: {
      tags: ['matters'],
      description: 'The duty catalog of a town (基本职责 / 配合履职 / 收回事项): what is handled at which tier, by whom, by when. Residents get their home town\'s catalog, to pick a category.',
      querystring: s.TownQuery, response: { 200: s.MatterList },
    },
  }, async (req) => {
    const q = req.query as Static<typeof s.TownQuery>;
    const p = requirePrincipal(req);
    const scope = p.scopePath ?? (p.homeOrgUnitId ? (await app.db.query<{ path: string }>('select path from org_units where id = $1', [p.homeOrgUnitId])).rows[0]?.path ?? null : null);
    const town = await resolveTown(app.db, scope, q.townId);
    const rows = await store.listCurrentMatters(app.db, town.id, q.includeRetired ?? false);
    return { items: rows.filter((m) => !q.list || m.list === q.list).map(presentMatter), nextCursor: null };
  });

  app.get('/api/matters/:code/versions', {
    config: { access: STAFF_ROLES },
    schema: { tags: ['matters'], description: 'Every version of a Matter, newest first.', params: s.CodeParams, querystring: s.TownQuery, response: { 200: s.MatterList } },
  }, async (req) => {
    const { code } = req.params as Static<typeof s.CodeParams>;
    const town = await resolveTown(app.db, requirePrincipal(req).scopePath, (req.query as Static<typeof s.TownQuery>).townId);
    const rows = await store.listMatterVersions(app.db, town.id, code);
    if (rows.length === 0) throw notFound('matter');
    return { items: rows.map(presentMatter), nextCursor: null };
  });

  app.post('/api/matters', {
    config: editors,
    schema: { tags: ['matters'], querystring: s.TownQuery, body: s.NewMatter, response: { 201: s.Matter } },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const { code, ...input } = req.body as Static<typeof s.NewMatter>;
    const town = await resolveTown(app.db, p.scopePath, (req.query as Static<typeof s.TownQuery>).townId);
    const saved = await saveMatter(app.db, town.id, code, input, p.accountId, 'create');
    await audit(app.db, { at: app.clock(), ...actorOf(req), action: 'matter.create', targetType: 'matter', targetId: saved.id, success: true, detail: { code, version: saved.version } });
    return reply.status(201).send(presentMatter(saved));
  });

  app.put('/api/matters/:code', {
    config: editors,
    schema: { tags: ['matters'], description: 'Writes the next version; cases already reported keep the version they were created under.', params: s.CodeParams, querystring: s.TownQuery, body: s.MatterInput, response: { 200: s.Matter } },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { code } = req.params as Static<typeof s.CodeParams>;
    const town = await resolveTown(app.db, p.scopePath, (req.query as Static<typeof s.TownQuery>).townId);
    const saved = await saveMatter(app.db, town.id, code, req.body as Static<typeof s.MatterInput>, p.accountId, 'update');
    await audit(app.db, { at: app.clock(), ...actorOf(req), action: 'matter.update', targetType: 'matter', targetId: saved.id, success: true, detail: { code, version: saved.version } });
    return presentMatter(saved);
  });

  app.post('/api/matters/:code/retire', {
    config: editors,
    schema: { tags: ['matters'], params: s.CodeParams, querystring: s.TownQuery, response: { 200: s.Matter } },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { code } = req.params as Static<typeof s.CodeParams>;
    const town = await resolveTown(app.db, p.scopePath, (req.query as Static<typeof s.TownQuery>).townId);
    const saved = await retireMatter(app.db, town.id, code, p.accountId, app.clock());
    await audit(app.db, { at: app.clock(), ...actorOf(req), action: 'matter.retire', targetType: 'matter', targetId: saved.id, success: true, detail: { code, version: saved.version } });
    return presentMatter(saved);
  });
}
