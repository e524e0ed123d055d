// SQL of account administration: accounts, their scope units and post places, always inside an administrator's
// scope subtree (an account's scope unit, a resident's home unit). No rules here: they are in src/domain/identity.
import type { Tx } from '../platform/db/db.ts';
import type { Sealed } from '../platform/pii-cipher.ts';
import type { Role } from '../../shared/roles.ts';
import type { PostPlaces } from '../../domain/identity/post-places.ts';
import { OPEN_STATUSES } from '../../shared/cases.ts';
import { likePrefix } from '../platform/db/sql.ts';

export interface AdministeredAccountRow {
  id: string;
  username: string;
  name: string;
  kind: 'staff' | 'resident';
  roles: Role[];
  scope_org_unit_id: string | null;
  scope_name: string | null;
  phone: string | null;
  disabled_at: Date | null;
  must_change_password: boolean;
  /** sign-in failures within the throttle window */
  failures: number;
  posts: { id: string; name: string; holder: 'A' | 'B' }[];
}

const SELECT = `select a.id, a.username, a.name, a.kind, a.roles, a.scope_org_unit_id, scope.name as scope_name, a.phone,
    a.disabled_at, a.must_change_password,
    (select count(*)::int from login_failures f where f.username = a.username and f.at > $2) as failures,
    coalesce((select json_agg(json_build_object('id', p.id, 'name', p.name, 'holder', case when p.a_holder_id = a.id then 'A' else 'B' end)
      order by p.code) from posts p where p.a_holder_id = a.id or p.b_holder_id = a.id), '[]') as posts
  from accounts a
  join org_units s on s.id = coalesce(a.scope_org_unit_id, a.home_org_unit_id)
  left join org_units scope on scope.id = a.scope_org_unit_id
 where s.path like $1`;

/** The materialised path of a unit: the subtree an administrator scoped to it administers. */
export async function unitPath(tx: Tx, unitId: string | null): Promise<string | null> {
  if (!unitId) return null;
  const r = await tx.query<{ path: string }>('select path from org_units where id = $1', [unitId]);
  return r.rows[0]?.path ?? null;
}

export async function listAccounts(tx: Tx, scopePath: string, q: string | null, failuresSince: Date): Promise<AdministeredAccountRow[]> {
  const r = await tx.query<AdministeredAccountRow>(
    `${SELECT} and ($3::text is null or a.username like '%' || $3 || '%' or a.name like '%' || $3 || '%')
      order by a.username limit 500`,
    [likePrefix(scopePath), failuresSince, q],
  );
  return r.rows;
}

export async function findAccount(tx: Tx, id: string, scopePath: string, failuresSince: Date): Promise<AdministeredAccountRow | null> {
  const r = await tx.query<AdministeredAccountRow>(`${SELECT} and a.id = $3`, [likePrefix(scopePath), failuresSince, id]);
  return r.rows[0] ?? null;
}

/** The units of the subtree, by id, that exist: to check that every scope named lies inside. */
export async function unitsInScope(tx: Tx, ids: readonly string[], scopePath: string): Promise<Set<string>> {
  const r = await tx.query<{ id: string }>('select id from org_units where id = any($1::text[]) and path like $2', [ids, likePrefix(scopePath)]);
  return new Set(r.rows.map((x) => x.id));
}

/** The usernames among these that are taken. */
export async function takenUsernames(tx: Tx, usernames: readonly string[]): Promise<string[]> {
  const r = await tx.query<{ username: string }>('select username from accounts where username = any($1::text[])', [usernames]);
  return r.rows.map((x) => x.username);
}

const CREATE_LOCK = 7_141_020;

/** Serialises creates retried with one Idempotency-Key, on every node, until the transaction ends. */
export async function lockIdempotencyKey(tx: Tx, createdBy: string, key: string): Promise<void> {
  await tx.query('select pg_advisory_xact_lock($1, hashtext($2))', [CREATE_LOCK, `${createdBy}:${key}`]);
}

export async function findCreatedWithKey(tx: Tx, createdBy: string, key: string): Promise<{ id: string; one_time_password: string | null } | null> {
  const r = await tx.query<{ id: string; one_time_password: string | null }>(
    'select id, one_time_password from accounts where created_by = $1 and idempotency_key = $2', [createdBy, key]);
  return r.rows[0] ?? null;
}

export interface NewStaffAccount {
  username: string;
  name: string;
  roles: Role[];
  scopeOrgUnitId: string;
  phone: Sealed | null;
  passwordHash: string;
  createdBy: string;
  idempotencyKey: string | null;
  /** kept for a retried create only when it has an Idempotency-Key */
  oneTimePassword: Sealed | null;
  now: Date;
}

/** A staff account that must change its one-time password at its first sign-in. */
export async function insertStaffAccount(tx: Tx, a: NewStaffAccount): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `insert into accounts (username, name, kind, roles, scope_org_unit_id, phone, password_hash, must_change_password,
        created_by, idempotency_key, one_time_password, created_at, updated_at)
     values ($1, $2, 'staff', $3, $4, $5, $6, true, $7, $8, $9, $10, $10) returning id`,
    [a.username, a.name, a.roles, a.scopeOrgUnitId, a.phone, a.passwordHash, a.createdBy, a.idempotencyKey, a.oneTimePassword, a.now],
  );
  return r.rows[0]!.id;
}

