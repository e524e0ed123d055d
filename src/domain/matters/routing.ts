import { TIERS, type Tier } from '../../shared/matters.ts';
import type { Assignee } from '../cases/case-state.ts';
import type { ClockLimits } from '../sla/clocks.ts';
import type { Matter } from './matter.ts';

/** Who should handle a case, by catalog names; the server resolves a post code or department name to an id. */
export type RouteTarget = { postCode: string } | { departmentName: string } | { tier: 'grid' | 'community' } | null;

/** The located grid and its ancestors, as the locator returns them. */
export interface GridChain {
  gridId: string;
  communityId: string;
  townId: string;
  districtId: string;
  /** Materialised path of the grid, e.g. /city/district/town/community/grid/ */
  orgPath: string;
  townPath: string;
}

export interface Route {
  matterCode: string;
  matterVersion: number;
  tier: Tier;
  target: RouteTarget;
  /** A department that works with the lead post (配合履职), if any. */
  cooperatingDepartment: string | null;
  clocks: ClockLimits;
  orgPath: string;
  townPath: string;
}

/** Town-wide defaults for clocks a Matter leaves open; a town may pass its own. */
export const DEFAULT_LIMITS: ClockLimits = {
  dispatch: { unit: 'min', amount: 30 },
  verify: { unit: 'h', amount: 24 },
};

export function routeCase(matter: Matter, chain: GridChain, defaults: ClockLimits = DEFAULT_LIMITS): Route {
  const target = targetAtTier(matter, matter.tier);
  return {
    matterCode: matter.code,
    matterVersion: matter.version,
    tier: matter.tier,
    target,
    cooperatingDepartment: cooperatingDepartment(matter, target),
    clocks: clockLimits(matter, defaults),
    orgPath: chain.orgPath,
    townPath: chain.townPath,
  };
}

/**
 * Who handles a Matter at a tier (the routed tier, or the one a case escalated to). A withdrawn matter
 * always goes to its department; a town matter to its post, else its department; a district one to its
 * department; grid and community tiers to their own teams. null: the dispatcher must choose.
 */
export function targetAtTier(matter: Matter, tier: Tier): RouteTarget {
  if (matter.list === 'withdrawn' && matter.department) return { departmentName: matter.department };
  switch (tier) {
    case 'grid':
    case 'community':
      return { tier };
    case 'town':
      if (matter.post) return { postCode: matter.post };
      return matter.department ? { departmentName: matter.department } : null;
    case 'district':
      return matter.department ? { departmentName: matter.department } : null;
    default: {
      const never: never = tier;
      throw new Error(`unknown tier ${String(never)}`);
    }
  }
}

function cooperatingDepartment(matter: Matter, target: RouteTarget): string | null {
  const departmentLeads = target !== null && 'departmentName' in target;
  return matter.list === 'cooperative' && matter.department && !departmentLeads ? matter.department : null;
}

export function nextTier(tier: Tier): Tier | null {
  return TIERS[TIERS.indexOf(tier) + 1] ?? null;
}

export function clockLimits(matter: Matter, defaults: ClockLimits = DEFAULT_LIMITS): ClockLimits {
  const s = matter.sla;
  const limits: ClockLimits = { ...defaults, accept: { unit: 'min', amount: s.acceptMin } };
  if (s.dispatchMin !== undefined) limits.dispatch = { unit: 'min', amount: s.dispatchMin };
  if (s.arriveMin !== undefined) limits.arrive = { unit: 'min', amount: s.arriveMin };
  if (s.handleH !== undefined) limits.handle = { unit: 'h', amount: s.handleH };
  else if (s.handleWd !== undefined) limits.handle = { unit: 'wd', amount: s.handleWd };
  if (s.verifyH !== undefined) limits.verify = { unit: 'h', amount: s.verifyH };
  else if (s.verifyWd !== undefined) limits.verify = { unit: 'wd', amount: s.verifyWd };
  return limits;
}

/** The override record of a dispatch, or null when the dispatcher kept the routed assignee. */
export function dispatchOverride(routed: Assignee | null, chosen: Assignee): { routed: Assignee | null; chosen: Assignee } | null {
  return routed !== null && sameAssignee(routed, chosen) ? null : { routed, chosen };
}

export function sameAssignee(a: Assignee, b: Assignee): boolean {
  if ('postId' in a) return 'postId' in b && a.postId === b.postId;
  if ('departmentId' in a) return 'departmentId' in b && a.departmentId === b.departmentId;
  return 'staffId' in b && a.staffId === b.staffId;
}

/**
 * Why routing proposes whom it proposes, as a code the reader's language renders with the catalog's names:
 * - `withdrawn`: a matter withdrawn from the town (收回事项) goes to its district department;
 * - `townPost` / `townDepartment`: a town-tier matter goes to its board post (板块岗位), else its department;
 * - `districtDepartment`: a district-tier matter (or a case escalated there) goes to its department;
 * - `gridTeam`: a grid-tier matter (琐事马上办) goes to the grid's own grid worker;
 * - `communityTriage`: a community-tier matter is triaged by the community's staff;
 * - `dispatcherChooses`: the catalog names nobody at this tier, the dispatcher picks.
 * `escalated`: the case's tier is above the matter's (it was escalated), so the target is the one at its tier.
 */
export type RouteReasonCode = 'withdrawn' | 'townPost' | 'townDepartment' | 'districtDepartment' | 'gridTeam' | 'communityTriage' | 'dispatcherChooses';

export interface RouteReason {
  code: RouteReasonCode;
  matter: string;
  tier: Tier;
  escalated: boolean;
}

export function routeReason(matter: Matter, tier: Tier = matter.tier): RouteReason {
  const target = targetAtTier(matter, tier);
  const reason = (code: RouteReasonCode): RouteReason => ({ code, matter: matter.name, tier, escalated: TIERS.indexOf(tier) > TIERS.indexOf(matter.tier) });
  if (target === null) return reason('dispatcherChooses');
  if ('tier' in target) return reason(target.tier === 'grid' ? 'gridTeam' : 'communityTriage');
  if ('postCode' in target) return reason('townPost');
  if (matter.list === 'withdrawn') return reason('withdrawn');
  return reason(tier === 'district' ? 'districtDepartment' : 'townDepartment');
}
