import type { Tx } from '../platform/db/db.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { applyStandingDutyEdit, standingDutyProblems, type StandingDutyEdit } from '../../domain/duties/standing-duty-edit.ts';
import type { TownRow } from '../org/town-store.ts';
import type { DutyActor } from './duty-reach.ts';
import { standingDutiesInvalid, standingDutiesStale } from './refusals.ts';

/** The version of a town's standing duties: that of its rows (all saved together), 0 while it works by the platform's. */
export async function standingDutiesVersion(tx: Tx, townId: string, lock = false): Promise<number> {
  const r = await tx.query<{ version: number }>(`select version from standing_duties where town_id = $1${lock ? ' for update' : ''}`, [townId]);
  return r.rows.reduce((v, x) => Math.max(v, x.version), 0);
}

/**
 * Replaces a town's standing duties ("6+1") with an edit of the whole list, read at `version` (409 when someone saved
 * since): the platform's codes each once, kinds kept (422 otherwise). The generation reads them through
 * loadStandingDuties (src/server/tasks/standing-duties-store.ts). Audited in the same transaction.
 */
export async function saveStandingDuties(tx: Tx, a: DutyActor, town: TownRow, version: number, edits: readonly StandingDutyEdit[]): Promise<void> {
  // the first save of a town has no rows to lock: serialise the town's writers
  await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`standing_duties:${town.id}`]);
  const current = await standingDutiesVersion(tx, town.id, true);
  if (current !== version) throw standingDutiesStale();
  const problems = standingDutyProblems(edits);
  if (problems.length > 0) throw standingDutiesInvalid(problems);
  const duties = applyStandingDutyEdit(edits);
  await tx.query('delete from standing_duties where town_id = $1', [town.id]);
  await tx.query(
    `insert into standing_duties (town_id, code, name, description, kind, every_days, deadline_days, enabled, sort, version, updated_at)
     select $1, code, name, description, kind, "everyDays", "deadlineDays", enabled, sort, $2, $3
       from jsonb_to_recordset($4::jsonb) as x(code text, name text, description text, kind text, "everyDays" int, "deadlineDays" int, enabled boolean, sort int)`,
    [town.id, current + 1, a.now, JSON.stringify(duties.map((d, sort) => ({ ...d, sort })))]);
  await appendAudit(tx, {
    at: a.now, actorId: a.accountId, actorName: a.username, ip: a.ip, action: 'standing_duties.save', targetType: 'org_unit', targetId: town.id,
    success: true, detail: { version: current + 1, enabled: duties.filter((d) => d.enabled).map((d) => d.code) },
  });
}
