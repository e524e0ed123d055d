import { describe, expect, it } from 'vitest';
import { decide, policies } from '../../../src/domain/cases/lifecycle.ts';
import { SYSTEM_ACTOR, type Actor, type CaseCommand, type CaseState, type DuplicateOriginal } from '../../../src/domain/cases/case-state.ts';
import { verifierKinds } from '../../../src/domain/cases/verification.ts';
import { ACTORS, aCase, now } from './fixtures.ts';

const run = (c: CaseState, cmd: CaseCommand, a: Actor) => decide(c, cmd, a, now);
const code = (c: CaseState, cmd: CaseCommand, a: Actor) => {
  const d = run(c, cmd, a);
  return d.ok ? 'ok' : d.refusal.code;
};
const next = (c: CaseState, cmd: CaseCommand, a: Actor) => {
  const d = run(c, cmd, a);
  if (!d.ok) throw new Error(d.refusal.code);
  return d;
};

describe('required reasons', () => {
  it.each([
    ['reject', aCase(), ACTORS.townDispatcher],
    ['escalate', aCase(), ACTORS.townDispatcher],
    ['return', aCase({ status: 'in_progress', assignee: { postId: 'post-1' } }), ACTORS.postHolder],
    ['request_suspension', aCase({ status: 'in_progress', assignee: { postId: 'post-1' } }), ACTORS.postHolder],
    ['reopen', aCase({ status: 'handled', assignee: { postId: 'post-1' } }), ACTORS.townDispatcher],
  ] as const)('%s without a reason is refused, with a blank one too', (action, c, a) => {
    expect(code(c, { action }, a)).toBe('CASE_REASON_REQUIRED');
    expect(code(c, { action, reason: '   ' }, a)).toBe('CASE_REASON_REQUIRED');
    expect(code(c, { action, reason: '重复上报' }, a)).toBe('ok');
  });
});

describe('conditions beyond state and rights', () => {
  it.each([
    ['community staff, town-tier case', aCase({ tier: 'town' }), { action: 'accept' }, ACTORS.communityStaff, 'CASE_FORBIDDEN'],
    ['community staff, grid-tier case', aCase({ tier: 'grid' }), { action: 'accept' }, ACTORS.communityStaff, 'ok'],
    ['community staff, other community', aCase(), { action: 'accept' }, ACTORS.otherCommunityStaff, 'CASE_FORBIDDEN'],
    ['dispatcher scoped to one community is not the town dispatcher', aCase({ tier: 'town' }), { action: 'accept' }, ACTORS.communityDispatcher, 'CASE_FORBIDDEN'],
    ['district-wide dispatcher', aCase(), { action: 'accept' }, { ...ACTORS.townDispatcher, scopePath: '/c/d/' }, 'ok'],
    ['on the spot, matter not on-spot', aCase({ onSpot: false }), { action: 'resolve_on_spot' }, ACTORS.reportingGridWorker, 'CASE_NOT_ON_SPOT'],
    ['on the spot, resident reporter', aCase({ reporter: { accountId: 'gw-1', kind: 'resident' } }), { action: 'resolve_on_spot' }, ACTORS.reportingGridWorker, 'CASE_FORBIDDEN'],
    ['escalate at district tier', aCase({ tier: 'district' }), { action: 'escalate', reason: 'x' }, ACTORS.townDispatcher, 'CASE_TOP_TIER'],
    ['dispatch with no routed or chosen assignee', aCase({ status: 'accepted', routedAssignee: null }), { action: 'dispatch' }, ACTORS.townDispatcher, 'CASE_ASSIGNEE_REQUIRED'],
    ['stale version', aCase(), { action: 'accept', version: 2 }, ACTORS.townDispatcher, 'CASE_STALE_VERSION'],
    ['current version', aCase(), { action: 'accept', version: 3 }, ACTORS.townDispatcher, 'ok'],
    ['department member of the assigned department', aCase({ status: 'dispatched', assignee: { departmentId: 'dep-1' } }), { action: 'start' }, { ...ACTORS.otherPostHolder, departmentIds: ['dep-1'] }, 'ok'],
    ['assigned staff member', aCase({ status: 'dispatched', assignee: { staffId: 'h-2' } }), { action: 'start' }, ACTORS.otherPostHolder, 'ok'],
    ['unassigned staff member', aCase({ status: 'dispatched', assignee: { staffId: 'h-9' } }), { action: 'start' }, ACTORS.otherPostHolder, 'CASE_FORBIDDEN'],
    ['verify by a grid worker who did not report', aCase({ status: 'handled' }), { action: 'verify' }, ACTORS.otherGridWorker, 'CASE_FORBIDDEN'],
    ['rate by a resident reporter', aCase({ status: 'closed', reporter: { accountId: 'res-1', kind: 'resident' } }), { action: 'rate', rating: { score: 4 } }, ACTORS.resident, 'ok'],
    ['rate by an anonymous report: nobody', aCase({ status: 'closed', reporter: { kind: 'resident' } }), { action: 'rate', rating: { score: 4 } }, ACTORS.resident, 'CASE_FORBIDDEN'],
    ['rate twice', aCase({ status: 'closed', satisfaction: { score: 5, label: '非常满意', comment: null, via: 'rate', by: 'gw-1', at: now } }), { action: 'rate', rating: { score: 4 } }, ACTORS.reportingGridWorker, 'CASE_ALREADY_RATED'],
    ['rate without a score', aCase({ status: 'closed' }), { action: 'rate' }, ACTORS.reportingGridWorker, 'CASE_RATING_INVALID'],
    ['rate 6', aCase({ status: 'closed' }), { action: 'rate', rating: { score: 6 } }, ACTORS.reportingGridWorker, 'CASE_RATING_INVALID'],
    ['rate 2.5', aCase({ status: 'closed' }), { action: 'rate', rating: { score: 2.5 } }, ACTORS.reportingGridWorker, 'CASE_RATING_INVALID'],
  ] as [string, CaseState, CaseCommand, Actor, string][])('%s → %s', (_name, c, cmd, a, expected) => {
    expect(code(c, cmd, a)).toBe(expected);
  });

  it('a refusal lists what the actor may do instead, in two languages', () => {
    const d = run(aCase(), { action: 'verify' }, ACTORS.townDispatcher);
    expect(d).toMatchObject({ ok: false, refusal: { code: 'CASE_INVALID_TRANSITION', allowed: ['accept', 'reject', 'escalate', 'accept_dispatch'] } });
    expect(d.ok ? '' : d.refusal.messageZh).toMatch(/当前状态/);
  });
});

