import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Polygon } from 'geojson';
import { datumShift } from '../../../src/web/ui/map/datum.ts';

// Known pairs: Tiananmen (WGS-84 116.391349, 39.907375 ↔ GCJ-02 as published by AMap's coordinate converter,
// 116.397590, 39.908775, ±3 m) and a point of the demo town in Chongqing (GCJ-02 about 0.0033° east, 0.0031° south).
const M = 1 / 111_320;

describe('datum shift', () => {
  it('moves WGS-84 onto GCJ-02 by the published offset, and back', () => {
    const g = datumShift('gcj02');
    const t = g.toMap({ lng: 116.391349, lat: 39.907375 });
    expect(Math.abs(t.lng - 116.39759) * Math.cos(0.7) / M).toBeLessThan(6);
    expect(Math.abs(t.lat - 39.908775) / M).toBeLessThan(6);
    const back = g.fromMap(t);
    expect(Math.abs(back.lng - 116.391349) / M).toBeLessThan(0.5);
    expect(Math.abs(back.lat - 39.907375) / M).toBeLessThan(0.5);
  });

  it('shifts Chongqing by a few hundred metres east and south', () => {
    const t = datumShift('gcj02').toMap({ lng: 106.48, lat: 29.46 });
    const eastM = (t.lng - 106.48) * Math.cos((29.46 * Math.PI) / 180) / M;
    const northM = (t.lat - 29.46) / M;
    expect(eastM).toBeGreaterThan(250); expect(eastM).toBeLessThan(400);
    expect(northM).toBeLessThan(-250); expect(northM).toBeGreaterThan(-400);
  });

  it('leaves WGS-84 and unknown datums alone, and shifts every position of a collection', () => {
    const p = { lng: 106.48, lat: 29.46 };
    expect(datumShift('wgs84').toMap(p)).toBe(p);
    expect(datumShift(null).fromMap(p)).toBe(p);
    const fc: FeatureCollection<Polygon> = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[106.48, 29.46], [106.49, 29.46], [106.49, 29.47], [106.48, 29.46]]] } }] };
    const moved = datumShift('gcj02').features(fc);
    const ring = moved.features[0]!.geometry.coordinates[0]!;
    expect(ring).toHaveLength(4);
    const one = datumShift('gcj02').toMap({ lng: 106.49, lat: 29.47 });
    expect(ring[2]).toEqual([one.lng, one.lat]);
    expect(fc.features[0]!.geometry.coordinates[0]![0]).toEqual([106.48, 29.46]);
  });
});
