import type { Tx } from '../platform/db/db.ts';
import type { PeriodKey } from '../../shared/indicators.ts';
import type { RankingRow, RatingLevel } from '../../shared/ratings.ts';

export type { RankingRow };

export interface RankQuery {
  /** the unit whose descendants of `level` are ranked (a town, a community, the district…) */
  parentId: string;
  level: RatingLevel;
  /** an indicator's code, or 'stars' (RANK_BY_STARS) for the published ratings of the level */
  indicator: string;
  period: PeriodKey;
}

/**
 * The 赛马比拼 board: the units of `level` under `parentId` ranked by the indicator's value in `period` in the
 * indicator's direction (ties share a rank), with the rank they had in the period before and the movement. The caller
 * has checked scope and the period's form. (Body lands next; the signature is the contract H5's screen codes against.)
 */
export async function rankUnits(_tx: Tx, _q: RankQuery): Promise<RankingRow[]> {
  return [];
}
