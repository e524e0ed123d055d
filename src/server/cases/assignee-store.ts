import type { Tx } from '../platform/db/db.ts';
import type { Assignee } from '../../domain/cases/case-state.ts';
import type { TargetLookup } from '../../domain/matters/target-lookup.ts';
import type { TeamRole } from '../../shared/org-levels.ts';

/**
 * The SQL expression (jsonb or null) that finds a routing target's post, department or grid worker in a town: one text
 * for every place that routes (intake inlines it in its statement). Its placeholders hold the town id, the grid id and
 * the three values of `lookupParams`. The grid worker is the account the team rule chose (`gridWorkerFor`); the
 * expression only checks that the choice still holds (still on the grid's team, not disabled since).
 */
export function routedAssigneeSql(p: { town: string; grid: string; postCode: string; departmentName: string; gridWorker: string }): string {
  return `coalesce(
    (select jsonb_build_object('postId', id) from posts where town_id = ${p.town}::text and code = ${p.postCode}::text and retired_at is null),
    (select jsonb_build_object('departmentId', d.id) from departments d join org_units t on t.parent_id = d.district_id
      where t.id = ${p.town}::text and d.name = ${p.departmentName}::text),
    (select jsonb_build_object('staffId', m.account_id) from grid_team_members m join accounts a on a.id = m.account_id
      where m.grid_id = ${p.grid}::text and m.account_id = ${p.gridWorker}::text and a.disabled_at is null limit 1))`;
}

/** The values for `routedAssigneeSql`'s post code, department name and grid worker placeholders. */
export function lookupParams(l: TargetLookup, gridWorker: string | null): [string | null, string | null, string | null] {
  return [l.postCode, l.departmentName, l.gridWorker ? gridWorker : null];
}

const ROUTED = routedAssigneeSql({ town: '$1', grid: '$2', postCode: '$3', departmentName: '$4', gridWorker: '$5' });

export async function findRoutedAssignee(tx: Tx, townId: string, gridId: string, lookup: TargetLookup, gridWorker: string | null): Promise<Assignee | null> {
  const r = await tx.query<{ a: Assignee | null }>(`select ${ROUTED} as a`, [townId, gridId, ...lookupParams(lookup, gridWorker)]);
  return r.rows[0]?.a ?? null;
}

/** The grid's team in team order, as the grid worker rule reads it. */
export async function gridTeamAccounts(tx: Tx, gridId: string): Promise<{ teamRole: TeamRole; accountId: string | null }[]> {
  const r = await tx.query<{ team_role: TeamRole; account_id: string | null }>(
    'select team_role, account_id from grid_team_members where grid_id = $1 order by sort, name', [gridId]);
  return r.rows.map((m) => ({ teamRole: m.team_role, accountId: m.account_id }));
}

export async function gridPath(tx: Tx, gridId: string): Promise<string | null> {
  const r = await tx.query<{ path: string }>('select path from org_units where id = $1', [gridId]);
  return r.rows[0]?.path ?? null;
}

/**
 * Whether the post belongs to the town and is not retired, or the department to the town's district. The post stays
 * locked against changes until the transaction ends, so its holders cannot all leave while a case is sent to it.
 */
export async function servesTown(tx: Tx, a: { postId: string } | { departmentId: string }, townId: string): Promise<boolean> {
  const r = 'postId' in a
    ? await tx.query('select 1 from posts where id = $1 and town_id = $2 and retired_at is null for share', [a.postId, townId])
    : await tx.query('select 1 from departments d join org_units t on t.parent_id = d.district_id where d.id = $1 and t.id = $2', [a.departmentId, townId]);
  return r.rowCount > 0;
}
