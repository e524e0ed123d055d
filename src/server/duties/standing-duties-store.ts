import type { Tx } from '../platform/db/db.ts';
import type { StandingDuty } from '../../domain/tasks/standing-duties.ts';

/* A town's standing duties ("6+1"), as its office saves them: SQL only. The generation reads them through src/server/tasks/standing-duties-store.ts. */

/** The version of a town's standing duties: that of its rows (all saved together), 0 while it works by the platform's. */
export async function standingDutiesVersion(tx: Tx, townId: string, lock = false): Promise<number> {
  const r = await tx.query<{ version: number }>(`select version from standing_duties where town_id = $1${lock ? ' for update' : ''}`, [townId]);
  return r.rows.reduce((v, x) => Math.max(v, x.version), 0);
}

/** Serialises a town's writers of its standing duties (the first save of a town has no rows to lock). */
export async function lockTownStandingDuties(tx: Tx, townId: string): Promise<void> {
  await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`standing_duties:${townId}`]);
}

/** Replaces the town's standing duties with these, in this order, all at `version`. */
export async function replaceStandingDuties(tx: Tx, townId: string, version: number, at: Date, duties: readonly StandingDuty[]): Promise<void> {
  await tx.query('delete from standing_duties where town_id = $1', [townId]);
  await tx.query(
    `insert into standing_duties (town_id, code, name, description, kind, every_days, deadline_days, enabled, sort, version, updated_at)
     select $1, code, name, description, kind, "everyDays", "deadlineDays", enabled, sort, $2, $3
       from jsonb_to_recordset($4::jsonb) as x(code text, name text, description text, kind text, "everyDays" int, "deadlineDays" int, enabled boolean, sort int)`,
    [townId, version, at, JSON.stringify(duties.map((d, sort) => ({ ...d, sort })))]);
}
