import type { Actor, CaseState } from '../../../src/domain/cases/case-state.ts';

export const TOWN = '/c/d/t/';
export const COMMUNITY = '/c/d/t/m/';
export const GRID = '/c/d/t/m/g/';
export const now = new Date('2026-11-23T02:00:00Z');

export function aCase(over: Partial<CaseState> = {}): CaseState {
  return {
    id: 'case-1', status: 'reported', version: 3, tier: 'community', townPath: TOWN, orgPath: GRID,
    assignee: null, routedAssignee: { postId: 'post-1' }, reporter: { accountId: 'gw-1', kind: 'gridWorker' },
    onSpot: true, suspension: null, satisfaction: null, escalatedAt: null, departmentsReached: [], handledBy: null, resolvedOnSpot: false, duplicateOf: null,
    ...over,
  };
}

const actor = (accountId: string, over: Partial<Actor>): Actor => ({
  accountId, roles: [], scopePath: null, postIds: [], departmentIds: [], gridIds: [], ...over,
});

/** One actor of each kind that matters to the rules. */
export const ACTORS = {
  townDispatcher: actor('disp-1', { roles: ['dispatcher'], scopePath: TOWN }),
  otherTownDispatcher: actor('disp-2', { roles: ['dispatcher'], scopePath: '/c/d/t2/' }),
  communityDispatcher: actor('disp-3', { roles: ['dispatcher'], scopePath: COMMUNITY }),
  communityStaff: actor('cs-1', { roles: ['communityStaff'], scopePath: COMMUNITY }),
  otherCommunityStaff: actor('cs-2', { roles: ['communityStaff'], scopePath: '/c/d/t/m2/' }),
  postHolder: actor('h-1', { roles: ['handler'], scopePath: TOWN, postIds: ['post-1'] }),
  otherPostHolder: actor('h-2', { roles: ['handler'], scopePath: TOWN, postIds: ['post-2'] }),
  reportingGridWorker: actor('gw-1', { roles: ['gridWorker'], scopePath: GRID, gridIds: ['g'] }),
  otherGridWorker: actor('gw-2', { roles: ['gridWorker'], scopePath: GRID, gridIds: ['g'] }),
  leader: actor('lead-1', { roles: ['leader'], scopePath: TOWN }),
  admin: actor('adm-1', { roles: ['admin'], scopePath: '/c/' }),
  resident: actor('res-1', { roles: ['resident'] }),
  system: actor('system', { system: true }),
} satisfies Record<string, Actor>;
export type ActorKind = keyof typeof ACTORS;
