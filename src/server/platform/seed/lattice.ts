import type { Polygon, Position } from 'geojson';

/**
 * A jittered lattice of quadrilateral cells: neighbouring cells share their vertices exactly,
 * so any set of cells tiles the ground without gaps or overlaps, which is what real grid maps do.
 */
export interface Lattice {
  cols: number;
  rows: number;
  cell(i: number, j: number): Polygon;
  /** outline of the block of cells [i0, i1) × [j0, j1) */
  block(i0: number, j0: number, i1: number, j1: number): Polygon;
}

function hash01(seed: number, i: number, j: number): number {
  let h = (seed * 374761393 + i * 668265263 + j * 2147483647) | 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

export function makeLattice(o: {
  originLng: number; originLat: number; cols: number; rows: number; cellLng: number; cellLat: number; seed: number; jitter?: number;
}): Lattice {
  const jitter = o.jitter ?? 0.18;
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  const vertex = (i: number, j: number): Position => [
    round(o.originLng + (i + (hash01(o.seed, i, j) - 0.5) * 2 * jitter) * o.cellLng),
    round(o.originLat + (j + (hash01(o.seed + 1, i, j) - 0.5) * 2 * jitter) * o.cellLat),
  ];
  const block = (i0: number, j0: number, i1: number, j1: number): Polygon => {
    const ring: Position[] = [];
    for (let i = i0; i < i1; i++) ring.push(vertex(i, j0));
    for (let j = j0; j < j1; j++) ring.push(vertex(i1, j));
    for (let i = i1; i > i0; i--) ring.push(vertex(i, j1));
    for (let j = j1; j > j0; j--) ring.push(vertex(i0, j));
    ring.push(ring[0]!);
    return { type: 'Polygon', coordinates: [ring] };
  };
  return { cols: o.cols, rows: o.rows, cell: (i, j) => block(i, j, i + 1, j + 1), block };
}
