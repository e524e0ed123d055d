import type { FastifyInstance } from 'fastify';
import { notFound } from '../platform/errors.ts';
import { TASK_OVERSEERS } from '../../shared/tasks.ts';
import { byNeed, daysBetween, NO_COUNTS, progressFigures } from '../../domain/tasks/progress.ts';
import * as s from './schemas.ts';
import { dayBounds, todayOf } from './route-helpers.ts';
import { reachOfRequest } from './task-reach.ts';
import { taskInvalid } from './complete-task.ts';
import * as store from './progress-store.ts';

const GRID_LEVELS = ['grid', 'dedicatedGrid', 'microGrid'];

export async function progressRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/tasks/progress', {
    config: { access: TASK_OVERSEERS },
    schema: {
      summary: 'Progress of grid workers and units', tags: ['tasks'], querystring: s.ProgressQuery, response: { 200: s.Progress },
      description: 'For a unit in the caller\'s scope (default: the scope\'s own unit; 404 outside; a grid worker: its grids) over `from`…`to` (default this month to today, at most 366 days: 422 TASK_INVALID): the unit\'s figures, its children\'s (a town: its communities; a community: its grids) and each grid worker\'s — tasks due in the period, done, completion rate, overdue open; key-population attention rate (key visits done by their due day ÷ key visits due); activity (days with a task done, a visit or a report; reports; visits; active days ÷ worker-days). Counted in SQL.',
    },
  }, async (req) => {
    const reach = reachOfRequest(req);
    const q = req.query as s.ProgressQueryT;
    const now = app.clock();
    const today = todayOf(now);
    const unit = q.orgUnitId ? await store.findUnitInScope(app.db, q.orgUnitId, reach.scopePath) : await store.findUnitByPath(app.db, reach.scopePath);
    if (!unit || (reach.gridIds !== null && !reach.gridIds.some((g) => unit.path.includes(`/${g}/`)))) throw notFound('organisation unit');
    const from = q.from ?? `${today.slice(0, 8)}01`;
    const to = q.to ?? today;
    if (to < from || daysBetween(from, to) > 366) throw taskInvalid('The period must run forward and last a year at most.', '统计区间须从前到后，且不超过一年。', { field: 'to' });
    const children = GRID_LEVELS.includes(unit.level) ? [] : await store.childUnits(app.db, unit.id);
    const period = { from, to, today, fromTs: dayBounds(from).start, toTs: dayBounds(to).end };
    const { byUnit, byWorker } = await store.countProgress(app.db, unit.path, period);
    // worker-days count the days up to today: a period running into the future is not diluted by days not yet come
    const days = Math.max(1, daysBetween(from, to < today ? to : today < from ? from : today));
    const workers = await store.workersOf(app.db, unit.path, [...byWorker.keys()]);
    return {
      unit: { id: unit.id, name: unit.name, level: unit.level }, from, to, today,
      total: progressFigures(byUnit.get(store.TOTAL) ?? NO_COUNTS, days),
      children: children.map((c) => ({
        kind: 'unit' as const, id: c.id, name: c.name, level: c.level, gridNames: [], ...progressFigures(byUnit.get(c.id) ?? NO_COUNTS, days),
      })),
      workers: workers.map((w) => ({
        kind: 'worker' as const, id: w.id, name: w.name, level: null, gridNames: w.grid_names,
        ...progressFigures({ ...(byWorker.get(w.id) ?? NO_COUNTS), workers: 1 }, days),
      })).sort(byNeed),
    };
  });
}
