import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { requirePrincipal } from '../platform/auth.ts';
import { previousPeriod } from '../../domain/indicators/periods.ts';
import { checkPeriod, rankIndicator, rankUnits, townOf } from './rank-units.ts';
import { boardParentFor, mayGenerateBulletin, RANKING_READERS } from './scope.ts';
import * as s from './schemas.ts';

const TAGS = ['rankings'];

/** 赛马比拼 (issue 17): a board of one level's units under a unit, by an indicator or by published stars. */
export async function rankingRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/rankings', {
    config: { access: RANKING_READERS },
    schema: {
      summary: 'A ranking board (赛马比拼)', tags: TAGS, querystring: s.RankingQuery, response: { 200: s.RankingBoard },
      description: 'The units of `level` (grid, community, town) under `parentId` (default: the caller\'s town, or their scope when it lies above the towns) ranked by `indicator` (a code of the catalog the town reads, or `stars`: the published ratings of the month, stars then score) in `period`, in the indicator\'s direction; ties share a rank; units without a value come last unranked. Each row: value, light, rank, the rank in the period before and the movement (positive = up). Staff read the boards of their scope and of the whole town their scope lies in (peers\' names and figures are public inside a town); a parent outside that → 404; accounts without a territory (departments) → 403. Bad period → 422 PERIOD_INVALID (stars: months only); unknown indicator → 422 INDICATOR_UNKNOWN.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof s.RankingQuery>;
    checkPeriod(q.period, q.indicator);
    const parent = await boardParentFor(app.db, p, q.parentId);
    const town = await townOf(app.db, parent.path);
    const indicator = await rankIndicator(app.db, q.indicator, town?.path ?? null);
    const rows = await rankUnits(app.db, { parentId: parent.id, level: q.level, indicator: indicator.code, period: q.period });
    return {
      parent: { id: parent.id, name: parent.name, level: parent.level },
      level: q.level,
      period: q.period,
      previousPeriod: previousPeriod(q.period),
      indicator: { code: indicator.code, name: indicator.nameZh, unit: indicator.unit, direction: indicator.direction },
      rows,
      policies: mayGenerateBulletin(p, parent.path) ? ['generateBulletin' as const] : [],
    };
  });
}
