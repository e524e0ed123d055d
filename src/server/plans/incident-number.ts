import type { Tx } from '../platform/db/db.ts';
import { caseNumberDay } from '../../domain/cases/case-number.ts';

/**
 * The incident's readable number: YA + the town's 9-digit code (as in case numbers) + the Shanghai day + the town's
 * sequence of that day, two digits or more (YA50019900120261203-01). The counter row is taken in the caller's
 * transaction, so a rolled-back activation gives its number back.
 */
export async function nextIncidentNumber(tx: Tx, town: { id: string; code: string }, now: Date): Promise<string> {
  const day = caseNumberDay(now);
  const r = await tx.query<{ seq: number }>(
    `insert into incident_counters (town_id, day, seq) values ($1, $2, 1)
     on conflict (town_id, day) do update set seq = incident_counters.seq + 1 returning seq`, [town.id, day]);
  return `YA${town.code.slice(0, 9)}${day}-${String(r.rows[0]!.seq).padStart(2, '0')}`;
}
