import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { boundaryMoves, type BoundaryChange, type GridArea, type PlacedRecord } from '../../../src/domain/registry/boundary-moves.ts';

/** an axis-aligned square (or rectangle) drawn by hand: [x0, y0] to [x1, y1] */
const box = (x0: number, y0: number, x1: number, y1: number): Polygon =>
  ({ type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });
const grid = (id: string, geometry: Polygon, level: GridArea['level'] = 'grid'): GridArea => ({ id, level, code: `500199001001${id}`, geometry });

// A = 0..1 × 0..1 and B = 1..2 × 0..1 side by side; C = 0..2 × 1..2 above both.
const A = box(0, 0, 1, 1), B = box(1, 0, 2, 1), C = box(0, 1, 2, 2);
const at = (lng: number, lat: number) => ({ lng, lat });
const NOW: Record<string, Polygon | null> = { A, B, C, D: null };
/** the changed grids with the boundary they have now */
const was = (...ids: string[]): BoundaryChange['changed'] => ids.map((id) => ({ id, before: NOW[id]! }));

const records: PlacedRecord[] = [
  { kind: 'building', id: 'b1', name: '1栋', gridId: 'B', point: at(1.2, 0.5) },
  { kind: 'building', id: 'b2', name: '2栋', gridId: 'B', point: at(1.8, 0.5) },
  { kind: 'household', id: 'h1', name: '1栋1单元101', gridId: 'B', follows: { kind: 'building', id: 'b1' } },
  { kind: 'household', id: 'h2', name: '2栋1单元101', gridId: 'B', follows: { kind: 'building', id: 'b2' } },
  { kind: 'household', id: 'h3', name: '平房3号', gridId: 'B', point: at(1.3, 0.2) },
  { kind: 'resident', id: 'r1', name: '张三', gridId: 'B', follows: { kind: 'household', id: 'h1' } },
  { kind: 'resident', id: 'r2', name: '李四', gridId: 'B', follows: { kind: 'household', id: 'h2' } },
  { kind: 'resident', id: 'r3', name: '王五', gridId: 'B', follows: { kind: 'household', id: 'h3' } },
  { kind: 'resident', id: 'r4', name: '无户', gridId: 'B' },
  { kind: 'place', id: 'p1', name: '小卖部', gridId: 'A', point: at(0.5, 0.5) },
  { kind: 'thing', id: 't1', name: '消防栓', gridId: 'B', point: at(1.5, 0.5) },
  { kind: 'thing', id: 't2', name: '井盖', gridId: 'B', point: at(1.4, 0.8) },
  { kind: 'hazard', id: 'z1', name: '井盖松动', gridId: 'B', follows: { kind: 'thing', id: 't2' } },
  { kind: 'building', id: 'b3', name: '错位楼', gridId: 'A', point: at(5, 5) },
  { kind: 'household', id: 'h4', name: '楼不在内', gridId: 'B', point: at(1.1, 0.1), follows: { kind: 'building', id: 'elsewhere' } },
];

