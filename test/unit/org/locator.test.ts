import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { buildLocator } from '../../../src/domain/org/locator.ts';
import { makeLattice } from '../../../src/server/platform/seed/lattice.ts';

const square = (x: number, y: number, s = 1): Polygon => ({
  type: 'Polygon', coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]],
});

describe('buildLocator', () => {
  const locator = buildLocator([
    { id: 'a', geometry: square(0, 0) },
    { id: 'b', geometry: square(1, 0) },
    { id: 'donut', geometry: { type: 'Polygon', coordinates: [
      [[10, 10], [14, 10], [14, 14], [10, 14], [10, 10]], [[11, 11], [13, 11], [13, 13], [11, 13], [11, 11]]] } },
    { id: 'multi', geometry: { type: 'MultiPolygon', coordinates: [square(20, 20).coordinates, square(30, 30).coordinates] } },
  ]);

  it.each([
    [0.5, 0.5, 'a'],
    [1.5, 0.5, 'b'],
    [1, 0.5, 'a'], // shared edge: the first area indexed wins, always the same
    [10.5, 10.5, 'donut'],
    [12, 12, null], // inside the hole
    [30.5, 30.5, 'multi'],
    [5, 5, null],
    [-0.0001, 0.5, null],
  ])('(%d, %d) → %s', (lng, lat, expected) => {
    expect(locator.locate(lng, lat)).toBe(expected);
  });

  it('answers null on an empty index', () => {
    expect(buildLocator([]).locate(0, 0)).toBeNull();
  });

  it('finds exactly one cell for points of a jittered lattice, like a brute-force scan', () => {
    const lattice = makeLattice({ originLng: 106.5, originLat: 29.5, cols: 20, rows: 20, cellLng: 0.003, cellLat: 0.003, seed: 3 });
    const areas = [];
    for (let i = 0; i < 20; i++) for (let j = 0; j < 20; j++) areas.push({ id: `${i}:${j}`, geometry: lattice.cell(i, j) });
    const l = buildLocator(areas);
    let seed = 1;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let k = 0; k < 500; k++) {
      const lng = 106.5 + 0.003 + rnd() * 0.054, lat = 29.5 + 0.003 + rnd() * 0.054;
      const found = l.locate(lng, lat);
      expect(found).not.toBeNull();
      const matches = areas.filter((a) => buildLocator([a]).locate(lng, lat) !== null).map((a) => a.id);
      expect(matches).toContain(found);
    }
  });
});
