import type { Tx } from '../platform/db/db.ts';
import type { Role } from '../../shared/roles.ts';

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
}

const ACCOUNT_COLUMNS = `a.id, a.username, a.name, a.kind, a.roles, a.scope_org_unit_id, s.path as scope_path,
  a.home_org_unit_id, a.password_hash, a.disabled_at`;

export async function findAccountByUsername(tx: Tx, username: string): Promise<AccountRow | null> {
  const r = await tx.query<AccountRow>(
    `select ${ACCOUNT_COLUMNS} from accounts a left join org_units s on s.id = a.scope_org_unit_id where a.username = $1`,
    [username],
  );
  return r.rows[0] ?? null;
}

export async function findAccountBySession(tx: Tx, tokenHash: string, now: Date): Promise<(AccountRow & { expires_at: Date }) | null> {
  const r = await tx.query<AccountRow & { expires_at: Date }>(
    `select ${ACCOUNT_COLUMNS}, x.expires_at from sessions x
       join accounts a on a.id = x.account_id
       left join org_units s on s.id = a.scope_org_unit_id
      where x.token_hash = $1 and x.revoked_at is null and x.expires_at > $2 and a.disabled_at is null`,
    [tokenHash, now],
  );
  return r.rows[0] ?? null;
}

export interface HeldPostRow {
  id: string;
  code: string;
  name: string;
  town_id: string;
  board_name: string;
  holder: 'A' | 'B';
}

export async function listHeldPosts(tx: Tx, accountId: string): Promise<HeldPostRow[]> {
  const r = await tx.query<HeldPostRow>(
    `select p.id, p.code, p.name, p.town_id, b.name as board_name,
            case when p.a_holder_id = $1 then 'A' else 'B' end as holder
       from posts p join boards b on b.id = p.board_id
      where p.a_holder_id = $1 or p.b_holder_id = $1
      order by b.sort, p.sort`,
    [accountId],
  );
  return r.rows;
}

export async function listGridMemberships(tx: Tx, accountId: string): Promise<{ grid_id: string; team_role: string }[]> {
  const r = await tx.query<{ grid_id: string; team_role: string }>(
    'select grid_id, team_role from grid_team_members where account_id = $1 order by sort',
    [accountId],
  );
  return r.rows;
}

export async function listDepartmentIds(tx: Tx, accountId: string): Promise<string[]> {
  const r = await tx.query<{ department_id: string }>('select department_id from department_members where account_id = $1', [accountId]);
  return r.rows.map((x) => x.department_id);
}

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

export async function insertAccount(
  tx: Tx,
  a: { id?: string; username: string; name: string; kind: 'staff' | 'resident'; roles: Role[]; scopeOrgUnitId: string | null;
    homeOrgUnitId?: string | null; phone?: string | null; passwordHash: string },
): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `insert into accounts (id, username, name, kind, roles, scope_org_unit_id, home_org_unit_id, phone, password_hash)
     values (coalesce($1, gen_random_uuid()::text), $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [a.id ?? null, a.username, a.name, a.kind, a.roles, a.scopeOrgUnitId, a.homeOrgUnitId ?? null, a.phone ?? null, a.passwordHash],
  );
  return r.rows[0]!.id;
}
