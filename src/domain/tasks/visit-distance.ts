import { TASK_LIMITS } from '../../shared/tasks.ts';

/** A point on the earth, WGS84 degrees. */
export interface LngLat { lng: number; lat: number }

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres (haversine, mean earth radius): good to a few metres at a grid's scale. */
export function haversineMeters(a: LngLat, b: LngLat): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Where a visit was recorded against where its subject is (the household's building, the place's point): the distance,
 * rounded to the metre, and whether it is farther than `farMeters` — flagged for the overseer, never refused (the
 * phone's fix may be poor indoors, or the worker met the person elsewhere). Without either point nothing is known.
 */
export function visitDistance(position: LngLat | null, target: LngLat | null, farMeters: number = TASK_LIMITS.farMeters): { distanceM: number | null; far: boolean } {
  if (!position || !target) return { distanceM: null, far: false };
  const d = Math.round(haversineMeters(position, target));
  return { distanceM: d, far: d > farMeters };
}
