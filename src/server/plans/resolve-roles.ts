import type { Tx } from '../platform/db/db.ts';
import { AppError } from '../platform/errors.ts';
import type { Assignee } from '../cases/store.ts';
import type { PlanRole } from '../../shared/plans.ts';

/** A plan role as filled when its first step was opened: the post's A/B holders, else the plan's back-ups. */
export interface ResolvedRole {
  key: string;
  name: string;
  postId: string | null;
  holderIds: string[];
  /** where its steps' work orders go: the post (its holders see it in their lists), or the first back-up's account */
  assignee: Assignee;
}

export const roleUnstaffed = (role: Pick<PlanRole, 'key' | 'name'>) =>
  new AppError('PLAN_ROLE_UNSTAFFED', `Nobody holds the role ${role.key} (${role.name}): its post has no holder and no back-up is an active staff account of the town.`,
    `角色「${role.name}」无人承担：对应岗位没有 A/B 岗人员，也没有可用的后备人员。`, { roleKey: role.key, roleName: role.name });

/**
 * Fills each role from the town's posts (A and B holders, in that order) or, when the post has nobody (or the role names
 * no post), from its back-ups that are active staff accounts whose scope lies inside the town. A role nobody can take
 * throws 422 PLAN_ROLE_UNSTAFFED naming it; the caller's transaction then writes nothing.
 */
export async function resolveRoles(tx: Tx, town: { id: string; path: string }, roles: readonly PlanRole[]): Promise<ResolvedRole[]> {
  if (roles.length === 0) return [];
  const codes = roles.flatMap((r) => (r.postCode ? [r.postCode] : []));
  const backups = roles.flatMap((r) => r.backupAccountIds);
  const posts = await tx.query<{ id: string; code: string; a_holder_id: string | null; b_holder_id: string | null }>(
    `select p.id, p.code, a.id as a_holder_id, b.id as b_holder_id from posts p
       left join accounts a on a.id = p.a_holder_id and a.disabled_at is null
       left join accounts b on b.id = p.b_holder_id and b.disabled_at is null
      where p.town_id = $1 and p.code = any($2::text[]) and p.retired_at is null`, [town.id, codes]);
  const byCode = new Map(posts.rows.map((p) => [p.code, p]));
  const staff = await tx.query<{ id: string }>(
    `select a.id from accounts a join org_units s on s.id = a.scope_org_unit_id
      where a.id = any($1::text[]) and a.kind = 'staff' and a.disabled_at is null and s.path like $2`, [backups, `${town.path}%`]);
  const usable = new Set(staff.rows.map((a) => a.id));
  return roles.map((r) => {
    const post = r.postCode ? byCode.get(r.postCode) : undefined;
    const holders = post ? [post.a_holder_id, post.b_holder_id].filter((x): x is string => x !== null) : [];
    if (post && holders.length > 0) return { key: r.key, name: r.name, postId: post.id, holderIds: holders, assignee: { postId: post.id } };
    const ups = r.backupAccountIds.filter((id) => usable.has(id));
    if (ups.length === 0) throw roleUnstaffed(r);
    return { key: r.key, name: r.name, postId: post?.id ?? null, holderIds: ups, assignee: { staffId: ups[0]! } };
  });
}
