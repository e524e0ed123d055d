import { describe, expect, it } from 'vitest';
import { decide, policies } from '../../../src/domain/cases/lifecycle.ts';
import type { CaseCommand, CaseState } from '../../../src/domain/cases/case-state.ts';
import { CASE_ACTIONS, type CaseAction } from '../../../src/shared/cases.ts';
import { ACTORS, aCase, now, type ActorKind } from './fixtures.ts';

/** Every state the rules tell apart, including the two suspension sub-states of in_progress. */
const STATES = {
  reported: aCase(),
  accepted: aCase({ status: 'accepted' }),
  dispatched: aCase({ status: 'dispatched', assignee: { postId: 'post-1' } }),
  in_progress: aCase({ status: 'in_progress', assignee: { postId: 'post-1' } }),
  suspension_requested: aCase({ status: 'in_progress', assignee: { postId: 'post-1' }, suspension: suspension('requested') }),
  suspended: aCase({ status: 'in_progress', assignee: { postId: 'post-1' }, suspension: suspension('active') }),
  handled: aCase({ status: 'handled', assignee: { postId: 'post-1' }, handledBy: 'h-1' }),
  // 琐事马上办: the reporting grid worker resolved it, so the community verifies it
  handled_on_spot: aCase({ status: 'handled', assignee: { staffId: 'gw-1' }, handledBy: 'gw-1', resolvedOnSpot: true }),
  closed: aCase({ status: 'closed', assignee: { postId: 'post-1' } }),
  rejected: aCase({ status: 'rejected' }),
} satisfies Record<string, CaseState>;
type StateKey = keyof typeof STATES;

function suspension(state: 'requested' | 'active'): CaseState['suspension'] {
  return { state, reason: 'waiting for parts', until: null, requestedBy: 'h-1', requestedAt: now, approvedAt: state === 'active' ? now : null };
}

const OPEN: StateKey[] = ['reported', 'accepted', 'dispatched', 'in_progress', 'suspension_requested', 'suspended'];
const WORKING: StateKey[] = ['dispatched', 'in_progress', 'suspension_requested', 'suspended'];
const TRIAGE: ActorKind[] = ['townDispatcher', 'communityStaff']; // the fixture is a community-tier case in cs-1's community
const ASSIGNEE: ActorKind[] = ['postHolder'];

/** Nobody verifies their own work: the post holder who reported it done, the grid worker who resolved it on the spot. */
const NOT_OWN_WORK = {
  whoIn: { handled_on_spot: ['communityStaff', 'townDispatcher'] },
  selfIn: { handled: ['postHolder'], handled_on_spot: ['reportingGridWorker'] },
} satisfies { whoIn: Partial<Record<StateKey, ActorKind[]>>; selfIn: Partial<Record<StateKey, ActorKind[]>> };

/** DESIGN's action table written out independently of the implementation. */
const SPEC: Record<CaseAction, {
  from: StateKey[]; who: ActorKind[]; alsoIn?: Partial<Record<StateKey, ActorKind[]>>;
  /** who may, in a state, instead of `who` */
  whoIn?: Partial<Record<StateKey, ActorKind[]>>;
  /** who handled the case in that state: refused as verifying their own work */
  selfIn?: Partial<Record<StateKey, ActorKind[]>>;
}> = {
  accept: { from: ['reported'], who: TRIAGE },
  accept_dispatch: { from: ['reported'], who: TRIAGE }, // the fixture has a routed post
  reject: { from: ['reported'], who: TRIAGE },
  dispatch: { from: ['accepted'], who: TRIAGE },
  start: { from: ['dispatched'], who: ASSIGNEE },
  report_done: { from: WORKING, who: ASSIGNEE },
  return: { from: WORKING, who: ASSIGNEE },
  escalate: { from: OPEN, who: [...TRIAGE, 'system'] },
  request_suspension: { from: ['in_progress'], who: ASSIGNEE },
  approve_suspension: { from: ['suspension_requested'], who: ['townDispatcher'] },
  // the sweep ends an approved suspension when its time is up; a request is for people to withdraw or decline
  resume: { from: ['suspension_requested', 'suspended'], who: ['townDispatcher', ...ASSIGNEE], alsoIn: { suspended: ['system'] } },
  resolve_on_spot: { from: ['reported'], who: ['reportingGridWorker'] },
  verify: { from: ['handled', 'handled_on_spot'], who: ['townDispatcher', 'reportingGridWorker'], ...NOT_OWN_WORK },
  reopen: { from: ['handled', 'handled_on_spot'], who: ['townDispatcher', 'reportingGridWorker'], ...NOT_OWN_WORK },
  rate: { from: ['closed'], who: ['reportingGridWorker'] }, // the reporter of the fixture
  revisit: { from: ['closed'], who: ['townDispatcher', 'communityStaff'] },
};

/** A command carrying everything any action may need, so only state and rights decide. */
const validCommand = (action: CaseAction): CaseCommand => ({
  action, reason: 'because', rating: action === 'rate' ? { score: 5 } : undefined,
});

const rows = (Object.keys(STATES) as StateKey[]).flatMap((state) =>
  CASE_ACTIONS.flatMap((action) =>
    (Object.keys(ACTORS) as ActorKind[]).map((actor) => {
      const spec = SPEC[action];
      const who = [...(spec.whoIn?.[state] ?? spec.who), ...(spec.alsoIn?.[state] ?? [])];
      const expected = !spec.from.includes(state) ? 'CASE_INVALID_TRANSITION'
        : spec.selfIn?.[state]?.includes(actor) ? 'CASE_SELF_VERIFICATION'
        : !who.includes(actor) ? 'CASE_FORBIDDEN' : 'ok';
      return [state, action, actor, expected] as const;
    })));

describe('case lifecycle: every (state, action, actor kind)', () => {
  it('covers the whole product', () => {
    expect(rows).toHaveLength(10 * 16 * Object.keys(ACTORS).length);
  });

  it.each(rows)('%s · %s · %s → %s', (state, action, actor, expected) => {
    const d = decide(STATES[state], validCommand(action), ACTORS[actor], now);
    expect(d.ok ? 'ok' : d.refusal.code).toBe(expected);
    expect(policies(STATES[state], ACTORS[actor]).includes(action)).toBe(expected === 'ok');
  });
});