describe('what a boundary change moves', () => {
  it.each([
    {
      what: 'A takes a strip of B (1..1.5): records in the strip and their followers go to A; a point on the new edge stays',
      grids: [grid('A', box(0, 0, 1.5, 1)), grid('B', box(1.5, 0, 2, 1)), grid('C', C)], changed: was('A', 'B'),
      moves: ['building b1 B→A', 'household h1 B→A', 'household h3 B→A', 'resident r1 B→A', 'resident r3 B→A', 'thing t2 B→A', 'hazard z1 B→A'],
      outside: [],
    },
    {
      what: 'A shrinks to 0..0.4 alone: the place at 0.5 lies in no grid',
      grids: [grid('A', box(0, 0, 0.4, 1)), grid('B', B), grid('C', C)], changed: was('A'),
      moves: [], outside: ['place p1'],
    },
    {
      what: 'B shrinks to 1.9..2 alone: everything between 1 and 1.9 is stranded, followers with their leaders',
      grids: [grid('A', A), grid('B', box(1.9, 0, 2, 1)), grid('C', C)], changed: was('B'),
      moves: [], outside: ['building b1', 'building b2', 'household h1', 'household h2', 'household h3', 'resident r1', 'resident r2', 'resident r3', 'thing t1', 'thing t2', 'hazard z1'],
    },
    {
      what: 'C grows down over B\'s top half and B gives it up: the well cover at 0.8 goes up to C, the rest stays',
      grids: [grid('A', A), grid('B', box(1, 0, 2, 0.6)), grid('C', { type: 'Polygon', coordinates: [[[0, 1], [1, 1], [1, 0.6], [2, 0.6], [2, 2], [0, 2], [0, 1]]] })], changed: was('B', 'C'),
      moves: ['thing t2 B→C', 'hazard z1 B→C'], outside: [],
    },
    {
      what: 'a new dedicated grid drawn over part of B wins over B there (the locator\'s order), once B no longer holds it',
      grids: [grid('A', A), grid('B', { type: 'Polygon', coordinates: [[[1, 0], [2, 0], [2, 1], [1, 1], [1, 0.4], [1.5, 0.4], [1.5, 0], [1, 0]]] }), grid('C', C), grid('D', box(1, 0, 1.5, 0.4), 'dedicatedGrid')], changed: was('B', 'D'),
      moves: ['household h3 B→D', 'resident r3 B→D'], outside: [],
    },
    {
      what: 'nothing changes shape: nothing moves, the building already outside its grid A included',
      grids: [grid('A', A), grid('B', B), grid('C', C)], changed: was('A'),
      moves: [], outside: [],
    },
  ])('$what', ({ grids, changed, moves, outside }) => {
    const out = boundaryMoves({ grids, changed, records, openCases: [] });
    expect(out.moves.map((m) => `${m.kind} ${m.id} ${m.fromGridId}→${m.toGridId}`).sort()).toEqual([...moves].sort());
    expect(out.outside.map((m) => `${m.kind} ${m.id}`).sort()).toEqual([...outside].sort());
  });

  it('lists open cases on ground that changes grid, also those left in no grid, and not the others', () => {
    const out = boundaryMoves({
      grids: [grid('A', box(0, 0, 1.5, 1)), grid('B', box(1.6, 0, 2, 1)), grid('C', C)], changed: was('A', 'B'), records: [],
      openCases: [
        { id: 'c1', number: 'N1', gridId: 'B', point: at(1.1, 0.9) },
        { id: 'c2', number: 'N2', gridId: 'B', point: at(1.9, 0.1) },
        { id: 'c3', number: 'N3', gridId: 'B', point: at(1.55, 0.5) },
        { id: 'c4', number: 'N4', gridId: 'C', point: at(0.5, 1.5) },
      ],
    });
    expect(out.openCases).toEqual([
      { id: 'c1', number: 'N1', fromGridId: 'B', toGridId: 'A' },
      { id: 'c3', number: 'N3', fromGridId: 'B', toGridId: null },
    ]);
  });

  it('a follower whose leader is outside is outside too; one whose leader is not among the records stays', () => {
    const out = boundaryMoves({
      grids: [grid('A', A), grid('B', box(1.5, 0, 2, 1))], changed: was('B'),
      records: [
        { kind: 'building', id: 'far', name: '远处', gridId: 'B', point: at(1.2, 0.5) },
        { kind: 'household', id: 'hf', name: '远处101', gridId: 'B', follows: { kind: 'building', id: 'far' } },
        { kind: 'household', id: 'h4', name: '楼不在内', gridId: 'B', point: at(1.1, 0.1), follows: { kind: 'building', id: 'elsewhere' } },
      ],
      openCases: [],
    });
    expect(out.outside.map((r) => r.id)).toEqual(['far', 'hf']);
    expect(out.moves).toEqual([]);
  });
});
