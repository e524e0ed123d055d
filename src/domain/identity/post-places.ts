// The posts (岗位) an account holds, as A or B holder (AB岗), when an administrator sets them on the account.
import { staffIneligibility, type Ineligible, type StaffCandidate } from '../cases/assignee-eligibility.ts';
import { strandsOpenCases } from '../org/posts.ts';

export interface PostPlaces {
  id: string;
  /** the path of the post's town */
  townPath: string;
  a: string | null;
  b: string | null;
  /** the back-up holder, set with the post's holders (PUT /api/posts/:id/holders), never here */
  backup: string | null;
  /** numbers of the open cases assigned to the post */
  openCases: readonly string[];
}

export interface PlaceChange {
  postId: string;
  place: 'a' | 'b';
  holder: string | null;
}

export type PostPlacesRefusal =
  | { code: 'POST_FULL'; postId: string }
  | { code: 'POST_HOLDER_INELIGIBLE'; postId: string; why: Ineligible }
  | { code: 'POST_HAS_OPEN_CASES'; postId: string; cases: readonly string[] };

/**
 * The places to take and leave so that the account (as it will be: roles, scope) holds exactly the wanted posts: a
 * new post's A place if it is free, else its B place; a post with both places held by others is refused, and so is
 * one the account may not handle the town's cases of (`staffIneligibility`), also a post it keeps after a change of
 * roles or scope. Leaving a post that would then have no holder (nor back-up) while cases assigned to it are open is
 * refused with those cases (`strandsOpenCases`, the posts' own rule), so no case is left without a handler. `posts`
 * holds every post the account holds now (as A or B) and every post wanted.
 */
export function planPostPlaces(account: StaffCandidate & { id: string }, posts: readonly PostPlaces[], wanted: readonly string[]):
  { changes: PlaceChange[] } | { refusal: PostPlacesRefusal } {
  const changes: PlaceChange[] = [];
  for (const p of posts) {
    const holds = p.a === account.id || p.b === account.id;
    if (!wanted.includes(p.id)) {
      if (!holds) continue;
      const a = p.a === account.id ? null : p.a;
      const b = p.b === account.id ? null : p.b;
      if (strandsOpenCases({ a, b, backup: p.backup }, p.openCases.length)) return { refusal: { code: 'POST_HAS_OPEN_CASES', postId: p.id, cases: p.openCases } };
      if (p.a === account.id) changes.push({ postId: p.id, place: 'a', holder: null });
      if (p.b === account.id) changes.push({ postId: p.id, place: 'b', holder: null });
      continue;
    }
    const why = staffIneligibility(account, p.townPath);
    if (why !== null) return { refusal: { code: 'POST_HOLDER_INELIGIBLE', postId: p.id, why } };
    if (holds) continue;
    if (p.a === null) changes.push({ postId: p.id, place: 'a', holder: account.id });
    else if (p.b === null) changes.push({ postId: p.id, place: 'b', holder: account.id });
    else return { refusal: { code: 'POST_FULL', postId: p.id } };
  }
  return { changes };
}
