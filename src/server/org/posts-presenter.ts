import type { Static } from '@sinclair/typebox';
import { administersTown, postPolicies, staffingOf, type PostAdministrator } from '../../domain/org/posts.ts';
import type { BoardRow, PostRow } from './posts-store.ts';
import type { TownRow } from './town-store.ts';
import type * as s from './posts-schemas.ts';

const ref = (id: string | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });

/** A post with its holders, how fully it is staffed (a post without holders is flagged `vacant`) and what the caller may do to it. */
export function presentPost(p: PostRow, caller: PostAdministrator): Static<typeof s.Post> {
  const retired = p.retired_at !== null;
  return {
    id: p.id, townId: p.town_id, boardId: p.board_id, boardCode: p.board_code, boardName: p.board_name,
    code: p.code, name: p.name, special: p.special, retired,
    holders: { a: ref(p.a_holder_id, p.a_holder_name), b: ref(p.b_holder_id, p.b_holder_name), backup: ref(p.backup_holder_id, p.backup_holder_name) },
    staffing: staffingOf({ a: p.a_holder_id, b: p.b_holder_id, backup: p.backup_holder_id }),
    openCases: p.open_cases,
    policies: postPolicies({ retired }, caller, p.town_path),
  };
}

export function presentPostList(
  town: TownRow, boards: BoardRow[], posts: PostRow[], candidates: { id: string; name: string }[], caller: PostAdministrator,
): Static<typeof s.PostList> {
  return {
    town: { id: town.id, code: town.code, name: town.name },
    boards: boards.map((b) => ({ id: b.id, code: b.code, name: b.name, kind: b.kind })),
    items: posts.map((p) => presentPost(p, caller)),
    candidates,
    policies: administersTown(caller, town.path) ? ['create'] : [],
  };
}