export interface AccountChanges {
  name?: string;
  phone?: Sealed | null;
  roles?: Role[];
  scopeOrgUnitId?: string;
}

export async function updateAccount(tx: Tx, id: string, c: AccountChanges, now: Date): Promise<void> {
  await tx.query(
    `update accounts set name = coalesce($2, name), phone = case when $3 then $4 else phone end, roles = coalesce($5, roles),
        scope_org_unit_id = coalesce($6, scope_org_unit_id), updated_at = $7 where id = $1`,
    [id, c.name ?? null, c.phone !== undefined, c.phone ?? null, c.roles ?? null, c.scopeOrgUnitId ?? null, now],
  );
}

export async function setDisabled(tx: Tx, id: string, disabledAt: Date | null, now: Date): Promise<void> {
  await tx.query('update accounts set disabled_at = $2, updated_at = $3 where id = $1', [id, disabledAt, now]);
}

export async function revokeAllSessions(tx: Tx, accountId: string, now: Date): Promise<void> {
  await tx.query('update sessions set revoked_at = $2 where account_id = $1 and revoked_at is null', [accountId, now]);
}

/** A password given by an administrator: its holder must change it at the next sign-in. */
export async function setOneTimePassword(tx: Tx, id: string, passwordHash: string, now: Date): Promise<void> {
  await tx.query(
    'update accounts set password_hash = $2, must_change_password = true, one_time_password = null, updated_at = $3 where id = $1',
    [id, passwordHash, now],
  );
}

/**
 * The posts the account holds and the wanted ones, with their holders and open cases; only posts of towns inside the
 * scope (a wanted post outside it, or retired, is absent, like one that does not exist). Locked, so that two administrators giving
 * away the same free place one after the other see each other's choice.
 */
export async function postPlaces(tx: Tx, accountId: string | null, wanted: readonly string[], scopePath: string): Promise<PostPlaces[]> {
  const r = await tx.query<{ id: string; town_path: string; a: string | null; b: string | null; backup: string | null; open_cases: string[] }>(
    `select p.id, t.path as town_path, p.a_holder_id as a, p.b_holder_id as b, p.backup_holder_id as backup,
        array(select c.number from cases c where c.assignee ->> 'postId' = p.id
                and c.status = any($4::text[]) order by c.number limit 20) as open_cases
       from posts p join org_units t on t.id = p.town_id
      where ((p.id = any($2::text[]) and p.retired_at is null) or p.a_holder_id = $1 or p.b_holder_id = $1) and t.path like $3
      order by p.id for update of p`,
    [accountId, wanted, likePrefix(scopePath), OPEN_STATUSES],
  );
  return r.rows.map((x) => ({ id: x.id, townPath: x.town_path, a: x.a, b: x.b, backup: x.backup, openCases: x.open_cases }));
}

/** The units an administrator may give as a scope: the subtree's city to grid levels, with their parents to build the tree. */
export async function listScopeUnits(tx: Tx, scopePath: string): Promise<{ id: string; parent_id: string | null; name: string; level: string }[]> {
  const r = await tx.query<{ id: string; parent_id: string | null; name: string; level: string }>(
    `select id, parent_id, name, level from org_units where path like $1 and level <> 'microGrid' order by sort, code`,
    [likePrefix(scopePath)],
  );
  return r.rows;
}

export interface AssignablePostRow {
  id: string;
  code: string;
  name: string;
  town_name: string;
  board_name: string;
  a_name: string | null;
  b_name: string | null;
}

export async function listAssignablePosts(tx: Tx, scopePath: string): Promise<AssignablePostRow[]> {
  const r = await tx.query<AssignablePostRow>(
    `select p.id, p.code, p.name, t.name as town_name, b.name as board_name, ah.name as a_name, bh.name as b_name
       from posts p join boards b on b.id = p.board_id join org_units t on t.id = p.town_id
       left join accounts ah on ah.id = p.a_holder_id left join accounts bh on bh.id = p.b_holder_id
      where t.path like $1 and p.retired_at is null order by t.code, b.sort, p.sort`,
    [likePrefix(scopePath)],
  );
  return r.rows;
}

/** Units by code inside the scope, each with the town on its path (null for a unit above a town). */
export async function unitsByCodes(tx: Tx, codes: readonly string[], scopePath: string): Promise<{ id: string; code: string; town_id: string | null }[]> {
  const r = await tx.query<{ id: string; code: string; town_id: string | null }>(
    `select u.id, u.code, (select t.id from org_units t where t.level = 'town' and u.path like t.path || '%') as town_id
       from org_units u where u.code = any($1::text[]) and u.path like $2`,
    [codes, likePrefix(scopePath)],
  );
  return r.rows;
}

export async function postsOfTowns(tx: Tx, townIds: readonly string[]): Promise<{ id: string; town_id: string; code: string }[]> {
  const r = await tx.query<{ id: string; town_id: string; code: string }>(
    'select id, town_id, code from posts where town_id = any($1::text[]) and retired_at is null', [townIds]);
  return r.rows;
}
