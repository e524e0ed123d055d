// The posts (岗位) an account holds, as A or B holder (AB岗), when an administrator sets them on the account. Only
// where the account goes is decided here; whether the post may then have those holders (each eligible, not left
// without one while cases are open) is the posts' own rule, checked by the one command that sets a post's holders.
import type { Holders } from '../org/posts.ts';

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

/** A post whose holders change, or (when kept) are checked again because the account's roles or scope may have changed. */
export interface PostHoldersChange {
  postId: string;
  before: Holders;
  after: Holders;
}

export type PostPlacesRefusal = { code: 'POST_FULL'; postId: string };

/**
 * The holders each post has once the account holds exactly the wanted posts: a new post's A place if it is free, else
 * its B place (a post with both places held by others is refused); a post no longer wanted loses the account from its
 * place. Posts the account keeps are listed unchanged, so their holders are checked again with the account as it is
 * now. `posts` holds every post the account holds now (as A or B) and every post wanted.
 */
export function planPostPlaces(accountId: string, posts: readonly PostPlaces[], wanted: readonly string[]):
  { changes: PostHoldersChange[] } | { refusal: PostPlacesRefusal } {
  const changes: PostHoldersChange[] = [];
  for (const p of posts) {
    const before: Holders = { a: p.a, b: p.b, backup: p.backup };
    const holds = p.a === accountId || p.b === accountId;
    if (!wanted.includes(p.id)) {
      if (holds) changes.push({ postId: p.id, before, after: { ...before, a: p.a === accountId ? null : p.a, b: p.b === accountId ? null : p.b } });
      continue;
    }
    if (holds) changes.push({ postId: p.id, before, after: before });
    else if (p.a === null) changes.push({ postId: p.id, before, after: { ...before, a: accountId } });
    else if (p.b === null) changes.push({ postId: p.id, before, after: { ...before, b: accountId } });
    else return { refusal: { code: 'POST_FULL', postId: p.id } };
  }
  return { changes };
}
