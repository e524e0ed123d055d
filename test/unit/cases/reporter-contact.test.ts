import { describe, expect, it } from 'vitest';
import { reporterContactView, type ContactView } from '../../../src/domain/cases/reporter-contact.ts';
import { maskName, maskPhone } from '../../../src/domain/identity/personal-data.ts';
import type { Actor } from '../../../src/domain/cases/case-state.ts';
import { ACTORS, aCase, type ActorKind } from './fixtures.ts';

const department: Actor = { ...ACTORS.postHolder, accountId: 'dep-1', roles: ['department'], scopePath: null, postIds: [], departmentIds: ['dep-A'] };
const residentReport = (over: Parameters<typeof aCase>[0] = {}) => aCase({ reporter: { accountId: 'res-1', kind: 'resident' }, ...over });
const anonymous = (over: Parameters<typeof aCase>[0] = {}) => aCase({ reporter: { kind: 'resident' }, ...over });
const who = (k: ActorKind) => ACTORS[k];

// the expected answers come from the promise, one row each: who needs the contact for their work on this case
describe('reporterContactView: by the case, not by the role alone', () => {
  it.each<[string, ReturnType<typeof aCase>, Actor, ContactView]>([
    ['the town dispatcher, while it is reported', anonymous(), who('townDispatcher'), 'full'],
    ['the town dispatcher, after closing (回访)', anonymous({ status: 'closed' }), who('townDispatcher'), 'full'],
    ['the town dispatcher, a rejected case', anonymous({ status: 'rejected' }), who('townDispatcher'), 'full'],
    ['a dispatcher of another town', anonymous(), who('otherTownDispatcher'), 'masked'],
    ['a dispatcher scoped to a community only', anonymous(), who('communityDispatcher'), 'masked'],
    ['community staff triaging a community-tier case', anonymous({ tier: 'community' }), who('communityStaff'), 'full'],
    ['community staff triaging a grid-tier case', anonymous({ tier: 'grid' }), who('communityStaff'), 'full'],
    ['community staff, once the case went up to the town', anonymous({ tier: 'town' }), who('communityStaff'), 'masked'],
    ['community staff calling back after closing', anonymous({ status: 'closed', tier: 'town' }), who('communityStaff'), 'full'],
    ['community staff of another community', anonymous(), who('otherCommunityStaff'), 'masked'],
    ['the holder of the assigned post', anonymous({ status: 'dispatched', assignee: { postId: 'post-1' } }), who('postHolder'), 'full'],
    ['the holder of the assigned post, handling it', anonymous({ status: 'in_progress', assignee: { postId: 'post-1' } }), who('postHolder'), 'full'],
    ['the holder of the routed post before dispatch', anonymous({ status: 'accepted' }), who('postHolder'), 'masked'],
    ['the holder of the assigned post, after closing', anonymous({ status: 'closed', assignee: { postId: 'post-1' } }), who('postHolder'), 'masked'],
    ['the holder of another post', anonymous({ status: 'dispatched', assignee: { postId: 'post-1' } }), who('otherPostHolder'), 'masked'],
    ['a member of the assigned department', anonymous({ status: 'dispatched', assignee: { departmentId: 'dep-A' } }), department, 'full'],
    ['a member of a department it is not assigned to', anonymous({ status: 'dispatched', assignee: { departmentId: 'dep-B' } }), department, 'masked'],
    ['the assigned staff member', anonymous({ status: 'dispatched', assignee: { staffId: 'gw-2' } }), who('otherGridWorker'), 'full'],
    ['a grid worker of the grid, not assigned', anonymous({ status: 'dispatched', assignee: { staffId: 'gw-3' } }), who('otherGridWorker'), 'masked'],
    ['the grid worker who reported it', aCase(), who('reportingGridWorker'), 'own'],
    ['the grid worker who reported it, after closing', aCase({ status: 'closed' }), who('reportingGridWorker'), 'own'],
    ['the resident who reported it', residentReport({ status: 'closed' }), who('resident'), 'own'],
    ['another resident', residentReport(), { ...who('resident'), accountId: 'res-2' }, 'masked'],
    ['a leader of the town', anonymous(), who('leader'), 'masked'],
    ['an admin', anonymous(), who('admin'), 'masked'],
    ['the sweep', anonymous(), who('system'), 'masked'],
  ])('%s → %s', (_label, c, a, view) => {
    expect(reporterContactView(c, a)).toBe(view);
  });
});

describe('masks', () => {
  it.each([
    [maskName('张三'), '张*'],
    [maskName('张三丰'), '张**'],
    [maskName('欧阳娜娜'), '欧***'],
    [maskName('李'), '李*'],
    [maskName(' Li Lei '), 'L*****'],
    [maskName(''), ''],
    [maskPhone('13811111111'), '138****1111'],
  ])('%s', (masked, expected) => {
    expect(masked).toBe(expected);
  });
});
