import Flatbush from 'flatbush';
import inside from 'point-in-polygon-hao';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { OrgLevel } from '../../shared/org-levels.ts';

export interface LocatableArea {
  id: string;
  geometry: Polygon | MultiPolygon;
}

export interface Locator {
  /** id of the area that holds the point, or null; a point on a shared edge goes to the first area indexed */
  locate(lng: number, lat: number): string | null;
  readonly size: number;
}

type Rings = Position[][];

function polygonsOf(geometry: Polygon | MultiPolygon): Rings[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function bboxOf(polygons: Rings[]): [number, number, number, number] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const rings of polygons) {
    for (const [x, y] of rings[0] ?? []) {
      if (x! < minX) minX = x!;
      if (y! < minY) minY = y!;
      if (x! > maxX) maxX = x!;
      if (y! > maxY) maxY = y!;
    }
  }
  return [minX, minY, maxX, maxY];
}

/**
 * The order areas are indexed in, so that a point held by several goes to the first: a dedicated grid (a school, a
 * market, a park) before the ordinary grid around or beside it, then by code, so every node answers the same.
 */
export function locatingOrder<T extends { level: OrgLevel; code: string }>(areas: readonly T[]): T[] {
  const rank = (a: T) => (a.level === 'dedicatedGrid' ? 0 : 1);
  return [...areas].sort((x, y) => rank(x) - rank(y) || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
}

/** A static R-tree over the areas' bounding boxes, then an exact point-in-polygon test on the candidates. */
export function buildLocator(areas: readonly LocatableArea[]): Locator {
  const ids = areas.map((a) => a.id);
  const shapes = areas.map((a) => polygonsOf(a.geometry));
  if (areas.length === 0) return { locate: () => null, size: 0 };
  const index = new Flatbush(areas.length);
  for (const polygons of shapes) index.add(...bboxOf(polygons));
  index.finish();
  const point: [number, number] = [0, 0];
  return {
    size: areas.length,
    locate(lng, lat) {
      point[0] = lng;
      point[1] = lat;
      // of several holding areas (a shared edge) the first indexed wins, so answers never depend on tree order
      let best = -1;
      for (const i of index.search(lng, lat, lng, lat)) {
        if (best !== -1 && i > best) continue;
        for (const rings of shapes[i]!) {
          if (inside(point, rings) !== false) {
            best = i;
            break;
          }
        }
      }
      return best === -1 ? null : ids[best]!;
    },
  };
}
