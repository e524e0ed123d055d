import type { WorkingCalendar } from '../../domain/sla/working-calendar.ts';
import type { Db } from '../platform/db/db.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { notifyCaseChange } from '../platform/live.ts';
import type { Actor, CaseCommand } from '../../domain/cases/case-state.ts';
import { decide } from '../../domain/cases/lifecycle.ts';
import { nextCheckAt } from '../../domain/cases/escalation.ts';
import { clockLimits, targetAtTier } from '../../domain/matters/routing.ts';
import { advanceClocks, type ClockSet } from '../../domain/sla/clocks.ts';
import { findMatterById } from '../matters/store.ts';
import { patchOf, toCaseState, toMatter, toSweepCase } from './case-mapping.ts';
import { checkAssignee, checkPhotos, resolveTarget } from './assignees.ts';
import * as store from './store.ts';

const AFTER_PHOTO_ACTIONS = new Set(['report_done', 'resolve_on_spot', 'verify', 'reopen']);

/**
 * One use case for every action of the lifecycle: load the case the actor may see, let the domain
 * decide, then save the new state, its clocks and the timeline entry in one transaction, or nothing.
 */
export async function applyCaseAction(
  db: Db, caseId: string, cmd: CaseCommand, actor: Actor, viewer: store.Viewer | null, actorName: string, now: Date, calendar: WorkingCalendar,
): Promise<{ eventId: number }> {
  return db.transaction(async (tx) => {
    const row = await store.findCase(tx, caseId, viewer, true);
    if (!row) throw notFound('case');
    if (cmd.assignee) await checkAssignee(tx, cmd.assignee, { townId: row.town_id, orgPath: row.org_path });
    await checkPhotos(tx, cmd.photos ?? []);
    const decision = decide(toCaseState(row), cmd, actor, now);
    if (!decision.ok) {
      const r = decision.refusal;
      throw new AppError(r.code, r.message, r.messageZh, { allowed: r.allowed, version: row.version });
    }
    const { next, entry } = decision;
    const matter = toMatter((await findMatterById(tx, row.matter_id))!);
    if (cmd.action === 'escalate' && next.routedAssignee === null) {
      next.routedAssignee = await resolveTarget(tx, targetAtTier(matter, next.tier), row.town_id, row.grid_id);
    }
    const clocks = advanceClocks(row.clocks as ClockSet, { action: cmd.action, from: entry.from, to: entry.to }, now, clockLimits(matter), calendar);
    const nextCheck = nextCheckAt(toSweepCase({ ...row, status: next.status, tier: next.tier, clocks, escalated_at: next.escalatedAt, suspension: next.suspension }, row.escalate_after_h), now);
    const saved = await store.updateCase(tx, row.id, row.version, patchOf(next, clocks, nextCheck, now), now);
    if (!saved) throw new AppError('CASE_STALE_VERSION', 'The case changed meanwhile; reload and try again.', '案卷已被他人更新，请刷新后重试。');
    const eventId = await store.insertEvent(tx, {
      case_id: row.id, at: now, action: cmd.action, actor_id: actor.system ? null : actor.accountId, actor_name: actorName,
      from_status: entry.from, to_status: entry.to, reason: entry.reason, data: entry.data,
    });
    await store.attachPhotos(tx, row.id, eventId, cmd.photos ?? [], AFTER_PHOTO_ACTIONS.has(cmd.action) ? 'after' : 'before');
    await notifyCaseChange(tx, {
      caseId: row.id, number: row.number, eventId, action: cmd.action, status: next.status, orgPath: row.org_path,
      reporterAccountId: row.reporter_account_id, assignee: next.assignee, departmentIds: next.departmentsReached, at: now.toISOString(),
    });
    return { eventId };
  });
}
