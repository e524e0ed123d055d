import type { Tx } from '../platform/db/db.ts';
import type { PeriodKey } from '../../shared/indicators.ts';
import type { RatingLevel } from '../../shared/ratings.ts';

export interface ComputeRatingsArgs {
  level: RatingLevel;
  /** a month ('2026-11'); quarters and years are means of their months, never computed */
  period: PeriodKey;
  /** the town whose units of `level` are rated (for level 'town': the town itself) */
  townId: string;
}

/**
 * Rates every unit of `level` in the town for the month by the town's rule (else the city's default): the indicators'
 * values (H1's indicatorValues) turned into points, a score and stars, capped by the vetoes the measures hit. Ratings
 * already published are left as they are; the rest are written (status computed). (Body lands next; the signature is
 * the contract the monthly job and the demo code against.)
 */
export async function computeRatings(_tx: Tx, _args: ComputeRatingsArgs, _now: Date): Promise<{ computed: number }> {
  return { computed: 0 };
}
