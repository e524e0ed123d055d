import { describe, expect, it } from 'vitest';
import { targetLookup, type TargetLookup } from '../../../src/domain/matters/target-lookup.ts';
import type { RouteTarget } from '../../../src/domain/matters/routing.ts';

const nobody: TargetLookup = { postCode: null, departmentName: null, gridWorker: false };

describe('targetLookup: what the store looks up for a routing target', () => {
  it.each<[string, RouteTarget, TargetLookup]>([
    ['a town post by its code', { postCode: 'PA-ZHZF' }, { ...nobody, postCode: 'PA-ZHZF' }],
    ['a district department by its name', { departmentName: '区城市管理局' }, { ...nobody, departmentName: '区城市管理局' }],
    ['the grid\'s worker (who, the team rule gridWorkerOf says)', { tier: 'grid' }, { ...nobody, gridWorker: true }],
    ['nobody for the community tier: its staff triage', { tier: 'community' }, nobody],
    ['nobody without a target: the dispatcher chooses', null, nobody],
  ])('%s', (_label, target, expected) => { expect(targetLookup(target)).toEqual(expected); });
});
