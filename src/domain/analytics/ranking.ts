import { cellOf, type Cell } from './cells.ts';

/*
 * 高频诉求 (issue 17): ranking the categories and the places of a span's cases against the previous span of equal
 * length. Plain functions over counted rows (the server counts in SQL, scoped; here only order and arithmetic).
 */

export type Direction = 'up' | 'down' | 'flat';

export interface Trend {
  current: number;
  previous: number;
  /** current − previous */
  change: number;
  /** change ÷ previous, rounded to 3 places; null when the previous span had none */
  ratio: number | null;
  direction: Direction;
}

export function trendOf(current: number, previous: number): Trend {
  const change = current - previous;
  return {
    current, previous, change,
    ratio: previous === 0 ? null : Math.round((change / previous) * 1000) / 1000,
    direction: change > 0 ? 'up' : change < 0 ? 'down' : 'flat',
  };
}

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
const dayOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** Days from `from` to `to`, both included ('YYYY-MM-DD'); 0 when `to` is before `from`. */
export function spanDays(from: string, to: string): number {
  return Math.max(0, dayNumber(to) - dayNumber(from) + 1);
}

/** The span of equal length just before [from, to]: 2026-11-04..2026-12-03 → 2026-10-05..2026-11-03. */
export function previousSpan(from: string, to: string): { from: string; to: string } {
  const n = spanDays(from, to);
  const start = dayNumber(from);
  return { from: dayOf(start - n), to: dayOf(start - 1) };
}

/** The day `days` − 1 before `to`: the first day of a span of `days` days ending on `to`. */
export function spanStart(to: string, days: number): string {
  return dayOf(dayNumber(to) - days + 1);
}

export interface CountRow<K extends string = string> {
  key: K;
  count: number;
}

export interface RankedRow<K extends string = string> extends Trend {
  key: K;
  rank: number;
  /** share of the span's total, rounded to 3 places; 0 when the total is 0 */
  share: number;
}

/**
 * The keys of the current span by count (ties: the larger rise first, then the key), each with the previous span's
 * count and the trend; keys only of the previous span are left out (a hot spot is what is hot now). Top `limit`.
 */
export function rank<K extends string>(current: readonly CountRow<K>[], previous: readonly CountRow<K>[], limit: number): RankedRow<K>[] {
  const sum = (rows: readonly CountRow<K>[]) => {
    const m = new Map<K, number>();
    for (const r of rows) m.set(r.key, (m.get(r.key) ?? 0) + r.count);
    return m;
  };
  const now = sum(current);
  const before = sum(previous);
  const total = [...now.values()].reduce((s, x) => s + x, 0);
  return [...now.entries()]
    .filter(([, c]) => c > 0)
    .map(([key, c]) => ({ key, ...trendOf(c, before.get(key) ?? 0), share: total === 0 ? 0 : Math.round((c / total) * 1000) / 1000 }))
    .sort((a, b) => b.current - a.current || b.change - a.change || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, limit)
    .map((r, i) => ({ ...r, rank: i + 1 }));
}

/** A counted point: cases at one place (rounded coordinates), of one category, in one grid. */
export interface PointCount {
  lng: number;
  lat: number;
  category: string;
  gridId: string;
  count: number;
}

export interface HotCell extends Cell, Trend {
  rank: number;
  /** the category with most cases in the cell (ties: the smaller code) */
  topCategory: string;
  /** the grid with most of the cell's cases (ties: the smaller id) */
  gridId: string;
}

function topOf(m: Map<string, number>): string {
  let best = '';
  let n = -1;
  for (const [k, c] of m) if (c > n || (c === n && k < best)) { best = k; n = c; }
  return best;
}

/** The hot cells of a span: the points snapped to cells, ranked by count against the previous span's, top `limit`. */
export function rankCells(current: readonly PointCount[], previous: readonly PointCount[], limit: number, metres?: number): HotCell[] {
  const cells = new Map<string, { cell: Cell; count: number; categories: Map<string, number>; grids: Map<string, number> }>();
  for (const p of current) {
    const cell = cellOf(p.lng, p.lat, metres);
    const c = cells.get(cell.key) ?? { cell, count: 0, categories: new Map(), grids: new Map() };
    c.count += p.count;
    c.categories.set(p.category, (c.categories.get(p.category) ?? 0) + p.count);
    c.grids.set(p.gridId, (c.grids.get(p.gridId) ?? 0) + p.count);
    cells.set(cell.key, c);
  }
  const before = new Map<string, number>();
  for (const p of previous) {
    const key = cellOf(p.lng, p.lat, metres).key;
    before.set(key, (before.get(key) ?? 0) + p.count);
  }
  const ranked = rank([...cells.values()].map((c) => ({ key: c.cell.key, count: c.count })), [...before.entries()].map(([key, count]) => ({ key, count })), limit);
  return ranked.map((r) => {
    const c = cells.get(r.key)!;
    return { ...c.cell, ...trendOf(r.current, r.previous), rank: r.rank, topCategory: topOf(c.categories), gridId: topOf(c.grids) };
  });
}