describe('what each action does', () => {
  it('accept → accepted, version + 1, timeline entry with who, when, from, to', () => {
    const d = next(aCase(), { action: 'accept', note: ' 已核实 ' }, ACTORS.townDispatcher);
    expect(d.next).toMatchObject({ status: 'accepted', version: 4 });
    expect(d.entry).toEqual({ at: now, action: 'accept', actorId: 'disp-1', from: 'reported', to: 'accepted', reason: null, data: { note: '已核实' } });
  });

  it('dispatch defaults to the routed assignee and records no override', () => {
    const d = next(aCase({ status: 'accepted' }), { action: 'dispatch' }, ACTORS.townDispatcher);
    expect(d.next).toMatchObject({ status: 'dispatched', assignee: { postId: 'post-1' } });
    expect(d.entry.data).toEqual({ assignee: { postId: 'post-1' } });
  });

  it('dispatch to someone else records the override with its reason', () => {
    const d = next(aCase({ status: 'accepted' }), { action: 'dispatch', assignee: { departmentId: 'dep-1' }, reason: '需执法' }, ACTORS.townDispatcher);
    expect(d.next.assignee).toEqual({ departmentId: 'dep-1' });
    expect(d.entry.reason).toBe('需执法');
    expect(d.entry.data).toMatchObject({ override: { routed: { postId: 'post-1' }, chosen: { departmentId: 'dep-1' } } });
  });

  it.each([
    ['elsewhere than routed, no reason', aCase({ status: 'accepted' }), { departmentId: 'dep-1' }, undefined, 'CASE_REASON_REQUIRED'],
    ['elsewhere than routed, blank reason', aCase({ status: 'accepted' }), { departmentId: 'dep-1' }, '  ', 'CASE_REASON_REQUIRED'],
    ['the routed post named, no reason', aCase({ status: 'accepted' }), { postId: 'post-1' }, undefined, 'ok'],
    ['nothing routed: any choice, no reason', aCase({ status: 'accepted', routedAssignee: null }), { departmentId: 'dep-1' }, undefined, 'ok'],
  ] as const)('a reassignment needs its reason: %s → %s', (_name, c, assignee, reason, expected) => {
    expect(code(c, { action: 'dispatch', assignee, reason }, ACTORS.townDispatcher)).toBe(expected);
  });

  it('return sends the case back to the dispatcher without an assignee', () => {
    const d = next(aCase({ status: 'in_progress', assignee: { postId: 'post-1' } }), { action: 'return', reason: '不属本岗' }, ACTORS.postHolder);
    expect(d.next).toMatchObject({ status: 'accepted', assignee: null });
    expect(d.entry.reason).toBe('不属本岗');
  });

  it.each([
    ['reported stays reported for triage at the new tier', aCase(), undefined, 'reported', null],
    ['in progress waits for a new dispatch', aCase({ status: 'in_progress', assignee: { postId: 'post-1' } }), undefined, 'accepted', null],
    ['with an assignee goes straight to it (部门报到)', aCase({ status: 'accepted' }), { departmentId: 'dep-9' }, 'dispatched', { departmentId: 'dep-9' }],
  ] as const)('escalate: %s', (_name, c, assignee, status, expectedAssignee) => {
    const d = next(c, { action: 'escalate', reason: '难事协调办', assignee }, ACTORS.townDispatcher);
    expect(d.next).toMatchObject({ tier: 'town', status, assignee: expectedAssignee, routedAssignee: null, escalatedAt: now });
    expect(d.entry.data).toMatchObject({ fromTier: 'community', toTier: 'town', automatic: false });
  });

  it('the system escalates on breach and says so', () => {
    const d = next(aCase({ tier: 'town', status: 'in_progress', assignee: { postId: 'post-1' } }), { action: 'escalate', reason: '超时' }, SYSTEM_ACTOR);
    expect(d.next.tier).toBe('district');
    expect(d.entry.data).toMatchObject({ automatic: true });
  });

  it('suspension: request, approve, resume; status stays in_progress', () => {
    const until = new Date('2026-11-30T00:00:00Z');
    const c0 = aCase({ status: 'in_progress', assignee: { postId: 'post-1' } });
    const c1 = next(c0, { action: 'request_suspension', reason: '等待产权单位', until }, ACTORS.postHolder).next;
    expect(c1.suspension).toMatchObject({ state: 'requested', until, requestedBy: 'h-1' });
    expect(policies(c1, ACTORS.postHolder)).not.toContain('request_suspension');
    const c2 = next(c1, { action: 'approve_suspension' }, ACTORS.townDispatcher).next;
    expect(c2).toMatchObject({ status: 'in_progress', suspension: { state: 'active', approvedAt: now } });
    const c3 = next(c2, { action: 'resume' }, ACTORS.postHolder);
    expect(c3.next).toMatchObject({ status: 'in_progress', suspension: null });
    expect(c3.entry.data).toEqual({ endedSuspension: 'active' });
  });

  it('report_done while suspended ends the suspension', () => {
    const c = aCase({ status: 'in_progress', assignee: { postId: 'post-1' }, suspension: { state: 'active', reason: 'r', until: null, requestedBy: 'h-1', requestedAt: now, approvedAt: now } });
    expect(next(c, { action: 'report_done', photos: ['sha-1'] }, ACTORS.postHolder).next).toMatchObject({ status: 'handled', suspension: null });
  });

  it('resolve on the spot assigns the grid worker, remembers who handled it, and waits for verification', () => {
    const d = next(aCase(), { action: 'resolve_on_spot', photos: ['sha-2'] }, ACTORS.reportingGridWorker);
    expect(d.next).toMatchObject({ status: 'handled', assignee: { staffId: 'gw-1' }, handledBy: 'gw-1', resolvedOnSpot: true });
    expect(d.entry.data).toEqual({ photos: ['sha-2'] });
  });

  it('report_done remembers its handler; reopen forgets it', () => {
    const d = next(aCase({ status: 'in_progress', assignee: { postId: 'post-1' } }), { action: 'report_done' }, ACTORS.postHolder);
    expect(d.next).toMatchObject({ status: 'handled', handledBy: 'h-1', resolvedOnSpot: false });
    const reopened = next(d.next, { action: 'reopen', reason: '未清理干净' }, ACTORS.townDispatcher).next;
    expect(reopened).toMatchObject({ status: 'dispatched', assignee: { postId: 'post-1' }, handledBy: null, resolvedOnSpot: false });
  });

  it('verify closes; reopen sends it back to the same assignee', () => {
    const handled = aCase({ status: 'handled', assignee: { postId: 'post-1' }, handledBy: 'h-1' });
    expect(next(handled, { action: 'verify' }, ACTORS.reportingGridWorker).next.status).toBe('closed');
    expect(next(handled, { action: 'reopen', reason: '未清理干净' }, ACTORS.townDispatcher).next).toMatchObject({ status: 'dispatched', assignee: { postId: 'post-1' } });
  });

  it('accept_dispatch: accept then dispatch to the routed post, two entries, one version later', () => {
    const d = next(aCase(), { action: 'accept_dispatch', note: '请尽快' }, ACTORS.townDispatcher);
    expect(d.next).toMatchObject({ status: 'dispatched', assignee: { postId: 'post-1' }, version: 4 });
    expect(d.entries).toEqual([
      { at: now, action: 'accept', actorId: 'disp-1', from: 'reported', to: 'accepted', reason: null, data: null },
      { at: now, action: 'dispatch', actorId: 'disp-1', from: 'accepted', to: 'dispatched', reason: null, data: { note: '请尽快', assignee: { postId: 'post-1' } } },
    ]);
    expect(d.entry).toBe(d.entries[1]);
  });

  it.each([
    ['nothing routed', aCase({ routedAssignee: null }), {}, 'CASE_ASSIGNEE_REQUIRED'],
    ['elsewhere without a reason', aCase(), { assignee: { departmentId: 'dep-1' } }, 'CASE_REASON_REQUIRED'],
    ['elsewhere with a reason', aCase(), { assignee: { departmentId: 'dep-1' }, reason: '需执法' }, 'ok'],
    ['already accepted', aCase({ status: 'accepted' }), {}, 'CASE_INVALID_TRANSITION'],
    ['stale version', aCase(), { version: 2 }, 'CASE_STALE_VERSION'],
  ] as const)('accept_dispatch: %s → %s', (_name, c, extra, expected) => {
    expect(code(c, { action: 'accept_dispatch', ...extra }, ACTORS.townDispatcher)).toBe(expected);
  });
});

