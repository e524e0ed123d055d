import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';
import type { TeamRole } from '../../shared/org-levels.ts';
import type { Role } from '../../shared/roles.ts';
import type { Sealed } from '../platform/pii-cipher.ts';
import type { Assignee } from '../cases/store.ts';

/** Serialises edits of one grid's team until the transaction ends. */
export async function lockGridTeam(tx: Tx, gridId: string): Promise<void> {
  await tx.query(`select pg_advisory_xact_lock(hashtext('grid_team:' || $1))`, [gridId]);
}

export interface TeamWrite {
  /** an existing member's id; absent for a new member */
  id?: string;
  teamRole: TeamRole;
  name: string;
  /** undefined keeps an existing member's phone; null clears it */
  phone: Sealed | null | undefined;
  accountId: string | null;
}

/** Makes the grid's team exactly these members, in this order: members left out are removed, listed ones updated or added. */
export async function replaceTeam(tx: Tx, gridId: string, members: readonly TeamWrite[]): Promise<void> {
  const kept = members.flatMap((m) => (m.id ? [m.id] : []));
  await tx.query('delete from grid_team_members where grid_id = $1 and not (id = any($2))', [gridId, kept]);
  for (const [sort, m] of members.entries()) {
    if (m.id) {
      await tx.query(
        `update grid_team_members set team_role = $3, name = $4, phone = case when $5 then $6 else phone end, account_id = $7, sort = $8
          where id = $1 and grid_id = $2`,
        [m.id, gridId, m.teamRole, m.name, m.phone !== undefined, m.phone ?? null, m.accountId, sort]);
    } else {
      await tx.query(
        'insert into grid_team_members (grid_id, team_role, name, phone, account_id, sort) values ($1, $2, $3, $4, $5, $6)',
        [gridId, m.teamRole, m.name, m.phone ?? null, m.accountId, sort]);
    }
  }
}

export interface HeldCaseRow {
  id: string;
  number: string;
  version: number;
  status: string;
  org_path: string;
  reporter_account_id: string | null;
  assignee: Assignee | null;
  routed_assignee: Assignee | null;
  department_ids: string[];
}

/** The grid's open cases assigned or routed to any of these accounts, oldest first; locked when `forUpdate`. */
export async function openCasesHeldBy(tx: Tx, gridId: string, accountIds: readonly string[], forUpdate = false): Promise<HeldCaseRow[]> {
  if (accountIds.length === 0) return [];
  const r = await tx.query<HeldCaseRow>(
    `select c.id, c.number, c.version, c.status, c.org_path, c.reporter_account_id, c.assignee, c.routed_assignee, c.department_ids
       from cases c
      where c.grid_id = $1 and c.status not in ('closed','rejected')
        and (c.assignee ->> 'staffId' = any($2) or c.routed_assignee ->> 'staffId' = any($2))
      order by c.created_at, c.id${forUpdate ? ' for update of c' : ''}`, [gridId, accountIds]);
  return r.rows;
}

/** For each account, how many of the grid's open cases are assigned or routed to it. */
export async function openCaseCounts(tx: Tx, gridId: string, accountIds: readonly string[]): Promise<Map<string, number>> {
  if (accountIds.length === 0) return new Map();
  const r = await tx.query<{ account_id: string; n: number }>(
    `select a.id as account_id, count(c.id)::int as n from unnest($2::text[]) as a(id)
       left join cases c on c.grid_id = $1 and c.status not in ('closed','rejected')
        and (c.assignee ->> 'staffId' = a.id or c.routed_assignee ->> 'staffId' = a.id)
      group by a.id`, [gridId, accountIds]);
  return new Map(r.rows.map((x) => [x.account_id, x.n]));
}

export interface TeamCandidateRow { id: string; name: string; kind: 'staff' | 'resident'; roles: Role[]; scope_path: string | null }

/** Active staff accounts of the grid's town whose scope unit holds the grid: who may be linked to a member. */
export async function listTeamCandidates(tx: Tx, grid: { path: string; townPath: string }): Promise<TeamCandidateRow[]> {
  const r = await tx.query<TeamCandidateRow>(
    `select a.id, a.name, a.kind, a.roles, s.path as scope_path from accounts a join org_units s on s.id = a.scope_org_unit_id
      where a.kind = 'staff' and a.disabled_at is null and s.path like $1 and starts_with($2, s.path)
      order by a.name, a.id limit 500`, [likePrefix(grid.townPath), grid.path]);
  return r.rows;
}
