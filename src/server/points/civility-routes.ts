import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { requirePrincipal } from '../platform/auth.ts';
import { notFound } from '../platform/errors.ts';
import { POINTS_KEEPERS, POINTS_READERS } from '../../shared/points.ts';
import { presentMark } from './supermarket-presenters.ts';
import { listMarks, pointsInvalid, readerOf, unitInScope } from './supermarket-store.ts';
import { deriveMarks, lastMonthOf } from './civility.ts';
import * as s from './supermarket-schemas.ts';

const TAGS = ['points'];
const todayOf = (now: Date) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** 红黑榜 and 文明户: derived from a community's points of a month, read with their reasons and expiry. */
export async function civilityRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/points/civility', {
    config: { access: POINTS_READERS },
    schema: {
      summary: '红黑榜 and 文明户', tags: TAGS, querystring: s.CivilityQuery, response: { 200: s.CivilityList },
      description: 'The marks in force today with their reasons, period and expiry: staff those of the communities in or holding their scope (the household head\'s name and address); a resident the red list and 文明户 of their community with the heads\' names masked (张*家), never the black list — except their own household\'s marks, whatever they are (`mine`). Filters orgUnitId, kind.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof s.CivilityQuery>;
    const r = await readerOf(app.db, app.pii, p);
    const rows = await listMarks(app.db, r, { orgUnitId: q.orgUnitId ?? null, kind: q.kind ?? null, today: todayOf(app.clock()) });
    return { items: rows.map((m) => presentMark(m, r)), policies: r.keeper ? ['derive' as const] : [] };
  });

  app.post('/api/points/civility/derive', {
    config: { access: POINTS_KEEPERS },
    schema: {
      summary: 'Derive 红黑榜 and 文明户 of a month', tags: TAGS, querystring: s.DeriveQuery, response: { 200: s.DeriveResult },
      description: 'For the community `orgUnitId` of the keeper\'s scope (else 404; not a community → 422 POINTS_INVALID) and `period` (YYYY-MM, the last full month by default; a month not yet over → 422): each household\'s points earned and deducted in the month, earned in the year and any veto in force go through the rules (红榜: the top 10 % by points earned with no deduction and no veto; 黑榜: a veto in force or 20 deducted; 文明户: 100 earned in the year, no veto, not on the black list) and the marks are written with their reasons, valid from today for the period (文明户 a year). A rerun of the same period writes no mark twice. Also run by a monthly job. Audited (points.civility.derive).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof s.DeriveQuery>;
    const now = app.clock();
    const period = q.period ?? lastMonthOf(now);
    if (period > lastMonthOf(now)) throw pointsInvalid('The month is not over yet.', '该月尚未结束，不能评定。', { field: 'period' });
    return app.db.transaction(async (tx) => {
      const r = await readerOf(tx, app.pii, p);
      const unit = await unitInScope(tx, r, q.orgUnitId);
      if (!unit.path.startsWith(p.scopePath!)) throw notFound('organisation unit');
      if (unit.level !== 'community') throw pointsInvalid('The lists are derived for a community.', '红黑榜按社区（村）评定。', { field: 'orgUnitId' });
      return deriveMarks(tx, unit, period, now, { id: p.accountId, name: p.name, ip: req.ip });
    });
  });
}
