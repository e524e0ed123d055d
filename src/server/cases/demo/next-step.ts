import type { Assignee } from '../../../domain/cases/case-state.ts';
import type { CaseRequest } from '../apply-case-action.ts';
import type { CaseAction } from '../../../shared/cases.ts';
import type { ClockSet } from '../../../domain/sla/clocks.ts';
import { sameAssignee } from '../../../domain/matters/routing.ts';
import { townPathOf } from '../case-mapping.ts';
import type { CaseRow } from '../store.ts';
import type { DemoScene } from '../../files/demo-photos.ts';
import type { Cast, CastMember } from './demo-cast.ts';
import type { CasePlan } from './history-plan.ts';
import { shanghaiHour } from './history-plan.ts';
import type { Random } from './random.ts';
import { DONE_NOTES, DUPLICATE_REASON, ON_SPOT_NOTES, RATING_COMMENTS, REJECT_REASONS, REASSIGN_REASONS, REOPEN_REASONS, RETURN_REASONS, REVISIT_NOTES, SUSPENSION_REASONS } from './texts.ts';

/** How far a case of the demo has come, beyond what its row says. */
export interface CaseProgress {
  plan: CasePlan;
  returned: boolean;
  reopened: boolean;
  suspensionAsked: boolean;
  /** passes of handling finished (report_done, resolve_on_spot) */
  passes: number;
  /** the earlier case intake named as the same thing nearby */
  duplicateOf: { id: string; number: string } | null;
  /** the last action taken on it */
  last: CaseAction | null;
  /** who it was last sent to (a returned case goes to someone else) */
  sentTo: Assignee | null;
}

export const newProgress = (plan: CasePlan): CaseProgress => ({
  plan, returned: false, reopened: false, suspensionAsked: false, passes: 0, duplicateOf: null, last: null, sentTo: null,
});

export interface NextStep {
  at: number;
  action: CaseAction;
  by: CastMember;
  cmd: CaseRequest;
}

export type PhotoPool = ReadonlyMap<DemoScene, { before: readonly string[]; after: readonly string[] }>;

const MIN = 60_000;
const HOUR = 3_600_000;

const INBOX = new Set(['awaitStart', 'toDepartment', 'toDepartmentWaiting']);

/** Where an inbox case of the plan is sent: the handler's post, or the department of the demo's department member. */
function inboxOf(plan: CasePlan, cast: Cast): Assignee | null {
  if (plan.outcome === 'awaitStart') {
    const postId = cast.postHeldBy(cast.named('handler').id);
    return postId ? { postId } : null;
  }
  if (plan.outcome === 'toDepartment' || plan.outcome === 'toDepartmentWaiting') {
    const departmentId = cast.named('department').row.department_ids[0];
    return departmentId ? { departmentId } : null;
  }
  return null;
}

/** Handlers work from eight to seven (Asia/Shanghai); anything later waits for the next morning. */
function duringWork(t: number, r: Random): number {
  const h = shanghaiHour(t);
  if (h >= 8 && h < 19) return t;
  const toEight = ((8 - h + 24) % 24) * HOUR - (t % HOUR);
  return t + toEight + r.int(0, 50) * MIN;
}

/** When the handling clock is due; far away when it does not run. */
function handleDue(row: CaseRow): number {
  const handle = (row.clocks as ClockSet).handle;
  return handle && handle.stoppedAt === null ? handle.due + handle.suspendedMs : Number.POSITIVE_INFINITY;
}

/**
 * A handler's step at `t`, in working hours, and before the deadline when the plan is to be on time: short deadlines
 * (a pile of rubbish, four hours) are met in the evening too, but not in the small hours, so night reports can run late.
 */
function inTime(t: number, deadline: number, earliest: number, plan: CasePlan, r: Random): number {
  if (plan.outcome === 'slow') return duringWork(t, r);
  const capped = Math.max(earliest, Math.min(t, deadline));
  const worked = duringWork(capped, r);
  if (worked <= deadline) return worked;
  const h = shanghaiHour(capped);
  return h >= 7 ? capped : worked;
}

const afterPhotos = (pool: PhotoPool, p: CasePlan, r: Random): string[] => {
  const set = pool.get(p.scene);
  return set && set.after.length > 0 && r.chance(0.85) ? [r.pick(set.after)] : [];
};

/**
 * The next thing someone does to a demo case, from where it stands now: which action, by whom, when. Only a person
 * the lifecycle's policies allow is chosen; when nobody is (or the plan waits), the answer is null and the case rests.
 */
