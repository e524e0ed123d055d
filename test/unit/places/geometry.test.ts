import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { containsPoint, labelPoint, snapInside } from '../../../src/shared/geometry.ts';

const square = (x: number, y: number, d: number): Polygon => ({ type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] });
// an L shape whose centroid lies outside it
const ell: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [3, 0], [3, 1], [1, 1], [1, 3], [0, 3], [0, 0]]] };

describe('containsPoint and labelPoint', () => {
  it('tells inside from outside, holes included', () => {
    expect(containsPoint(square(0, 0, 1), { lng: 0.5, lat: 0.5 })).toBe(true);
    expect(containsPoint(square(0, 0, 1), { lng: 1.5, lat: 0.5 })).toBe(false);
    const holed: Polygon = { type: 'Polygon', coordinates: [square(0, 0, 4).coordinates[0]!, square(1, 1, 2).coordinates[0]!] };
    expect(containsPoint(holed, { lng: 2, lat: 2 })).toBe(false);
    expect(containsPoint(holed, { lng: 0.5, lat: 2 })).toBe(true);
    expect(labelPoint(square(2, 4, 2))).toEqual([3, 5]);
  });
});

describe('snapInside', () => {
  const grids = [{ area: 'a', geometry: square(106.48, 29.46, 0.004) }, { area: 'b', geometry: square(106.484, 29.46, 0.004) }];

  it('moves a point east of both grids just inside the nearer one', () => {
    const s = snapInside({ lng: 106.4895, lat: 29.462 }, grids, 5)!;
    expect(s.area).toBe('b');
    expect(containsPoint(grids[1]!.geometry, s.at)).toBe(true);
    expect(s.at.lng).toBeLessThan(106.488);
    expect(s.at.lng).toBeGreaterThan(106.4879);
    expect(s.distanceM).toBeGreaterThan(140);
    expect(s.distanceM).toBeLessThan(160);
  });

  it('falls back to the label point when a step inwards would not be inside, and answers null without areas', () => {
    const s = snapInside({ lng: 2, lat: 2 }, [{ area: 'L', geometry: ell }], 500_000)!;
    expect(s.area).toBe('L');
    expect(containsPoint(ell, s.at) || (s.at.lng === labelPoint(ell)![0] && s.at.lat === labelPoint(ell)![1])).toBe(true);
    expect(snapInside({ lng: 0, lat: 0 }, [], 5)).toBeNull();
  });
});
