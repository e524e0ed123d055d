import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';
import type { Holders } from '../../domain/org/posts.ts';

export interface PostRow {
  id: string;
  town_id: string;
  town_path: string;
  board_id: string;
  board_code: string;
  board_name: string;
  code: string;
  name: string;
  special: boolean;
  retired_at: Date | null;
  a_holder_id: string | null;
  a_holder_name: string | null;
  b_holder_id: string | null;
  b_holder_name: string | null;
  backup_holder_id: string | null;
  backup_holder_name: string | null;
  open_cases: number;
}

const OPEN = `c.status not in ('closed','rejected')`;

const POST_SELECT = `select p.id, p.town_id, t.path as town_path, p.board_id, b.code as board_code, b.name as board_name,
    p.code, p.name, p.special, p.retired_at,
    p.a_holder_id, ha.name as a_holder_name, p.b_holder_id, hb.name as b_holder_name, p.backup_holder_id, hk.name as backup_holder_name,
    (select count(*)::int from cases c where c.assignee ->> 'postId' = p.id and ${OPEN}) as open_cases
  from posts p join boards b on b.id = p.board_id join org_units t on t.id = p.town_id
  left join accounts ha on ha.id = p.a_holder_id left join accounts hb on hb.id = p.b_holder_id left join accounts hk on hk.id = p.backup_holder_id`;

export async function listTownPosts(tx: Tx, townId: string, includeRetired: boolean): Promise<PostRow[]> {
  const r = await tx.query<PostRow>(`${POST_SELECT} where p.town_id = $1 and ($2 or p.retired_at is null) order by b.sort, p.sort, p.code`,
    [townId, includeRetired]);
  return r.rows;
}

/** A post of a town inside the scope; locked for the rest of the transaction when `forUpdate`. */
export async function findPostInScope(tx: Tx, id: string, scopePath: string, forUpdate = false): Promise<PostRow | null> {
  if (forUpdate) {
    const locked = await tx.query(`select 1 from posts p join org_units t on t.id = p.town_id where p.id = $1 and t.path like $2 for update of p`,
      [id, likePrefix(scopePath)]);
    if (locked.rowCount === 0) return null;
  }
  const r = await tx.query<PostRow>(`${POST_SELECT} where p.id = $1 and t.path like $2`, [id, likePrefix(scopePath)]);
  return r.rows[0] ?? null;
}

export interface BoardRow { id: string; town_id: string; town_path: string; code: string; name: string; kind: 'commandCenter' | 'board' }

export async function listBoards(tx: Tx, townId: string): Promise<BoardRow[]> {
  const r = await tx.query<BoardRow>(
    `select b.id, b.town_id, t.path as town_path, b.code, b.name, b.kind from boards b join org_units t on t.id = b.town_id
      where b.town_id = $1 order by b.sort`, [townId]);
  return r.rows;
}

/** A board of a town inside the scope. */
export async function findBoardInScope(tx: Tx, id: string, scopePath: string): Promise<BoardRow | null> {
  const r = await tx.query<BoardRow>(
    `select b.id, b.town_id, t.path as town_path, b.code, b.name, b.kind from boards b join org_units t on t.id = b.town_id
      where b.id = $1 and t.path like $2`, [id, likePrefix(scopePath)]);
  return r.rows[0] ?? null;
}

export async function postCodeExists(tx: Tx, townId: string, code: string): Promise<boolean> {
  const r = await tx.query('select 1 from posts where town_id = $1 and code = $2', [townId, code]);
  return r.rowCount > 0;
}

/** Inserts a post at the end of its board. */
export async function insertPost(tx: Tx, p: { boardId: string; townId: string; code: string; name: string; special: boolean }): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `insert into posts (board_id, town_id, code, name, special, sort)
     values ($1, $2, $3, $4, $5, (select coalesce(max(sort), -1) + 1 from posts where board_id = $1)) returning id`,
    [p.boardId, p.townId, p.code, p.name, p.special]);
  return r.rows[0]!.id;
}

export interface PostChange { name?: string; boardId?: string; special?: boolean; retiredAt?: Date | null }

export async function updatePost(tx: Tx, id: string, c: PostChange): Promise<void> {
  await tx.query(
    `update posts set name = coalesce($2, name), special = coalesce($3, special),
        sort = case when $4::text is null or $4 = board_id then sort else (select coalesce(max(sort), -1) + 1 from posts where board_id = $4) end,
        board_id = coalesce($4, board_id),
        retired_at = case when $5 then $6::timestamptz else retired_at end
      where id = $1`,
    [id, c.name ?? null, c.special ?? null, c.boardId ?? null, c.retiredAt !== undefined, c.retiredAt ?? null]);
}

export async function setHolders(tx: Tx, id: string, h: Holders): Promise<void> {
  await tx.query('update posts set a_holder_id = $2, b_holder_id = $3, backup_holder_id = $4 where id = $1', [id, h.a, h.b, h.backup]);
}

/** Numbers of the open cases assigned to the post, oldest first. */
export async function openCaseNumbersOfPost(tx: Tx, postId: string): Promise<string[]> {
  const r = await tx.query<{ number: string }>(
    `select c.number from cases c where c.assignee ->> 'postId' = $1 and ${OPEN} order by c.created_at limit 200`, [postId]);
  return r.rows.map((x) => x.number);
}

/** Codes of the town's current Matters that route new cases to this post code. */
export async function mattersRoutingTo(tx: Tx, townId: string, postCode: string): Promise<string[]> {
  const r = await tx.query<{ code: string }>(
    'select code from matters where town_id = $1 and current and retired_at is null and post_code = $2 order by code', [townId, postCode]);
  return r.rows.map((x) => x.code);
}

/**
 * Active staff accounts that might hold the town's posts: scoped to the town or above it, or members of a department
 * of its district. The eligibility rule (`holderProblems`) has the last word.
 */
export async function listHolderCandidates(tx: Tx, townPath: string, districtIds: readonly string[]): Promise<{ id: string; name: string }[]> {
  const r = await tx.query<{ id: string; name: string }>(
    `select a.id, a.name from accounts a left join org_units s on s.id = a.scope_org_unit_id
      where a.kind = 'staff' and a.disabled_at is null
        and (starts_with($1, s.path) or exists (select 1 from department_members m join departments d on d.id = m.department_id
                                                 where m.account_id = a.id and d.district_id = any($2)))
      order by a.name, a.id limit 500`, [townPath, districtIds]);
  return r.rows;
}
