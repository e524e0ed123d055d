// 赛马比拼 (issue 17): ranking units by a figure, the movement since the period before, and what a 线上通报 picks out of
// a board. Plain functions over plain data.

export interface Ranked {
  id: string;
  rank: number | null;
}

/**
 * Competition ranks (1, 2, 2, 4 …) of the entries by value, the best first: `higher` ranks the largest value first,
 * `lower` the smallest. Entries without a value get no rank. Ties are broken by nothing: equal values share a rank.
 */
export function rankByValue(entries: readonly { id: string; value: number | null }[], direction: 'higher' | 'lower'): Map<string, number | null> {
  const valued = entries.filter((e): e is { id: string; value: number } => e.value !== null && Number.isFinite(e.value));
  const sorted = [...valued].sort((a, b) => (direction === 'higher' ? b.value - a.value : a.value - b.value));
  const ranks = new Map<string, number | null>();
  sorted.forEach((e, i) => {
    const prev = sorted[i - 1];
    ranks.set(e.id, prev && prev.value === e.value ? ranks.get(prev.id)! : i + 1);
  });
  for (const e of entries) if (!ranks.has(e.id)) ranks.set(e.id, null);
  return ranks;
}

/** Places moved since the period before: positive = up (rank 5 → 2 is +3); null when either rank is missing. */
export function movementOf(rank: number | null, previousRank: number | null): number | null {
  return rank === null || previousRank === null ? null : previousRank - rank;
}

export interface BoardRow {
  orgUnitId: string;
  name: string;
  value: number | null;
  rank: number | null;
  previousRank: number | null;
  movement: number | null;
  light: 'green' | 'yellow' | 'red' | 'none';
}

/**
 * What a bulletin says of one board: the first `n` and the last `n` ranked units (the last in reverse order of rank,
 * never the same unit as a first one), the `n` that rose most and the `n` that fell most (a movement of 0 is no
 * move), and the units whose light is red.
 */
export function boardHighlights<R extends BoardRow>(rows: readonly R[], n = 3): { top: R[]; bottom: R[]; risers: R[]; fallers: R[]; red: R[] } {
  const ranked = rows.filter((r) => r.rank !== null).sort((a, b) => a.rank! - b.rank! || a.name.localeCompare(b.name, 'zh-CN'));
  const top = ranked.slice(0, n);
  const bottom = ranked.slice(Math.max(n, ranked.length - n)).reverse();
  const moved = rows.filter((r) => r.movement !== null && r.movement !== 0);
  const risers = moved.filter((r) => r.movement! > 0).sort((a, b) => b.movement! - a.movement! || a.rank! - b.rank!).slice(0, n);
  const fallers = moved.filter((r) => r.movement! < 0).sort((a, b) => a.movement! - b.movement! || a.rank! - b.rank!).slice(0, n);
  const red = rows.filter((r) => r.light === 'red');
  return { top, bottom, risers, fallers, red };
}
