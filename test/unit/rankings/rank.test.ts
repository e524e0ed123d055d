import { describe, expect, it } from 'vitest';
import { boardHighlights, movementOf, rankByValue, type BoardRow } from '../../../src/domain/rankings/rank.ts';

describe('rankByValue', () => {
  const entries = [
    { id: 'a', value: 90 }, { id: 'b', value: 95 }, { id: 'c', value: 90 }, { id: 'd', value: null }, { id: 'e', value: 70 },
  ];
  it.each([
    ['higher', { a: 2, b: 1, c: 2, d: null, e: 4 }],
    ['lower', { a: 2, b: 4, c: 2, d: null, e: 1 }],
  ] as const)('ranks %s-is-better with shared ranks and none without a value', (direction, expected) => {
    expect(Object.fromEntries(rankByValue(entries, direction))).toEqual(expected);
  });
  it('ranks nothing when nothing has a value', () => {
    expect(Object.fromEntries(rankByValue([{ id: 'x', value: null }], 'higher'))).toEqual({ x: null });
  });
});

describe('movementOf', () => {
  it.each([
    [2, 5, 3], [5, 2, -3], [3, 3, 0], [null, 2, null], [2, null, null],
  ] as const)('rank %s after %s moved %s', (rank, previous, expected) => {
    expect(movementOf(rank, previous)).toBe(expected);
  });
});

describe('boardHighlights', () => {
  const row = (name: string, rank: number | null, movement: number | null, light: BoardRow['light'] = 'green'): BoardRow =>
    ({ orgUnitId: name, name, value: rank, rank, previousRank: rank !== null && movement !== null ? rank + movement : null, movement, light });
  const rows = [
    row('一', 1, 2), row('二', 2, -1), row('三', 3, 0), row('四', 4, 4), row('五', 5, -3, 'red'),
    row('六', 6, null, 'yellow'), row('七', 7, -1, 'red'), row('八', null, null, 'none'),
  ];
  it('picks the first three, the last three from the bottom up, the risers, the fallers and the reds', () => {
    const h = boardHighlights(rows);
    expect(h.top.map((r) => r.name)).toEqual(['一', '二', '三']);
    expect(h.bottom.map((r) => r.name)).toEqual(['七', '六', '五']);
    expect(h.risers.map((r) => r.name)).toEqual(['四', '一']);
    expect(h.fallers.map((r) => r.name)).toEqual(['五', '二', '七']);
    expect(h.red.map((r) => r.name)).toEqual(['五', '七']);
  });
  it('never names a unit both among the first and the last of a short board', () => {
    const h = boardHighlights(rows.slice(0, 4));
    expect(h.top.map((r) => r.name)).toEqual(['一', '二', '三']);
    expect(h.bottom.map((r) => r.name)).toEqual(['四']);
  });
});
