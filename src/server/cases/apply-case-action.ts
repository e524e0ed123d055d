import type { WorkingCalendar } from '../../domain/sla/working-calendar.ts';
import type { Db, Tx } from '../platform/db/db.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { notifyCaseChange } from '../platform/live.ts';
import type { Actor, CaseCommand, DuplicateOriginal } from '../../domain/cases/case-state.ts';
import { decide } from '../../domain/cases/lifecycle.ts';
import { nextCheckAt } from '../../domain/cases/escalation.ts';
import { clockLimits, targetAtTier } from '../../domain/matters/routing.ts';
import { advanceClocks, type ClockSet } from '../../domain/sla/clocks.ts';
import { findMatterById } from '../matters/store.ts';
import { patchOf, toCaseState, toMatter, toSweepCase, townPathOf } from './case-mapping.ts';
import { checkAssignee, checkPhotos, resolveTarget } from './assignees.ts';
import * as store from './store.ts';
import { markCaseReopened } from '../indicators/facts-job.ts';

/** A step as the API (and the demo) ask for it: a duplicate's original named by its id. */
export type CaseRequest = Omit<CaseCommand, 'duplicateOf'> & { duplicateOf?: string };

const AFTER_PHOTO_ACTIONS = new Set(['report_done', 'resolve_on_spot', 'verify', 'reopen']);

/**
 * One use case for every action of the lifecycle: load the case the actor may see, let the domain
 * decide, then save the new state, its clocks and the timeline entries in one transaction, or nothing.
 * accept_dispatch (受理并派遣) writes its two entries, accept then dispatch, with the clocks moved as if one came
 * right after the other. `requestKey` (the caller's Idempotency-Key, scoped to the actor): an action already taken
 * with that key answers its first entry and changes nothing. A reject naming `duplicateOf` links the case to that
 * original (among the cases the actor sees; the lifecycle checks it is another, not rejected, case of the same town).
 */
export async function applyCaseAction(
  db: Db, caseId: string, request: CaseRequest, actor: Actor, viewer: store.Viewer | null, actorName: string, now: Date, calendar: WorkingCalendar,
  options: { requestKey?: string | null } = {},
): Promise<{ eventId: number; repeated?: true }> {
  return db.transaction(async (tx) => (await applyCaseActionIn(tx, caseId, request, actor, viewer, actorName, now, calendar, options))!);
}

/**
 * The same inside the caller's transaction: a plan step's last checklist tick hands its work order in (`report_done`)
 * in the tick's transaction. With `ifAllowed`, an action the lifecycle refuses the actor changes nothing and answers
 * null (a commander who is not the work order's assignee).
 */
export async function applyCaseActionIn(
  tx: Tx, caseId: string, request: CaseRequest, actor: Actor, viewer: store.Viewer | null, actorName: string, now: Date, calendar: WorkingCalendar,
  options: { requestKey?: string | null; ifAllowed?: boolean } = {},
): Promise<{ eventId: number; repeated?: true } | null> {
  const row = await store.findCase(tx, caseId, viewer, true);
  if (!row) throw notFound('case');
  const requestKey = options.requestKey ?? null;
  if (requestKey) {
    const first = await store.findEventByRequestKey(tx, row.id, requestKey);
    if (first !== null) return { eventId: first, repeated: true };
  }
  const cmd: CaseCommand = { ...request, duplicateOf: request.duplicateOf === undefined ? undefined : await findOriginal(tx, request.duplicateOf, viewer) };
  if (cmd.assignee) await checkAssignee(tx, cmd.assignee, { townId: row.town_id, orgPath: row.org_path });
  await checkPhotos(tx, cmd.photos ?? []);
  const decision = decide(toCaseState(row), cmd, actor, now);
  if (!decision.ok) {
    if (options.ifAllowed) return null;
    const r = decision.refusal;
    throw new AppError(r.code, r.message, r.messageZh, { allowed: r.allowed, version: row.version });
  }
  const { next, entries } = decision;
  // the indicators counted the handling and closing of the days before; those days are counted again
  if (cmd.action === 'reopen') await markCaseReopened(tx, row.id, now);
  const matter = toMatter((await findMatterById(tx, row.matter_id))!);
  if (cmd.action === 'escalate' && next.routedAssignee === null) {
    next.routedAssignee = await resolveTarget(tx, targetAtTier(matter, next.tier), row.town_id, row.grid_id);
  }
  let clocks = row.clocks as ClockSet;
  for (const e of entries) clocks = advanceClocks(clocks, { action: e.action, from: e.from, to: e.to }, now, clockLimits(matter), calendar);
  const nextCheck = nextCheckAt(toSweepCase({ ...row, status: next.status, tier: next.tier, clocks, escalated_at: next.escalatedAt, suspension: next.suspension }, row.escalate_after_h), now);
  const saved = await store.updateCase(tx, row.id, row.version, patchOf(next, clocks, nextCheck, now), now);
  if (!saved) throw new AppError('CASE_STALE_VERSION', 'The case changed meanwhile; reload and try again.', '案卷已被他人更新，请刷新后重试。');
  let eventId = 0;
  for (const [i, e] of entries.entries()) {
    eventId = await store.insertEvent(tx, {
      case_id: row.id, at: now, action: e.action, actor_id: actor.system ? null : actor.accountId, actor_name: actorName,
      from_status: e.from, to_status: e.to, reason: e.reason, data: e.data, request_key: i === 0 ? requestKey : null,
    });
    await notifyCaseChange(tx, {
      caseId: row.id, number: row.number, eventId, action: e.action, status: e.to, orgPath: row.org_path,
      reporterAccountId: row.reporter_account_id, assignee: i === entries.length - 1 ? next.assignee : row.assignee,
      departmentIds: next.departmentsReached, at: now.toISOString(),
    });
  }
  await store.attachPhotos(tx, row.id, eventId, cmd.photos ?? [], AFTER_PHOTO_ACTIONS.has(cmd.action) ? 'after' : 'before');
  return { eventId };
}

/** The case a duplicate is said to repeat, if the viewer sees it. */
async function findOriginal(tx: Tx, id: string, viewer: store.Viewer | null): Promise<DuplicateOriginal | null> {
  const row = await store.findCase(tx, id, viewer);
  return row ? { id: row.id, number: row.number, townPath: townPathOf(row), status: row.status as DuplicateOriginal['status'] } : null;
}
