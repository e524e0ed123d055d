import Flatbush from 'flatbush';
import area from '@turf/area';
import intersect from '@turf/intersect';
import kinks from '@turf/kinks';
import { feature, featureCollection } from '@turf/helpers';
import type { MultiPolygon, Polygon, Position } from 'geojson';

export type Shape = Polygon | MultiPolygon;

export interface GridDraft {
  code: string;
  name: string;
  communityCode: string;
  geometry: unknown;
}

export interface CommunityShape {
  code: string;
  geometry: Shape | null;
}

export type GridProblem =
  | 'INVALID_GEOMETRY'
  | 'SELF_INTERSECTING'
  | 'UNKNOWN_COMMUNITY'
  | 'OUTSIDE_COMMUNITY'
  | 'OVERLAPS_GRID'
  | 'DUPLICATE_CODE';

export interface GridRejection {
  code: string;
  problem: GridProblem;
  detail: string;
}

/** Area below this (m²) is treated as a rounding artefact along shared edges, not an overlap. */
export const OVERLAP_TOLERANCE_M2 = 1;

function isPosition(p: unknown): p is Position {
  return (
    Array.isArray(p) &&
    p.length >= 2 &&
    typeof p[0] === 'number' && typeof p[1] === 'number' &&
    Number.isFinite(p[0]) && Number.isFinite(p[1]) &&
    Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90
  );
}

function isRing(r: unknown): r is Position[] {
  if (!Array.isArray(r) || r.length < 4 || !r.every(isPosition)) return false;
  const first = r[0] as Position, last = r[r.length - 1] as Position;
  return first[0] === last[0] && first[1] === last[1];
}

/** Structural GeoJSON check: a Polygon or MultiPolygon with closed rings of at least four positions. */
export function asShape(geometry: unknown): Shape | null {
  if (typeof geometry !== 'object' || geometry === null) return null;
  const g = geometry as { type?: unknown; coordinates?: unknown };
  const isPolygonCoords = (c: unknown): c is Position[][] => Array.isArray(c) && c.length > 0 && c.every(isRing);
  if (g.type === 'Polygon' && isPolygonCoords(g.coordinates)) return { type: 'Polygon', coordinates: g.coordinates };
  if (g.type === 'MultiPolygon' && Array.isArray(g.coordinates) && g.coordinates.length > 0 && g.coordinates.every(isPolygonCoords)) {
    return { type: 'MultiPolygon', coordinates: g.coordinates };
  }
  return null;
}

function overlapArea(a: Shape, b: Shape): number {
  const shared = intersect(featureCollection([feature(a), feature(b)]));
  return shared ? area(shared) : 0;
}

function bbox(shape: Shape): [number, number, number, number] {
  const rings = shape.type === 'Polygon' ? [shape.coordinates[0]!] : shape.coordinates.map((p) => p[0]!);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const ring of rings) for (const [x, y] of ring) {
    minX = Math.min(minX, x!); minY = Math.min(minY, y!); maxX = Math.max(maxX, x!); maxY = Math.max(maxY, y!);
  }
  return [minX, minY, maxX, maxY];
}

export interface CheckedGrid { code: string; name: string; communityCode: string; geometry: Shape }

/**
 * Checks a batch of grid boundaries against each other, their communities and the grids that stay as
 * they are. Returns either every grid ready to store, or every offending grid with the reason.
 */
export function checkGridImport(
  drafts: readonly GridDraft[],
  communities: ReadonlyMap<string, CommunityShape>,
  keptGrids: readonly { code: string; geometry: Shape }[],
): { ok: true; grids: CheckedGrid[] } | { ok: false; rejections: GridRejection[] } {
  const rejections: GridRejection[] = [];
  const valid: CheckedGrid[] = [];
  const seen = new Set<string>();
  for (const d of drafts) {
    if (seen.has(d.code)) {
      rejections.push({ code: d.code, problem: 'DUPLICATE_CODE', detail: 'the code appears more than once in the file' });
      continue;
    }
    seen.add(d.code);
    const shape = asShape(d.geometry);
    if (!shape) {
      rejections.push({ code: d.code, problem: 'INVALID_GEOMETRY', detail: 'not a Polygon/MultiPolygon with closed rings of valid WGS84 positions' });
      continue;
    }
    if (kinks(feature(shape)).features.length > 0) {
      rejections.push({ code: d.code, problem: 'SELF_INTERSECTING', detail: 'the boundary crosses itself' });
      continue;
    }
    const community = communities.get(d.communityCode);
    if (!community) {
      rejections.push({ code: d.code, problem: 'UNKNOWN_COMMUNITY', detail: `no community with code ${d.communityCode}` });
      continue;
    }
    if (community.geometry) {
      const outside = area(feature(shape)) - overlapArea(shape, community.geometry);
      if (outside > OVERLAP_TOLERANCE_M2) {
        rejections.push({ code: d.code, problem: 'OUTSIDE_COMMUNITY', detail: `${Math.round(outside)} m² lie outside community ${d.communityCode}` });
        continue;
      }
    }
    valid.push({ code: d.code, name: d.name, communityCode: d.communityCode, geometry: shape });
  }

  const all = [...valid.map((g) => ({ code: g.code, geometry: g.geometry, imported: true })),
    ...keptGrids.filter((k) => !seen.has(k.code)).map((k) => ({ ...k, imported: false }))];
  if (all.length > 0) {
    const index = new Flatbush(all.length);
    for (const g of all) index.add(...bbox(g.geometry));
    index.finish();
    all.forEach((g, i) => {
      if (!g.imported) return;
      for (const j of index.search(...bbox(g.geometry))) {
        const other = all[j]!;
        if (j === i || (other.imported && j < i)) continue;
        const shared = overlapArea(g.geometry, other.geometry);
        if (shared <= OVERLAP_TOLERANCE_M2) continue;
        const m2 = Math.round(shared);
        rejections.push({ code: g.code, problem: 'OVERLAPS_GRID', detail: `overlaps grid ${other.code} by ${m2} m²` });
        if (other.imported) rejections.push({ code: other.code, problem: 'OVERLAPS_GRID', detail: `overlaps grid ${g.code} by ${m2} m²` });
      }
    });
  }
  return rejections.length > 0 ? { ok: false, rejections } : { ok: true, grids: valid };
}
