import type { Tx } from '../platform/db/db.ts';
import type { StandingDuty } from '../../domain/tasks/standing-duties.ts';
import { standingDutiesOf } from '../../domain/tasks/standing-duties.ts';

/** A town's standing duties: its own rows (table standing_duties) or, when it has none, the platform's. */
export async function loadStandingDuties(tx: Tx, townId: string): Promise<readonly StandingDuty[]> {
  const rows = await tx.query<StandingDuty>(
    `select code, name, coalesce(description, '') as description, kind, every_days as "everyDays",
            deadline_days as "deadlineDays", enabled
       from standing_duties where town_id = $1 order by sort, code`,
    [townId],
  );
  return standingDutiesOf(rows.rows);
}
