// Small geometry helpers for the map: bounds and a label point of a feature, without a library.
import type { Geometry } from 'geojson';

export type Bounds = [number, number, number, number];

function eachPosition(g: Geometry, fn: (lng: number, lat: number) => void): void {
  switch (g.type) {
    case 'Point': fn(g.coordinates[0]!, g.coordinates[1]!); break;
    case 'MultiPoint': case 'LineString': for (const p of g.coordinates) fn(p[0]!, p[1]!); break;
    case 'MultiLineString': case 'Polygon': for (const r of g.coordinates) for (const p of r) fn(p[0]!, p[1]!); break;
    case 'MultiPolygon': for (const poly of g.coordinates) for (const r of poly) for (const p of r) fn(p[0]!, p[1]!); break;
    case 'GeometryCollection': for (const x of g.geometries) eachPosition(x, fn); break;
  }
}

export function boundsOf(geometries: Iterable<Geometry | null>): Bounds | null {
  let b: Bounds | null = null;
  for (const g of geometries) {
    if (!g) continue;
    eachPosition(g, (lng, lat) => {
      if (!b) b = [lng, lat, lng, lat];
      else b = [Math.min(b[0], lng), Math.min(b[1], lat), Math.max(b[2], lng), Math.max(b[3], lat)];
    });
  }
  return b;
}

/** The area-weighted centroid of the largest ring: good enough to place a label inside a grid. */
export function labelPoint(g: Geometry): [number, number] | null {
  const rings = g.type === 'Polygon' ? [g.coordinates[0]] : g.type === 'MultiPolygon' ? g.coordinates.map((p) => p[0]) : [];
  let best: { area: number; x: number; y: number } | null = null;
  for (const ring of rings) {
    if (!ring || ring.length < 3) continue;
    let a = 0, cx = 0, cy = 0;
    for (let i = 0; i < ring.length - 1; i++) {
      const [x0, y0] = ring[i]!, [x1, y1] = ring[i + 1]!;
      const f = x0! * y1! - x1! * y0!;
      a += f; cx += (x0! + x1!) * f; cy += (y0! + y1!) * f;
    }
    if (a === 0) continue;
    const cand = { area: Math.abs(a / 2), x: cx / (3 * a), y: cy / (3 * a) };
    if (!best || cand.area > best.area) best = cand;
  }
  if (best) return [best.x, best.y];
  const b = boundsOf([g]);
  return b ? [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2] : null;
}

/** "春晖社区第1网格" shows as "第1网格" inside its community. */
export function shortGridName(name: string, communityName: string | undefined): string {
  return communityName && name.startsWith(communityName) && name.length > communityName.length ? name.slice(communityName.length) : name;
}
