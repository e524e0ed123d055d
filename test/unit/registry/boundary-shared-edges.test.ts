import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { alignRings, neighboursFollow } from '../../../src/web/features/org/shared-edges.ts';

// X = 0..1 × 0..1, its right neighbour R = 1..2 × 0..1 and its top neighbour T = 0..1 × 1..2, all counter-clockwise.
const X: Position[] = [[0, 0], [1, 0], [1, 1], [0, 1]];
const R = { id: 'R', ring: [[1, 0], [2, 0], [2, 1], [1, 1]] as Position[] };
const T = { id: 'T', ring: [[0, 1], [1, 1], [1, 2], [0, 2]] as Position[] };
const FAR = { id: 'F', ring: [[5, 5], [6, 5], [6, 6], [5, 6]] as Position[] };
const ring = (g: { geometry: { coordinates: Position[][] } }) => g.geometry.coordinates[0]!.slice(0, -1);

describe('neighbours follow a shared boundary (相邻网格同步调整)', () => {
  it.each([
    { what: 'a shared corner moved: both neighbours that hold it move it', after: [[0, 0], [1, 0], [1.5, 1.2], [0, 1]],
      expected: { R: [[1, 0], [2, 0], [2, 1], [1.5, 1.2]], T: [[0, 1], [1.5, 1.2], [1, 2], [0, 2]] } },
    { what: 'a vertex inserted on the edge shared with R: R gets it on its side', after: [[0, 0], [1, 0], [1.3, 0.5], [1, 1], [0, 1]],
      expected: { R: [[1, 0], [2, 0], [2, 1], [1, 1], [1.3, 0.5]] } },
    { what: 'two vertices inserted on the shared edge keep their order on R\'s side', after: [[0, 0], [1, 0], [1.2, 0.3], [1.2, 0.7], [1, 1], [0, 1]],
      expected: { R: [[1, 0], [2, 0], [2, 1], [1, 1], [1.2, 0.7], [1.2, 0.3]] } },
    { what: 'a shared corner deleted goes from the neighbours too', after: [[0, 0], [1, 0], [0, 1]],
      expected: { R: [[1, 0], [2, 0], [2, 1]], T: [[0, 1], [1, 2], [0, 2]] } },
    { what: 'a corner nobody shares moved: no neighbour changes', after: [[-0.2, -0.2], [1, 0], [1, 1], [0, 1]], expected: {} },
  ])('$what', ({ after, expected }) => {
    const out = neighboursFollow([...X, X[0]!], after as Position[], [R, T, FAR]);
    expect(Object.fromEntries(out.map((g) => [g.id, ring(g)]))).toEqual(expected);
    for (const g of out) expect(g.geometry.coordinates[0]![0]).toEqual(g.geometry.coordinates[0]!.at(-1));
  });

  it('aligns a moved vertex to its new place, not to a deletion and an insertion', () => {
    expect(alignRings(X, [[0, 0], [1, 0], [1.5, 1.2], [0, 1]])).toEqual([0, 1, 2, 3]);
    expect(alignRings(X, [[0, 0], [1, 0], [1.3, 0.5], [1, 1], [0, 1]])).toEqual([0, 1, 3, 4]);
    expect(alignRings(X, [[0, 0], [1, 0], [0, 1]])).toEqual([0, 1, null, 2]);
  });
});
