import type { RouteTarget } from './routing.ts';

/**
 * What the store looks up in a town to resolve a routing target: a post by its code, a department of the district by
 * its name, or the grid's worker (`gridWorker`: who that is, the team rule `gridWorkerOf` answers, never the store).
 * Nothing for the community tier and for no target: nobody is routed, the community's staff triage.
 */
export interface TargetLookup {
  postCode: string | null;
  departmentName: string | null;
  gridWorker: boolean;
}

const NOBODY: TargetLookup = { postCode: null, departmentName: null, gridWorker: false };

export function targetLookup(target: RouteTarget): TargetLookup {
  if (target === null) return NOBODY;
  if ('postCode' in target) return { ...NOBODY, postCode: target.postCode };
  if ('departmentName' in target) return { ...NOBODY, departmentName: target.departmentName };
  return target.tier === 'grid' ? { ...NOBODY, gridWorker: true } : NOBODY;
}
