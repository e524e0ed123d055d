// 高频诉求 (issue 17): cells of about 200 m, ranking categories and places against the previous span, and the
// project steps of the 15-minute service circle. Expected answers written by hand.
import { describe, expect, it } from 'vitest';
import { cellOf, cellOfKey } from '../../../src/domain/analytics/cells.ts';
import { previousSpan, rank, rankCells, spanDays, spanStart, trendOf } from '../../../src/domain/analytics/ranking.ts';
import { actionsOf, isOpen, nextStatus } from '../../../src/domain/analytics/projects.ts';

describe('cells', () => {
  // a row is 200 / 111320 = 0.00179662 degrees of latitude; at the equator a column is as wide
  it.each([
    // lng, lat, key
    [0.0001, 0.0001, '0:0'],
    [0.0018, 0.0001, '0:1'],          // 0.0018 > 0.00179662: the next column
    [0.0001, 0.0018, '1:0'],
    [-0.0001, -0.0001, '-1:-1'],      // below zero floors down
    [0.0035, 0.0035, '1:1'],          // 0.0035 < 2 × 0.00179662 = 0.00359324
  ])('(%f, %f) → %s', (lng, lat, key) => {
    expect(cellOf(lng, lat).key).toBe(key);
  });

  it('the centre of cell 0:0 is half a step each way', () => {
    const c = cellOf(0.0001, 0.0001);
    expect(c.lat).toBeCloseTo(0.000898, 6);
    // at latitude 0.000898° cos is 1 to 9 places: the column is as wide as the row
    expect(c.lng).toBeCloseTo(0.000898, 6);
  });

  it('at 60° north a column is twice as many degrees as a row (cos 60° = ½), so 200 m across still', () => {
    // row 33394 has its centre at 33394.5 × 0.00179662 = 59.9978°, cos ≈ 0.50003: a column ≈ 0.0035930°
    const a = cellOf(0.0035, 60);
    const b = cellOf(0.0037, 60);
    expect(a.row).toBe(33396); // 60 / 0.00179662 = 33396.0 (floor)
    expect(a.col).toBe(0);
    expect(b.col).toBe(1);
  });

  it('points 50 m apart in the middle of a cell share it; the key gives the cell back', () => {
    const c = cellOf(106.55, 29.56);
    const near = cellOf(c.lng + 0.0004, c.lat + 0.0004);
    expect(near.key).toBe(c.key);
    expect(cellOfKey(c.key)).toEqual(c);
    expect(cellOfKey('x:1')).toBeNull();
    expect(cellOfKey('1:2:3')).toBeNull();
  });
});

describe('spans and trends', () => {
  it.each([
    ['2026-11-04', '2026-12-03', 30, '2026-10-05', '2026-11-03'],
    ['2026-12-01', '2026-12-01', 1, '2026-11-30', '2026-11-30'],
    ['2026-03-01', '2026-03-31', 31, '2026-01-29', '2026-02-28'],
    ['2024-03-01', '2024-03-02', 2, '2024-02-28', '2024-02-29'], // a leap year
  ])('%s..%s is %i days; the previous span %s..%s', (from, to, days, pf, pt) => {
    expect(spanDays(from, to)).toBe(days);
    expect(previousSpan(from, to)).toEqual({ from: pf, to: pt });
  });

  it('a span of 30 days ending on 2026-12-03 starts on 2026-11-04', () => {
    expect(spanStart('2026-12-03', 30)).toBe('2026-11-04');
  });

  it.each([
    [12, 8, { change: 4, ratio: 0.5, direction: 'up' }],
    [3, 4, { change: -1, ratio: -0.25, direction: 'down' }],
    [5, 5, { change: 0, ratio: 0, direction: 'flat' }],
    [2, 0, { change: 2, ratio: null, direction: 'up' }],
    [1, 3, { change: -2, ratio: -0.667, direction: 'down' }],
  ])('%i now against %i before', (current, previous, expected) => {
    expect(trendOf(current, previous)).toEqual({ current, previous, ...expected });
  });
});

describe('ranking categories', () => {
  it('by count, ties by the larger rise then the key; only what happens now; shares of the total', () => {
    const now = [{ key: 'E02', count: 5 }, { key: 'E01', count: 3 }, { key: 'E03', count: 3 }, { key: 'E02', count: 1 }, { key: 'E04', count: 0 }];
    const before = [{ key: 'E01', count: 3 }, { key: 'E03', count: 1 }, { key: 'E09', count: 7 }];
    expect(rank(now, before, 10)).toEqual([
      // total 12: 6/12, 3/12, 3/12
      { key: 'E02', rank: 1, current: 6, previous: 0, change: 6, ratio: null, direction: 'up', share: 0.5 },
      { key: 'E03', rank: 2, current: 3, previous: 1, change: 2, ratio: 2, direction: 'up', share: 0.25 },
      { key: 'E01', rank: 3, current: 3, previous: 3, change: 0, ratio: 0, direction: 'flat', share: 0.25 },
    ]);
    expect(rank(now, before, 1).map((r) => r.key)).toEqual(['E02']);
    expect(rank([], before, 5)).toEqual([]);
  });
});

describe('ranking places', () => {
  const g = (lng: number, lat: number, category: string, gridId: string, count: number) => ({ lng, lat, category, gridId, count });
  it('points snap to cells; a cell names its top category and grid; trend against the previous span', () => {
    const now = [
      g(0.0001, 0.0001, 'E02', 'g1', 2), g(0.0010, 0.0012, 'E01', 'g1', 1), g(0.0011, 0.0002, 'E01', 'g2', 2), // cell 0:0: 5
      g(0.0020, 0.0001, 'E05', 'g2', 4), // cell 0:1: 4
      g(0.0040, 0.0040, 'E07', 'g3', 1), // cell 2:2: 1
    ];
    const before = [g(0.0002, 0.0003, 'E01', 'g1', 6), g(0.0100, 0.0100, 'E01', 'g9', 9)];
    const cells = rankCells(now, before, 2);
    expect(cells.map((c) => [c.key, c.rank, c.current, c.previous, c.direction, c.topCategory, c.gridId])).toEqual([
      // E01 has 3 in cell 0:0 against E02's 2; grid g1 has 3 (2 + 1) against g2's 2
      ['0:0', 1, 5, 6, 'down', 'E01', 'g1'],
      ['0:1', 2, 4, 0, 'up', 'E05', 'g2'],
    ]);
  });

  it('ties of the top category go to the smaller code', () => {
    const cells = rankCells([g(0.0001, 0.0001, 'E09', 'g2', 1), g(0.0002, 0.0001, 'E03', 'g1', 1)], [], 5);
    expect(cells[0]).toMatchObject({ topCategory: 'E03', gridId: 'g1', current: 2 });
  });
});

describe('project steps', () => {
  it.each([
    ['planned', 'start', 'underway'], ['underway', 'finish', 'done'], ['planned', 'drop', 'dropped'], ['underway', 'drop', 'dropped'],
    ['planned', 'finish', null], ['done', 'drop', null], ['dropped', 'start', null], ['underway', 'start', null],
  ] as const)('%s + %s → %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });
  it('actions and openness by status', () => {
    expect(actionsOf('planned')).toEqual(['start', 'drop']);
    expect(actionsOf('underway')).toEqual(['finish', 'drop']);
    expect(actionsOf('done')).toEqual([]);
    expect([isOpen('planned'), isOpen('underway'), isOpen('done'), isOpen('dropped')]).toEqual([true, true, false, false]);
  });
});
