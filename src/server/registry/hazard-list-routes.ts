import type { FastifyInstance } from 'fastify';
import { requirePrincipal } from '../platform/auth.ts';
import { REGISTRY_LIMITS, REGISTRY_READERS } from '../../shared/registry.ts';
import { shanghaiDate } from '../../domain/sla/working-calendar.ts';
import { filterPath, reachOf } from './reach.ts';
import * as store from './store.ts';
import * as p from './presenters.ts';
import { HazardList, HazardListQuery, type HazardListQueryT } from './hazard-list-schemas.ts';
import { listHazardLedger } from './hazard-list-store.ts';

/** The grids' hazard ledger (隐患台账) as one list: what is open, what is overdue for its next check. */
export async function hazardListRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/registry/hazards', {
    config: { access: REGISTRY_READERS },
    schema: {
      summary: 'The hazard ledger', tags: ['registry'], querystring: HazardListQuery, response: { 200: HazardList },
      description: 'Hazards entered on things and buildings in the caller\'s reach (its territory; a grid worker: its team\'s grids), open ones first and the earliest next check first, each with its follow-ups. `status` filters open or resolved, `gridId` an org unit and below inside the scope (404 outside), `overdue=true` open entries whose next check is before today (Asia/Shanghai). `overdue` in the answer counts those among the matches.',
    },
  }, async (req) => {
    const reach = reachOf(requirePrincipal(req));
    const q = req.query as HazardListQueryT;
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? REGISTRY_LIMITS.pageSize;
    const today = shanghaiDate(app.clock());
    const unitPath = await filterPath(app.db, reach, q.gridId);
    const found = await listHazardLedger(app.db, reach, { status: q.status, unitPath, overdue: q.overdue === true, today }, pageSize, (page - 1) * pageSize);
    const changes = await store.listHazardChanges(app.db, found.rows.map((z) => z.id));
    return {
      items: found.rows.map((z) => p.presentHazard(z, reach, changes)), total: found.total, overdue: found.overdue, today, page, pageSize,
      policies: reach.editor ? ['create' as const] : [],
    };
  });
}
