import type { Tx } from '../platform/db/db.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { applyStandingDutyEdit, standingDutyProblems, type StandingDutyEdit } from '../../domain/duties/standing-duty-edit.ts';
import type { TownRow } from '../org/town-store.ts';
import type { DutyActor } from './duty-reach.ts';
import { standingDutiesInvalid, standingDutiesStale } from './refusals.ts';
import * as store from './standing-duties-store.ts';

/**
 * Replaces a town's standing duties ("6+1") with an edit of the whole list, read at `version` (409 when someone saved
 * since): the platform's codes each once, kinds kept (422 otherwise). The generation reads them through
 * loadStandingDuties (src/server/tasks/standing-duties-store.ts). Audited in the same transaction.
 */
export async function saveStandingDuties(tx: Tx, a: DutyActor, town: TownRow, version: number, edits: readonly StandingDutyEdit[]): Promise<void> {
  // the first save of a town has no rows to lock: serialise the town's writers
  await store.lockTownStandingDuties(tx, town.id);
  const current = await store.standingDutiesVersion(tx, town.id, true);
  if (current !== version) throw standingDutiesStale();
  const problems = standingDutyProblems(edits);
  if (problems.length > 0) throw standingDutiesInvalid(problems);
  const duties = applyStandingDutyEdit(edits);
  await store.replaceStandingDuties(tx, town.id, current + 1, a.now, duties);
  await appendAudit(tx, {
    at: a.now, actorId: a.accountId, actorName: a.username, ip: a.ip, action: 'standing_duties.save', targetType: 'org_unit', targetId: town.id,
    success: true, detail: { version: current + 1, enabled: duties.filter((d) => d.enabled).map((d) => d.code) },
  });
}
