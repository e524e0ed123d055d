import { describe, expect, it } from 'vitest';
import { targetLookup, type TargetLookup } from '../../../src/domain/matters/target-lookup.ts';
import type { RouteTarget } from '../../../src/domain/matters/routing.ts';

const nobody: TargetLookup = { postCode: null, departmentName: null, gridWorkerRank: null };

describe('targetLookup: what the store looks up for a routing target', () => {
  it.each<[string, RouteTarget, TargetLookup]>([
    ['a town post by its code', { postCode: 'PA-ZHZF' }, { ...nobody, postCode: 'PA-ZHZF' }],
    ['a district department by its name', { departmentName: '区城市管理局' }, { ...nobody, departmentName: '区城市管理局' }],
    ['the grid\'s worker: full-time first, then the leader, then the others (equal, in team order)', { tier: 'grid' },
      { ...nobody, gridWorkerRank: { fullTime: 0, gridLeader: 1, partTime: 2, instructor: 2, volunteer: 2 } }],
    ['nobody for the community tier: its staff triage', { tier: 'community' }, nobody],
    ['nobody without a target: the dispatcher chooses', null, nobody],
  ])('%s', (_label, target, expected) => { expect(targetLookup(target)).toEqual(expected); });
});