describe('nobody verifies their own work', () => {
  const onSpot = aCase({ status: 'handled', assignee: { staffId: 'gw-1' }, handledBy: 'gw-1', resolvedOnSpot: true });
  const byPost = aCase({ status: 'handled', assignee: { postId: 'post-1' }, handledBy: 'h-1' });
  // a dispatcher who was dispatched the case as a staff member and handled it
  const byDispatcher = aCase({ status: 'handled', assignee: { staffId: 'disp-1' }, handledBy: 'disp-1' });
  // reopened after an on-the-spot resolution, then handled again by the grid worker who reported it
  const redoneByReporter = aCase({ status: 'handled', assignee: { staffId: 'gw-1' }, handledBy: 'gw-1' });
  it.each([
    ['on the spot, by the grid worker who resolved it', onSpot, ACTORS.reportingGridWorker, 'CASE_SELF_VERIFICATION'],
    ['on the spot, by the community staff', onSpot, ACTORS.communityStaff, 'ok'],
    ['on the spot, by staff of another community', onSpot, ACTORS.otherCommunityStaff, 'CASE_FORBIDDEN'],
    ['on the spot, by the town dispatcher', onSpot, ACTORS.townDispatcher, 'ok'],
    ['on the spot, by another grid worker of the grid', onSpot, ACTORS.otherGridWorker, 'CASE_FORBIDDEN'],
    ['by the post holder who reported it done', byPost, ACTORS.postHolder, 'CASE_SELF_VERIFICATION'],
    ['by the reporting grid worker', byPost, ACTORS.reportingGridWorker, 'ok'],
    ['by the community staff, not on the spot', byPost, ACTORS.communityStaff, 'CASE_FORBIDDEN'],
    ['by the dispatcher who handled it', byDispatcher, ACTORS.townDispatcher, 'CASE_SELF_VERIFICATION'],
    ['by the reporting grid worker who handled it after a reopen', redoneByReporter, ACTORS.reportingGridWorker, 'CASE_SELF_VERIFICATION'],
    ['after a reopen, by the dispatcher', redoneByReporter, ACTORS.townDispatcher, 'ok'],
  ] as const)('verify %s → %s (reopen alike)', (_name, c, a, expected) => {
    expect(code(c, { action: 'verify' }, a)).toBe(expected);
    expect(code(c, { action: 'reopen', reason: '未处理好' }, a)).toBe(expected);
    expect(policies(c, a).includes('verify')).toBe(expected === 'ok');
  });

  it.each([
    ['on the spot', onSpot, ['communityStaff', 'townDispatcher']],
    ['by a post, reported by a grid worker', byPost, ['townDispatcher', 'reportingGridWorker']],
    ['by a post, reported by a resident', aCase({ status: 'handled', reporter: { kind: 'resident', accountId: 'res-1' }, handledBy: 'h-1' }), ['townDispatcher']],
    ['redone by the reporting grid worker', redoneByReporter, ['townDispatcher']],
  ] as const)('who verifies: %s', (_name, c, expected) => {
    expect(verifierKinds(c)).toEqual(expected);
  });
});

