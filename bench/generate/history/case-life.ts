// One case's life, from its report to where it stands at the end of the history: every step is decided by the app's
// own lifecycle (`decide`), its clocks moved by `advanceClocks`, and the SLA sweep's part (lights, overdue notes,
// automatic escalations, the end of approved suspensions) found by the domain's `sweep` at the minute the every-minute
// job would have run. What people intend (how fast, returned, reopened, suspended, rejected, left open) comes from
// the plan drawn before; the rules decide what actually happens. No I/O: the step writes what this returns.
import type { Actor, Assignee, CaseCommand, CaseState } from '../../../src/domain/cases/case-state.ts';
import { SYSTEM_ACTOR } from '../../../src/domain/cases/case-state.ts';
import { decide } from '../../../src/domain/cases/lifecycle.ts';
import { nextCheckAt, sweep, type SweepCase } from '../../../src/domain/cases/escalation.ts';
import { clockLimits, routeCase, sameAssignee, targetAtTier, type GridChain } from '../../../src/domain/matters/routing.ts';
import { advanceClocks, type ClockLimits, type ClockSet } from '../../../src/domain/sla/clocks.ts';
import type { WorkingCalendar } from '../../../src/domain/sla/working-calendar.ts';
import type { CaseAction, CaseSource, CaseStatus } from '../../../src/shared/cases.ts';
import { CLOCK_NAMES } from '../../../src/shared/matters.ts';
import type { Random } from '../../../src/server/cases/demo/random.ts';
import { DONE_NOTES, ON_SPOT_NOTES, RATING_COMMENTS, REASSIGN_REASONS, REJECT_REASONS, REOPEN_REASONS, RETURN_REASONS, REVISIT_NOTES, SUSPENSION_REASONS } from '../../../src/server/cases/demo/texts.ts';
import { resolveIn, type Ground, type GroundGrid, type GroundMatter, type GroundTown, type Person } from './ground.ts';

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const SHANGHAI = 8 * HOUR;
const SYSTEM_NAME = '系统';

export type Outcome = 'normal' | 'reject' | 'return' | 'reopen' | 'slow' | 'suspend' | 'lateAccept';
/** where a case meant to be open at the end of the history rests (`suspended`: an approved suspension still running) */
export type OpenTarget = 'reported' | 'accepted' | 'dispatched' | 'in_progress' | 'suspended' | 'suspendRequested' | 'handled';

export interface CasePlan {
  outcome: Outcome;
  /** the share of the handling time the first pass takes (above 1: late) */
  speed: number;
  rating: number | null;
  revisit: boolean;
  suspendDays: number;
  byCommunity: boolean;
  /** null: the case runs to its end (closed, rejected) if time allows */
  open: OpenTarget | null;
}

export interface CaseInput {
  id: string;
  at: number;
  town: GroundTown;
  grid: GroundGrid;
  matter: GroundMatter;
  source: CaseSource;
  reporterKind: 'gridWorker' | 'resident' | 'caller' | 'staff' | 'device' | 'platform';
  /** the reporter's account (grid worker, staff, signed-in resident) */
  reporter: Person | null;
  /** who the first timeline entry names: the reporting staff member, the dispatcher who took the call, a platform */
  reportActor: { id: string | null; name: string | null };
  plan: CasePlan;
}

export interface EventOut {
  at: number;
  action: string;
  actorId: string | null;
  actorName: string | null;
  from: CaseStatus | null;
  to: CaseStatus;
  reason: string | null;
  data: Record<string, unknown> | null;
}

export interface CaseOut {
  state: CaseState;
  clocks: ClockSet;
  nextCheckAt: number | null;
  updatedAt: number;
  closedAt: number | null;
  events: EventOut[];
  /** commands the lifecycle refused (none expected) */
  refused: number;
}

interface Who { actor: Actor; name: string | null }

const shanghaiHour = (t: number) => Math.floor(((t + SHANGHAI) % DAY) / HOUR);

/** Handlers work from eight to seven (Asia/Shanghai); anything later waits for the next morning. */
function duringWork(t: number, r: Random): number {
  const h = shanghaiHour(t);
  if (h >= 8 && h < 19) return t;
  const toEight = ((8 - h + 24) % 24) * HOUR - (t % HOUR);
  return t + toEight + r.int(0, 50) * MIN;
}

