import type { TeamRole } from '../../shared/org-levels.ts';
import { GRID_WORKER_RANK } from '../org/team.ts';
import type { RouteTarget } from './routing.ts';

/**
 * What the store looks up in a town to resolve a routing target: a post by its code, a department of the district by
 * its name, or the grid's team members with an account, the lowest rank first, then in team order. All null for the
 * community tier and for no target: nobody is routed, the community's staff triage.
 */
export interface TargetLookup {
  postCode: string | null;
  departmentName: string | null;
  gridWorkerRank: Readonly<Record<TeamRole, number>> | null;
}

const NOBODY: TargetLookup = { postCode: null, departmentName: null, gridWorkerRank: null };

export function targetLookup(target: RouteTarget): TargetLookup {
  if (target === null) return NOBODY;
  if ('postCode' in target) return { ...NOBODY, postCode: target.postCode };
  if ('departmentName' in target) return { ...NOBODY, departmentName: target.departmentName };
  return target.tier === 'grid' ? { ...NOBODY, gridWorkerRank: GRID_WORKER_RANK } : NOBODY;
}
