// Small checks of party members' commitments that need no database (kept apart so presenters and commands agree).
import { VOLUNTEER_LIMITS } from '../../shared/volunteers.ts';

/** A path lies in the scope or holds it. */
export const inOrHoldingScopeOf = (path: string, scope: string): boolean => path.startsWith(scope) || scope.startsWith(path);

/**
 * A 微阵地 may be named in a member's commitments when it serves the member's community: a post of their grid, their
 * community or a unit holding it, or of another grid of the same community.
 */
export const postServesMember = (postPath: string, memberPath: string, communityPath: string): boolean =>
  memberPath.startsWith(postPath) || postPath.startsWith(communityPath);

/** Commitments trimmed, blanks and repeats dropped; null when none is left or one is too long. */
export function cleanCommitments(items: readonly string[]): string[] | null {
  const out: string[] = [];
  for (const raw of items) {
    const t = raw.trim();
    if (t === '') continue;
    if ([...t].length > VOLUNTEER_LIMITS.commitment) return null;
    if (!out.includes(t)) out.push(t);
  }
  return out.length === 0 || out.length > VOLUNTEER_LIMITS.commitments ? null : out;
}
