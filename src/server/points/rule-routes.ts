import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { requirePrincipal, type Principal } from '../platform/auth.ts';
import { forbidden } from '../platform/errors.ts';
import { POINTS_KEEPERS, POINTS_READERS } from '../../shared/points.ts';
import { actorOf, communityFor, isKeeperOf, isPointsStaff, type Unit } from './ledger-store.ts';
import { loadRuleSet, publishedView, publishRules, saveRules, unpublishedChanges } from './rules.ts';
import * as s from './rule-schemas.ts';

const TAGS = ['points'];

/** 积分细则 (issue 16): a community's rules — read, edit as a whole set, publish to residents. */
export async function ruleRoutes(app: FastifyInstance): Promise<void> {
  const present = async (unit: Unit, p: Principal): Promise<Static<typeof s.RuleSetView>> => {
    const set = await loadRuleSet(app.db, unit.id);
    const published = set.published
      ? { version: set.published.version, publishedAt: set.published.publishedAt.toISOString(), publishedByName: set.published.publishedByName, rules: set.published.rules.map(publishedView) }
      : null;
    const staff = isPointsStaff(p);
    const keeper = isKeeperOf(p, unit.path);
    return {
      orgUnitId: unit.id,
      orgUnitName: unit.name,
      version: set.version,
      rules: staff ? set.rules : published?.rules ?? [],
      published: staff ? published : published && { ...published, publishedByName: null },
      unpublishedChanges: staff ? unpublishedChanges(set) : false,
      policies: keeper ? (unpublishedChanges(set) && set.rules.some((r) => !r.retired) ? ['update', 'publish'] : ['update']) : [],
    };
  };

  app.get('/api/points/rules', {
    config: { access: POINTS_READERS },
    schema: {
      summary: 'A community\'s points rules', tags: TAGS, querystring: s.RuleSetQuery, response: { 200: s.RuleSetView },
      description: '积分细则 of a community (`orgUnitId`, a community or a grid taken to its community; default the caller\'s own). Staff of a scope in or holding the community read the draft (active and retired rules), the set\'s version and the publication; a resident reads their own community\'s published rules only (another community → 404).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof s.RuleSetQuery>;
    const unit = await communityFor(app.db, app.pii, p, q.orgUnitId);
    return present(unit, p);
  });

  app.put('/api/points/rules', {
    config: { access: POINTS_KEEPERS },
    schema: {
      summary: 'Save a community\'s points rules', tags: TAGS, querystring: s.RuleSetQuery, body: s.PutRulesBody, response: { 200: s.RuleSetView },
      description: 'Saves the whole draft set of the community (POINTS_KEEPERS of its scope): rules sent are written with the set\'s next version, codes left out retired (kept for the entries that name them, never deleted). `version` is the set version read: 409 CONFLICT when someone saved since. The set is checked (unique codes, a veto needs its months, a cap both its points and period, one rule per automatic event …): 422 POINTS_INVALID with `details.reasons`. Residents see nothing until it is published. Audited (points.rules.save).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof s.RuleSetQuery>;
    const body = req.body as Static<typeof s.PutRulesBody>;
    const unit = await communityFor(app.db, app.pii, p, q.orgUnitId);
    if (!isKeeperOf(p, unit.path)) throw forbidden();
    await app.db.transaction((tx) => saveRules(tx, unit, body, actorOf(p, req.ip, app.clock())));
    return present(unit, p);
  });

  app.post('/api/points/rules/publish', {
    config: { access: POINTS_KEEPERS },
    schema: {
      summary: 'Publish a community\'s points rules', tags: TAGS, querystring: s.RuleSetQuery, response: { 200: s.RuleSetView },
      description: 'Publishes the community\'s active rules as they are now (POINTS_KEEPERS of its scope): residents read them and awards (by hand, by assessment, by the system\'s events) follow them from now on. No active rule → 422 POINTS_INVALID. Publishing again the same version changes nothing but the time. Audited (points.rules.publish).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof s.RuleSetQuery>;
    const unit = await communityFor(app.db, app.pii, p, q.orgUnitId);
    if (!isKeeperOf(p, unit.path)) throw forbidden();
    await app.db.transaction((tx) => publishRules(tx, unit, actorOf(p, req.ip, app.clock())));
    return present(unit, p);
  });
}
