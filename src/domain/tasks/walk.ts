import { distanceM } from '../cases/duplicates.ts';
import type { LngLat } from './visit-distance.ts';

/** Something to walk to: an id and where it is (null: no place, e.g. a sweep of the whole grid). */
export interface WalkStop { id: string; at: LngLat | null }

export interface Walk {
  /** the ids in walking order: nearest first from the origin, then nearest from each stop; those without a place last, in the order given */
  order: string[];
  /** the walk's length over the stops with a place, straight lines from the origin, rounded to the metre */
  meters: number;
}

/**
 * The grid worker's walking order (nearest neighbour): from where they stand (or the grid's centre), go to the nearest
 * stop not yet visited, then the nearest from there, and so on. Not the shortest tour, but a sensible walk through
 * the grid that a person recognises. Ties keep the order given (the caller puts overdue tasks first). Stops at the same
 * point follow one another. Without an origin the walk starts at the first stop with a place.
 */
export function walkingOrder(origin: LngLat | null, stops: readonly WalkStop[]): Walk {
  const placed = stops.filter((s): s is WalkStop & { at: LngLat } => s.at !== null);
  const unplaced = stops.filter((s) => s.at === null).map((s) => s.id);
  const left = [...placed];
  const order: string[] = [];
  let meters = 0;
  let here: LngLat | null = origin;
  while (left.length > 0) {
    let best = 0;
    if (here !== null) {
      let bestD = Infinity;
      left.forEach((s, i) => {
        const d = distanceM(here!, s.at);
        if (d < bestD) { bestD = d; best = i; }
      });
      meters += bestD;
    }
    const next = left.splice(best, 1)[0]!;
    order.push(next.id);
    here = next.at;
  }
  return { order: [...order, ...unplaced], meters: Math.round(meters) };
}
