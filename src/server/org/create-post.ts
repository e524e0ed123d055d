import type { Db } from '../platform/db/db.ts';
import { appendAudit } from '../audit/audit-log.ts';
import * as store from './posts-store.ts';
import { boardUnknown, postCodeTaken } from './admin-refusals.ts';
import type { OrgCommand } from './org-command.ts';

export interface NewPost { boardId: string; code: string; name: string; special: boolean }

/** Adds a post, without holders yet, at the end of a board of a town the admin administers. Audited in the same transaction. */
export async function createPost(db: Db, c: OrgCommand, input: NewPost): Promise<string> {
  try {
    return await db.transaction(async (tx) => {
      const board = await store.findBoardInScope(tx, input.boardId, c.scopePath);
      if (!board) throw boardUnknown();
      if (await store.postCodeExists(tx, board.town_id, input.code)) throw postCodeTaken(input.code);
      const post = { boardId: board.id, townId: board.town_id, code: input.code, name: input.name.trim(), special: input.special };
      const id = await store.insertPost(tx, post);
      await appendAudit(tx, {
        at: c.now, ...c.actor, action: 'post.create', targetType: 'post', targetId: id, success: true,
        detail: { townId: board.town_id, board: board.code, code: post.code, name: post.name, special: post.special },
      });
      return id;
    });
  } catch (err) {
    // two creates of one code at once: the unique index lets one through
    if ((err as { code?: string }).code === '23505') throw postCodeTaken(input.code);
    throw err;
  }
}
