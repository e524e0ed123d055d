import type { Tx } from '../platform/db/db.ts';
import type { Role } from '../../shared/roles.ts';
import type { TeamRole } from '../../shared/org-levels.ts';
import type { Absence, TeamMemberInput } from '../../domain/tasks/assignment.ts';

/* A grid's team as the assignment of ad hoc and campaign tasks reads it (the same inputs as the daily generation). */

export async function gridTeamMembers(tx: Tx, gridId: string): Promise<TeamMemberInput[]> {
  const r = await tx.query<{ account_id: string | null; name: string; team_role: TeamRole; roles: Role[] | null; active: boolean }>(
    `select m.account_id, coalesce(a.name, m.name) as name, m.team_role, a.roles, (a.id is not null and a.disabled_at is null) as active
       from grid_team_members m left join accounts a on a.id = m.account_id where m.grid_id = $1 order by m.sort, m.name`, [gridId]);
  return r.rows.map((m) => ({ accountId: m.account_id, name: m.name, teamRole: m.team_role, roles: m.roles ?? [], active: m.active }));
}

export async function absencesOn(tx: Tx, accountIds: readonly string[], day: string): Promise<Absence[]> {
  if (accountIds.length === 0) return [];
  const r = await tx.query<{ account_id: string; from_on: string; to_on: string }>(
    `select account_id, from_on::text as from_on, to_on::text as to_on from staff_absences
      where account_id = any($1::text[]) and from_on <= $2::date and to_on >= $2::date`, [accountIds, day]);
  return r.rows.map((a) => ({ accountId: a.account_id, from: a.from_on, to: a.to_on }));
}

/** Open tasks per account in the grid: the load the assignment evens out. */
export async function openLoads(tx: Tx, gridId: string): Promise<Map<string, number>> {
  const r = await tx.query<{ assignee_id: string; n: number }>(
    `select assignee_id, count(*)::int as n from tasks where grid_id = $1 and status = 'open' and assignee_id is not null group by assignee_id`, [gridId]);
  return new Map(r.rows.map((x) => [x.assignee_id, x.n]));
}

export interface GridUnit { id: string; path: string; name: string; town_id: string; lng: number | null; lat: number | null }

/** A grid (or dedicated grid) that is not retired, with its town. */
export async function findGrid(tx: Tx, id: string): Promise<GridUnit | null> {
  const r = await tx.query<GridUnit>(
    `select g.id, g.path, g.name, t.id as town_id, null::double precision as lng, null::double precision as lat from org_units g
       join org_units t on t.level = 'town' and g.path like t.path || '%'
      where g.id = $1 and g.level in ('grid', 'dedicatedGrid') and g.retired_at is null`, [id]);
  return r.rows[0] ?? null;
}
