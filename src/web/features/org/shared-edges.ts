// 相邻网格同步调整: grids tile the ground and share their vertices, so moving a shared vertex of one grid moves the
// boundary it shares with its neighbours. Given a grid's ring before and after editing (vertices moved, inserted at a
// midpoint, deleted), the neighbours' rings with the same change. Plain functions, no map.
import type { Polygon, Position } from 'geojson';

const same = (p: Position, q: Position) => p[0] === q[0] && p[1] === q[1];
const open = (ring: readonly Position[]) => (ring.length > 1 && same(ring[0]!, ring[ring.length - 1]!) ? ring.slice(0, -1) : [...ring]);

/**
 * How the edited ring came from the old one: for each old vertex, the index of the edited vertex it became (moved or
 * not), or null when deleted; the edited vertices no old one became were inserted. The cheapest alignment, where a
 * vertex kept or moved costs less than deleting one and inserting another.
 */
export function alignRings(before: readonly Position[], after: readonly Position[]): (number | null)[] {
  const n = before.length, m = after.length;
  const cost: number[][] = Array.from({ length: n + 1 }, (_, i) => Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const keep = cost[i - 1]![j - 1]! + (same(before[i - 1]!, after[j - 1]!) ? 0 : 1);
      cost[i]![j] = Math.min(keep, cost[i - 1]![j]! + 1, cost[i]![j - 1]! + 1);
    }
  }
  const into: (number | null)[] = new Array(n).fill(null);
  for (let i = n, j = m; i > 0 || j > 0;) {
    if (i > 0 && j > 0 && cost[i]![j] === cost[i - 1]![j - 1]! + (same(before[i - 1]!, after[j - 1]!) ? 0 : 1)) { into[i - 1] = j - 1; i--; j--; }
    else if (i > 0 && cost[i]![j] === cost[i - 1]![j]! + 1) i--;
    else j--;
  }
  return into;
}

export interface NeighbourRing { id: string; ring: readonly Position[] }

/**
 * The neighbours that share a changed vertex or edge, with their new boundary: a shared vertex moved moves with it, one
 * deleted goes from them too, and vertices inserted on a shared edge are inserted on their side of it (in their order).
 */
export function neighboursFollow(beforeRing: readonly Position[], afterRing: readonly Position[], neighbours: readonly NeighbourRing[]): { id: string; geometry: Polygon }[] {
  const before = open(beforeRing), after = open(afterRing);
  const into = alignRings(before, after);
  const key = (p: Position) => `${p[0]},${p[1]}`;
  const fate = new Map<string, Position | null>();
  before.forEach((p, i) => {
    const j = into[i];
    if (j === null || j === undefined) fate.set(key(p), null);
    else if (!same(p, after[j]!)) fate.set(key(p), after[j]!);
  });
  // vertices inserted between two consecutive old ones (i → i+1 around the ring)
  const inserted = new Map<string, Position[]>();
  before.forEach((p, i) => {
    const q = before[(i + 1) % before.length]!;
    const from = into[i], to = into[(i + 1) % before.length];
    if (from === null || from === undefined || to === null || to === undefined) return;
    const added: Position[] = [];
    for (let j = (from + 1) % after.length; j !== to; j = (j + 1) % after.length) added.push(after[j]!);
    if (added.length) inserted.set(`${key(p)}|${key(q)}`, added);
  });
  const out: { id: string; geometry: Polygon }[] = [];
  for (const nb of neighbours) {
    const ring = open(nb.ring);
    let changed = false;
    const next: Position[] = [];
    ring.forEach((p, i) => {
      const q = ring[(i + 1) % ring.length]!;
      const f = fate.get(key(p));
      if (f === undefined) next.push(p);
      else { changed = true; if (f) next.push(f); }
      // the shared edge runs q → p in the edited grid (the rings turn the same way)
      const added = inserted.get(`${key(q)}|${key(p)}`);
      if (added) { changed = true; next.push(...[...added].reverse()); }
    });
    if (changed && next.length >= 3) out.push({ id: nb.id, geometry: { type: 'Polygon', coordinates: [[...next, next[0]!]] } });
  }
  return out;
}
