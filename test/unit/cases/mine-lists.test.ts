import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, type CaseStatus } from '../../../src/shared/cases.ts';
import { mineFilter, type MineFilter, type MineList } from '../../../src/domain/cases/mine-lists.ts';
import { policies } from '../../../src/domain/cases/lifecycle.ts';
import { ACTORS, aCase } from './fixtures.ts';

describe('mineFilter: what each of the caller\'s own lists holds', () => {
  it.each<[MineList, MineFilter]>([
    ['reported', { reportedByViewer: true }],
    ['assigned', { assignedToViewer: true }],
    ['verify', { statuses: ['handled'], notHandledByViewer: true }],
  ])('%s → %j', (list, expected) => { expect(mineFilter(list)).toEqual(expected); });

  it('lists for verification exactly the statuses in which the lifecycle lets a verifier verify', () => {
    const verifiable = (s: CaseStatus) => policies(aCase({ status: s }), ACTORS.townDispatcher).includes('verify');
    const listed = (mineFilter('verify') as { statuses: readonly CaseStatus[] }).statuses;
    expect(CASE_STATUSES.filter(verifiable)).toEqual([...listed]);
  });
});
