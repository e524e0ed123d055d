// Steps shared by the commands that create and edit accounts: the scope unit and the posts must lie in the
// administrator's scope (404 otherwise, as if they did not exist); where the account goes on each post follows the
// domain's plan, and each post's holders then change through the posts' one command (`setPostHoldersIn`), so the
// posts' rules and their audit hold whichever page gives a post its holders.
import type { Tx } from '../platform/db/db.ts';
import { notFound } from '../platform/errors.ts';
import { planPostPlaces, type PostHoldersChange } from '../../domain/identity/post-places.ts';
import type { OrgCommand } from '../org/org-command.ts';
import { setPostHoldersIn } from '../org/set-post-holders.ts';
import { postPlaces, unitsInScope } from './accounts-store.ts';
import { auditActor, type AccountAdmin } from './account-admin.ts';
import { postRefusal } from './account-refusals.ts';

export async function requireScopeUnits(tx: Tx, unitIds: readonly string[], scopePath: string): Promise<void> {
  const found = await unitsInScope(tx, unitIds, scopePath);
  if (unitIds.some((id) => !found.has(id))) throw notFound('scope unit');
}

/** The security administrator's change of an account, as the posts' command sees who changes a post. */
export const postCommandOf = (admin: AccountAdmin, now: Date): OrgCommand => ({ scopePath: admin.scopePath, actor: auditActor(admin), now });

/**
 * Makes the account (saved already, with its roles and scope as they now are) hold exactly the wanted posts, or
 * (null) those it holds now, checking the posts it keeps too; returns the posts whose holders changed.
 */
export async function setPostPlaces(tx: Tx, c: OrgCommand, accountId: string, wantedIds: readonly string[] | null): Promise<PostHoldersChange[]> {
  const posts = await postPlaces(tx, accountId, wantedIds ?? [], c.scopePath);
  const wanted = wantedIds ?? posts.filter((p) => p.a === accountId || p.b === accountId).map((p) => p.id);
  if (wanted.some((id) => !posts.some((p) => p.id === id))) throw notFound('post');
  const plan = planPostPlaces(accountId, posts, [...new Set(wanted)]);
  if ('refusal' in plan) throw postRefusal(plan.refusal);
  for (const change of plan.changes) await setPostHoldersIn(tx, c, change.postId, change.after, { accountId });
  return plan.changes.filter((x) => x.before.a !== x.after.a || x.before.b !== x.after.b);
}
