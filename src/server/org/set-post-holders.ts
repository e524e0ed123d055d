import type { Db } from '../platform/db/db.ts';
import { notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { HOLDER_SLOTS, holderProblems, strandsOpenCases, type Holders } from '../../domain/org/posts.ts';
import * as store from './posts-store.ts';
import { findStaffCandidates } from './staff-candidates-store.ts';
import { holdersIneligible, lastHolderWithOpenCases, postRetired } from './admin-refusals.ts';
import type { OrgCommand } from './org-command.ts';

/**
 * Gives a post its A, B and back-up holders (any may be left empty). Each must be a staff member who handles the
 * town's cases; leaving the post with no holder while cases assigned to it are open is refused with those cases.
 * The post is locked, so two administrators cannot interleave. Audited in the same transaction.
 */
export async function setPostHolders(db: Db, c: OrgCommand, postId: string, holders: Holders): Promise<void> {
  await db.transaction(async (tx) => {
    const post = await store.findPostInScope(tx, postId, c.scopePath, true);
    if (!post) throw notFound('post');
    if (post.retired_at) throw postRetired();
    const ids = HOLDER_SLOTS.map((slot) => holders[slot]).filter((x): x is string => x !== null);
    const problems = holderProblems(holders, await findStaffCandidates(tx, ids), post.town_path);
    if (problems.length > 0) throw holdersIneligible(problems);
    if (strandsOpenCases(holders, post.open_cases)) throw lastHolderWithOpenCases(post.open_cases, await store.openCaseNumbersOfPost(tx, post.id));
    await store.setHolders(tx, post.id, holders);
    await appendAudit(tx, {
      at: c.now, ...c.actor, action: 'post.set_holders', targetType: 'post', targetId: post.id, success: true,
      detail: { code: post.code, before: { a: post.a_holder_id, b: post.b_holder_id, backup: post.backup_holder_id }, after: holders },
    });
  });
}
