// Posts (岗位) of a town's command center and four boards, with their A and B holders (AB岗) and a back-up who
// stands in when both are away. Plain rules, no I/O.
import { holdsAnyRole, ORG_EDITORS, type Role } from '../../shared/roles.ts';
import { staffIneligibility, type Ineligible, type StaffCandidate } from '../cases/assignee-eligibility.ts';
import { isWithinScope } from '../identity/scope.ts';

/** A post's code: the board's letters, a dash, the post's letters (ZH-LZDD, JJ-CSGX, TS-FNS). Matters route by it. */
export const POST_CODE_PATTERN = '^[A-Z]{2,4}-[A-Z0-9]{2,8}$';

export const HOLDER_SLOTS = ['a', 'b', 'backup'] as const;
export type HolderSlot = (typeof HOLDER_SLOTS)[number];
export type Holders = Record<HolderSlot, string | null>;

/** full: A and B held; partial: one of them; vacant: neither (a back-up alone does not staff a post). */
export type Staffing = 'full' | 'partial' | 'vacant';

export function staffingOf(h: Holders): Staffing {
  const held = [h.a, h.b].filter((x) => x !== null).length;
  return held === 2 ? 'full' : held === 1 ? 'partial' : 'vacant';
}

export type HolderProblemCode = 'same_person' | 'unknown' | Ineligible;
export interface HolderProblem { slot: HolderSlot; accountId: string; code: HolderProblemCode }

/**
 * Why the wanted holders cannot hold the post: one person in two places, an account that does not exist, or one
 * that may not handle the town's cases (`staffIneligibility` for the town: an active case handler whose territory
 * holds the town, or a member of a department of its district). A holder may be left out (null).
 */
export function holderProblems(h: Holders, candidates: ReadonlyMap<string, StaffCandidate>, townPath: string): HolderProblem[] {
  const problems: HolderProblem[] = [];
  const seen = new Set<string>();
  for (const slot of HOLDER_SLOTS) {
    const id = h[slot];
    if (id === null) continue;
    if (seen.has(id)) { problems.push({ slot, accountId: id, code: 'same_person' }); continue; }
    seen.add(id);
    const c = candidates.get(id);
    const why = c ? staffIneligibility(c, townPath) : 'unknown';
    if (why !== null) problems.push({ slot, accountId: id, code: why });
  }
  return problems;
}

/** The post's open cases would be left with nobody holding it: refused, so no case loses its handler. */
export function strandsOpenCases(after: Holders, openCases: number): boolean {
  return openCases > 0 && HOLDER_SLOTS.every((slot) => after[slot] === null);
}

export type PostAction = 'edit' | 'setHolders' | 'retire' | 'restore';
export interface PostAdministrator { roles: readonly Role[]; scopePath: string | null }

/** Administers the town's posts: an org editor (admin) whose scope holds the town (a town admin its town, a district admin its district). */
export function administersTown(a: PostAdministrator, townPath: string): boolean {
  return holdsAnyRole(a.roles, ORG_EDITORS) && isWithinScope(townPath, a.scopePath);
}

/** What the caller may do to a post now: the `policies` of the API. */
export function postPolicies(post: { retired: boolean }, a: PostAdministrator, townPath: string): PostAction[] {
  if (!administersTown(a, townPath)) return [];
  return post.retired ? ['restore'] : ['edit', 'setHolders', 'retire'];
}

/** Why a post cannot be retired: open cases are assigned to it, or current Matters route new cases to it. */
export function retireRefusal(openCases: readonly string[], routingMatters: readonly string[]): 'open_cases' | 'routing_matters' | null {
  if (openCases.length > 0) return 'open_cases';
  if (routingMatters.length > 0) return 'routing_matters';
  return null;
}
