import type { Polygon } from 'geojson';
import { buildLocator } from '../../../domain/org/locator.ts';
import type { Random } from '../../cases/demo/random.ts';

export interface Spot {
  lng: number;
  lat: number;
}

/** Metres per degree at the demo town's latitude (29.46°N). */
const M_PER_DEG_LAT = 110_650;
const M_PER_DEG_LNG = 96_900;

export const metresBetween = (a: Spot, b: Spot): number =>
  Math.hypot((a.lng - b.lng) * M_PER_DEG_LNG, (a.lat - b.lat) * M_PER_DEG_LAT);

/**
 * Points inside a grid's polygon, kept off its edge (a margin of `margin` of the way to the centre) and apart from one
 * another, so buildings, shops and risk points spread over the grid like a real map's. Deterministic for the generator.
 */
export class SpotPicker {
  private readonly inside: (s: Spot) => boolean;
  private readonly box: { minLng: number; minLat: number; maxLng: number; maxLat: number };
  private readonly taken: Spot[] = [];
  private readonly r: Random;

  constructor(r: Random, polygon: Polygon, margin = 0.12) {
    this.r = r;
    const ring = polygon.coordinates[0]!;
    const cx = ring.slice(0, -1).reduce((s, p) => s + p[0]!, 0) / (ring.length - 1);
    const cy = ring.slice(0, -1).reduce((s, p) => s + p[1]!, 0) / (ring.length - 1);
    // the polygon drawn a little smaller around its centre: a point inside it is inside the grid with room to spare
    const inner: Polygon = { type: 'Polygon', coordinates: [ring.map((p) => [cx + (p[0]! - cx) * (1 - margin), cy + (p[1]! - cy) * (1 - margin)])] };
    const locator = buildLocator([{ id: 'grid', geometry: inner }]);
    this.inside = (s) => locator.locate(s.lng, s.lat) !== null;
    const xs = inner.coordinates[0]!.map((p) => p[0]!), ys = inner.coordinates[0]!.map((p) => p[1]!);
    this.box = { minLng: Math.min(...xs), minLat: Math.min(...ys), maxLng: Math.max(...xs), maxLat: Math.max(...ys) };
  }

  /** A point inside, at least `apartM` metres from every point given so far (less when the grid is full). */
  pick(apartM: number): Spot {
    let want = apartM;
    for (let tries = 0; ; tries++) {
      const s = this.round({ lng: this.r.between(this.box.minLng, this.box.maxLng), lat: this.r.between(this.box.minLat, this.box.maxLat) });
      if (!this.inside(s)) continue;
      if (this.taken.every((t) => metresBetween(s, t) >= want)) {
        this.taken.push(s);
        return s;
      }
      if (tries % 200 === 199) want *= 0.8;
    }
  }

  /** A point `metres` away from `from` (in a random direction), inside the grid: a hydrant beside a building. */
  near(from: Spot, metres: number): Spot {
    for (let tries = 0; tries < 500; tries++) {
      const angle = this.r.between(0, 2 * Math.PI);
      const s = this.round({
        lng: from.lng + (Math.cos(angle) * metres) / M_PER_DEG_LNG,
        lat: from.lat + (Math.sin(angle) * metres) / M_PER_DEG_LAT,
      });
      if (this.inside(s)) return s;
    }
    return from;
  }

  private round(s: Spot): Spot {
    return { lng: Math.round(s.lng * 1e6) / 1e6, lat: Math.round(s.lat * 1e6) / 1e6 };
  }
}