/** A staff member as the lifecycle sees them; '' stands for a role the ground left without an account (stored as null). */
const staff = (p: Person | null, fields: Partial<Actor>): Who => ({
  actor: { accountId: p?.id ?? '', roles: [], scopePath: null, postIds: [], departmentIds: [], gridIds: [], ...fields },
  name: p?.name ?? null,
});

const communityPath = (grid: GroundGrid) => grid.path.slice(0, grid.path.indexOf(`/${grid.communityId}/`) + grid.communityId.length + 2);

/** The simulation of one case; `now` ends it. */
export function liveCase(input: CaseInput, ground: Ground, calendar: WorkingCalendar, now: number, r: Random): CaseOut {
  const { town, grid, matter: gm, plan } = input;
  const matter = gm.matter;
  const limits: ClockLimits = clockLimits(matter);
  const escalateAfterMs = gm.row.escalate_after_h === null ? null : Number(gm.row.escalate_after_h) * HOUR;
  const chain: GridChain = { gridId: grid.id, communityId: grid.communityId, townId: town.id, districtId: town.districtId, orgPath: grid.path, townPath: town.path };
  const route = routeCase(matter, chain);
  const routed = resolveIn(ground, town, grid, targetAtTier(matter, matter.tier));

  const at0 = input.at;
  let clocks = advanceClocks({}, { action: 'report', from: null, to: 'reported' }, new Date(at0), limits, calendar);
  let state: CaseState = {
    id: input.id, status: 'reported', version: 1, tier: matter.tier, townPath: town.path, orgPath: grid.path, assignee: null,
    routedAssignee: routed, reporter: { kind: input.reporterKind, ...(input.reporter ? { accountId: input.reporter.id } : {}) },
    onSpot: matter.onSpot ?? false, suspension: null, satisfaction: null, escalatedAt: null, departmentsReached: [],
    handledBy: null, resolvedOnSpot: false, duplicateOf: null,
  };
  const events: EventOut[] = [{
    at: at0, action: 'report', actorId: input.reportActor.id, actorName: input.reportActor.name, from: null, to: 'reported', reason: null,
    data: { source: input.source, matterVersion: matter.version, ...(route.cooperatingDepartment ? { cooperatingDepartment: route.cooperatingDepartment } : {}), routed },
  }];
  let updatedAt = at0;
  let closedAt: number | null = null;
  let refused = 0;

  // who acts in this case: one dispatcher of the town, the community's staff, the assignee of the moment
  const dispatcherPerson = town.dispatchers.length > 0 ? r.pick(town.dispatchers) : null;
  const dispatcher = staff(dispatcherPerson, { roles: ['dispatcher'], scopePath: town.path });
  const communityList = town.communityStaff.get(grid.communityId);
  const community = communityList && communityList.length > 0 ? staff(r.pick(communityList), { roles: ['communityStaff'], scopePath: communityPath(grid) }) : null;
  const reporterWho = input.reporter
    ? staff(input.reporter, { roles: input.reporterKind === 'gridWorker' ? ['gridWorker'] : input.reporterKind === 'resident' ? ['resident'] : ['communityStaff'] })
    : null;
  const assigneeWho = (a: Assignee | null): Who | null => {
    if (!a) return null;
    if ('postId' in a) {
      return staff(town.postHolders.get(a.postId) ?? null, { roles: ['handler'], scopePath: town.path, postIds: [a.postId] });
    }
    if ('departmentId' in a) return staff(ground.departmentMember.get(a.departmentId) ?? null, { roles: ['department'], departmentIds: [a.departmentId] });
    const person = a.staffId === grid.worker?.id ? grid.worker : town.handlers.find((h) => h.id === a.staffId) ?? { id: a.staffId, name: '' };
    return staff(person, { roles: ['gridWorker', 'handler'], scopePath: town.path });
  };

  // the instant of the human step being run (the steps' closures read it when they run)
  let stepAt = at0;
  let returned = false;
  let reopened = false;
  let suspensionAsked = false;
  let passes = 0;
  let previousAssignee: Assignee | null = null;
  let lastAction: CaseAction | null = null;

  const sweepCase = (): SweepCase => {
    const s = state.suspension;
    return {
      id: state.id, status: state.status, tier: state.tier, clocks,
      tierSince: (state.escalatedAt ?? new Date(at0)).getTime(), escalateAfterMs,
      resumeAt: s?.state === 'active' && s.until ? s.until.getTime() : null,
    };
  };

  /** Runs one command at `t` as `who`; false when the lifecycle refuses it. */
  const act = (t: number, cmd: CaseCommand, who: Who): boolean => {
    const decision = decide(state, cmd, who.actor, new Date(t));
    if (!decision.ok) {
      refused++;
      return false;
    }
    const next = decision.next;
    if (cmd.action === 'escalate' && next.routedAssignee === null) {
      next.routedAssignee = resolveIn(ground, town, grid, targetAtTier(matter, next.tier));
    }
    for (const e of decision.entries) clocks = advanceClocks(clocks, { action: e.action, from: e.from, to: e.to }, new Date(t), limits, calendar);
    const system = who.actor.system === true;
    for (const e of decision.entries) {
      events.push({
        at: t, action: e.action, actorId: system ? null : who.actor.accountId || null, actorName: who.name,
        from: e.from, to: e.to, reason: e.reason, data: e.data,
      });
    }
    state = { ...next, handledBy: next.handledBy === '' ? null : next.handledBy };
    updatedAt = t;
    closedAt = state.status === 'closed' || state.status === 'rejected' ? t : null;
    lastAction = cmd.action;
    return true;
  };

  /** The first of the candidates the lifecycle lets take the action. */
  const actFirst = (t: number, cmd: CaseCommand, candidates: readonly (Who | null)[]): boolean => {
    for (const who of candidates) if (who && act(t, cmd, who)) return true;
    return false;
  };

  const triage = () => (plan.byCommunity && community && (state.tier === 'grid' || state.tier === 'community') ? [community, dispatcher] : [dispatcher, community]);

  /** Someone else than before to send a returned or unrouted case to: the grid's worker, a town handler. */
  const otherAssignee = (): Assignee | null => {
    const options: Assignee[] = [];
    if (grid.worker) options.push({ staffId: grid.worker.id });
    for (const h of town.handlers) options.push({ staffId: h.id });
    const fresh = options.filter((o) => !(previousAssignee && sameAssignee(o, previousAssignee)));
    return fresh.length > 0 ? r.pick(fresh) : null;
  };

  const handleDue = () => {
    const h = clocks.handle;
    return h && h.stoppedAt === null ? h.due + h.suspendedMs : Number.POSITIVE_INFINITY;
  };

  /** The next human step: when, and the command with who may take it; null when people leave the case as it is. */
  const nextHuman = (t: number): { at: number; run: () => boolean } | null => {
    const open = plan.open;
    const rests = (s: OpenTarget) => open === s;
    switch (state.status) {
      case 'reported': {
        if (rests('reported')) return null;
        const acceptMs = (matter.sla.acceptMin ?? 5) * MIN;
        if (plan.outcome === 'reject') return { at: t + Math.max(20_000, Math.floor(acceptMs * r.between(0.2, 0.9))), run: () => actFirst(stepAt, { action: 'reject', reason: r.pick(REJECT_REASONS) }, triage()) };
        if (input.reporterKind === 'gridWorker' && state.onSpot && plan.speed < 0.55 && reporterWho && state.escalatedAt === null) {
          return { at: t + r.int(60, 240) * 1000, run: () => actFirst(stepAt, { action: 'resolve_on_spot', note: r.pick(ON_SPOT_NOTES) }, [reporterWho]) };
        }
        // nobody takes it within the acceptance time: the sweep moves it up a tier, where it is accepted
        if (plan.outcome === 'lateAccept' && state.escalatedAt === null) return null;
        const at = t + Math.max(20_000, Math.floor(acceptMs * r.between(0.1, 0.85)));
        if (state.routedAssignee && r.chance(0.7) && !rests('accepted')) return { at, run: () => actFirst(stepAt, { action: 'accept_dispatch' }, triage()) };
        return { at, run: () => actFirst(stepAt, { action: 'accept' }, triage()) };
      }
      case 'accepted': {
        if (rests('accepted')) return null;
        const at = t + (lastAction === 'return' ? r.int(5, 28) : r.int(3, 25)) * MIN;
        const routedNow = state.routedAssignee;
        const keep = routedNow && !(previousAssignee && sameAssignee(previousAssignee, routedNow));
        if (keep) return { at, run: () => actFirst(stepAt, { action: 'dispatch' }, triage()) };
        const chosen = otherAssignee();
        if (!chosen) return null;
        return { at, run: () => actFirst(stepAt, { action: 'dispatch', assignee: chosen, ...(routedNow ? { reason: r.pick(REASSIGN_REASONS) } : {}) }, triage()) };
      }
      case 'dispatched': {
        if (rests('dispatched')) return null;
        const worker = assigneeWho(state.assignee);
        if (plan.outcome === 'return' && !returned) {
          return { at: duringWork(t + r.int(20, 120) * MIN, r), run: () => { previousAssignee = state.assignee; returned = true; return actFirst(stepAt, { action: 'return', reason: r.pick(RETURN_REASONS) }, [worker]); } };
        }
        const arrive = clocks.arrive;
        const arriveDue = arrive && arrive.stoppedAt === null ? arrive.due - 2 * MIN : Number.POSITIVE_INFINITY;
        return { at: inTime(t + r.int(10, 90) * MIN, Math.min(handleDue() - 30 * MIN, arriveDue), t + r.int(1, 5) * MIN), run: () => actFirst(stepAt, { action: 'start' }, [worker]) };
      }
      case 'in_progress': {
        const s = state.suspension;
        if (s?.state === 'active') return null; // the sweep resumes it when the approved end comes
        const worker = assigneeWho(state.assignee);
        if (s?.state === 'requested') {
          if (rests('suspendRequested')) return null;
          return { at: duringWork(t + r.int(60, 360) * MIN, r), run: () => actFirst(stepAt, { action: 'approve_suspension' }, [dispatcher]) };
        }
        if ((plan.outcome === 'suspend' || rests('suspended') || rests('suspendRequested')) && !suspensionAsked) {
          const at = duringWork(t + r.int(60, 300) * MIN, r);
          return { at, run: () => { suspensionAsked = true; return actFirst(stepAt, { action: 'request_suspension', reason: r.pick(SUSPENSION_REASONS), until: new Date(at + plan.suspendDays * DAY) }, [worker]); } };
        }
        if (rests('in_progress')) return null;
        const handle = clocks.handle;
        const speed = passes === 0 && state.escalatedAt === null ? plan.speed : r.between(0.15, 0.6);
        const target = handle ? handle.startedAt + handle.suspendedMs + speed * (handle.due - handle.startedAt) : t + 2 * HOUR;
        const at = inTime(Math.max(target, t + r.int(15, 60) * MIN), handleDue() - r.int(5, 40) * MIN, t + 10 * MIN);
        return { at, run: () => { passes++; return actFirst(stepAt, { action: 'report_done', note: r.pick(DONE_NOTES) }, [worker]); } };
      }
      case 'handled': {
        if (rests('handled')) return null;
        const verifiers = state.resolvedOnSpot ? [community, dispatcher] : [dispatcher, community];
        const at = duringWork(t + r.int(30, 360) * MIN, r);
        if (plan.outcome === 'reopen' && !reopened) return { at, run: () => { reopened = true; return actFirst(stepAt, { action: 'reopen', reason: r.pick(REOPEN_REASONS) }, verifiers); } };
        return { at, run: () => actFirst(stepAt, { action: 'verify' }, verifiers) };
      }
      case 'closed': {
        if (state.satisfaction || plan.rating === null || lastAction === 'rate' || lastAction === 'revisit') return null;
        const rating = { score: plan.rating, comment: r.pick(RATING_COMMENTS[plan.rating]!) || undefined };
        if (input.reporterKind === 'resident' && reporterWho) return { at: t + r.int(60, 30 * 60) * MIN, run: () => actFirst(stepAt, { action: 'rate', rating }, [reporterWho]) };
        if (!plan.revisit) return null;
        return { at: duringWork(t + r.int(2, 48) * HOUR, r), run: () => actFirst(stepAt, { action: 'revisit', rating, note: r.pick(REVISIT_NOTES) }, [dispatcher, community]) };
      }
      default:
        return null;
    }
  };

  /**
   * A handler's step at `t`, in working hours, and before the deadline when the plan is to be on time: short deadlines
   * are met in the evening too, but not in the small hours, so night reports can run late.
   */
  function inTime(t: number, deadline: number, earliest: number): number {
    if (plan.outcome === 'slow') return duringWork(t, r);
    const capped = Math.max(earliest, Math.min(t, deadline));
    // a short deadline (a pile of rubbish, a smoke alarm) is met whatever the hour
    if (deadline - t < 12 * HOUR) return capped;
    const worked = duringWork(capped, r);
    if (worked <= deadline) return worked;
    return shanghaiHour(capped) >= 7 ? capped : worked;
  }

  const lastSweep = Math.floor(now / MIN) * MIN;
  let t = at0;
  for (let guard = 0; guard < 80; guard++) {
    const human = nextHuman(t);
    const humanAt = human && human.at < now ? human.at : Number.POSITIVE_INFINITY;
    const systemAt = nextSweepAt(sweepCase(), t);
    if (systemAt !== null && systemAt <= lastSweep && systemAt <= humanAt) {
      runSweep(systemAt);
      t = systemAt;
      continue;
    }
    if (humanAt === Number.POSITIVE_INFINITY) break;
    stepAt = humanAt;
    if (!human!.run()) break;
    t = humanAt;
    if (state.status === 'closed' && state.satisfaction) break;
    if (state.status === 'rejected') break;
  }

  // the lights as the last sweep before the end stored them, and when a sweep looks at the case next
  const last = sweep([sweepCase()], new Date(lastSweep));
  for (const ch of last.lightChanges) clocks = { ...clocks, [ch.clock]: { ...clocks[ch.clock]!, light: ch.to } };
  const next = nextCheckAt(sweepCase(), new Date(Math.max(lastSweep, updatedAt)));
  return { state, clocks, nextCheckAt: next, updatedAt, closedAt, events, refused };

  /** The sweep's work at `at`: lights (red ones noted on the timeline), then escalations and resumptions by the system. */
  function runSweep(at: number): void {
    const result = sweep([sweepCase()], new Date(at));
    const overdue: string[] = [];
    for (const ch of result.lightChanges) {
      clocks = { ...clocks, [ch.clock]: { ...clocks[ch.clock]!, light: ch.to } };
      if (ch.to === 'red') overdue.push(ch.clock);
    }
    if (overdue.length > 0) {
      events.push({ at, action: 'overdue', actorId: null, actorName: SYSTEM_NAME, from: state.status, to: state.status, reason: null, data: { clocks: overdue } });
    }
    const system: Who = { actor: SYSTEM_ACTOR, name: SYSTEM_NAME };
    for (const e of result.escalations) act(at, { action: 'escalate', reason: e.reason }, system);
    for (const s of result.resumptions) act(at, { action: 'resume', reason: s.reason }, system);
  }
}

