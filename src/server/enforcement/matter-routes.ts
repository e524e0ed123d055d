import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { requirePrincipal } from '../platform/auth.ts';
import { notFound } from '../platform/errors.ts';
import { ENFORCEMENT_MATTER_EDITORS, ENFORCEMENT_READERS } from '../../shared/enforcement.ts';
import * as s from './schemas.ts';
import * as store from './matter-store.ts';
import { saveMatter } from './save-matter.ts';
import { mayEditMatters, presentMatter } from './presenters.ts';

const TAGS = ['enforcement'];

/** 一张清单: the enforcement matters the city publishes, with their legal bases and discretion benchmarks. */
export async function matterRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/enforcement/matters', {
    config: { access: ENFORCEMENT_READERS },
    schema: {
      summary: 'The enforcement matter list', tags: TAGS, querystring: s.MatterListQuery, response: { 200: s.MatterList },
      description: 'The matters of comprehensive enforcement published by a unit holding the caller\'s scope (the city\'s list reaches its towns), by category and code: each with its source (statutory 法定, empowered 赋权, entrusted 委托) and delegating department, the rule broken and the penalty rule, the loop case categories it enforces (with names), the facts an officer records and the discretion benchmarks in reading order. Filters: `source`, `q` (part of the code, name, category or department), `loopCategoryCode` (matters for such a case), `includeRetired`. `counts`: active matters per source.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof s.MatterListQuery>;
    if (!p.scopePath) return { items: [], counts: { statutory: 0, empowered: 0, entrusted: 0 }, policies: [] };
    const rows = await store.listMatters(app.db, p.scopePath, {
      source: q.source ?? null, q: q.q?.trim() || null, loopCategoryCode: q.loopCategoryCode ?? null, includeRetired: q.includeRetired ?? false,
    });
    const names = await store.loopCategoryNames(app.db, rows.flatMap((r) => r.loop_category_codes));
    return {
      items: rows.map((r) => presentMatter(r, names, p)),
      counts: await store.countMattersBySource(app.db, p.scopePath),
      policies: mayEditMatters(p) ? ['create' as const] : [],
    };
  });

  app.post('/api/enforcement/matters', {
    config: { access: ENFORCEMENT_MATTER_EDITORS },
    schema: {
      summary: 'Save an enforcement matter', tags: TAGS, body: s.MatterBody, response: { 200: s.MatterView, 201: s.MatterView },
      description: 'Creates (201) or replaces (200) the matter of `code`, published by the caller\'s scope unit. Checked by the schema (400), then by the benchmark rules (422 ENFORCEMENT_INVALID with `details.reasons` in Chinese: unique fact and benchmark keys, conditions on defined facts with values of their type, a fine band with both ends and min ≤ max, no fine band without a fine, loop categories known to the case catalog, a delegating department for 赋权/委托 and none for 法定). A code another unit outside the scope published: 403. `retired: true` takes it off the list; cases opened under it keep their bands. Audited.',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const body = req.body as Static<typeof s.MatterBody>;
    const { created } = await app.db.transaction((tx) => saveMatter(tx, p, body, app.clock(), req.ip));
    const row = (await store.findMatterByCode(app.db, body.code.trim()))!;
    const names = await store.loopCategoryNames(app.db, row.loop_category_codes);
    return reply.status(created ? 201 : 200).send(presentMatter(row, names, p));
  });

  app.get('/api/enforcement/matters/:code', {
    config: { access: ENFORCEMENT_READERS },
    schema: {
      summary: 'An enforcement matter', tags: TAGS, params: s.MatterCodeParams, response: { 200: s.MatterView },
      description: 'One matter of the list reaching the caller\'s scope (retired ones too), with its legal bases, facts and benchmarks; 404 otherwise.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { code } = req.params as Static<typeof s.MatterCodeParams>;
    const row = p.scopePath ? await store.findMatter(app.db, p.scopePath, code) : null;
    if (!row) throw notFound('matter');
    return presentMatter(row, await store.loopCategoryNames(app.db, row.loop_category_codes), p);
  });

  app.get('/api/enforcement/matters/:code/benchmarks', {
    config: { access: ENFORCEMENT_READERS },
    schema: {
      summary: 'A matter\'s facts and discretion benchmarks', tags: TAGS, params: s.MatterCodeParams, response: { 200: s.MatterBenchmarks },
      description: 'What the officer\'s form needs: the facts to record (yes/no, a number with its unit and range, a choice) and the benchmarks in reading order (the first whose conditions all hold is proposed), with the penalty rule. The band can be computed in the browser with the same rules (src/domain/enforcement/benchmarks.ts).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { code } = req.params as Static<typeof s.MatterCodeParams>;
    const row = p.scopePath ? await store.findMatter(app.db, p.scopePath, code) : null;
    if (!row) throw notFound('matter');
    return { code: row.code, name: row.name, facts: row.body.facts, benchmarks: row.body.benchmarks, penaltyBasis: row.body.penaltyBasis };
  });
}
