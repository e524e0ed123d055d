// What the report maps need besides the map itself: whether a point lies in one of the grids drawn, and the nearest
// grid to snap a point to.
import { containsPoint, snapInside, type Snapped } from '../../../shared/geometry.ts';
import type { LngLat, MapUnits } from './units.ts';

const GRID_LEVELS = new Set(['grid', 'dedicatedGrid']);

/** The grid drawn at a point, if any. */
export function gridAt(units: MapUnits | null, at: LngLat | null): { id: string; name: string } | null {
  if (!units || !at) return null;
  const f = units.features.find((x) => GRID_LEVELS.has(x.properties.level) && containsPoint(x.geometry, at));
  return f ? { id: f.properties.id, name: f.properties.name } : null;
}

/** A point just inside the nearest grid drawn, with its name and how far it is. */
export function nearestGrid(units: MapUnits | null, at: LngLat): Snapped<{ id: string; name: string }> | null {
  if (!units) return null;
  const grids = units.features.filter((f) => GRID_LEVELS.has(f.properties.level));
  return snapInside(at, grids.map((f) => ({ area: { id: f.properties.id, name: f.properties.name }, geometry: f.geometry })));
}
