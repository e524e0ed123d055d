import type { Db } from '../platform/db/db.ts';
import { notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { retireRefusal } from '../../domain/org/posts.ts';
import * as store from './posts-store.ts';
import { boardUnknown, postRetired, retireRoutedByMatters, retireWithOpenCases } from './admin-refusals.ts';
import type { OrgCommand } from './org-command.ts';

export interface PostPatch { name?: string; boardId?: string; special?: boolean; retired?: boolean }

/**
 * Renames a post, moves it to another board of its town, marks it fixed or special, retires or restores it. A retired
 * post only comes back (restore); retiring is refused while cases assigned to it are open or current Matters route to
 * it. Its code never changes: Matters route by it. Audited in the same transaction; a patch that changes nothing writes nothing.
 */
export async function updatePost(db: Db, c: OrgCommand, postId: string, patch: PostPatch): Promise<void> {
  await db.transaction(async (tx) => {
    const post = await store.findPostInScope(tx, postId, c.scopePath, true);
    if (!post) throw notFound('post');
    if (post.retired_at && (patch.retired !== false || patch.name !== undefined || patch.boardId !== undefined || patch.special !== undefined)) {
      throw postRetired();
    }
    const change: store.PostChange = {};
    const changes: Record<string, [unknown, unknown]> = {};
    const name = patch.name?.trim();
    if (name !== undefined && name !== post.name) { change.name = name; changes.name = [post.name, name]; }
    if (patch.special !== undefined && patch.special !== post.special) { change.special = patch.special; changes.special = [post.special, patch.special]; }
    if (patch.boardId !== undefined && patch.boardId !== post.board_id) {
      const board = await store.findBoardInScope(tx, patch.boardId, c.scopePath);
      if (!board || board.town_id !== post.town_id) throw boardUnknown();
      change.boardId = board.id;
      changes.board = [post.board_code, board.code];
    }
    if (patch.retired === true && !post.retired_at) {
      const open = post.open_cases > 0 ? await store.openCaseNumbersOfPost(tx, post.id) : [];
      const matters = await store.mattersRoutingTo(tx, post.town_id, post.code);
      const why = retireRefusal(open, matters);
      if (why === 'open_cases') throw retireWithOpenCases(post.open_cases, open);
      if (why === 'routing_matters') throw retireRoutedByMatters(matters);
      change.retiredAt = c.now;
      changes.retired = [false, true];
    } else if (patch.retired === false && post.retired_at) {
      change.retiredAt = null;
      changes.retired = [true, false];
    }
    if (Object.keys(changes).length === 0) return;
    await store.updatePost(tx, post.id, change);
    await appendAudit(tx, {
      at: c.now, ...c.actor, action: 'post.update', targetType: 'post', targetId: post.id, success: true, detail: { code: post.code, changes },
    });
  });
}
