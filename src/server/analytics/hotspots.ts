import type { Principal } from '../platform/auth.ts';
import type { Tx } from '../platform/db/db.ts';
import { AppError } from '../platform/errors.ts';
import { dateOfDayNumber, dayNumberOfDate, shanghaiDayNumber, startOfShanghaiDay } from '../../domain/sla/working-calendar.ts';
import { CELL_METRES } from '../../domain/analytics/cells.ts';
import { previousSpan, rank, rankCells, trendOf } from '../../domain/analytics/ranking.ts';
import * as store from './hotspot-store.ts';
import { isEditor, unitInScope } from './scope.ts';
import type { HotspotsView } from './schemas.ts';

/** Without `from`, the hot spots cover this many days up to `to` (both included). */
export const DEFAULT_DAYS = 30;
export const MAX_DAYS = 366;

/** A span of days [from, to] checked and turned into instants, with the previous span of equal length. */
export function spanOf(q: { from?: string; to?: string }, now: Date, defaultDays = DEFAULT_DAYS) {
  const to = q.to ? dayNumberOfDate(q.to) : shanghaiDayNumber(now);
  const from = q.from ? dayNumberOfDate(q.from) : to - defaultDays + 1;
  if (!Number.isFinite(from) || !Number.isFinite(to) || from > to || to - from + 1 > MAX_DAYS) {
    throw new AppError('VALIDATION_FAILED', `\`from\` must not be after \`to\`, and the span at most ${MAX_DAYS} days.`, `开始日期不能晚于结束日期，统计区间最长 ${MAX_DAYS} 天。`);
  }
  const prev = previousSpan(dateOfDayNumber(from), dateOfDayNumber(to));
  return {
    from: dateOfDayNumber(from), to: dateOfDayNumber(to), previousFrom: prev.from, previousTo: prev.to,
    window: { before: startOfShanghaiDay(dayNumberOfDate(prev.from)), from: startOfShanghaiDay(from), until: startOfShanghaiDay(to + 1) },
  };
}

/** 高频诉求: the hot categories, cells and grids of a unit of the caller's scope over a span, against the previous one. */
export async function hotspots(tx: Tx, p: Principal, q: { orgUnitId?: string; from?: string; to?: string; limit?: number }, now: Date): Promise<HotspotsView> {
  const unit = await unitInScope(tx, p, q.orgUnitId);
  const span = spanOf(q, now);
  const limit = q.limit ?? 10;
  const w: store.Window = { path: unit.path, ...span.window };
  const categories = await store.caseCategories(tx, w);
  const points = await store.casePoints(tx, w);
  const ideas = await store.ideaCategories(tx, w);

  const cells = rankCells(points.current, points.previous, limit);
  // grids: the points summed per grid, and per grid and category for each grid's top category
  const gridRank = rank(points.current.map((x) => ({ key: x.gridId, count: x.count })), points.previous.map((x) => ({ key: x.gridId, count: x.count })), limit);
  const gridIds = [...new Set([...cells.map((c) => c.gridId), ...gridRank.map((g) => g.key)])];
  const grids = await store.gridsOf(tx, gridIds);
  const codes = [...new Set([...cells.map((c) => c.topCategory), ...points.current.map((x) => x.category)])];
  const names = new Map([...await store.categoryNames(tx, codes), ...categories.map((c) => [c.code, c.name] as const)]);
  const nameOf = (code: string) => names.get(code) ?? code;

  const sum = (xs: { current: number; previous: number }[]) => trendOf(xs.reduce((s, x) => s + x.current, 0), xs.reduce((s, x) => s + x.previous, 0));
  return {
    orgUnitId: unit.id, orgUnitName: unit.name,
    from: span.from, to: span.to, previousFrom: span.previousFrom, previousTo: span.previousTo, cellMetres: CELL_METRES,
    cases: sum(categories), ideas: sum(ideas),
    categories: rank(categories.map((c) => ({ key: c.code, count: c.current })), categories.map((c) => ({ key: c.code, count: c.previous })), limit)
      .map(({ key, ...r }) => ({ code: key, name: nameOf(key), ...r })),
    ideaCategories: rank(ideas.map((c) => ({ key: c.category, count: c.current })), ideas.map((c) => ({ key: c.category, count: c.previous })), limit)
      .map(({ key, ...r }) => ({ category: key, ...r })),
    cells: cells.map((c) => {
      const g = grids.get(c.gridId);
      return {
        key: c.key, lng: c.lng, lat: c.lat, rank: c.rank, current: c.current, previous: c.previous, change: c.change, ratio: c.ratio, direction: c.direction,
        topCategoryCode: c.topCategory, topCategoryName: nameOf(c.topCategory), gridId: c.gridId, gridName: g?.name ?? '',
        communityId: g?.community_id ?? null, communityName: g?.community_name ?? null,
      };
    }),
    grids: gridRank.map((r) => {
      const mine = points.current.filter((x) => x.gridId === r.key);
      const top = rank(mine.map((x) => ({ key: x.category, count: x.count })), [], 1)[0]?.key ?? '';
      const n = mine.reduce((s, x) => s + x.count, 0);
      const { key, ...t } = r;
      return {
        id: key, name: grids.get(key)?.name ?? '', ...t, topCategoryCode: top, topCategoryName: nameOf(top),
        lng: Math.round((mine.reduce((s, x) => s + x.lng * x.count, 0) / n) * 1e6) / 1e6,
        lat: Math.round((mine.reduce((s, x) => s + x.lat * x.count, 0) / n) * 1e6) / 1e6,
      };
    }),
    policies: isEditor(p) ? ['createProject'] : [],
  };
}
