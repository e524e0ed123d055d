import type { FastifyRequest } from 'fastify';
import { requirePrincipal, type Principal } from '../platform/auth.ts';
import { notFound } from '../platform/errors.ts';
import { holdsAnyRole } from '../../shared/roles.ts';
import { REGISTRY_CARERS, REGISTRY_READERS } from '../../shared/registry.ts';
import { inReach, reachSql, teamGridsOnly } from '../registry/reach.ts';
import { CAMPAIGN_PUSHERS, TASK_ASSIGNERS, TASK_DOERS, TASK_OVERSEERS } from '../../shared/tasks.ts';

/**
 * Which tasks and visits a caller reaches: those whose grid lies in its territory (org_path under its scope path); a
 * grid worker (with no other role of the list) only those of its team's grids — or its whole territory when it is on
 * no team yet (its scope is then its grid), as the registry's reach. Outside: 404, like a record that does not exist.
 */
export interface TaskReach {
  accountId: string;
  name: string;
  scopePath: string;
  /** null: every grid under scopePath; else only these grids */
  gridIds: string[] | null;
  /** does tasks and visits (grid workers, community staff) */
  doer: boolean;
  assigner: boolean;
  pusher: boolean;
  registryReader: boolean;
  /** sees the sensitive tags */
  carer: boolean;
}

export function taskReachOf(p: Principal): TaskReach {
  if (!p.scopePath) throw notFound('task');
  return {
    accountId: p.accountId, name: p.name, scopePath: p.scopePath,
    gridIds: teamGridsOnly(p, TASK_OVERSEERS),
    doer: holdsAnyRole(p.roles, TASK_DOERS),
    assigner: holdsAnyRole(p.roles, TASK_ASSIGNERS),
    pusher: holdsAnyRole(p.roles, CAMPAIGN_PUSHERS),
    registryReader: holdsAnyRole(p.roles, REGISTRY_READERS),
    carer: holdsAnyRole(p.roles, REGISTRY_CARERS),
  };
}

export const reachOfRequest = (req: FastifyRequest) => taskReachOf(requirePrincipal(req));

/** The reach as a condition on `<alias>.org_path` and `<alias>.grid_id`, its parameters pushed onto `params` (as the registry's). */
export const taskReachSql: (r: TaskReach, alias: string, params: unknown[]) => string = reachSql;

export const inTaskReach: (r: TaskReach, row: { grid_id: string; org_path: string }) => boolean = inReach;

/** Whether the caller does the work of this grid (its tasks without an assignee, visits to its people). */
export const doerOfGrid = (r: TaskReach, row: { grid_id: string; org_path: string }) => r.doer && inTaskReach(r, row);
