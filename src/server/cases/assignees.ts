import type { Tx } from '../platform/db/db.ts';
import type { Assignee } from '../../domain/cases/case-state.ts';
import type { RouteTarget } from '../../domain/matters/routing.ts';
import { AppError } from '../platform/errors.ts';
import type { Role } from '../../shared/roles.ts';
import { staffIneligibility, type StaffCandidate } from '../../domain/cases/assignee-eligibility.ts';

/**
 * The SQL expression (jsonb or null) that turns a routing target, given as catalog names, into the post, department or
 * grid worker of a town: one text for every place that routes (intake inlines it in its statement). Its placeholders
 * hold the town id, the grid id, the post code, the department name, and whether the target is the grid tier.
 */
export function routedAssigneeSql(p: { town: string; grid: string; postCode: string; departmentName: string; gridTier: string }): string {
  return `coalesce(
    (select jsonb_build_object('postId', id) from posts where town_id = ${p.town}::text and code = ${p.postCode}::text),
    (select jsonb_build_object('departmentId', d.id) from departments d join org_units t on t.parent_id = d.district_id
      where t.id = ${p.town}::text and d.name = ${p.departmentName}::text),
    (select jsonb_build_object('staffId', account_id) from grid_team_members
      where ${p.gridTier}::boolean and grid_id = ${p.grid}::text and account_id is not null
      order by case team_role when 'fullTime' then 0 when 'gridLeader' then 1 else 2 end, sort limit 1))`;
}

/** The values for `routedAssigneeSql`'s post code, department name and grid-tier placeholders. */
export function targetParams(target: RouteTarget): [string | null, string | null, boolean] {
  return [
    target && 'postCode' in target ? target.postCode : null,
    target && 'departmentName' in target ? target.departmentName : null,
    target !== null && 'tier' in target && target.tier === 'grid',
  ];
}

const RESOLVE = routedAssigneeSql({ town: '$1', grid: '$2', postCode: '$3', departmentName: '$4', gridTier: '$5' });

/** Turns a routing target into the post, department or grid worker of this town; null for the community tier (its staff triage). */
export async function resolveTarget(tx: Tx, target: RouteTarget, townId: string, gridId: string): Promise<Assignee | null> {
  if (target === null) return null;
  const r = await tx.query<{ a: Assignee | null }>(`select ${RESOLVE} as a`, [townId, gridId, ...targetParams(target)]);
  return r.rows[0]?.a ?? null;
}

const assigneeRefused = (reason: string) => new AppError('ASSIGNEE_UNKNOWN',
  'The chosen assignee is not a post, department or staff member that handles cases here.', '所选派遣对象不存在，或不负责本辖区的案件。', { reason });

/** The staff account as the eligibility rule reads it; null if there is no such account. */
async function findStaffCandidate(tx: Tx, accountId: string): Promise<StaffCandidate | null> {
  const r = await tx.query<{ kind: 'staff' | 'resident'; roles: Role[]; disabled: boolean; scope_path: string | null; districts: string[] }>(
    `select a.kind, a.roles, a.disabled_at is not null as disabled, s.path as scope_path,
            array(select d.district_id from department_members m join departments d on d.id = m.department_id where m.account_id = a.id) as districts
       from accounts a left join org_units s on s.id = a.scope_org_unit_id where a.id = $1`, [accountId]);
  const row = r.rows[0];
  return row ? { kind: row.kind, roles: row.roles, disabled: row.disabled, scopePath: row.scope_path, departmentDistrictIds: row.districts } : null;
}

/**
 * Refuses an assignee that may not handle cases of this grid: a post of another town, a department of another district,
 * or a staff member who is not an active case handler of this jurisdiction (admins, leaders and auditors never are).
 */
export async function checkAssignee(tx: Tx, a: Assignee, c: { townId: string; orgPath: string }): Promise<void> {
  if ('staffId' in a) {
    const candidate = await findStaffCandidate(tx, a.staffId);
    const why = candidate ? staffIneligibility(candidate, c.orgPath) : 'unknown';
    if (why !== null) throw assigneeRefused(why);
    return;
  }
  const r = 'postId' in a
    ? await tx.query('select 1 from posts where id = $1 and town_id = $2', [a.postId, c.townId])
    : await tx.query('select 1 from departments d join org_units t on t.parent_id = d.district_id where d.id = $1 and t.id = $2', [a.departmentId, c.townId]);
  if (r.rowCount === 0) throw assigneeRefused('unknown');
}

export const photosUnknown = (missing: readonly string[]) =>
  new AppError('PHOTO_UNKNOWN', 'Upload the photos first (POST /api/files), then pass their hashes.', '请先上传照片，再提交照片编号。', { missing });

export async function checkPhotos(tx: Tx, hashes: readonly string[]): Promise<void> {
  if (hashes.length === 0) return;
  const r = await tx.query<{ hash: string }>('select hash from files where hash = any($1)', [hashes]);
  const known = new Set(r.rows.map((x) => x.hash));
  const missing = hashes.filter((h) => !known.has(h));
  if (missing.length > 0) throw photosUnknown(missing);
}
