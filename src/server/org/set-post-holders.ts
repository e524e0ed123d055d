import type { Db, Tx } from '../platform/db/db.ts';
import { notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { HOLDER_SLOTS, holderProblems, strandsOpenCases, type Holders } from '../../domain/org/posts.ts';
import * as store from './posts-store.ts';
import { findStaffCandidates } from './staff-candidates-store.ts';
import { holdersIneligible, lastHolderWithOpenCases, postRetired } from './admin-refusals.ts';
import type { OrgCommand } from './org-command.ts';

/**
 * THE way a post's holders change, whichever page asks (the post's holders, PUT /api/posts/:id/holders, or an account's
 * posts, POST/PATCH /api/accounts): the post in the caller's scope, locked, not retired; each holder a staff member who
 * handles the town's cases; never left with no holder while cases assigned to it are open (refused with those cases).
 * Holders that change are written and audited (`post.set_holders`, with the account edit that caused it, if any) in
 * the caller's transaction; unchanged ones are checked all the same.
 */
export async function setPostHoldersIn(tx: Tx, c: OrgCommand, postId: string, holders: Holders, cause?: { accountId: string }): Promise<void> {
  const post = await store.findPostInScope(tx, postId, c.scopePath, true);
  if (!post) throw notFound('post');
  if (post.retired_at) throw postRetired();
  const ids = HOLDER_SLOTS.map((slot) => holders[slot]).filter((x): x is string => x !== null);
  const problems = holderProblems(holders, await findStaffCandidates(tx, ids), post.town_path);
  if (problems.length > 0) throw holdersIneligible(problems);
  if (strandsOpenCases(holders, post.open_cases)) throw lastHolderWithOpenCases(post.open_cases, await store.openCaseNumbersOfPost(tx, post.id));
  const before: Holders = { a: post.a_holder_id, b: post.b_holder_id, backup: post.backup_holder_id };
  if (HOLDER_SLOTS.every((slot) => before[slot] === holders[slot])) return;
  await store.setHolders(tx, post.id, holders);
  await appendAudit(tx, {
    at: c.now, ...c.actor, action: 'post.set_holders', targetType: 'post', targetId: post.id, success: true,
    detail: { code: post.code, before, after: holders, ...(cause ? { byAccountEdit: cause.accountId } : {}) },
  });
}

/** Gives a post its A, B and back-up holders (any may be left empty), in a transaction of its own. */
export async function setPostHolders(db: Db, c: OrgCommand, postId: string, holders: Holders): Promise<void> {
  await db.transaction((tx) => setPostHoldersIn(tx, c, postId, holders));
}
