import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { CATALOG_EDITORS, STAFF_ROLES } from '../../shared/roles.ts';
import { requirePrincipal } from '../platform/auth.ts';
import { notFound } from '../platform/errors.ts';
import { resolveTown } from '../org/town-of.ts';
import * as store from './store.ts';
import * as s from './schemas.ts';
import { presentMatter } from './presenters.ts';
import { catalogPolicies, editsCatalog } from '../../domain/matters/policies.ts';
import { catalogTown } from './catalog-town.ts';
import { createMatter } from './create-matter.ts';
import { updateMatter } from './update-matter.ts';
import { retireMatter } from './retire-matter.ts';
import { actorOf } from '../audit/audit-log.ts';

export async function matterRoutes(app: FastifyInstance): Promise<void> {
  const editors = { access: CATALOG_EDITORS };

  app.get('/api/matters', {
    config: { access: [...STAFF_ROLES, 'resident'] },
    schema: {
      summary: 'The duty catalog of a town',
      tags: ['matters'],
      description: 'The duty catalog of a town (基本职责 / 配合履职 / 收回事项): what is handled at which tier, by whom, by when. Residents get their home town\'s catalog, to pick a category.',
      querystring: s.TownQuery, response: { 200: s.MatterList },
    },
  }, async (req) => {
    const q = req.query as Static<typeof s.TownQuery>;
    const p = requirePrincipal(req);
    const town = await catalogTown(app.db, p, q.townId);
    const rows = await store.listCurrentMatters(app.db, town.id, q.includeRetired ?? false);
    const editor = editsCatalog(p, town.path);
    return { items: rows.filter((m) => !q.list || m.list === q.list).map((m) => presentMatter(m, editor)), nextCursor: null, policies: catalogPolicies(editor) };
  });

  app.get('/api/matters/:code/versions', {
    config: { access: STAFF_ROLES },
    schema: { summary: 'The versions of a matter', tags: ['matters'], description: 'Every version of a Matter, newest first.', params: s.CodeParams, querystring: s.TownQuery, response: { 200: s.MatterList } },
  }, async (req) => {
    const { code } = req.params as Static<typeof s.CodeParams>;
    const p = requirePrincipal(req);
    const town = await resolveTown(app.db, p.scopePath, (req.query as Static<typeof s.TownQuery>).townId);
    const rows = await store.listMatterVersions(app.db, town.id, code);
    if (rows.length === 0) throw notFound('matter');
    const editor = editsCatalog(p, town.path);
    return { items: rows.map((m) => presentMatter(m, editor)), nextCursor: null, policies: catalogPolicies(editor) };
  });

  app.post('/api/matters', {
    config: editors,
    schema: { summary: 'Add a matter to the catalog', description: 'Adds a matter (its first version) to the town\'s catalog: the tier that handles it, the post or department, the time limits. 409 when the code is taken, 422 with the fields at fault.', tags: ['matters'], querystring: s.TownQuery, body: s.NewMatter, response: { 201: s.Matter } },
  }, async (req, reply) => {
    const { code, ...input } = req.body as Static<typeof s.NewMatter>;
    const town = await resolveTown(app.db, requirePrincipal(req).scopePath, (req.query as Static<typeof s.TownQuery>).townId);
    const saved = await createMatter(app.db, { townId: town.id, code, actor: actorOf(req), now: app.clock() }, input);
    return reply.status(201).send(presentMatter(saved, editsCatalog(requirePrincipal(req), town.path)));
  });

  app.put('/api/matters/:code', {
    config: editors,
    schema: { summary: 'Edit a matter (a new version)', tags: ['matters'], description: 'Writes the next version; cases already reported keep the version they were created under.', params: s.CodeParams, querystring: s.TownQuery, body: s.MatterInput, response: { 200: s.Matter } },
  }, async (req) => {
    const { code } = req.params as Static<typeof s.CodeParams>;
    const town = await resolveTown(app.db, requirePrincipal(req).scopePath, (req.query as Static<typeof s.TownQuery>).townId);
    const change = { townId: town.id, code, actor: actorOf(req), now: app.clock() };
    return presentMatter(await updateMatter(app.db, change, req.body as Static<typeof s.MatterInput>), editsCatalog(requirePrincipal(req), town.path));
  });

  app.post('/api/matters/:code/retire', {
    config: editors,
    schema: { summary: 'Retire a matter', description: 'Retires a matter: it can no longer be reported; cases already reported keep it. The retirement is a new version.', tags: ['matters'], params: s.CodeParams, querystring: s.TownQuery, response: { 200: s.Matter } },
  }, async (req) => {
    const { code } = req.params as Static<typeof s.CodeParams>;
    const town = await resolveTown(app.db, requirePrincipal(req).scopePath, (req.query as Static<typeof s.TownQuery>).townId);
    return presentMatter(await retireMatter(app.db, { townId: town.id, code, actor: actorOf(req), now: app.clock() }), editsCatalog(requirePrincipal(req), town.path));
  });
}
