import type { Tx } from '../platform/db/db.ts';
import type { Role } from '../../shared/roles.ts';
import type { Sealed } from '../platform/pii-cipher.ts';
import type { HeldPost } from '../platform/auth.ts';

export interface AccountRow {
  id: string;
  username: string;
  name: string;
  kind: 'staff' | 'resident';
  roles: Role[];
  scope_org_unit_id: string | null;
  scope_path: string | null;
  home_org_unit_id: string | null;
  password_hash: string;
  disabled_at: Date | null;
  /** signed in with a one-time password an administrator gave: only a password change is allowed until it is set */
  must_change_password: boolean;
}

const ACCOUNT_COLUMNS = `a.id, a.username, a.name, a.kind, a.roles, a.scope_org_unit_id, s.path as scope_path,
  a.home_org_unit_id, a.password_hash, a.disabled_at, a.must_change_password`;

export async function findAccountByUsername(tx: Tx, username: string): Promise<AccountRow | null> {
  const r = await tx.query<AccountRow>(
    `select ${ACCOUNT_COLUMNS} from accounts a left join org_units s on s.id = a.scope_org_unit_id where a.username = $1`,
    [username],
  );
  return r.rows[0] ?? null;
}

export interface SessionAccountRow extends AccountRow {
  expires_at: Date;
  posts: HeldPostRow[];
  grids: { grid_id: string; team_role: string }[];
  department_ids: string[];
}

/** The live session's account with everything a request needs to authorise, in one round trip. */
export async function findAccountBySession(tx: Tx, tokenHash: string, now: Date): Promise<SessionAccountRow | null> {
  const r = await tx.query<SessionAccountRow>(
    `select ${ACCOUNT_COLUMNS}, x.expires_at,
        coalesce((select json_agg(json_build_object('id', p.id, 'code', p.code, 'name', p.name, 'town_id', p.town_id,
                   'board_name', b.name, 'holder', case a.id when p.a_holder_id then 'A' when p.b_holder_id then 'B' else 'backup' end) order by b.sort, p.sort)
                   from posts p join boards b on b.id = p.board_id
                  where a.id in (p.a_holder_id, p.b_holder_id, p.backup_holder_id) and p.retired_at is null), '[]') as posts,
        coalesce((select json_agg(json_build_object('grid_id', g.grid_id, 'team_role', g.team_role) order by g.sort)
                   from grid_team_members g where g.account_id = a.id), '[]') as grids,
        array(select d.department_id from department_members d where d.account_id = a.id) as department_ids
       from sessions x
       join accounts a on a.id = x.account_id
       left join org_units s on s.id = a.scope_org_unit_id
      where x.token_hash = $1 and x.revoked_at is null and x.expires_at > $2 and a.disabled_at is null`,
    [tokenHash, now],
  );
  return r.rows[0] ?? null;
}

export type HeldPostRow = HeldPost;

export async function insertSession(
  tx: Tx,
  s: { tokenHash: string; accountId: string; expiresAt: Date; ip: string; userAgent: string | null },
): Promise<void> {
  await tx.query('insert into sessions (token_hash, account_id, expires_at, ip, user_agent) values ($1,$2,$3,$4,$5)', [
    s.tokenHash, s.accountId, s.expiresAt, s.ip, s.userAgent,
  ]);
}

export async function revokeSession(tx: Tx, tokenHash: string, now: Date): Promise<void> {
  await tx.query('update sessions set revoked_at = $2 where token_hash = $1 and revoked_at is null', [tokenHash, now]);
}

const THROTTLE_ACCOUNT_LOCK = 7_141_010;
const THROTTLE_ADDRESS_LOCK = 7_141_011;

/**
 * Serialises password-check reservations for one account name and for one address, on every node, until the
 * transaction ends. Always the name first, then the address, so two reservations never wait on each other in a cycle.
 */
export async function lockPasswordChecks(tx: Tx, username: string, ip: string): Promise<void> {
  await tx.query('select pg_advisory_xact_lock($1, hashtext($2))', [THROTTLE_ACCOUNT_LOCK, username]);
  await tx.query('select pg_advisory_xact_lock($1, hashtext($2))', [THROTTLE_ADDRESS_LOCK, ip]);
}

export async function recentLoginFailures(tx: Tx, username: string, ip: string, since: Date): Promise<{ account: Date[]; ip: Date[] }> {
  const r = await tx.query<{ by: 'account' | 'ip'; at: Date }>(
    `select 'account' as by, at from login_failures where username = $1 and at > $3
     union all
     select 'ip' as by, at from login_failures where ip = $2 and at > $3
     order by at`,
    [username, ip, since],
  );
  return {
    account: r.rows.filter((x) => x.by === 'account').map((x) => x.at),
    ip: r.rows.filter((x) => x.by === 'ip').map((x) => x.at),
  };
}

export async function recordLoginFailure(tx: Tx, username: string, ip: string, at: Date): Promise<void> {
  await tx.query('insert into login_failures (username, ip, at) values ($1,$2,$3)', [username, ip, at]);
}

export async function clearLoginFailures(tx: Tx, username: string): Promise<void> {
  await tx.query('delete from login_failures where username = $1', [username]);
}

/** Deletes a bounded batch of failures that no longer count, skipping rows another transaction is deleting. */
export async function pruneLoginFailures(tx: Tx, before: Date, batch = 100): Promise<void> {
  await tx.query(
    'delete from login_failures where id in (select id from login_failures where at <= $1 order by at limit $2 for update skip locked)',
    [before, batch],
  );
}

/** The holder's own password: a one-time password given before no longer holds, nor is it kept for a retried create. */
export async function setPasswordHash(tx: Tx, accountId: string, passwordHash: string, now: Date): Promise<void> {
  await tx.query(
    'update accounts set password_hash = $2, must_change_password = false, one_time_password = null, updated_at = $3 where id = $1',
    [accountId, passwordHash, now],
  );
}

export async function revokeOtherSessions(tx: Tx, accountId: string, keepTokenHash: string, now: Date): Promise<void> {
  await tx.query('update sessions set revoked_at = $3 where account_id = $1 and token_hash <> $2 and revoked_at is null',
    [accountId, keepTokenHash, now]);
}

/** The phone, personal data, is stored sealed only (PiiCipher.encrypt). */
export async function insertAccount(
  tx: Tx,
  a: { id?: string; username: string; name: string; kind: 'staff' | 'resident'; roles: Role[]; scopeOrgUnitId: string | null;
    homeOrgUnitId?: string | null; phone?: Sealed | null; passwordHash: string },
): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `insert into accounts (id, username, name, kind, roles, scope_org_unit_id, home_org_unit_id, phone, password_hash)
     values (coalesce($1, gen_random_uuid()::text), $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [a.id ?? null, a.username, a.name, a.kind, a.roles, a.scopeOrgUnitId, a.homeOrgUnitId ?? null, a.phone ?? null, a.passwordHash],
  );
  return r.rows[0]!.id;
}