export function nextStep(row: CaseRow, p: CaseProgress, cast: Cast, r: Random, now: number, pool: PhotoPool): NextStep | null {
  const plan = p.plan;
  const dispatcher = cast.named('dispatcher');
  const community = cast.named('community');
  const triage = plan.byCommunity ? [community, dispatcher] : [dispatcher, community];
  const workers = () => {
    const w = cast.workersOf(row.assignee);
    return r.chance(0.8) ? w : [...w].reverse();
  };
  const step = (action: CaseAction, at: number, candidates: readonly (CastMember | null)[], cmd: Omit<CaseRequest, 'action'> = {}): NextStep | null => {
    const by = cast.firstAllowed(row, action, candidates);
    return by ? { at, action, by, cmd: { action, ...cmd } } : null;
  };
  const night = shanghaiHour(now) < 7;

  switch (row.status) {
    case 'reported': {
      if (plan.outcome === 'duplicate' && p.duplicateOf) {
        const original = p.duplicateOf;
        return step('reject', now + r.int(90, 240) * 1000, triage, { reason: DUPLICATE_REASON(original.number), duplicateOf: original.id });
      }
      if (plan.outcome === 'reject') return step('reject', now + r.int(90, 240) * 1000, triage, { reason: r.pick(REJECT_REASONS) });
      if (plan.outcome === 'fresh') return null; // waits in the dispatcher's 待受理 at the end of the history
      if (plan.channel === 'gridWorker' && row.on_spot && plan.speed < 0.55) {
        return step('resolve_on_spot', now + r.int(60, 240) * 1000, [cast.find(row.reporter_account_id)], { note: r.pick(ON_SPOT_NOTES), photos: afterPhotos(pool, plan, r) });
      }
      // nobody took it within the acceptance time: the sweep moves it up a tier, where it is accepted
      const late = plan.outcome === 'lateAccept' && row.escalated_at === null;
      const at = now + (late ? r.int(7 * 60, 10 * 60) : night ? r.int(120, 270) : r.int(60, 240)) * 1000;
      if (row.routed_assignee && r.chance(0.7) && !INBOX.has(plan.outcome)) {
        const oneStep = step('accept_dispatch', at, triage);
        if (oneStep) return oneStep;
      }
      return step('accept', at, triage);
    }
    case 'accepted': {
      if (p.last === 'return' && plan.outcome === 'returnWaiting') return null; // waits for the dispatcher at the end of the history
      const returned = p.last === 'return';
      const at = now + (returned ? r.int(20, 180) : r.int(3, 20)) * MIN;
      const routed = row.routed_assignee;
      const chosen = inboxOf(plan, cast);
      if (chosen) return step('dispatch', at, triage, routed && sameAssignee(routed, chosen) ? {} : { assignee: chosen, ...(routed ? { reason: r.pick(REASSIGN_REASONS) } : {}) });
      const previous = returned ? p.sentTo : null;
      let assignee: Assignee | null = routed && !(previous && sameAssignee(previous, routed)) ? routed : null;
      if (!assignee) {
        const handlers = cast.townHandlers(townPathOf(row)).filter((h) => !(previous && 'staffId' in previous && previous.staffId === h.id));
        const h = handlers[(plan.communityIndex + p.passes + (returned ? 1 : 0)) % handlers.length];
        if (!h) return null;
        assignee = { staffId: h.id };
      }
      if (routed && sameAssignee(routed, assignee)) return step('dispatch', at, triage);
      return step('dispatch', at, triage, routed ? { assignee, reason: r.pick(REASSIGN_REASONS) } : { assignee });
    }
    case 'dispatched': {
      if (plan.outcome === 'awaitStart' || plan.outcome === 'toDepartmentWaiting') return null; // not started when the history ends
      if ((plan.outcome === 'return' || plan.outcome === 'returnWaiting') && !p.returned) {
        return step('return', duringWork(now + r.int(20, 120) * MIN, r), workers(), { reason: r.pick(RETURN_REASONS) });
      }
      return step('start', inTime(now + r.int(10, 90) * MIN, handleDue(row) - 30 * MIN, now + 5 * MIN, plan, r), workers());
    }
    case 'in_progress': {
      const suspension = row.suspension as { state: 'requested' | 'active' } | null;
      if (suspension?.state === 'active') return null; // the sweep resumes it when the approved end comes
      if (plan.outcome === 'toDepartment') return null; // the department is at work on it when the history ends
      if (suspension?.state === 'requested') {
        if (plan.outcome === 'suspendPending') return null;
        return step('approve_suspension', duringWork(now + r.int(60, 360) * MIN, r), [dispatcher]);
      }
      if ((plan.outcome === 'suspend' || plan.outcome === 'suspendPending') && !p.suspensionAsked) {
        const at = duringWork(now + r.int(60, 300) * MIN, r);
        return step('request_suspension', at, workers(), { reason: r.pick(SUSPENSION_REASONS), until: new Date(at + plan.suspendDays * 24 * HOUR) });
      }
      const handle = (row.clocks as ClockSet).handle;
      const speed = p.passes === 0 && row.escalated_at === null ? plan.speed : r.between(0.15, 0.6);
      const target = handle ? handle.startedAt + handle.suspendedMs + speed * (handle.due - handle.startedAt) : now + 2 * HOUR;
      const at = inTime(Math.max(target, now + r.int(15, 60) * MIN), handleDue(row) - r.int(5, 40) * MIN, now + 10 * MIN, plan, r);
      return step('report_done', at, workers(), { note: r.pick(DONE_NOTES), photos: afterPhotos(pool, plan, r) });
    }
    case 'handled': {
      const verifiers = row.resolved_on_spot ? [community, dispatcher] : [dispatcher, community, cast.find(row.reporter_account_id)];
      const at = duringWork(now + r.int(30, 360) * MIN, r);
      if (plan.outcome === 'reopen' && !p.reopened) return step('reopen', at, verifiers, { reason: r.pick(REOPEN_REASONS) });
      return step('verify', at, verifiers);
    }
    case 'closed': {
      if (row.satisfaction || p.last === 'rate' || p.last === 'revisit' || plan.rating === null) return null;
      const rating = { score: plan.rating, comment: r.pick(RATING_COMMENTS[plan.rating]!) };
      const reporter = cast.find(row.reporter_account_id);
      if (reporter?.row.kind === 'resident') return step('rate', now + r.int(60, 30 * 60) * MIN, [reporter], { rating });
      if (reporter || !plan.revisit) return null;
      return step('revisit', duringWork(now + r.int(2, 48) * HOUR, r), [dispatcher, community], { rating, note: r.pick(REVISIT_NOTES) });
    }
    default:
      return null;
  }
}
