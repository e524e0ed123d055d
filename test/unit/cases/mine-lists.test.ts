import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, type CaseStatus } from '../../../src/shared/cases.ts';
import { mineFilter, type MineFilter, type MineList } from '../../../src/domain/cases/mine-lists.ts';
import { policies } from '../../../src/domain/cases/lifecycle.ts';
import { ACTORS, aCase } from './fixtures.ts';

const me = ACTORS.communityStaff;

describe('mineFilter: what each of the caller\'s own lists holds', () => {
  it.each<[MineList, MineFilter]>([
    ['reported', { reportedByViewer: true }],
    ['assigned', { assignedToViewer: true }],
    ['verify', { statuses: ['handled'], verifiableBy: me }],
  ])('%s → %j', (list, expected) => { expect(mineFilter(list, me)).toEqual(expected); });

  it('lists for verification exactly the statuses in which the lifecycle lets a verifier verify', () => {
    const verifiable = (s: CaseStatus) => policies(aCase({ status: s }), ACTORS.townDispatcher).includes('verify');
    const listed = (mineFilter('verify', me) as { statuses: readonly CaseStatus[] }).statuses;
    expect(CASE_STATUSES.filter(verifiable)).toEqual([...listed]);
  });
});
