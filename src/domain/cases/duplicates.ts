import { isOpenStatus, type CaseStatus } from '../../shared/cases.ts';

export interface Point {
  lng: number;
  lat: number;
}

export interface NearbyCase {
  id: string;
  categoryCode: string;
  status: CaseStatus;
  location: Point;
  /** the registered thing (部件) the case was reported at, if any */
  thingId?: string | null;
}

export interface DuplicateSuggestion {
  id: string;
  distanceM: number;
  /** reported at the same registered thing as the new report: suggested first, at any distance */
  sameThing?: true;
}

const EARTH_RADIUS_M = 6_371_008.8; // mean radius (IUGG)
const RAD = Math.PI / 180;

/** Great-circle distance in metres (haversine), WGS84 coordinates. */
export function distanceM(a: Point, b: Point): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLng = (b.lng - a.lng) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A box around a point that contains the whole circle: the store's cheap pre-filter before `suggestDuplicates`. */
export function boundingBox(center: Point, radiusM: number): { minLng: number; maxLng: number; minLat: number; maxLat: number } {
  const dLat = radiusM / (EARTH_RADIUS_M * RAD);
  const dLng = dLat / Math.max(Math.cos(center.lat * RAD), 1e-6);
  return { minLng: center.lng - dLng, maxLng: center.lng + dLng, minLat: center.lat - dLat, maxLat: center.lat + dLat };
}

/**
 * Open cases of the same category: first those reported at the same registered thing (at any distance), then those
 * within the Matter's radius; nearest first within each.
 */
export function suggestDuplicates(
  report: { categoryCode: string; location: Point; thingId?: string | null }, nearby: readonly NearbyCase[], radiusM: number,
): DuplicateSuggestion[] {
  const found: DuplicateSuggestion[] = [];
  for (const c of nearby) {
    if (c.categoryCode !== report.categoryCode || !isOpenStatus(c.status)) continue;
    const d = distanceM(report.location, c.location);
    const rounded = Math.round(d * 10) / 10;
    if (report.thingId && c.thingId === report.thingId) found.push({ id: c.id, distanceM: rounded, sameThing: true });
    else if (d <= radiusM) found.push({ id: c.id, distanceM: rounded });
  }
  return found.sort((a, b) => Number(!!b.sameThing) - Number(!!a.sameThing) || a.distanceM - b.distanceM || a.id.localeCompare(b.id));
}
