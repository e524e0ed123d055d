import type { Tx } from '../platform/db/db.ts';
import type { Assignee } from '../../domain/cases/case-state.ts';
import type { StaffCandidate } from '../../domain/cases/assignee-eligibility.ts';
import type { TargetLookup } from '../../domain/matters/target-lookup.ts';
import type { Role } from '../../shared/roles.ts';

/**
 * The SQL expression (jsonb or null) that finds a routing target's post, department or grid worker in a town: one text
 * for every place that routes (intake inlines it in its statement). Its placeholders hold the town id, the grid id and
 * the three values of `lookupParams`.
 */
export function routedAssigneeSql(p: { town: string; grid: string; postCode: string; departmentName: string; gridWorkerRank: string }): string {
  return `coalesce(
    (select jsonb_build_object('postId', id) from posts where town_id = ${p.town}::text and code = ${p.postCode}::text and retired_at is null),
    (select jsonb_build_object('departmentId', d.id) from departments d join org_units t on t.parent_id = d.district_id
      where t.id = ${p.town}::text and d.name = ${p.departmentName}::text),
    (select jsonb_build_object('staffId', account_id) from grid_team_members
      where ${p.gridWorkerRank}::jsonb is not null and grid_id = ${p.grid}::text and account_id is not null
      order by (${p.gridWorkerRank}::jsonb ->> team_role)::int, sort limit 1))`;
}

/** The values for `routedAssigneeSql`'s post code, department name and grid worker rank placeholders. */
export function lookupParams(l: TargetLookup): [string | null, string | null, string | null] {
  return [l.postCode, l.departmentName, l.gridWorkerRank === null ? null : JSON.stringify(l.gridWorkerRank)];
}

const ROUTED = routedAssigneeSql({ town: '$1', grid: '$2', postCode: '$3', departmentName: '$4', gridWorkerRank: '$5' });

export async function findRoutedAssignee(tx: Tx, townId: string, gridId: string, lookup: TargetLookup): Promise<Assignee | null> {
  const r = await tx.query<{ a: Assignee | null }>(`select ${ROUTED} as a`, [townId, gridId, ...lookupParams(lookup)]);
  return r.rows[0]?.a ?? null;
}

/** The staff account as the eligibility rule reads it; null if there is no such account. */
export async function findStaffCandidate(tx: Tx, accountId: string): Promise<StaffCandidate | null> {
  const r = await tx.query<{ kind: 'staff' | 'resident'; roles: Role[]; disabled: boolean; scope_path: string | null; districts: string[] }>(
    `select a.kind, a.roles, a.disabled_at is not null as disabled, s.path as scope_path,
            array(select d.district_id from department_members m join departments d on d.id = m.department_id where m.account_id = a.id) as districts
       from accounts a left join org_units s on s.id = a.scope_org_unit_id where a.id = $1`, [accountId]);
  const row = r.rows[0];
  return row ? { kind: row.kind, roles: row.roles, disabled: row.disabled, scopePath: row.scope_path, departmentDistrictIds: row.districts } : null;
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
