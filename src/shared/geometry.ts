// Plain geometry over GeoJSON in degrees, for the server and the web alike: bounds, a label point inside a
// polygon, point-in-polygon, and the nearest place inside a set of areas (snapping a point that fell outside).
import type { Geometry, Position } from 'geojson';

export type Bounds = [number, number, number, number];
export interface LngLat { lng: number; lat: number }

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

/** The polygons of a geometry, each as its rings (outer first). */
function polygonsOf(g: Geometry): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
}

function inRing(lng: number, lat: number, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!, [xj, yj] = ring[j]!;
    if ((yi! > lat) !== (yj! > lat) && lng < ((xj! - xi!) * (lat - yi!)) / (yj! - yi!) + xi!) inside = !inside;
  }
  return inside;
}

export function containsPoint(g: Geometry, at: LngLat): boolean {
  return polygonsOf(g).some(([outer, ...holes]) => !!outer && inRing(at.lng, at.lat, outer) && !holes.some((h) => inRing(at.lng, at.lat, h)));
}

/** The area-weighted centroid of the largest ring (the bounds' centre without one): a point to label or open on. */
export function labelPoint(g: Geometry): [number, number] | null {
  const rings = polygonsOf(g).map((p) => p[0]);
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

/** Metres per degree of latitude, and of longitude at a latitude: enough for distances of a few kilometres. */
const M_PER_DEG = 111_320;
const scaleAt = (lat: number) => Math.cos((lat * Math.PI) / 180);

function nearestOnSegment(p: LngLat, a: Position, b: Position, kx: number): { at: LngLat; d2: number } {
  const ax = a[0]! * kx, ay = a[1]!, bx = b[0]! * kx, by = b[1]!, px = p.lng * kx, py = p.lat;
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  const x = ax + t * dx, y = ay + t * dy;
  return { at: { lng: x / kx, lat: y }, d2: (px - x) ** 2 + (py - y) ** 2 };
}

export interface Snapped<T> { area: T; at: LngLat; distanceM: number }

/**
 * The nearest point inside one of the areas: the closest point of their outlines, moved `insetM` metres towards
 * the area's label point so it lies inside (the label point itself when that still falls outside). Null without areas.
 */
export function snapInside<T>(at: LngLat, areas: readonly { area: T; geometry: Geometry }[], insetM = 5): Snapped<T> | null {
  const kx = scaleAt(at.lat);
  let best: { area: T; geometry: Geometry; at: LngLat; d2: number } | null = null;
  for (const a of areas) {
    for (const poly of polygonsOf(a.geometry)) {
      const ring = poly[0];
      if (!ring) continue;
      for (let i = 0; i < ring.length - 1; i++) {
        const n = nearestOnSegment(at, ring[i]!, ring[i + 1]!, kx);
        if (!best || n.d2 < best.d2) best = { area: a.area, geometry: a.geometry, at: n.at, d2: n.d2 };
      }
    }
  }
  if (!best) return null;
  const centre = labelPoint(best.geometry);
  let inside = best.at;
  if (centre) {
    const dx = (centre[0] - best.at.lng) * kx, dy = centre[1] - best.at.lat;
    const len = Math.hypot(dx, dy);
    const step = Math.min(1, insetM / M_PER_DEG / (len || 1));
    inside = { lng: best.at.lng + (centre[0] - best.at.lng) * step, lat: best.at.lat + (centre[1] - best.at.lat) * step };
    if (!containsPoint(best.geometry, inside)) inside = { lng: centre[0], lat: centre[1] };
  }
  return { area: best.area, at: inside, distanceM: Math.sqrt(best.d2) * M_PER_DEG };
}