/**
 * The minute the every-minute sweep next has something to do for this case after `t`: a running clock turning red,
 * a rule firing, an approved suspension ending (yellow lights wait for the end: they write nothing on the timeline).
 */
function nextSweepAt(c: SweepCase, t: number): number | null {
  let next = Number.POSITIVE_INFINITY;
  for (const name of CLOCK_NAMES) {
    const clock = c.clocks[name];
    if (clock === undefined || clock.stoppedAt !== null || clock.pausedAt !== null || clock.light === 'red') continue;
    next = Math.min(next, clock.due + clock.suspendedMs + 1);
  }
  if (c.tier !== 'district' && c.escalateAfterMs !== null && ['reported', 'accepted', 'dispatched', 'in_progress'].includes(c.status)) {
    const handle = c.clocks.handle;
    const paused = handle !== undefined && handle.stoppedAt === null && handle.pausedAt !== null;
    if (!paused) {
      const suspended = handle !== undefined && handle.stoppedAt === null && handle.startedAt >= c.tierSince ? handle.suspendedMs : 0;
      next = Math.min(next, c.tierSince + suspended + c.escalateAfterMs);
    }
  }
  if (c.resumeAt != null && c.status === 'in_progress') next = Math.min(next, c.resumeAt);
  if (!Number.isFinite(next)) return null;
  // the job runs at the top of each minute; a rule due exactly then fires then
  const at = Math.ceil(Math.max(next, t + 1) / MIN) * MIN;
  return at;
}
