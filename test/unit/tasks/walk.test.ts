// The grid worker's walking order (nearest neighbour) and the visit distance: expected answers worked out by hand.
// 0.001° of latitude is 111.195 m on the mean earth radius (6,371,008.8 m × π / 180 / 1000).
import { describe, expect, it } from 'vitest';
import { walkingOrder, type WalkStop } from '../../../src/domain/tasks/walk.ts';
import { visitDistance } from '../../../src/domain/tasks/visit-distance.ts';
import { distanceM } from '../../../src/domain/cases/duplicates.ts';

const at = (dLat: number, dLng = 0) => ({ lng: 106.5 + dLng, lat: 29.5 + dLat });
const stop = (id: string, dLat: number | null): WalkStop => ({ id, at: dLat === null ? null : at(dLat) });

describe('walkingOrder', () => {
  it.each([
    ['nearest first from where the worker stands, then nearest from each stop', at(0), [stop('A', 0.003), stop('B', 0.001), stop('C', 0.002)], ['B', 'C', 'A'], 334],
    ['tasks without a place go last, in the order given', at(0), [stop('X', null), stop('B', 0.001), stop('Y', null)], ['B', 'X', 'Y'], 111],
    ['without an origin the walk starts at the first stop with a place', null, [stop('A', 0.003), stop('B', 0.001), stop('C', 0.002)], ['A', 'C', 'B'], 222],
    ['equal distances keep the order given (overdue ones are given first)', at(0), [stop('P', 0.001), stop('Q', -0.001)], ['P', 'Q'], 334],
    ['stops at one point follow one another', at(0), [stop('F', 0.002), stop('N1', 0.001), stop('N2', 0.001)], ['N1', 'N2', 'F'], 222],
    ['nothing to walk', at(0), [], [], 0],
  ] as const)('%s', (_why, origin, stops, order, meters) => {
    const walk = walkingOrder(origin, stops);
    expect(walk.order).toEqual(order);
    expect(walk.meters).toBe(meters);
  });

  it('a greedy walk, not the shortest tour: from the middle it goes to the nearer end first', () => {
    // origin at 0; W at -0.001 (111 m), E1 at +0.0015, E2 at +0.003: W first, then back past the origin to E1 and E2
    const walk = walkingOrder(at(0), [stop('E2', 0.003), stop('E1', 0.0015), stop('W', -0.001)]);
    expect(walk.order).toEqual(['W', 'E1', 'E2']);
    // 111.195 + 278.0 + 166.8 = 556
    expect(walk.meters).toBe(556);
  });
});

describe('visitDistance', () => {
  it('measures a degree of latitude as 111.195 km', () => {
    expect(Math.round(distanceM({ lng: 106.5, lat: 29 }, { lng: 106.5, lat: 30 }))).toBe(111_195);
  });

  it.each([
    ['at the building', at(0), at(0), 0, false],
    ['222 m away: near enough', at(0.002), at(0), 222, false],
    ['300 m is the limit, not beyond it', at(0.0026980), at(0), 300, false],
    ['334 m away: far, flagged', at(0.003), at(0), 334, true],
    ['no position from the phone', null, at(0), null, false],
    ['a subject without a building', at(0), null, null, false],
  ] as const)('%s', (_why, position, target, distanceM, far) => {
    expect(visitDistance(position, target, 300)).toEqual({ distanceM, far });
  });
});
