import type { Polygon, Position } from 'geojson';
import { makeLattice, type Lattice } from '../../../src/server/platform/seed/lattice.ts';
import type { ScaleSpec } from '../context.ts';

/**
 * Where the generated city lies: one jittered lattice of cells (the demo's, src/server/platform/seed/lattice.ts) around
 * Chongqing, every grid one cell, so neighbouring grids share their vertices exactly and the grids tile the ground
 * without gaps or overlaps. A town is a rectangle of cells; its communities are runs of cells in snake order inside it
 * (simply connected, outlined along the cells' shared edges); a district is a rectangle of towns; the districts sit in
 * rows. Pure: the same spec gives the same layout.
 */

/** Chongqing's centre (解放碑), around which the city is laid out */
export const CITY_CENTRE = { lng: 106.577, lat: 29.557 } as const;
/** a cell ≈ 390 m × 390 m at 29.5°N */
export const CELL = { lng: 0.004, lat: 0.0035 } as const;

export interface Rect { cols: number; rows: number }

/** The most square rectangle of exactly n cells whose sides differ by at most ×3, else a near-square one with room to spare. */
export function rectangleFor(n: number, unit: Rect = { cols: 1, rows: 1 }): Rect {
  let best: Rect | null = null;
  const aspect = (r: Rect) => Math.max(r.cols * unit.cols, r.rows * unit.rows) / Math.min(r.cols * unit.cols, r.rows * unit.rows);
  for (let cols = 1; cols <= n; cols++) {
    if (n % cols !== 0) continue;
    const r = { cols, rows: n / cols };
    if (!best || aspect(r) < aspect(best)) best = r;
  }
  if (best && aspect(best) <= 3) return best;
  const cols = Math.max(1, Math.round(Math.sqrt((n * unit.rows) / unit.cols)));
  return { cols, rows: Math.ceil(n / cols) };
}

export interface TownPlace {
  district: number;
  town: number;
  /** the town's first cell (south-west corner) */
  i0: number;
  j0: number;
}

export interface CityLayout {
  lattice: Lattice;
  /** a town's rectangle of cells */
  town: Rect;
  /** the cells a town's grids take (town.cols × town.rows ≥ communities × grids per community) */
  cellsPerTown: number;
  towns: TownPlace[];
}

export function layoutCity(spec: ScaleSpec): CityLayout {
  const cellsPerTown = Math.max(1, spec.communitiesPerTown * spec.gridsPerCommunity);
  const town = rectangleFor(cellsPerTown);
  const district = rectangleFor(spec.townsPerDistrict, town);
  const districtCells = { cols: district.cols * town.cols, rows: district.rows * town.rows };
  const city = rectangleFor(spec.districts, districtCells);
  const cols = city.cols * districtCells.cols;
  const rows = city.rows * districtCells.rows;
  const lattice = makeLattice({
    originLng: CITY_CENTRE.lng - (cols * CELL.lng) / 2, originLat: CITY_CENTRE.lat - (rows * CELL.lat) / 2,
    cols, rows, cellLng: CELL.lng, cellLat: CELL.lat, seed: 1_800_018,
  });
  const towns: TownPlace[] = [];
  for (let d = 0; d < spec.districts; d++) {
    // districts row by row from the north-west, towns likewise inside their district
    const dx = (d % city.cols) * districtCells.cols;
    const dy = (city.rows - 1 - Math.floor(d / city.cols)) * districtCells.rows;
    for (let t = 0; t < spec.townsPerDistrict; t++) {
      towns.push({
        district: d, town: t,
        i0: dx + (t % district.cols) * town.cols,
        j0: dy + (district.rows - 1 - Math.floor(t / district.cols)) * town.rows,
      });
    }
  }
  return { lattice, town, cellsPerTown: town.cols * town.rows, towns };
}

/** The k-th cell of a town in snake order: the first row west to east, the next east to west, and so on. */
export function snakeCell(place: TownPlace, town: Rect, k: number): [number, number] {
  const row = Math.floor(k / town.cols);
  const x = k % town.cols;
  return [place.i0 + (row % 2 === 0 ? x : town.cols - 1 - x), place.j0 + town.rows - 1 - row];
}

/** A vertex of the lattice (shared by the four cells around it). */
function vertex(lattice: Lattice, i: number, j: number): Position {
  return lattice.cell(i, j).coordinates[0]![0]!;
}

/**
 * The outline of a simply connected set of cells, counter-clockwise like the lattice's blocks: each cell's edges, less
 * those two cells share, chained from vertex to vertex.
 */
export function outline(lattice: Lattice, cells: readonly (readonly [number, number])[]): Polygon {
  const key = (i: number, j: number) => `${i},${j}`;
  const edges = new Map<string, [number, number]>();
  const add = (a: [number, number], b: [number, number]) => {
    const reverse = `${key(...b)}>${key(...a)}`;
    if (edges.has(reverse)) edges.delete(reverse);
    else edges.set(`${key(...a)}>${key(...b)}`, b);
  };
  for (const [i, j] of cells) {
    add([i, j], [i + 1, j]);
    add([i + 1, j], [i + 1, j + 1]);
    add([i + 1, j + 1], [i, j + 1]);
    add([i, j + 1], [i, j]);
  }
  const next = new Map<string, [number, number]>();
  let start: [number, number] | null = null;
  for (const [k, to] of edges) {
    const from = k.slice(0, k.indexOf('>'));
    if (next.has(from)) throw new Error('the cells touch at a corner only: not one simple outline');
    next.set(from, to);
    const [i, j] = from.split(',').map(Number) as [number, number];
    if (!start || j < start[1] || (j === start[1] && i < start[0])) start = [i, j];
  }
  const ring: Position[] = [];
  let at = start!;
  do {
    ring.push(vertex(lattice, at[0], at[1]));
    at = next.get(key(...at))!;
  } while (ring.length <= edges.size && key(...at) !== key(...start!));
  if (ring.length !== edges.size) throw new Error('the cells are not simply connected');
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] };
}
