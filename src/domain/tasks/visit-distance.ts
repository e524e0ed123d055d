import { TASK_LIMITS } from '../../shared/tasks.ts';
import { distanceM, type Point as LngLat } from '../cases/duplicates.ts';

export type { LngLat };

/**
 * Where a visit was recorded against where its subject is (the household's building, the place's point): the distance,
 * rounded to the metre, and whether it is farther than `farMeters` — flagged for the overseer, never refused (the
 * phone's fix may be poor indoors, or the worker met the person elsewhere). Without either point nothing is known.
 */
export function visitDistance(position: LngLat | null, target: LngLat | null, farMeters: number = TASK_LIMITS.farMeters): { distanceM: number | null; far: boolean } {
  if (!position || !target) return { distanceM: null, far: false };
  const d = Math.round(distanceM(position, target));
  return { distanceM: d, far: d > farMeters };
}
