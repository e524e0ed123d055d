import { describe, expect, it } from 'vitest';
import { boundingBox, distanceM, suggestDuplicates, type NearbyCase } from '../../../src/domain/cases/duplicates.ts';

// 解放碑, Chongqing; 0.001° of latitude ≈ 111.2 m
const here = { lng: 106.5775, lat: 29.5573 };
const north = (m: number) => ({ lng: here.lng, lat: here.lat + m / 111_195 });

describe('distanceM', () => {
  it.each([
    [here, here, 0],
    [here, north(100), 100],
    [{ lng: 0, lat: 0 }, { lng: 1, lat: 0 }, 111_195],
  ])('%o → %o ≈ %i m', (a, b, m) => {
    expect(distanceM(a, b)).toBeCloseTo(m, 0);
  });
});

describe('suggestDuplicates', () => {
  const c = (id: string, metres: number, over: Partial<NearbyCase> = {}): NearbyCase =>
    ({ id, categoryCode: 'C0101', status: 'dispatched', location: north(metres), ...over });
  const nearby = [
    c('far', 150),
    c('near', 20),
    c('mid', 80),
    c('other-category', 5, { categoryCode: 'E0101' }),
    c('closed', 5, { status: 'closed' }),
    c('rejected', 5, { status: 'rejected' }),
    c('handled', 60, { status: 'handled' }),
    c('reported', 99, { status: 'reported' }),
  ];

  it('same category, open, within the radius, nearest first', () => {
    expect(suggestDuplicates({ categoryCode: 'C0101', location: here }, nearby, 100)).toEqual([
      { id: 'near', distanceM: 20 }, { id: 'handled', distanceM: 60 }, { id: 'mid', distanceM: 80 }, { id: 'reported', distanceM: 99 },
    ]);
  });

  it.each([[10, []], [300, ['near', 'handled', 'mid', 'reported', 'far']]])('radius %i m', (radius, ids) => {
    expect(suggestDuplicates({ categoryCode: 'C0101', location: here }, nearby, radius).map((d) => d.id)).toEqual(ids);
  });

  it('the bounding box holds the whole circle', () => {
    const box = boundingBox(here, 100);
    for (const p of [north(99), north(-99), { lng: here.lng + 99 / (111_195 * Math.cos(here.lat * Math.PI / 180)), lat: here.lat }]) {
      expect(p.lat >= box.minLat && p.lat <= box.maxLat && p.lng >= box.minLng && p.lng <= box.maxLng).toBe(true);
    }
  });
});

describe('suggestDuplicates at a registered thing', () => {
  const c = (id: string, metres: number, over: Partial<NearbyCase> = {}): NearbyCase =>
    ({ id, categoryCode: 'C0101', status: 'dispatched', location: north(metres), ...over });
  const nearby = [
    c('near', 3),
    c('same-thing', 40, { thingId: 'manhole-1' }),
    c('same-thing-far', 250, { thingId: 'manhole-1' }),
    c('other-thing', 10, { thingId: 'manhole-2' }),
    c('same-thing-closed', 1, { thingId: 'manhole-1', status: 'closed' }),
    c('same-thing-other-category', 1, { thingId: 'manhole-1', categoryCode: 'C0102' }),
  ];

  it('puts the open cases of the same thing and category first, at any distance, then the nearby ones nearest first', () => {
    expect(suggestDuplicates({ categoryCode: 'C0101', location: here, thingId: 'manhole-1' }, nearby, 100)).toEqual([
      { id: 'same-thing', distanceM: 40, sameThing: true },
      { id: 'same-thing-far', distanceM: 250, sameThing: true },
      { id: 'near', distanceM: 3 },
      { id: 'other-thing', distanceM: 10 },
    ]);
  });

  it('a report at no thing finds none the same, even among cases at things', () => {
    expect(suggestDuplicates({ categoryCode: 'C0101', location: here, thingId: null }, nearby, 100)).toEqual([
      { id: 'near', distanceM: 3 }, { id: 'other-thing', distanceM: 10 }, { id: 'same-thing', distanceM: 40 },
    ]);
  });
});
