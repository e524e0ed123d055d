import type { Tx } from '../platform/db/db.ts';
import type { Assignee } from '../../domain/cases/case-state.ts';
import type { RouteTarget } from '../../domain/matters/routing.ts';
import { AppError } from '../platform/errors.ts';

/** Turns a routing target (catalog names) into the post, department or grid worker of this town. */
export async function resolveTarget(tx: Tx, target: RouteTarget, townId: string, gridId: string): Promise<Assignee | null> {
  if (target === null) return null;
  if ('postCode' in target) {
    const r = await tx.query<{ id: string }>('select id from posts where town_id = $1 and code = $2', [townId, target.postCode]);
    return r.rows[0] ? { postId: r.rows[0].id } : null;
  }
  if ('departmentName' in target) {
    const r = await tx.query<{ id: string }>(
      `select d.id from departments d join org_units t on t.parent_id = d.district_id where t.id = $1 and d.name = $2`,
      [townId, target.departmentName]);
    return r.rows[0] ? { departmentId: r.rows[0].id } : null;
  }
  if (target.tier === 'grid') {
    const r = await tx.query<{ account_id: string }>(
      `select account_id from grid_team_members where grid_id = $1 and account_id is not null
        order by case team_role when 'fullTime' then 0 when 'gridLeader' then 1 else 2 end, sort limit 1`, [gridId]);
    return r.rows[0] ? { staffId: r.rows[0].account_id } : null;
  }
  return null; // community tier: the community's staff triage and choose
}

/** Refuses an assignee that is not a post of the town, a department of its district, or an active staff account. */
export async function checkAssignee(tx: Tx, a: Assignee, townId: string): Promise<void> {
  const r = 'postId' in a
    ? await tx.query('select 1 from posts where id = $1 and town_id = $2', [a.postId, townId])
    : 'departmentId' in a
      ? await tx.query('select 1 from departments d join org_units t on t.parent_id = d.district_id where d.id = $1 and t.id = $2', [a.departmentId, townId])
      : await tx.query(`select 1 from accounts where id = $1 and kind = 'staff' and disabled_at is null`, [a.staffId]);
  if (r.rowCount === 0) {
    throw new AppError('ASSIGNEE_UNKNOWN', 'The chosen assignee is not a post, department or staff member this case can go to.',
      '所选派遣对象不存在或不属于本辖区。');
  }
}

export async function checkPhotos(tx: Tx, hashes: readonly string[]): Promise<void> {
  if (hashes.length === 0) return;
  const r = await tx.query<{ hash: string }>('select hash from files where hash = any($1)', [hashes]);
  const known = new Set(r.rows.map((x) => x.hash));
  const missing = hashes.filter((h) => !known.has(h));
  if (missing.length > 0) {
    throw new AppError('PHOTO_UNKNOWN', 'Upload the photos first (POST /api/files), then pass their hashes.', '请先上传照片，再提交照片编号。', { missing });
  }
}