describe('ratings', () => {

  it.each([
    [5, '非常满意'], [4, '满意'], [3, '基本满意'], [2, '不满意'], [1, '非常不满意'],
  ] as const)('rate %i is kept as %s', (score, label) => {
    const d = next(aCase({ status: 'closed' }), { action: 'rate', rating: { score, comment: ' 很快 ' } }, ACTORS.reportingGridWorker);
    expect(d.next.satisfaction).toEqual({ score, label, comment: '很快', via: 'rate', by: 'gw-1', at: now });
    expect(d.next.status).toBe('closed');
  });

  it('a phone revisit may record the rating of a reporter without an account', () => {
    const c = aCase({ status: 'closed', reporter: { kind: 'resident' } });
    expect(next(c, { action: 'revisit', note: '电话回访' }, ACTORS.communityStaff).next.satisfaction).toBeNull();
    const d = next(c, { action: 'revisit', rating: { score: 3 } }, ACTORS.townDispatcher);
    expect(d.next.satisfaction).toMatchObject({ score: 3, label: '基本满意', via: 'revisit', by: 'disp-1' });
  });
});

describe('reject as a duplicate', () => {
  const original = { id: 'case-0', number: 'T-0001', townPath: '/c/d/t/', status: 'dispatched' } as const;
  it.each([
    ['another open case of the same town', { ...original }, 'ok'],
    ['a closed one', { ...original, status: 'closed' }, 'ok'],
    ['not found among the cases the actor sees', null, 'CASE_DUPLICATE_INVALID'],
    ['the case itself', { ...original, id: 'case-1' }, 'CASE_DUPLICATE_INVALID'],
    ['a case of another town', { ...original, townPath: '/c/d/t2/' }, 'CASE_DUPLICATE_INVALID'],
    ['a rejected case', { ...original, status: 'rejected' }, 'CASE_DUPLICATE_INVALID'],
  ] as [string, DuplicateOriginal | null, string][])('%s → %s', (_name, dup, expected) => {
    expect(code(aCase(), { action: 'reject', reason: '重复上报', duplicateOf: dup }, ACTORS.townDispatcher)).toBe(expected);
  });

  it('links the case to its original and names the original\'s number in the timeline', () => {
    const d = next(aCase(), { action: 'reject', reason: '重复上报', duplicateOf: original }, ACTORS.townDispatcher);
    expect(d.next).toMatchObject({ status: 'rejected', duplicateOf: 'case-0' });
    expect(d.entry.data).toEqual({ duplicateOf: { id: 'case-0', number: 'T-0001' } });
  });

  it('a plain reject links nothing; another action naming an original is refused; the rules come first', () => {
    expect(next(aCase(), { action: 'reject', reason: '不属于受理范围' }, ACTORS.townDispatcher).next.duplicateOf).toBeNull();
    expect(code(aCase(), { action: 'accept', duplicateOf: original }, ACTORS.townDispatcher)).toBe('CASE_DUPLICATE_INVALID');
    expect(code(aCase(), { action: 'reject', reason: 'x', duplicateOf: original }, ACTORS.postHolder)).toBe('CASE_FORBIDDEN');
    expect(code(aCase(), { action: 'reject', duplicateOf: original }, ACTORS.townDispatcher)).toBe('CASE_REASON_REQUIRED');
  });
});
