import type { Tx } from '../platform/db/db.ts';
import type { Role } from '../../shared/roles.ts';
import type { StaffCandidate } from '../../domain/cases/assignee-eligibility.ts';

/**
 * Accounts as the eligibility rules read them, by id: kind, roles, whether disabled, the path of the scope unit, and
 * the districts of the departments the account belongs to; ids that name no account are absent. The one loader of
 * these columns: post holders, team members, people on duty, a case's named assignee and the grid worker of routing.
 */
export async function findStaffCandidates(tx: Tx, ids: readonly string[]): Promise<Map<string, StaffCandidate>> {
  if (ids.length === 0) return new Map();
  const r = await tx.query<{ id: string; kind: 'staff' | 'resident'; roles: Role[]; disabled: boolean; scope_path: string | null; districts: string[] }>(
    `select a.id, a.kind, a.roles, a.disabled_at is not null as disabled, s.path as scope_path,
            array(select d.district_id from department_members m join departments d on d.id = m.department_id where m.account_id = a.id) as districts
       from accounts a left join org_units s on s.id = a.scope_org_unit_id where a.id = any($1)`, [[...new Set(ids)]]);
  return new Map(r.rows.map((row) => [row.id, {
    kind: row.kind, roles: row.roles, disabled: row.disabled, scopePath: row.scope_path, departmentDistrictIds: row.districts,
  }]));
}

/** Display names of accounts, by id. */
export async function accountNames(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const r = await tx.query<{ id: string; name: string }>('select id, name from accounts where id = any($1)', [[...new Set(ids)]]);
  return new Map(r.rows.map((row) => [row.id, row.name]));
}
