import type { Db } from '../platform/db/db.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { normaliseRoster, rosterProblems, type RosterSlot } from '../../domain/org/duty-roster.ts';
import * as store from './roster-store.ts';
import { findStaffCandidates } from './staff-candidates-store.ts';
import { rosterInvalid, rosterStale } from './admin-refusals.ts';
import type { OrgCommand } from './org-command.ts';

/**
 * Replaces one ISO week of a town's duty roster. Given the version the editor started from, a week saved by someone
 * else meanwhile is refused (409) instead of overwritten; every person must be staff of the town (the leader on duty a
 * leader). Writers of one week are serialised; audited in the same transaction.
 */
export async function saveRoster(
  db: Db, c: OrgCommand, town: { id: string; path: string }, week: string, input: { version?: number; slots: readonly RosterSlot[] },
): Promise<void> {
  await db.transaction(async (tx) => {
    await store.lockRosterWeek(tx, town.id, week);
    const current = await store.findRosterWeek(tx, town.id, week);
    if (input.version !== undefined && input.version !== (current?.version ?? 0)) throw rosterStale();
    const candidates = await findStaffCandidates(tx, input.slots.flatMap((s) => s.accountIds));
    const problems = rosterProblems(week, input.slots, candidates, town.path);
    if (problems.length > 0) throw rosterInvalid(problems);
    const slots = normaliseRoster(input.slots);
    const version = await store.saveRosterWeek(tx, { townId: town.id, week, slots, at: c.now, by: c.actor.actorId });
    await appendAudit(tx, {
      at: c.now, ...c.actor, action: 'duty_roster.save', targetType: 'org_unit', targetId: town.id, success: true,
      detail: { week, version, slots: slots.length, assignments: slots.reduce((n, s) => n + s.accountIds.length, 0) },
    });
  });
}
